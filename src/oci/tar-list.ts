/**
 * List the entry names of a tar archive by reading its headers only (the
 * java distribution tarball: we need the name of its bin/ launcher script).
 * Handles ustar prefixes, GNU long names and pax path records.
 */
import { open } from 'node:fs/promises';
// One tar header reader for the project (verify reads image tars with it).
import { BLOCK, parsePax, readNumber, readString } from '../verify/tar.js';

export async function listTar(path: string, limit = 100_000): Promise<string[]> {
  const fh = await open(path, 'r');
  const names: string[] = [];
  try {
    let offset = 0;
    let longName: string | undefined;
    const header = Buffer.alloc(BLOCK);
    while (names.length < limit) {
      const { bytesRead } = await fh.read(header, 0, BLOCK, offset);
      if (bytesRead < BLOCK || header.every((b) => b === 0)) break;
      const size = readNumber(header, 124, 12);
      if (!Number.isFinite(size) || size < 0) throw new Error(`${path}: not a tar archive`);
      const type = String.fromCharCode(header[156] ?? 48);
      const dataStart = offset + BLOCK;
      if (type === 'L' || type === 'x') {
        const data = Buffer.alloc(size);
        await fh.read(data, 0, size, dataStart);
        if (type === 'L') longName = readString(data, 0, size);
        else longName = parsePax(data).path ?? longName;
      } else if (type !== 'g') {
        let name = readString(header, 0, 100);
        if (readString(header, 257, 5) === 'ustar') {
          const prefix = readString(header, 345, 155);
          if (prefix) name = `${prefix}/${name}`;
        }
        names.push(longName ?? name);
        longName = undefined;
      }
      offset = dataStart + Math.ceil(size / BLOCK) * BLOCK;
    }
  } finally {
    await fh.close();
  }
  return names;
}
