/**
 * A small tar reader for the streams `docker cp CONTAINER:PATH -` writes.
 * Reading the archive ourselves (numeric uid/gid, mode, type, link target,
 * content) means no shell and no tools are needed inside the image: the
 * checks work on distroless and FROM-scratch images too.
 *
 * Handles ustar, PAX extended headers (Go's archive/tar, which docker uses,
 * writes them for long names) and GNU long names. A truncated buffer (output
 * cap reached) yields the entries read so far.
 */
import { createHash, type Hash } from 'node:crypto';

export type TarEntryType = 'file' | 'dir' | 'symlink' | 'hardlink' | 'other';

export interface TarEntry {
  /** path as stored, without a leading "./" or trailing "/" */
  path: string;
  type: TarEntryType;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  linkname: string;
  /** file content (possibly cut short: see `complete`) */
  content?: Buffer;
  /** false when the buffer ended inside this entry (output cap) */
  complete: boolean;
  /** sha256 of the whole content, when asked for (TarReadOptions.hashSizes) */
  sha256?: string;
}

export const BLOCK = 512;

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

export function parsePax(data: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  let i = 0;
  while (i < data.length) {
    const sp = data.indexOf(0x20, i);
    if (sp < 0) break;
    const len = parseInt(data.toString('utf8', i, sp), 10);
    if (!Number.isFinite(len) || len <= 0) break;
    const record = data.toString('utf8', sp + 1, i + len - 1); // minus trailing \n
    const eq = record.indexOf('=');
    if (eq > 0) out[record.slice(0, eq)] = record.slice(eq + 1);
    i += len;
  }
  return out;
}

