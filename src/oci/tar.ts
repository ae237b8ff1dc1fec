/**
 * A small tar reader for the streams `docker cp CONTAINER:PATH -` writes.
 * Reading the archive ourselves (numeric uid/gid, mode, type, link target,
 * content) means no shell and no tools are needed inside the image: the
 * checks work on distroless and FROM-scratch images too.
 *
 * Handles ustar, PAX extended headers (Go's archive/tar, which docker uses,
 * writes them for long names and big sizes) and GNU long names. A truncated
 * buffer (output cap reached) yields the entries read so far; a malformed
 * one is a TarError naming the byte.
 */
import { createHash, type Hash } from 'node:crypto';
import { BLOCK, checksumOk, HEADER_ONLY, MAX_META_BYTES, normalizeTarPath, parsePaxStrict, readString, strictNumber, TarError, tarPadding, typeOf, type TarEntryType } from './tar-header.js';

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
      /** where the member's header began, for errors */
      at: number;
      remaining: number;
      padding: number;
      keep: number;
      kept: number;
      parts: Buffer[];
      hash?: Hash;
    };

const PAX_NUMBER = /^\d{1,15}$/;

/**
 * Incremental tar reader: feed it chunks as they arrive (`push`), so a
 * multi-gigabyte tree is listed, and its files hashed, without holding it in
 * memory. Entries appear as soon as their header is read; `complete` turns
 * true once all their data went by.
 *
 * A member's data is exactly its size — the PAX `size` when there is one,
 * else the header's — so no byte of a member is ever read as a header.
 * PAX `path`, `linkpath`, `uid`, `gid` and GNU long names (L) and links
 * (K) apply to the next member; PAX global records (g) to every later one.
 * A malformed archive (bad checksum, bad number, bad PAX record, a meta
 * record over MAX_META_BYTES) stops the reader: `error` is set, later
 * chunks are ignored, and `finish()` throws it.
 */
export class TarReader {
  readonly entries: TarEntry[] = [];
  /** the end-of-archive blocks were read */
  ended = false;
  /** the archive is malformed: reading stopped here */
  error: TarError | undefined;
  /** turns of the read loop so far: at most two per byte taken (the fuzz test holds it to that) */
  turns = 0;
  private pending: Buffer = Buffer.alloc(0);
  private state: ReaderState = { kind: 'header' };
  private offset = 0;
  private pax: Record<string, string> = {};
  private globalPax: Record<string, string> = {};
  private longName: string | undefined;
  private longLink: string | undefined;

  constructor(private readonly opts: TarReadOptions = {}) {}

  /** stop taking input: the archive ended, or is malformed */
  get done(): boolean {
    return this.ended || this.error !== undefined;
  }

  push(chunk: Buffer): void {
    if (this.done) return;
    try {
      this.consume(chunk);
    } catch (err) {
      if (!(err instanceof TarError)) throw err;
      this.error = err;
      this.pending = Buffer.alloc(0);
    }
  }

  private consume(chunk: Buffer): void {
    let buf = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = Buffer.alloc(0);
    // every turn takes a header block or at least one byte of data or padding
    while (!this.ended && buf.length > 0) {
      this.turns += 1;
      if (this.state.kind === 'header') {
        if (buf.length < BLOCK) {
          this.pending = Buffer.from(buf);
          return;
        }
        this.header(buf.subarray(0, BLOCK));
        buf = buf.subarray(BLOCK);
        this.offset += BLOCK;
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
        this.offset += take.length;
        if (st.remaining > 0) return;
        this.dataDone(st);
      }
      const skip = Math.min(st.padding, buf.length);
      st.padding -= skip;
      buf = buf.subarray(skip);
      this.offset += skip;
      if (st.padding === 0) this.state = { kind: 'header' };
    }
  }

