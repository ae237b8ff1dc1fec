/**
 * The tar format, as docker and Go's archive/tar write it: header fields
 * (octal or GNU base-256 numbers, NUL-terminated strings, the checksum),
 * PAX records, type flags; and the writer of ustar headers (fixtures,
 * `docker load` archives of a layout directory). tar.ts reads streams with
 * these; tar-list.ts walks the headers of a file.
 */
import { BcError } from '../errors.js';

export type TarEntryType = 'file' | 'dir' | 'symlink' | 'hardlink' | 'other';

export const BLOCK = 512;
/** A PAX or GNU long-name record is a few hundred bytes; more is not a name, it is an attack on memory. */
export const MAX_META_BYTES = 1024 * 1024;

/**
 * A malformed archive: what is wrong and at which byte. Thrown by
 * `finish()` / `parseTar` (never from inside a stream's data handler).
 */
export class TarError extends BcError {
  constructor(
    readonly offset: number,
    problem: string,
  ) {
    super('failed', `tar archive is malformed at byte ${offset}: ${problem}`);
    this.name = 'TarError';
  }
}

export function readString(buf: Buffer, off: number, len: number): string {
  const slice = buf.subarray(off, off + len);
  const nul = slice.indexOf(0);
  return slice.subarray(0, nul < 0 ? slice.length : nul).toString('utf8');
}

/** Octal ASCII, or GNU base-256 when the high bit of the first byte is set. */
export function readNumber(buf: Buffer, off: number, len: number): number {
  const first = buf[off] ?? 0;
  if (first & 0x80) {
    let n = 0;
    for (let i = 1; i < len; i++) n = n * 256 + (buf[off + i] ?? 0);
    return n;
  }
  const s = readString(buf, off, len).trim();
  return s === '' ? 0 : parseInt(s, 8);
}

/**
 * A numeric header field, strictly: octal digits (space or NUL padded), or
 * positive GNU base-256 that fits a safe integer. `undefined` when it is
 * neither (a corrupt header).
 */
export function strictNumber(buf: Buffer, off: number, len: number): number | undefined {
  const first = buf[off] ?? 0;
  if (first & 0x80) {
    // 0xff starts a negative base-256 number: no size or id is negative
    if (first === 0xff) return undefined;
    let n = first & 0x7f;
    for (let i = 1; i < len; i++) {
      n = n * 256 + (buf[off + i] ?? 0);
      if (n > Number.MAX_SAFE_INTEGER) return undefined;
    }
    return n;
  }
  const s = buf.toString('latin1', off, off + len).replace(/[\0 ]+$/, '').replace(/^ +/, '');
  if (s === '') return 0;
  if (!/^[0-7]+$/.test(s)) return undefined;
  const n = parseInt(s, 8);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** The header checksum: the sum of its bytes with the checksum field read as spaces (unsigned, or signed as old tars wrote). */
export function checksumOk(h: Buffer): boolean {
  const stored = strictNumber(h, 148, 8);
  if (stored === undefined) return false;
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const b = i >= 148 && i < 156 ? 0x20 : (h[i] as number);
    unsigned += b;
    signed += b > 127 ? b - 256 : b;
  }
  return stored === unsigned || stored === signed;
}

/** PAX records ("LEN key=value\n"), leniently: what is readable is returned (tar-list.ts uses it on trusted archives). */
export function parsePax(data: Buffer): Record<string, string> {
  try {
    return parsePaxStrict(data, 0);
  } catch {
    const out: Record<string, string> = {};
    let i = 0;
    while (i < data.length) {
      const sp = data.indexOf(0x20, i);
      if (sp < 0) break;
      const len = parseInt(data.toString('utf8', i, sp), 10);
      if (!Number.isFinite(len) || len <= 0) break;
      const record = data.toString('utf8', sp + 1, i + len - 1);
      const eq = record.indexOf('=');
      if (eq > 0) out[record.slice(0, eq)] = record.slice(eq + 1);
      i += len;
    }
    return out;
  }
}

