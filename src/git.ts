/**
 * The typed git wrapper. Every git call in the project goes through here (and
 * through exec.ts). Signatures are a contract for build, publish and monorepo:
 * keep them stable.
 *
 *   isRepo(cwd)                                  → boolean (never throws for "not a repo")
 *   repoRoot(cwd)                                → absolute path of the work tree
 *   lastCommitTime(path)                         → unix seconds of the last commit touching path
 *                                                  (file or directory), undefined outside git or
 *                                                  when no commit touches it
 *   headSha(cwd)                                 → full sha of HEAD (BcError badInput outside git)
 *   listTags(cwd, pattern?)                      → tag names (git tag --list PATTERN), sorted by name
 *   tagTarget(cwd, name)                         → commit sha a tag points at, undefined when absent
 *   createAnnotatedTag(cwd, name, message, opts) → 'created' | 'exists' (same commit: success);
 *                                                  BcError refused when it exists on another commit
 *   pushTag(cwd, name, remote = 'origin')        → pushes refs/tags/NAME; refused when the remote
 *                                                  has it on another commit, environment on network/auth
 *   listChangedFiles(cwd, since, opts)           → repo-relative paths changed between the merge base
 *                                                  of SINCE and HEAD (renames count as both paths);
 *                                                  opts.includeUncommitted adds staged, unstaged and
 *                                                  untracked files
 *   lastCommitSha(path)                          → full sha of the last commit touching path, undefined
 *                                                  outside git or when none touches it
 *   isNullRef(ref)                               → the all-zero sha git and GitHub use for "no commit"
 *   defaultBranch(cwd)                           → origin/HEAD's branch, else the first of origin/main,
 *                                                  origin/master, main, master that exists; undefined if none
 *   remoteUrl(cwd, remote = 'origin')            → the remote's URL as a browsable https URL
 *                                                  (normaliseRemoteUrl), undefined without one
 *
 * git never prompts (GIT_TERMINAL_PROMPT=0): a tool that waits for a password
 * in CI hangs instead of failing.
 */
import { resolve, dirname } from 'node:path';
import { stat } from 'node:fs/promises';
import { run, type RunOptions, type RunResult } from './exec.js';
import { BcError, badInput } from './errors.js';

const GIT = process.env.BUILD_CONNECTOR_GIT ?? 'git';

