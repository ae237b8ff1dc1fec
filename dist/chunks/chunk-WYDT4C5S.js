import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  BLOCK,
  parsePax,
  readNumber,
  readString
} from "./chunk-G6CWDOAS.js";
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/oci/tar-list.ts
init_define_BC_HELP();
import { open } from "node:fs/promises";
async function walkTarHeaders(fh, label, visit) {
  const header = Buffer.alloc(BLOCK);
  let pos = 0;
  let longName;
  for (; ; ) {
    const { bytesRead } = await fh.read(header, 0, BLOCK, pos);
    if (bytesRead < BLOCK || header.every((b) => b === 0)) return;
    const size = readNumber(header, 124, 12);
    if (!Number.isFinite(size) || size < 0) throw new Error(`${label}: not a tar archive`);
    const flag = String.fromCharCode(header[156] ?? 0);
    const dataAt = pos + BLOCK;
    pos = dataAt + Math.ceil(size / BLOCK) * BLOCK;
    if (flag === "L" || flag === "x") {
      const data = Buffer.alloc(size);
      await fh.read(data, 0, size, dataAt);
      longName = flag === "L" ? readString(data, 0, size) : parsePax(data).path ?? longName;
      continue;
    }
    if (flag === "g") continue;
    const name = longName ?? headerName(header);
    longName = void 0;
    if (visit({ name, flag, dataAt, size }) === false) return;
  }
}
function headerName(header) {
  const name = readString(header, 0, 100);
  const prefix = readString(header, 257, 5) === "ustar" ? readString(header, 345, 155) : "";
  return prefix ? `${prefix}/${name}` : name;
}
async function listTar(path, limit = 1e5) {
  const fh = await open(path, "r");
  const names = [];
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

export {
  walkTarHeaders,
  listTar
};