/** PAX records, strictly: every record "LEN key=value\n" with LEN its exact byte length. */
export function parsePaxStrict(data: Buffer, offset: number): Record<string, string> {
  const out: Record<string, string> = {};
  let i = 0;
  // trailing NULs pad some writers' records
  let end = data.length;
  while (end > 0 && data[end - 1] === 0) end--;
  while (i < end) {
    const sp = data.indexOf(0x20, i);
    const digits = sp < 0 ? '' : data.toString('latin1', i, sp);
    if (!/^[1-9]\d{0,8}$/.test(digits)) throw new TarError(offset, `PAX record at +${i} has no length`);
    const len = Number(digits);
    if (i + len > end || data[i + len - 1] !== 0x0a) throw new TarError(offset, `PAX record at +${i} says ${len} bytes, which do not end in a newline inside the header`);
    const record = data.toString('utf8', sp + 1, i + len - 1);
    const eq = record.indexOf('=');
    if (eq <= 0) throw new TarError(offset, `PAX record at +${i} has no key=value`);
    const key = record.slice(0, eq);
    const value = record.slice(eq + 1);
    // an empty value deletes the key (POSIX)
    if (value === '') delete out[key];
    else out[key] = value;
    i += len;
  }
  return out;
}

export function typeOf(flag: string): TarEntryType {
  switch (flag) {
    case '0':
    case '\0':
    case '':
    case '7':
      return 'file';
    case '5':
      return 'dir';
    case '2':
      return 'symlink';
    case '1':
      return 'hardlink';
    default:
      return 'other';
  }
}

/**
 * Types whose header is the whole member: whatever their size field says,
 * no data follows (Go's archive/tar, which docker uses on both ends, reads
 * them so; we read an archive the way docker does).
 */
export const HEADER_ONLY = new Set(['1', '2', '3', '4', '5', '6']);

export function normalizeTarPath(p: string): string {
  return p.replace(/^\.\//, '').replace(/\/+$/, '');
}

/** The zero bytes that fill a member's data up to the next 512-byte block. */
export const tarPadding = (size: number) => (BLOCK - (size % BLOCK)) % BLOCK;

interface TarHeaderFields {
  path: string;
  type?: TarEntryType;
  mode?: number;
  uid?: number;
  gid?: number;
  size: number;
  linkname?: string;
  /** a raw typeflag instead of `type`'s ('x' PAX, 'g' PAX global, 'L'/'K' GNU long name/link) */
  flag?: string;
}

/** One ustar header block (names up to 100 bytes), checksum included. */
export function tarHeader(f: TarHeaderFields): Buffer {
  const type = f.type ?? 'file';
  const h = Buffer.alloc(BLOCK);
  h.write(f.path, 0, 100, 'utf8');
  h.write(`${(f.mode ?? (type === 'dir' ? 0o755 : type === 'symlink' ? 0o777 : 0o644)).toString(8).padStart(7, '0')}\0`, 100, 'latin1');
  h.write(`${(f.uid ?? 0).toString(8).padStart(7, '0')}\0`, 108, 'latin1');
  h.write(`${(f.gid ?? 0).toString(8).padStart(7, '0')}\0`, 116, 'latin1');
  h.write(`${f.size.toString(8).padStart(11, '0')}\0`, 124, 'latin1');
  h.write('00000000000\0', 136, 'latin1');
  h.write(f.flag ?? { file: '0', dir: '5', symlink: '2', hardlink: '1', other: '3' }[type], 156, 'latin1');
  if (f.linkname) h.write(f.linkname, 157, 100, 'utf8');
  h.write('ustar\x0000', 257, 'latin1');
  h.fill(0x20, 148, 156);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return h;
}

/** Build a tar archive (tests, and fixtures made in memory). */
export function makeTar(files: (Omit<TarHeaderFields, 'size'> & { content?: Buffer | string })[]): Buffer {
  const blocks: Buffer[] = [];
  for (const f of files) {
    const content = f.content === undefined ? Buffer.alloc(0) : Buffer.from(f.content);
    const size = (f.type ?? 'file') === 'file' || f.flag !== undefined ? content.length : 0;
    blocks.push(tarHeader({ ...f, size }));
    if (size > 0) {
      blocks.push(content);
      if (tarPadding(size)) blocks.push(Buffer.alloc(tarPadding(size)));
    }
  }
  blocks.push(Buffer.alloc(BLOCK * 2));
  return Buffer.concat(blocks);
}