const GIT_ENV = { GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' };

function git(cwd: string, args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  return run(GIT, args, { timeoutMs: 60_000, ...opts, cwd, env: { ...GIT_ENV, ...opts.env } });
}

/** A directory to run git in for `path` (a file's directory, or the directory itself). */
async function dirOf(path: string): Promise<{ cwd: string; rel: string }> {
  const abs = resolve(path);
  try {
    const s = await stat(abs);
    if (s.isDirectory()) return { cwd: abs, rel: '.' };
  } catch {
    // a path that does not exist (deleted file): ask its parent
  }
  return { cwd: dirname(abs), rel: abs };
}

export async function isRepo(cwd: string): Promise<boolean> {
  try {
    const res = await git(cwd, ['rev-parse', '--is-inside-work-tree'], { allowFailure: true });
    return res.exitCode === 0 && res.stdout.trim() === 'true';
  } catch (err) {
    // git missing or the directory missing: "not a repo" for callers that only ask
    if (err instanceof BcError) return false;
    throw err;
  }
}

export async function repoRoot(cwd: string): Promise<string> {
  const res = await git(cwd, ['rev-parse', '--show-toplevel'], { allowFailure: true });
  if (res.exitCode !== 0) throw notARepo(cwd);
  return res.stdout.trim();
}

function notARepo(cwd: string): BcError {
  return badInput(`${cwd} is not inside a git work tree`, ['fix: run from a git checkout (git init / git clone)']);
}

export async function lastCommitTime(path: string): Promise<number | undefined> {
  const { cwd, rel } = await dirOf(path);
  // one process: outside a work tree (or in a repo with no commit) git log exits non-zero
  const res = await git(cwd, ['log', '-1', '--format=%ct', '--', rel], { allowFailure: true }).catch((err: unknown) => {
    if (err instanceof BcError) return undefined; // git missing or the directory missing
    throw err;
  });
  if (!res || res.exitCode !== 0) return undefined;
  const n = Number.parseInt(res.stdout.trim(), 10);
  return Number.isFinite(n) ? n : undefined;
}

export async function lastCommitSha(path: string): Promise<string | undefined> {
  const { cwd, rel } = await dirOf(path);
  const res = await git(cwd, ['log', '-1', '--format=%H', '--', rel], { allowFailure: true }).catch((err: unknown) => {
    if (err instanceof BcError) return undefined;
    throw err;
  });
  const sha = res?.exitCode === 0 ? res.stdout.trim() : '';
  return /^[0-9a-f]{40,64}$/.test(sha) ? sha : undefined;
}

/**
 * A git remote URL as the https address of the repository, as
 * docker/metadata-action writes org.opencontainers.image.source:
 *   git@github.com:o/r.git, ssh://git@host:22/o/r.git, git://host/o/r → https://host/o/r
 *   https://user:token@host/o/r.git → https://host/o/r (credentials never reach a label)
 * Local paths and file:// URLs have no public address: undefined.
 */
export function normaliseRemoteUrl(url: string): string | undefined {
  const u = url.trim();
  // scp-like syntax: [user@]host:path (no scheme, a colon before the first slash)
  const scp = /^(?:[^@/\s]+@)?([A-Za-z0-9.-]+):(?!\/\/)([^\s]+)$/.exec(u);
  let host: string;
  let path: string;
  if (scp && !/^[A-Za-z]:[\\/]/.test(u)) {
    host = (scp[1] as string).toLowerCase();
    path = scp[2] as string;
  } else {
    let parsed: URL;
    try {
      parsed = new URL(u);
    } catch {
      return undefined;
    }
    if (!['https:', 'http:', 'ssh:', 'git:', 'git+ssh:', 'ssh+git:'].includes(parsed.protocol) || parsed.hostname === '') return undefined;
    // an https port is part of the address; an ssh or git port is not the web server's
    const keepPort = (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.port !== '';
    host = parsed.hostname.toLowerCase() + (keepPort ? `:${parsed.port}` : '');
    path = decodeURIComponent(parsed.pathname);
  }
  path = path.replace(/^\/+/, '').replace(/\/+$/, '').replace(/\.git$/, '');
  if (path === '' || path.split('/').some((seg) => seg === '' || seg === '.' || seg === '..')) return undefined;
  return `https://${host}/${path}`;
}

export async function remoteUrl(cwd: string, remote = 'origin'): Promise<string | undefined> {
  const res = await git(cwd, ['remote', 'get-url', remote], { allowFailure: true }).catch((err: unknown) => {
    if (err instanceof BcError) return undefined;
    throw err;
  });
  return res?.exitCode === 0 ? normaliseRemoteUrl(res.stdout) : undefined;
}

export async function headSha(cwd: string): Promise<string> {
  const res = await git(cwd, ['rev-parse', '--verify', 'HEAD^{commit}'], { allowFailure: true });
  if (res.exitCode !== 0) {
    if (!(await isRepo(cwd))) throw notARepo(cwd);
    throw badInput(`${cwd}: the repository has no commit yet`, ['fix: commit the connector first']);
  }
  return res.stdout.trim();
}

export async function listTags(cwd: string, pattern?: string): Promise<string[]> {
  const res = await git(cwd, ['tag', '--list', ...(pattern ? [pattern] : [])], { allowFailure: true });
  if (res.exitCode !== 0) throw notARepo(cwd);
  return res.stdout
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .sort();
}

export async function tagTarget(cwd: string, name: string): Promise<string | undefined> {
  checkTagName(name);
  const res = await git(cwd, ['rev-parse', '--verify', '--quiet', `refs/tags/${name}^{commit}`], { allowFailure: true });
  return res.exitCode === 0 ? res.stdout.trim() : undefined;
}

function checkTagName(name: string): void {
  // the subset of git-check-ref-format that matters for tags we create
  if (!/^[A-Za-z0-9][A-Za-z0-9._/@+-]*$/.test(name) || name.includes('..') || name.endsWith('.lock') || name.endsWith('/')) {
    throw badInput(`invalid git tag name "${name}"`);
  }
}

interface TagOptions {
  /** commit to tag (default HEAD) */
  sha?: string;
}

export async function createAnnotatedTag(cwd: string, name: string, message: string, opts: TagOptions = {}): Promise<'created' | 'exists'> {
  checkTagName(name);
  const target = opts.sha ?? (await headSha(cwd));
  const existing = await tagTarget(cwd, name);
  if (existing !== undefined) {
    if (existing === target || existing.startsWith(target)) return 'exists';
    throw new BcError('refused', `git tag ${name} already exists on ${existing.slice(0, 12)}, not on ${target.slice(0, 12)}`, {
      details: ['fix: tags are immutable; bump the version instead of moving the tag'],
    });
  }
  // An identity is required for annotated tags; CI checkouts often have none.
  const ident = await git(cwd, ['config', 'user.email'], { allowFailure: true });
  const env = ident.stdout.trim() === '' ? { GIT_COMMITTER_NAME: 'build-connector', GIT_COMMITTER_EMAIL: 'build-connector@localhost' } : {};
  await git(cwd, ['tag', '-a', name, '-m', message, target], { step: 'git tag', env });
  return 'created';
}

export async function pushTag(cwd: string, name: string, remote = 'origin'): Promise<void> {
  checkTagName(name);
  const res = await git(cwd, ['push', '--porcelain', remote, `refs/tags/${name}:refs/tags/${name}`], { allowFailure: true, timeoutMs: 120_000 });
  if (res.exitCode === 0) return;
  const text = `${res.stdout}\n${res.stderr}`;
  if (/\[rejected\]|already exists|non-fast-forward/i.test(text)) {
    throw new BcError('refused', `the remote ${remote} already has tag ${name} on another commit`, {
      step: 'git push tag',
      details: ['fix: tags are immutable; bump the version instead of moving the tag'],
    });
  }
  throw new BcError('environment', `git push of tag ${name} to ${remote} failed (exit ${res.exitCode})`, {
    step: 'git push tag',
    details: text
      .split('\n')
      .filter((l) => l.trim() !== '')
      .slice(-5),
  });
}

interface ChangedFilesOptions {
  /** also list staged, unstaged and untracked files */
  includeUncommitted?: boolean;
}

export async function listChangedFiles(cwd: string, since: string, opts: ChangedFilesOptions = {}): Promise<string[]> {
  const root = await repoRoot(cwd);
  const base = await git(root, ['merge-base', since, 'HEAD'], { allowFailure: true });
  if (base.exitCode !== 0) {
    // a shallow clone lacks the history to the merge base; a complete one lacks the ref
    const shallow = (await git(root, ['rev-parse', '--is-shallow-repository'], { allowFailure: true })).stdout.trim() === 'true';
    throw badInput(`git: cannot compare with "${since}" (unknown revision or no common history${shallow ? '; this clone is shallow' : ''})`, [
      shallow
        ? 'fix: fetch the history: git fetch --unshallow origin (in Actions: actions/checkout with fetch-depth: 0), or pass another --since'
        : 'fix: fetch the base ref: git fetch origin (or pass another --since)',
    ]);
  }
  const files = new Set<string>();
  const add = (out: string) => {
    for (const f of out.split('\0')) if (f !== '') files.add(f);
  };
  add((await git(root, ['diff', '--name-only', '--no-renames', '-z', base.stdout.trim(), 'HEAD'])).stdout);
  if (opts.includeUncommitted) {
    add((await git(root, ['diff', '--name-only', '--no-renames', '-z', 'HEAD'])).stdout);
    add((await git(root, ['ls-files', '--others', '--exclude-standard', '-z'])).stdout);
  }
  return [...files].sort();
}

/** The all-zero object name: GitHub's `github.event.before` on the push that creates a branch. */
export function isNullRef(ref: string): boolean {
  return /^0{40}$|^0{64}$/.test(ref.trim());
}

export async function defaultBranch(cwd: string): Promise<string | undefined> {
  const head = await git(cwd, ['symbolic-ref', '--quiet', 'refs/remotes/origin/HEAD'], { allowFailure: true });
  if (head.exitCode === 0 && head.stdout.trim().startsWith('refs/remotes/')) return head.stdout.trim().slice('refs/remotes/'.length);
  for (const ref of ['origin/main', 'origin/master', 'main', 'master']) {
    const res = await git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { allowFailure: true });
    if (res.exitCode === 0) return ref;
  }
  return undefined;
}
