/**
 * Walk the member headers of a tar file without reading its data: 512-byte
 * headers, seeking over each member's data. A 500 MB OCI layout tarball is
 * indexed in milliseconds (layout.ts), and the java distribution tarball's
 * names are listed (render needs the name of its bin/ launcher script).
 * Handles ustar prefixes, GNU long names and PAX path records.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { BLOCK, parsePax, readNumber, readString } from './tar-header.js';

interface TarMember {
  /** the name, with its ustar prefix, GNU long name or PAX path applied */
  name: string;
  /** the raw typeflag ('0' or NUL: a file, '5' a directory, ...) */
  flag: string;
  /** where the member's data starts in the file */
  dataAt: number;
  size: number;
}

/**
 * Every member header of the archive, in order; meta records (PAX, GNU long
 * names) are applied to the next member, not visited. `visit` returns false
 * to stop. `label` names the archive in errors.
 */
export async function walkTarHeaders(fh: FileHandle, label: string, visit: (m: TarMember) => boolean | void): Promise<void> {
  const header = Buffer.alloc(BLOCK);
  let pos = 0;
  let longName: string | undefined;
  for (;;) {
    const { bytesRead } = await fh.read(header, 0, BLOCK, pos);
    if (bytesRead < BLOCK || header.every((b) => b === 0)) return;
    const size = readNumber(header, 124, 12);
    if (!Number.isFinite(size) || size < 0) throw new Error(`${label}: not a tar archive`);
    const flag = String.fromCharCode(header[156] ?? 0);
    const dataAt = pos + BLOCK;
    pos = dataAt + Math.ceil(size / BLOCK) * BLOCK;
    if (flag === 'L' || flag === 'x') {
      const data = Buffer.alloc(size);
      await fh.read(data, 0, size, dataAt);
      longName = flag === 'L' ? readString(data, 0, size) : (parsePax(data).path ?? longName);
      continue;
    }
    if (flag === 'g') continue;
    const name = longName ?? headerName(header);
    longName = undefined;
    if (visit({ name, flag, dataAt, size }) === false) return;
  }
}

/** The name field with its ustar prefix (POSIX and GNU both mark "ustar"). */
function headerName(header: Buffer): string {
  const name = readString(header, 0, 100);
  const prefix = readString(header, 257, 5) === 'ustar' ? readString(header, 345, 155) : '';
  return prefix ? `${prefix}/${name}` : name;
}

/** The names of a tar file's members (at most `limit`). */
export async function listTar(path: string, limit = 100_000): Promise<string[]> {
  const fh = await open(path, 'r');
  const names: string[] = [];
  try {
    await walkTarHeaders(fh, path, (m) => {
      names.push(m.name);
      return names.length < limit;
    });
  } finally {
    await fh.close();
  }
  return names;
}
