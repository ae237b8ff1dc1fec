import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  BcError
} from "./chunk-BSQYAL4K.js";
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/oci/tar-header.ts
init_define_BC_HELP();
var BLOCK = 512;
var MAX_META_BYTES = 1024 * 1024;
var TarError = class extends BcError {
  constructor(offset, problem) {
    super("failed", `tar archive is malformed at byte ${offset}: ${problem}`);
    this.offset = offset;
    this.name = "TarError";
  }
  offset;
};
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
function strictNumber(buf, off, len) {
  const first = buf[off] ?? 0;
  if (first & 128) {
    if (first === 255) return void 0;
    let n2 = first & 127;
    for (let i = 1; i < len; i++) {
      n2 = n2 * 256 + (buf[off + i] ?? 0);
      if (n2 > Number.MAX_SAFE_INTEGER) return void 0;
    }
    return n2;
  }
  const s = buf.toString("latin1", off, off + len).replace(/[\0 ]+$/, "").replace(/^ +/, "");
  if (s === "") return 0;
  if (!/^[0-7]+$/.test(s)) return void 0;
  const n = parseInt(s, 8);
  return Number.isSafeInteger(n) ? n : void 0;
}
function checksumOk(h) {
  const stored = strictNumber(h, 148, 8);
  if (stored === void 0) return false;
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const b = i >= 148 && i < 156 ? 32 : h[i];
    unsigned += b;
    signed += b > 127 ? b - 256 : b;
  }
  return stored === unsigned || stored === signed;
}
function parsePax(data) {
  try {
    return parsePaxStrict(data, 0);
  } catch {
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
}
function parsePaxStrict(data, offset) {
  const out = {};
  let i = 0;
  let end = data.length;
  while (end > 0 && data[end - 1] === 0) end--;
  while (i < end) {
    const sp = data.indexOf(32, i);
    const digits = sp < 0 ? "" : data.toString("latin1", i, sp);
    if (!/^[1-9]\d{0,8}$/.test(digits)) throw new TarError(offset, `PAX record at +${i} has no length`);
    const len = Number(digits);
    if (i + len > end || data[i + len - 1] !== 10) throw new TarError(offset, `PAX record at +${i} says ${len} bytes, which do not end in a newline inside the header`);
    const record = data.toString("utf8", sp + 1, i + len - 1);
    const eq = record.indexOf("=");
    if (eq <= 0) throw new TarError(offset, `PAX record at +${i} has no key=value`);
    const key = record.slice(0, eq);
    const value = record.slice(eq + 1);
    if (value === "") delete out[key];
    else out[key] = value;
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
var HEADER_ONLY = /* @__PURE__ */ new Set(["1", "2", "3", "4", "5", "6"]);
function normalizeTarPath(p) {
  return p.replace(/^\.\//, "").replace(/\/+$/, "");
}
var tarPadding = (size) => (BLOCK - size % BLOCK) % BLOCK;
function tarHeader(f) {
  const type = f.type ?? "file";
  const h = Buffer.alloc(BLOCK);
  h.write(f.path, 0, 100, "utf8");
  h.write(`${(f.mode ?? (type === "dir" ? 493 : type === "symlink" ? 511 : 420)).toString(8).padStart(7, "0")}\0`, 100, "latin1");
  h.write(`${(f.uid ?? 0).toString(8).padStart(7, "0")}\0`, 108, "latin1");
  h.write(`${(f.gid ?? 0).toString(8).padStart(7, "0")}\0`, 116, "latin1");
  h.write(`${f.size.toString(8).padStart(11, "0")}\0`, 124, "latin1");
  h.write("00000000000\0", 136, "latin1");
  h.write(f.flag ?? { file: "0", dir: "5", symlink: "2", hardlink: "1", other: "3" }[type], 156, "latin1");
  if (f.linkname) h.write(f.linkname, 157, 100, "utf8");
  h.write("ustar\x0000", 257, "latin1");
  h.fill(32, 148, 156);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148, "latin1");
  return h;
}

export {
  BLOCK,
  MAX_META_BYTES,
  TarError,
  readString,
  readNumber,
  strictNumber,
  checksumOk,
  parsePax,
  parsePaxStrict,
  typeOf,
  HEADER_ONLY,
  normalizeTarPath,
  tarPadding,
  tarHeader
};