  private header(h: Buffer): void {
    const at = this.offset;
    if (h.every((b) => b === 0)) {
      this.ended = true;
      return;
    }
    if (!checksumOk(h)) throw new TarError(at, 'header checksum does not match (not a tar archive, or corrupt)');
    const headerSize = strictNumber(h, 124, 12);
    if (headerSize === undefined) throw new TarError(at, 'size field is not a number');
    const flag = String.fromCharCode(h[156] ?? 0);
    if (flag === 'x' || flag === 'g' || flag === 'L' || flag === 'K') {
      if (headerSize > MAX_META_BYTES) throw new TarError(at, `${flag === 'x' || flag === 'g' ? 'PAX' : 'GNU long name'} record of ${headerSize} bytes (more than ${MAX_META_BYTES})`);
      this.state = { kind: 'data', meta: flag, at, remaining: headerSize, padding: tarPadding(headerSize), keep: headerSize, kept: 0, parts: [] };
      if (headerSize === 0) this.dataDone(this.state);
      return;
    }
    // old GNU sparse members continue their map in extra header blocks the size does not count
    if (flag === 'S' && h[482] !== 0) throw new TarError(at, 'old GNU sparse members with extended sparse maps are not supported');
    const pax = { ...this.globalPax, ...this.pax };
    const size = pax.size !== undefined ? paxNumber(pax.size, 'size', at) : headerSize;
    const dataSize = HEADER_ONLY.has(flag) ? 0 : size;
    const name = readString(h, 0, 100);
    // POSIX ustar ("ustar\0") has a name prefix; GNU ("ustar  \0") keeps times there
    const prefix = h.toString('latin1', 257, 263) === 'ustar\0' ? readString(h, 345, 155) : '';
    const mode = strictNumber(h, 100, 8);
    const uid = pax.uid !== undefined ? paxNumber(pax.uid, 'uid', at) : strictNumber(h, 108, 8);
    const gid = pax.gid !== undefined ? paxNumber(pax.gid, 'gid', at) : strictNumber(h, 116, 8);
    if (mode === undefined || uid === undefined || gid === undefined) throw new TarError(at, 'mode, uid or gid field is not a number');
    const entry: TarEntry = {
      path: normalizeTarPath(pax.path ?? this.longName ?? (prefix ? `${prefix}/${name}` : name)),
      type: typeOf(flag),
      mode: mode & 0o7777,
      uid,
      gid,
      size: dataSize,
      linkname: pax.linkpath ?? this.longLink ?? readString(h, 157, 100),
      complete: dataSize === 0,
    };
    if (entry.type === 'file') entry.content = Buffer.alloc(0);
    this.entries.push(entry);
    this.pax = {};
    this.longName = undefined;
    this.longLink = undefined;
    const hash = entry.type === 'file' && this.opts.hashSizes?.has(dataSize) ? createHash('sha256') : undefined;
    const keep = entry.type === 'file' ? (this.opts.keep?.(entry) ?? Number.POSITIVE_INFINITY) : 0;
    this.state = { kind: 'data', entry, at, remaining: dataSize, padding: tarPadding(dataSize), keep, kept: 0, parts: [], hash };
    if (dataSize === 0) this.dataDone(this.state);
  }

  /**
   * The stream ended (or was cut): an entry whose data was cut short keeps
   * what arrived of it. Throws the TarError of a malformed archive.
   */
  finish(): TarEntry[] {
    if (this.error) throw this.error;
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
    // consecutive records add up; a later key wins
    if (st.meta === 'x') this.pax = { ...this.pax, ...parsePaxStrict(data, st.at) };
    else if (st.meta === 'g') this.globalPax = { ...this.globalPax, ...parsePaxStrict(data, st.at) };
    else if (st.meta === 'L') this.longName = readString(data, 0, data.length);
    else if (st.meta === 'K') this.longLink = readString(data, 0, data.length);
  }
}

function paxNumber(value: string, key: string, at: number): number {
  if (!PAX_NUMBER.test(value)) throw new TarError(at, `PAX ${key} "${value.slice(0, 40)}" is not a number`);
  return Number(value);
}

/** A whole archive (or the first bytes of one) in memory; throws TarError when it is malformed. */
export function parseTar(buf: Buffer, opts: TarReadOptions = {}): TarEntry[] {
  const r = new TarReader(opts);
  r.push(buf);
  return r.finish();
}
