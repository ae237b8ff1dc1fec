/**
 * Reading input files that come from contributors' pull requests: only
 * regular files (a symlink is followed only when it ends at one), with a
 * size limit per kind, so a metadata.yaml that is a FIFO, /dev/zero or a
 * 2 GB file is refused at once with the file and the reason instead of
 * blocking, reading for minutes or exhausting memory.
 *
 * The type is checked before the file is opened, the file is opened with
 * O_NONBLOCK (so a FIFO swapped in between cannot block the open) and
 * checked again on the open descriptor; the read stops one byte past the
 * limit whatever the file claims its size is (/proc files say 0).
 */
import { constants, type Stats } from 'node:fs';
import { lstat, open, realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative } from 'node:path';
import { BcError } from './errors.js';

/** Is `p` an existing regular file? (false for a directory or a missing path; never throws) */
export async function isFile(p: string): Promise<boolean> {
  return stat(p).then(
    (s) => s.isFile(),
    () => false,
  );
}

/** The kinds of input file and their size limits (docs/publish.md "Input file limits"). */
export const INPUT_LIMITS = {
  'metadata.yaml': 1024 * 1024,
  'manifest.yaml': 16 * 1024 * 1024,
  'components.py': 4 * 1024 * 1024,
  'pyproject.toml': 1024 * 1024,
  Dockerfile: 1024 * 1024,
  '.dockerignore': 1024 * 1024,
  'repository config': 1024 * 1024,
  'config JSON': 4 * 1024 * 1024,
  'catalog JSON': 64 * 1024 * 1024,
  'state JSON': 64 * 1024 * 1024,
  'input messages': 256 * 1024 * 1024,
  'digest record': 16 * 1024 * 1024,
  'base image definition': 1024 * 1024,
  template: 1024 * 1024,
  'image manifest': 4 * 1024 * 1024,
  sbom: 64 * 1024 * 1024,
} as const;
export type InputKind = keyof typeof INPUT_LIMITS;

interface BoundedReadOptions {
  kind: InputKind;
  /** default INPUT_LIMITS[kind] */
  maxBytes?: number;
  /** message (after "FILE: ") when the file does not exist; default "not found" */
  notFound?: string;
  /** a fix line for every refusal */
  fix?: string;
}

/** How a file is named in messages: relative to the working directory when below it. */
function shown(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

/** "is a character device", … for anything that is not a regular file; undefined for a regular file. */
function notRegularReason(s: Stats): string | undefined {
  if (s.isFile()) return undefined;
  if (s.isDirectory()) return 'is a directory';
  if (s.isCharacterDevice()) return 'is a character device';
  if (s.isBlockDevice()) return 'is a block device';
  if (s.isFIFO()) return 'is a FIFO (named pipe)';
  if (s.isSocket()) return 'is a socket';
  return 'is not a regular file';
}

const mb = (n: number) =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(n % (1024 * 1024) === 0 ? 0 : 1)} MiB` : n >= 1024 ? `${Math.ceil(n / 1024)} KiB` : `${n} bytes`;

function refusal(file: string, what: string, o: BoundedReadOptions): BcError {
  return new BcError('badInput', `${shown(file)}: ${what}`, { details: o.fix ? [o.fix] : [] });
}

function tooLarge(file: string, size: number | undefined, max: number, o: BoundedReadOptions): BcError {
  return refusal(file, `${size === undefined ? 'more than' : `${mb(size)} is more than`} the ${mb(max)} limit for a ${o.kind} (only regular files up to that size are read)`, o);
}

function errnoMessage(file: string, err: unknown, o: BoundedReadOptions): BcError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return refusal(file, o.notFound ?? 'not found', o);
  if (code === 'EACCES' || code === 'EPERM') return refusal(file, 'permission denied', o);
  if (code === 'ELOOP') return refusal(file, 'is a symlink loop', o);
  if (code === 'ENOTDIR') return refusal(file, 'a component of the path is not a directory', o);
  if (code === 'ENXIO') return refusal(file, 'is a socket', o);
  return refusal(file, `cannot be read (${code ?? (err instanceof Error ? err.message : String(err))})`, o);
}

/**
 * Check that `file` is a regular file within the size limit, without reading
 * it (files that are copied, mounted or sent to the builder rather than read).
 * Returns its size; refuses like readBoundedFile.
 */
export async function checkInputFile(file: string, o: BoundedReadOptions): Promise<number> {
  const max = o.maxBytes ?? INPUT_LIMITS[o.kind];
  let s: Stats;
  try {
    s = await stat(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' && (await lstat(file).then((l) => l.isSymbolicLink(), () => false))) {
      throw refusal(file, 'is a symlink to a file that does not exist', o);
    }
    throw errnoMessage(file, err, o);
  }
  const why = notRegularReason(s);
  if (why) {
    const link = await realpath(file).catch(() => undefined);
    const via = link && (await lstat(file).then((l) => l.isSymbolicLink(), () => false)) ? `is a symlink to ${link}, which ` : '';
    throw refusal(file, `${via}${why}; only regular files are read`, o);
  }
  if (s.size > max) throw tooLarge(file, s.size, max, o);
  return s.size;
}

/** Read a regular file of at most the kind's limit as UTF-8 text; every refusal is exit 2 naming the file. */
export async function readBoundedFile(file: string, o: BoundedReadOptions): Promise<string> {
  return (await readBoundedBytes(file, o)).toString('utf8');
}

async function readBoundedBytes(file: string, o: BoundedReadOptions): Promise<Buffer> {
  const max = o.maxBytes ?? INPUT_LIMITS[o.kind];
  await checkInputFile(file, o);
  let fh;
  try {
    fh = await open(file, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (err) {
    throw errnoMessage(file, err, o);
  }
  try {
    // the path may have been replaced between stat and open: check what was opened
    const s = await fh.stat();
    const why = notRegularReason(s);
    if (why) throw refusal(file, `${why}; only regular files are read`, o);
    if (s.size > max) throw tooLarge(file, s.size, max, o);
    const chunks: Buffer[] = [];
    let total = 0;
    const buf = Buffer.allocUnsafe(Math.min(max + 1, 1024 * 1024));
    for (;;) {
      let n: number;
      try {
        ({ bytesRead: n } = await fh.read(buf, 0, buf.length, null));
      } catch (err) {
        throw errnoMessage(file, err, o);
      }
      if (n === 0) break;
      total += n;
      if (total > max) throw tooLarge(file, undefined, max, o);
      chunks.push(Buffer.from(buf.subarray(0, n)));
    }
    return Buffer.concat(chunks, total);
  } finally {
    await fh.close();
  }
}

/**
 * What a path is, for callers that treat "missing" as normal: 'missing',
 * 'file', or (for anything else, e.g. a Dockerfile that is a FIFO) a
 * refusal. Never throws for a missing path.
 */
export async function optionalInputFile(file: string, o: BoundedReadOptions): Promise<'missing' | 'file'> {
  try {
    await stat(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' && !(await lstat(file).then((l) => l.isSymbolicLink(), () => false))) return 'missing';
  }
  await checkInputFile(file, o);
  return 'file';
}