function typeOf(flag: string): TarEntryType {
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

export function normalizeTarPath(p: string): string {
  return p.replace(/^\.\//, '').replace(/\/+$/, '');
}

export interface TarReadOptions {
  /** content bytes to keep of a file entry (default: all of it) */
  keep?: (entry: TarEntry) => number;
  /** compute `sha256` of the files whose size is in this set (whatever is kept) */
  hashSizes?: ReadonlySet<number>;
}

type ReaderState =
  | { kind: 'header' }
  | {
      kind: 'data';
      /** the file entry the bytes belong to; meta records (PAX, GNU long names) have none */
      entry?: TarEntry;
      meta?: string;
      remaining: number;
      padding: number;
      keep: number;
      kept: number;
      parts: Buffer[];
      hash?: Hash;
    };

/**
 * Incremental tar reader: feed it chunks as they arrive (`push`), so a
 * multi-gigabyte tree is listed, and its files hashed, without holding it in
 * memory. Entries appear as soon as their header is read; `complete` turns
 * true once all their data went by.
 */
export class TarReader {
  readonly entries: TarEntry[] = [];
  /** the end-of-archive blocks were read */
  ended = false;
  private pending: Buffer = Buffer.alloc(0);
  private state: ReaderState = { kind: 'header' };
  private pax: Record<string, string> = {};
  private longName: string | undefined;
  private longLink: string | undefined;

  constructor(private readonly opts: TarReadOptions = {}) {}

  push(chunk: Buffer): void {
    let buf = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = Buffer.alloc(0);
    while (!this.ended && buf.length > 0) {
      if (this.state.kind === 'header') {
        if (buf.length < BLOCK) {
          this.pending = Buffer.from(buf);
          return;
        }
        this.header(buf.subarray(0, BLOCK));
        buf = buf.subarray(BLOCK);
        continue;
      }
      const st = this.state;
      if (st.remaining > 0) {
        const take = buf.subarray(0, Math.min(st.remaining, buf.length));
        st.hash?.update(take);
        const room = st.keep - st.kept;
        if (room > 0) {
          const part = Buffer.from(take.subarray(0, Math.min(room, take.length)));
          st.parts.push(part);
          st.kept += part.length;
        }
        st.remaining -= take.length;
        buf = buf.subarray(take.length);
        if (st.remaining > 0) return;
        this.dataDone(st);
      }
      const skip = Math.min(st.padding, buf.length);
      st.padding -= skip;
      buf = buf.subarray(skip);
      if (st.padding === 0) this.state = { kind: 'header' };
    }
  }

  private header(h: Buffer): void {
    if (h.every((b) => b === 0)) {
      this.ended = true;
      return;
    }
    const size = readNumber(h, 124, 12);
    const flag = String.fromCharCode(h[156] ?? 0);
    const padding = (BLOCK - (size % BLOCK)) % BLOCK;
    if (flag === 'x' || flag === 'g' || flag === 'L' || flag === 'K') {
      this.state = { kind: 'data', meta: flag, remaining: size, padding, keep: size, kept: 0, parts: [] };
      if (size === 0) this.dataDone(this.state);
      return;
    }
    const name = readString(h, 0, 100);
    const prefix = h.toString('latin1', 257, 263).startsWith('ustar') ? readString(h, 345, 155) : '';
    const pax = this.pax;
    const entry: TarEntry = {
      path: normalizeTarPath(pax.path ?? this.longName ?? (prefix ? `${prefix}/${name}` : name)),
      type: typeOf(flag),
      mode: readNumber(h, 100, 8) & 0o7777,
      uid: pax.uid !== undefined ? Number(pax.uid) : readNumber(h, 108, 8),
      gid: pax.gid !== undefined ? Number(pax.gid) : readNumber(h, 116, 8),
      size: pax.size !== undefined ? Number(pax.size) : size,
      linkname: pax.linkpath ?? this.longLink ?? readString(h, 157, 100),
      complete: size === 0,
    };
    if (entry.type === 'file') entry.content = Buffer.alloc(0);
    this.entries.push(entry);
    this.pax = {};
    this.longName = undefined;
    this.longLink = undefined;
    const hash = entry.type === 'file' && this.opts.hashSizes?.has(size) ? createHash('sha256') : undefined;
    const keep = entry.type === 'file' ? (this.opts.keep?.(entry) ?? Number.POSITIVE_INFINITY) : 0;
    this.state = { kind: 'data', entry, remaining: size, padding, keep, kept: 0, parts: [], hash };
    if (size === 0) this.dataDone(this.state);
  }

  /** The stream ended (or was cut): an entry whose data was cut short keeps what arrived of it. */
  finish(): TarEntry[] {
    const st = this.state;
    if (st.kind === 'data' && st.entry?.type === 'file' && !st.entry.complete) st.entry.content = Buffer.concat(st.parts);
    return this.entries;
  }

  private dataDone(st: Extract<ReaderState, { kind: 'data' }>): void {
    if (st.entry) {
      st.entry.complete = true;
      if (st.entry.type === 'file') st.entry.content = Buffer.concat(st.parts);
      if (st.hash) st.entry.sha256 = st.hash.digest('hex');
      return;
    }
    const data = Buffer.concat(st.parts);
    if (st.meta === 'x') this.pax = parsePax(data);
    else if (st.meta === 'L') this.longName = readString(data, 0, data.length);
    else if (st.meta === 'K') this.longLink = readString(data, 0, data.length);
  }
}

/** A whole archive (or the first bytes of one) in memory. */
export function parseTar(buf: Buffer, opts: TarReadOptions = {}): TarEntry[] {
  const r = new TarReader(opts);
  r.push(buf);
  return r.finish();
}

export interface TarHeaderFields {
  path: string;
  type?: TarEntryType;
  mode?: number;
  uid?: number;
  gid?: number;
  size: number;
  linkname?: string;
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
  h.write({ file: '0', dir: '5', symlink: '2', hardlink: '1', other: '3' }[type], 156, 'latin1');
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
    const size = (f.type ?? 'file') === 'file' ? content.length : 0;
    blocks.push(tarHeader({ ...f, size }));
    if (size > 0) {
      blocks.push(content);
      const pad = (BLOCK - (size % BLOCK)) % BLOCK;
      if (pad) blocks.push(Buffer.alloc(pad));
    }
  }
  blocks.push(Buffer.alloc(BLOCK * 2));
  return Buffer.concat(blocks);
}
