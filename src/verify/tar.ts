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

export function parseTar(buf: Buffer): TarEntry[] {
  const entries: TarEntry[] = [];
  let off = 0;
  let pax: Record<string, string> = {};
  let longName: string | undefined;
  let longLink: string | undefined;
  while (off + BLOCK <= buf.length) {
    const header = buf.subarray(off, off + BLOCK);
    if (header.every((b) => b === 0)) break;
    const size = readNumber(header, 124, 12);
    const flag = String.fromCharCode(header[156] ?? 0);
    const dataStart = off + BLOCK;
    const dataEnd = dataStart + size;
    const complete = dataEnd <= buf.length;
    off = dataStart + Math.ceil(size / BLOCK) * BLOCK;
    if (flag === 'x' || flag === 'g' || flag === 'L' || flag === 'K') {
      if (!complete) break;
      const data = buf.subarray(dataStart, dataEnd);
      if (flag === 'x') pax = parsePax(data);
      else if (flag === 'L') longName = readString(data, 0, data.length);
      else if (flag === 'K') longLink = readString(data, 0, data.length);
      continue;
    }
    const name = readString(header, 0, 100);
    const prefix = header.toString('latin1', 257, 263).startsWith('ustar') ? readString(header, 345, 155) : '';
    const path = pax.path ?? longName ?? (prefix ? `${prefix}/${name}` : name);
    const entry: TarEntry = {
      path: normalizeTarPath(path),
      type: typeOf(flag),
      mode: readNumber(header, 100, 8) & 0o7777,
      uid: pax.uid !== undefined ? Number(pax.uid) : readNumber(header, 108, 8),
      gid: pax.gid !== undefined ? Number(pax.gid) : readNumber(header, 116, 8),
      size: pax.size !== undefined ? Number(pax.size) : size,
      linkname: pax.linkpath ?? longLink ?? readString(header, 157, 100),
      complete,
    };
    if (entry.type === 'file') entry.content = buf.subarray(dataStart, Math.min(dataEnd, buf.length));
    entries.push(entry);
    pax = {};
    longName = undefined;
    longLink = undefined;
  }
  return entries;
}

/** Build a tar archive (tests, and fixtures made in memory). */
export function makeTar(files: { path: string; type?: TarEntryType; mode?: number; uid?: number; gid?: number; content?: Buffer | string; linkname?: string }[]): Buffer {
  const blocks: Buffer[] = [];
  for (const f of files) {
    const content = f.content === undefined ? Buffer.alloc(0) : Buffer.from(f.content);
    const type = f.type ?? 'file';
    const h = Buffer.alloc(BLOCK);
    h.write(f.path, 0, 100, 'utf8');
    h.write(`${(f.mode ?? (type === 'dir' ? 0o755 : type === 'symlink' ? 0o777 : 0o644)).toString(8).padStart(7, '0')}\0`, 100, 'latin1');
    h.write(`${(f.uid ?? 0).toString(8).padStart(7, '0')}\0`, 108, 'latin1');
    h.write(`${(f.gid ?? 0).toString(8).padStart(7, '0')}\0`, 116, 'latin1');
    const size = type === 'file' ? content.length : 0;
    h.write(`${size.toString(8).padStart(11, '0')}\0`, 124, 'latin1');
    h.write('00000000000\0', 136, 'latin1');
    h.write({ file: '0', dir: '5', symlink: '2', hardlink: '1', other: '3' }[type], 156, 'latin1');
    if (f.linkname) h.write(f.linkname, 157, 100, 'utf8');
    h.write('ustar\x0000', 257, 'latin1');
    h.fill(0x20, 148, 156);
    let sum = 0;
    for (const b of h) sum += b;
    h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
    blocks.push(h);
    if (size > 0) {
      blocks.push(content);
      const pad = (BLOCK - (size % BLOCK)) % BLOCK;
      if (pad) blocks.push(Buffer.alloc(pad));
    }
  }
  blocks.push(Buffer.alloc(BLOCK * 2));
  return Buffer.concat(blocks);
}
