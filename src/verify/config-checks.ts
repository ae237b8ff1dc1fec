/**
 * Checks on the image's configuration and filesystem (nothing is run inside
 * the image): platform truthfulness, entrypoint, user, /airbyte, secrets,
 * labels. Each returns one CheckResult for one platform, with a fix.
 */
import { posix } from 'node:path';
import type { DiffEntry } from '../docker/container.js';
import type { ImageConfig } from '../docker/image.js';
import { canWrite, describeChain, parseGroup, parsePasswd, resolveExecutable, type ImageFs, type PasswdEntry } from './imagefs.js';
import { fail, pass, skip, type CheckResult } from './report.js';
import type { TarEntry } from '../oci/tar.js';
import { shellWords, splitShell } from '../shared/shell-words.js';

/**
 * AIRBYTE_ENTRYPOINT is run through a shell by the platform: its words are
 * the shell's (one splitter for lint and verify). verify.ts reads it from here.
 */
export { shellWords };

const execForm = (tokens: readonly string[]) => `ENTRYPOINT [${tokens.map((t) => JSON.stringify(t)).join(', ')}]`;

export function checkEntrypointEnv(platform: string, c: ImageConfig): CheckResult {
  const env = c.env.AIRBYTE_ENTRYPOINT;
  const ep = c.entrypoint;
  if (env === undefined || env.trim() === '') {
    return fail(
      'entrypoint-env',
      platform,
      'AIRBYTE_ENTRYPOINT is not set',
      ep.length > 0 ? `add ENV AIRBYTE_ENTRYPOINT="${ep.join(' ')}" (the same tokens as ENTRYPOINT)` : 'set ENTRYPOINT (exec form) and ENV AIRBYTE_ENTRYPOINT to the same command',
    );
  }
  const split = splitShell(env.trim());
  const tokens = split.tokens.filter((t) => t.kind === 'word').map((t) => t.value);
  const op = split.tokens.find((t) => t.kind === 'op');
  if (op) {
    // The shell runs `a; b` as two commands: no exec-form ENTRYPOINT equals that.
    return fail(
      'entrypoint-env',
      platform,
      `AIRBYTE_ENTRYPOINT ("${env}") is more than one command: the shell reads ${JSON.stringify(op.value)} as an operator`,
      ep.length > 0 ? `make it the one command of ENTRYPOINT: ENV AIRBYTE_ENTRYPOINT="${ep.join(' ')}"` : 'put the command in a script and set ENTRYPOINT and AIRBYTE_ENTRYPOINT to it',
    );
  }
  if (ep.length === 0) {
    return fail('entrypoint-env', platform, `AIRBYTE_ENTRYPOINT is "${env}" but the image has no ENTRYPOINT`, `add ${execForm(tokens)}`);
  }
  const same = tokens.length === ep.length && tokens.every((t, i) => t === ep[i]);
  if (!same) {
    return fail(
      'entrypoint-env',
      platform,
      `AIRBYTE_ENTRYPOINT ("${env}") differs from ENTRYPOINT (${JSON.stringify(ep)})`,
      `make them the same command: ENV AIRBYTE_ENTRYPOINT="${ep.join(' ')}" or ${execForm(tokens)}`,
    );
  }
  return pass('entrypoint-env', platform, `AIRBYTE_ENTRYPOINT = ENTRYPOINT = ${JSON.stringify(ep)}`);
}

