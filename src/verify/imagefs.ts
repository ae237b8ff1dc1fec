/**
 * The image's filesystem, read through `docker cp` of a created (never
 * started) container: /etc/passwd, path lookups, symlinks, shebang lines and
 * ELF headers. Nothing runs inside the image, so this works for images with
 * no shell at all. Pure helpers are exported for unit tests.
 */
import { posix } from 'node:path';
import { copyFromContainer, type CopiedPath } from '../docker/image.js';
import { elfArchitecture } from '../docker/probe-elf.js';
import type { TarEntry } from '../oci/tar.js';

export { parsePasswd, type PasswdEntry } from '../shared/passwd.js';

/** group name → members and gid, for the "writable by group" case. */
export function parseGroup(text: string): { name: string; gid: number; members: string[] }[] {
  return text
    .split('\n')
    .map((l) => l.split(':'))
    .filter((f) => f.length >= 4 && Number.isInteger(Number(f[2])))
    .map((f) => ({ name: f[0] ?? '', gid: Number(f[2]), members: (f[3] ?? '').split(',').filter(Boolean) }));
}

/** Can a process with uid/gids write into a directory with this owner and mode? (root bypasses) */
export function canWrite(entry: Pick<TarEntry, 'uid' | 'gid' | 'mode'>, uid: number, gids: readonly number[]): boolean {
  if (uid === 0) return true;
  if (entry.uid === uid) return (entry.mode & 0o300) === 0o300;
  if (gids.includes(entry.gid)) return (entry.mode & 0o030) === 0o030;
  return (entry.mode & 0o003) === 0o003;
}

interface Shebang {
  interpreter: string;
  arg: string | undefined;
}

/** `#!/usr/bin/env python3` → {interpreter: /usr/bin/env, arg: python3} */
export function parseShebang(content: Buffer): Shebang | undefined {
  if (content.length < 2 || content[0] !== 0x23 || content[1] !== 0x21) return undefined;
  const end = content.indexOf(0x0a);
  const line = content.toString('utf8', 2, end < 0 ? Math.min(content.length, 256) : end).trim();
  const [interpreter, ...rest] = line.split(/\s+/);
  if (!interpreter) return undefined;
  return { interpreter, arg: rest.length > 0 ? rest.join(' ') : undefined };
}

interface ResolvedStep {
  path: string;
  /** how we got there: "PATH lookup", "symlink", "shebang", "env" */
  via: string;
}

type Resolution =
  | { ok: true; chain: ResolvedStep[]; binary: string; arch: string }
  | { ok: false; chain: ResolvedStep[]; reason: string };

/** Reads of the image filesystem; a seam for unit tests. */
export interface ImageFs {
  /** the entry at `path` itself (not following a final symlink), with up to `head` content bytes */
  stat(path: string, head?: number): Promise<TarEntry | undefined>;
  read(path: string, maxBytes?: number): Promise<CopiedPath>;
}

export function containerFs(container: string): ImageFs {
  // PATH lookup and symlink resolution ask for the same paths: one docker cp each.
  const stats = new Map<string, Promise<TarEntry | undefined>>();
  return {
    stat(path, head = 4096) {
      // The first tar entry is the path itself; for a directory the rest is
      // its content, so cap the bytes read: only the header (and the first
      // bytes of a file: ELF header, #! line) is needed.
      const cap = Math.max(head + 2048, 64 * 1024);
      const key = `${path}\0${cap}`;
      let p = stats.get(key);
      if (!p) {
        p = copyFromContainer(container, path, { maxBytes: cap }).then((c) => c.entries[0]);
        stats.set(key, p);
      }
      return p;
    },
    read: (path, maxBytes) => copyFromContainer(container, path, { maxBytes }),
  };
}

const MAX_HOPS = 12;

async function lookPath(fs: ImageFs, name: string, pathEnv: string): Promise<string | undefined> {
  if (name.includes('/')) return name;
  // In PATH order, stopping at the first hit, the way execvp looks: each
  // probe is a docker cp, and probing every directory at once costs the
  // daemon CPU that the emulated connector run (the critical path) needs.
  for (const d of pathEnv.split(':').filter((x) => x.startsWith('/'))) {
    const candidate = posix.join(d, name);
    if (await fs.stat(candidate, 0)) return candidate;
  }
  return undefined;
}

/**
 * Follow an entrypoint's first token to the ELF file the kernel will run:
 * PATH lookup, symlinks, shebang interpreters (`/usr/bin/env X` too).
 */
export async function resolveExecutable(fs: ImageFs, command: string, pathEnv: string, workdir: string): Promise<Resolution> {
  const chain: ResolvedStep[] = [];
  let current = await lookPath(fs, command, pathEnv);
  if (current === undefined) return { ok: false, chain, reason: `"${command}" is not found in PATH (${pathEnv})` };
  if (!current.startsWith('/')) current = posix.join(workdir || '/', current);
  chain.push({ path: current, via: command.includes('/') ? 'entrypoint' : 'PATH lookup' });
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    const e = await fs.stat(current, 256);
    if (!e) return { ok: false, chain, reason: `${current} does not exist in the image` };
    if (e.type === 'symlink') {
      current = e.linkname.startsWith('/') ? posix.normalize(e.linkname) : posix.join(posix.dirname(current), e.linkname);
      chain.push({ path: current, via: 'symlink' });
      continue;
    }
    if (e.type === 'hardlink') {
      current = `/${e.linkname.replace(/^\/+/, '')}`;
      chain.push({ path: current, via: 'hardlink' });
      continue;
    }
    if (e.type !== 'file') return { ok: false, chain, reason: `${current} is not a regular file` };
    const head = e.content ?? Buffer.alloc(0);
    const arch = elfArchitecture(head);
    if (arch) return { ok: true, chain, binary: current, arch };
    const sb = parseShebang(head);
    if (!sb) return { ok: false, chain, reason: `${current} is neither an ELF executable nor a script with a #! line` };
    if (posix.basename(sb.interpreter) === 'env' && sb.arg) {
      const target = sb.arg.split(/\s+/).filter((t) => !t.startsWith('-'))[0] ?? sb.arg;
      const found = await lookPath(fs, target, pathEnv);
      if (!found) return { ok: false, chain, reason: `${current} runs "${target}" through env, which is not found in PATH` };
      current = found;
      chain.push({ path: current, via: `#! env ${target}` });
    } else {
      current = sb.interpreter;
      chain.push({ path: current, via: '#!' });
    }
  }
  return { ok: false, chain, reason: 'too many symlinks or interpreters' };
}

export function describeChain(chain: readonly ResolvedStep[]): string {
  return chain.map((s) => s.path).join(' → ');
}
