import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  init_define_BC_HELP
} from "./chunk-IOSLR57L.js";

// src/verify/tar.ts
init_define_BC_HELP();
var BLOCK = 512;
function readString(buf, off, len) {
  const slice = buf.subarray(off, off + len);
  const nul = slice.indexOf(0);
  return slice.subarray(0, nul < 0 ? slice.length : nul).toString("utf8");
}
function readNumber(buf, off, len) {
  const first = buf[off] ?? 0;
  if (first & 128) {
    let n = 0;
    for (let i = 1; i < len; i++) n = n * 256 + (buf[off + i] ?? 0);
    return n;
  }
  const s = readString(buf, off, len).trim();
  return s === "" ? 0 : parseInt(s, 8);
}
function parsePax(data) {
  const out = {};
  let i = 0;
  while (i < data.length) {
    const sp = data.indexOf(32, i);
    if (sp < 0) break;
    const len = parseInt(data.toString("utf8", i, sp), 10);
    if (!Number.isFinite(len) || len <= 0) break;
    const record = data.toString("utf8", sp + 1, i + len - 1);
    const eq = record.indexOf("=");
    if (eq > 0) out[record.slice(0, eq)] = record.slice(eq + 1);
    i += len;
  }
  return out;
}
function typeOf(flag) {
  switch (flag) {
    case "0":
    case "\0":
    case "":
    case "7":
      return "file";
    case "5":
      return "dir";
    case "2":
      return "symlink";
    case "1":
      return "hardlink";
    default:
      return "other";
  }
}
function normalizeTarPath(p) {
  return p.replace(/^\.\//, "").replace(/\/+$/, "");
}
function parseTar(buf) {
  const entries = [];
  let off = 0;
  let pax = {};
  let longName;
  let longLink;
  while (off + BLOCK <= buf.length) {
    const header = buf.subarray(off, off + BLOCK);
    if (header.every((b) => b === 0)) break;
    const size = readNumber(header, 124, 12);
    const flag = String.fromCharCode(header[156] ?? 0);
    const dataStart = off + BLOCK;
    const dataEnd = dataStart + size;
    const complete = dataEnd <= buf.length;
    off = dataStart + Math.ceil(size / BLOCK) * BLOCK;
    if (flag === "x" || flag === "g" || flag === "L" || flag === "K") {
      if (!complete) break;
      const data = buf.subarray(dataStart, dataEnd);
      if (flag === "x") pax = parsePax(data);
      else if (flag === "L") longName = readString(data, 0, data.length);
      else if (flag === "K") longLink = readString(data, 0, data.length);
      continue;
    }
    const name = readString(header, 0, 100);
    const prefix = header.toString("latin1", 257, 263).startsWith("ustar") ? readString(header, 345, 155) : "";
    const path = pax.path ?? longName ?? (prefix ? `${prefix}/${name}` : name);
    const entry = {
      path: normalizeTarPath(path),
      type: typeOf(flag),
      mode: readNumber(header, 100, 8) & 4095,
      uid: pax.uid !== void 0 ? Number(pax.uid) : readNumber(header, 108, 8),
      gid: pax.gid !== void 0 ? Number(pax.gid) : readNumber(header, 116, 8),
      size: pax.size !== void 0 ? Number(pax.size) : size,
      linkname: pax.linkpath ?? longLink ?? readString(header, 157, 100),
      complete
    };
    if (entry.type === "file") entry.content = buf.subarray(dataStart, Math.min(dataEnd, buf.length));
    entries.push(entry);
    pax = {};
    longName = void 0;
    longLink = void 0;
  }
  return entries;
}

export {
  BLOCK,
  readString,
  readNumber,
  parsePax,
  parseTar
};