/** A token with a "/" that does not start with "/" depends on the working directory. */
function relativeTokens(tokens: readonly string[]): string[] {
  return tokens.filter((t) => t.includes('/') && !t.startsWith('/') && !/^[a-z][a-z0-9+.-]*:\/\//i.test(t) && !t.startsWith('-'));
}

export function checkEntrypointAbsolute(platform: string, c: ImageConfig, workdir: string): CheckResult {
  const envTokens = shellWords(c.env.AIRBYTE_ENTRYPOINT ?? '');
  const bad = [...new Set([...relativeTokens(c.entrypoint), ...relativeTokens(envTokens)])];
  // A bare script name ("main.py") after an interpreter is relative too.
  const scriptLike = (tokens: readonly string[]) => tokens.slice(1).filter((t) => !t.includes('/') && /\.(py|sh|jar|js|rb)$/.test(t));
  bad.push(...[...new Set([...scriptLike(c.entrypoint), ...scriptLike(envTokens)])].filter((t) => !bad.includes(t)));
  if (c.entrypoint.length === 0 && envTokens.length === 0) return skip('entrypoint-absolute', platform, 'no ENTRYPOINT or AIRBYTE_ENTRYPOINT to check');
  if (bad.length > 0) {
    const abs = (t: string) => posix.join(c.workdir || '/', t);
    return fail(
      'entrypoint-absolute',
      platform,
      `the entrypoint uses relative path${bad.length > 1 ? 's' : ''} ${bad.map((b) => `"${b}"`).join(', ')}: the platform runs it with -w ${workdir}, not the image WORKDIR`,
      `use absolute paths in ENTRYPOINT and AIRBYTE_ENTRYPOINT, e.g. ${bad.map((b) => `"${abs(b)}"`).join(', ')}`,
    );
  }
  return pass('entrypoint-absolute', platform, 'every path in the entrypoint is absolute');
}

export async function checkPlatform(platform: string, c: ImageConfig, fs: ImageFs): Promise<CheckResult> {
  const first = c.entrypoint[0] ?? shellWords(c.env.AIRBYTE_ENTRYPOINT ?? '')[0];
  if (!first) return fail('platform', platform, 'no ENTRYPOINT: cannot tell which binary runs', 'set ENTRYPOINT (exec form) to the connector command');
  const pathEnv = c.env.PATH ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
  const r = await resolveExecutable(fs, first, pathEnv, c.workdir);
  const want = platform.split('/')[1] ?? platform;
  if (!r.ok) {
    return fail('platform', platform, `cannot resolve the entrypoint "${first}": ${r.reason}`, 'make the entrypoint name an executable that exists in the image', r.chain.length ? [describeChain(r.chain)] : undefined);
  }
  const mismatch = (binary: string, arch: string, chain: string) =>
    fail(
      'platform',
      platform,
      `labelled ${platform} but ${binary} is an ${arch} executable`,
      `build the ${platform} image from a base (and binaries) for ${want}: use FROM --platform=$TARGETPLATFORM and download ${want} artifacts (or drop ${platform} from --platform)`,
      [chain],
    );
  if (r.arch !== want) return mismatch(r.binary, r.arch, describeChain(r.chain));
  // A launcher script ends at the shell; the program it execs (typically
  // `exec java ...` in gradle-style launchers) is what really runs.
  const execd: string[] = [];
  for (const cmd of await launchedCommands(fs, r.chain[0]?.path, r.binary)) {
    const x = await resolveExecutable(fs, cmd, pathEnv, c.workdir);
    if (!x.ok) continue;
    if (x.arch !== want) return mismatch(x.binary, x.arch, `${describeChain(r.chain)}; it execs ${describeChain(x.chain)}`);
    execd.push(`${describeChain(x.chain)} is ${x.arch}`);
  }
  return pass('platform', platform, [`${describeChain(r.chain)} is ${r.arch}`, ...execd].join('; it execs '));
}

const SHELLS = new Set(['sh', 'dash', 'bash', 'ash', 'busybox', 'zsh', 'ksh']);

/** Commands a shell launcher script execs: literal `exec CMD`, and java when the script runs java through a variable. */
export function execTargets(script: string): string[] {
  const found = new Set<string>();
  for (const m of script.matchAll(/(?:^|[;&|]\s*|\s)exec\s+([A-Za-z0-9_./-]+)/gm)) {
    const word = m[1] ?? '';
    if (word && !word.startsWith('-') && !/^\d/.test(word)) found.add(word);
  }
  if (/\bjava\b/.test(script) && ![...found].some((w) => w.endsWith('java'))) found.add('java');
  return [...found].slice(0, 3);
}

async function launchedCommands(fs: ImageFs, entry: string | undefined, binary: string): Promise<string[]> {
  if (!entry || !SHELLS.has(posix.basename(binary))) return [];
  const e = await fs.stat(entry, 4096);
  const text = e?.type === 'file' && e.content ? e.content.toString('utf8') : '';
  return text.startsWith('#!') ? execTargets(text) : [];
}

interface UserFacts {
  passwd: PasswdEntry[];
  /** primary and supplementary gids (reads /etc/group on first use) */
  gids: (name: string, gid: number) => Promise<number[]>;
}

export async function readUsers(fs: ImageFs): Promise<UserFacts | undefined> {
  const p = await fs.read('/etc/passwd', 4 * 1024 * 1024);
  const text = p.entries[0]?.content?.toString('utf8');
  if (!p.exists || text === undefined) return undefined;
  // /etc/group is only needed when a directory is writable through its group.
  let groups: Promise<ReturnType<typeof parseGroup>> | undefined;
  const loadGroups = () => (groups ??= fs.read('/etc/group', 4 * 1024 * 1024).then((g) => parseGroup(g.entries[0]?.content?.toString('utf8') ?? '')));
  return {
    passwd: parsePasswd(text),
    gids: async (name, gid) => [gid, ...(await loadGroups()).filter((x) => x.members.includes(name)).map((x) => x.gid)],
  };
}

const USER_FIX_HOME = 'create the user with a home it owns: `useradd --create-home --home-dir /home/airbyte --uid 1000 airbyte` (`adduser --system` sets HOME to /nonexistent)';

export async function checkUser(platform: string, c: ImageConfig, fs: ImageFs, users: UserFacts | undefined): Promise<CheckResult> {
  const spec = c.user.trim();
  if (spec === '' || spec === 'root' || spec === '0' || spec.startsWith('0:') || spec.startsWith('root:')) {
    return fail('user', platform, `the image runs as root (USER is ${spec === '' ? 'not set' : `"${spec}"`})`, 'add `USER airbyte` at the end of the Dockerfile (after creating the user and chowning /airbyte)');
  }
  if (!users) return fail('user', platform, `USER is "${spec}" but the image has no /etc/passwd`, 'create the airbyte user in the image (useradd) so its uid and HOME resolve');
  const name = spec.split(':')[0] ?? spec;
  const entry = /^\d+$/.test(name) ? users.passwd.find((u) => u.uid === Number(name)) : users.passwd.find((u) => u.name === name);
  if (!entry) return fail('user', platform, `USER "${name}" is not in /etc/passwd`, 'create it: `useradd --create-home --uid 1000 airbyte`');
  if (entry.name !== 'airbyte') return fail('user', platform, `the image runs as "${entry.name}" (uid ${entry.uid}), not "airbyte"`, 'run as the airbyte user: `USER airbyte`');
  if (entry.uid === 0) return fail('user', platform, 'the airbyte user has uid 0 (root)', 'give airbyte a non-zero uid: `useradd --uid 1000 airbyte`');
  const home = c.env.HOME ?? entry.home;
  const h = await fs.stat(home, 0);
  if (!h) return fail('user', platform, `HOME of airbyte is ${home}, which does not exist: anything writing to ~ (caches, config) fails`, USER_FIX_HOME);
  if (h.type !== 'dir') return fail('user', platform, `HOME of airbyte (${home}) is not a directory`, USER_FIX_HOME);
  if (!canWrite(h, entry.uid, h.uid === entry.uid ? [entry.gid] : await users.gids(entry.name, entry.gid))) {
    return fail('user', platform, `HOME of airbyte (${home}) is not writable by uid ${entry.uid} (owner ${h.uid}:${h.gid}, mode ${h.mode.toString(8)})`, `chown airbyte:airbyte ${home}`);
  }
  return pass('user', platform, `airbyte (uid ${entry.uid}), HOME ${home} writable`);
}

export async function checkAirbyteDir(platform: string, root: TarEntry | undefined, users: UserFacts | undefined): Promise<CheckResult> {
  const FIX = 'in the Dockerfile: `RUN mkdir -p /airbyte && chown -R airbyte:airbyte /airbyte` (or COPY --chown=airbyte:airbyte)';
  if (!root) return fail('airbyte-dir', platform, '/airbyte does not exist', FIX);
  if (root.type !== 'dir') return fail('airbyte-dir', platform, `/airbyte is a ${root.type}, not a directory`, FIX);
  const airbyte = users?.passwd.find((u) => u.name === 'airbyte');
  if (!airbyte || !users) return fail('airbyte-dir', platform, 'there is no airbyte user to own /airbyte', 'create the user (`useradd --create-home --uid 1000 airbyte`) and chown /airbyte to it');
  if (root.uid !== airbyte.uid) {
    return fail('airbyte-dir', platform, `/airbyte is owned by uid ${root.uid}, not by airbyte (uid ${airbyte.uid})`, FIX);
  }
  // The owner is airbyte here, so the owner bits decide (no group lookup).
  if (!canWrite(root, airbyte.uid, [airbyte.gid])) {
    return fail('airbyte-dir', platform, `/airbyte is not writable by its owner (mode ${root.mode.toString(8)})`, 'chmod u+rwx /airbyte');
  }
  return pass('airbyte-dir', platform, `/airbyte owned by airbyte (uid ${airbyte.uid}), mode ${root.mode.toString(8)}`);
}

export interface SecretFile {
  /** path relative to the connector's secrets/ */
  name: string;
  sha256: string;
  /** bytes: only image files of a secret's size are hashed */
  size: number;
}

/**
 * A tree read through a running connector may hold what it created meanwhile
 * (the `A` lines of that container's diff): not part of the image, left out.
 */
export function withoutRuntimeAdditions<T extends { root: string; entries: TarEntry[] }>(trees: T[], diff: readonly DiffEntry[]): T[] {
  const added = new Set(diff.filter((d) => d.kind === 'A').map((d) => d.path));
  if (added.size === 0) return trees;
  return trees.map((t) => ({ ...t, entries: t.entries.filter((e) => !added.has(posix.join(posix.dirname(t.root), e.path))) }));
}

/**
 * Nothing from secrets/ may be in the image: any path with a "secrets"
 * component under the scanned trees, and any file whose content hash equals
 * a file of the connector's secrets/ directory.
 */
export function checkNoSecrets(
  platform: string,
  trees: { root: string; entries: TarEntry[]; truncated: boolean }[],
  secrets: SecretFile[] | undefined,
  hash: (b: Buffer) => string,
): CheckResult {
  // Entries read with TarReadOptions.hashSizes carry their hash; else it is taken from the kept content.
  const found: string[] = [];
  const byHash = new Map((secrets ?? []).map((s) => [s.sha256, s.name]));
  for (const t of trees) {
    const parent = posix.dirname(t.root);
    for (const e of t.entries) {
      const abs = posix.join(parent, e.path);
      if (abs.split('/').includes('secrets')) found.push(`${abs} (a secrets path)`);
      else if (e.type === 'file' && e.complete && byHash.size > 0) {
        const digest = e.sha256 ?? (e.content && e.content.length === e.size ? hash(e.content) : undefined);
        const name = digest === undefined ? undefined : byHash.get(digest);
        if (name) found.push(`${abs} (same content as secrets/${name})`);
      }
    }
  }
  const scanned = trees.map((t) => t.root).join(', ');
  if (found.length > 0) {
    return fail('no-secrets', platform, `secrets are in the image: ${found.length} file${found.length === 1 ? '' : 's'}`, 'exclude secrets/ from the build context (.dockerignore: `secrets/`) and never COPY it', found.slice(0, 20));
  }
  const cut = trees.filter((t) => t.truncated).map((t) => t.root);
  return pass(
    'no-secrets',
    platform,
    `no secrets paths${secrets ? ` and none of ${secrets.length} secrets/ file(s)` : ''} under ${scanned}${cut.length ? ` (scan cut short in ${cut.join(', ')})` : ''}`,
  );
}

export function checkLabels(platform: string, c: ImageConfig, expected: { name: string; version: string } | undefined): CheckResult {
  const name = c.labels['io.airbyte.name'];
  const version = c.labels['io.airbyte.version'];
  const fixFor = (n: string, v: string) => `LABEL io.airbyte.name="${n}" io.airbyte.version="${v}" (build-connector build sets them from metadata.yaml)`;
  if (!expected) {
    if (name && version) return pass('labels', platform, `io.airbyte.name=${name}, io.airbyte.version=${version} (no metadata.yaml to compare with)`);
    return fail('labels', platform, `missing label${!name && !version ? 's' : ''} ${[!name && 'io.airbyte.name', !version && 'io.airbyte.version'].filter(Boolean).join(', ')}`, fixFor(name ?? 'airbyte/source-x', version ?? '0.1.0'));
  }
  const problems: string[] = [];
  if (name !== expected.name) problems.push(`io.airbyte.name is ${name === undefined ? 'missing' : `"${name}"`}, metadata.yaml dockerRepository is "${expected.name}"`);
  if (version !== expected.version) problems.push(`io.airbyte.version is ${version === undefined ? 'missing' : `"${version}"`}, metadata.yaml dockerImageTag is "${expected.version}"`);
  if (problems.length > 0) return fail('labels', platform, problems.join('; '), `rebuild with the current metadata.yaml (${fixFor(expected.name, expected.version)})`);
  return pass('labels', platform, `io.airbyte.name=${name}, io.airbyte.version=${version} match metadata.yaml`);
}
