import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  init_define_BC_HELP
} from "./chunk-CBKKNZPR.js";

// src/verify/tar.ts
init_define_BC_HELP();
import { createHash } from "node:crypto";
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
var TarReader = class {
  constructor(opts = {}) {
    this.opts = opts;
  }
  opts;
  entries = [];
  /** the end-of-archive blocks were read */
  ended = false;
  pending = Buffer.alloc(0);
  state = { kind: "header" };
  pax = {};
  longName;
  longLink;
  push(chunk) {
    let buf = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = Buffer.alloc(0);
    while (!this.ended && buf.length > 0) {
      if (this.state.kind === "header") {
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
      if (st.padding === 0) this.state = { kind: "header" };
    }
  }
  header(h) {
    if (h.every((b) => b === 0)) {
      this.ended = true;
      return;
    }
    const size = readNumber(h, 124, 12);
    const flag = String.fromCharCode(h[156] ?? 0);
    const padding = (BLOCK - size % BLOCK) % BLOCK;
    if (flag === "x" || flag === "g" || flag === "L" || flag === "K") {
      this.state = { kind: "data", meta: flag, remaining: size, padding, keep: size, kept: 0, parts: [] };
      if (size === 0) this.dataDone(this.state);
      return;
    }
    const name = readString(h, 0, 100);
    const prefix = h.toString("latin1", 257, 263).startsWith("ustar") ? readString(h, 345, 155) : "";
    const pax = this.pax;
    const entry = {
      path: normalizeTarPath(pax.path ?? this.longName ?? (prefix ? `${prefix}/${name}` : name)),
      type: typeOf(flag),
      mode: readNumber(h, 100, 8) & 4095,
      uid: pax.uid !== void 0 ? Number(pax.uid) : readNumber(h, 108, 8),
      gid: pax.gid !== void 0 ? Number(pax.gid) : readNumber(h, 116, 8),
      size: pax.size !== void 0 ? Number(pax.size) : size,
      linkname: pax.linkpath ?? this.longLink ?? readString(h, 157, 100),
      complete: size === 0
    };
    if (entry.type === "file") entry.content = Buffer.alloc(0);
    this.entries.push(entry);
    this.pax = {};
    this.longName = void 0;
    this.longLink = void 0;
    const hash = entry.type === "file" && this.opts.hashSizes?.has(size) ? createHash("sha256") : void 0;
    const keep = entry.type === "file" ? this.opts.keep?.(entry) ?? Number.POSITIVE_INFINITY : 0;
    this.state = { kind: "data", entry, remaining: size, padding, keep, kept: 0, parts: [], hash };
    if (size === 0) this.dataDone(this.state);
  }
  /** The stream ended (or was cut): an entry whose data was cut short keeps what arrived of it. */
  finish() {
    const st = this.state;
    if (st.kind === "data" && st.entry?.type === "file" && !st.entry.complete) st.entry.content = Buffer.concat(st.parts);
    return this.entries;
  }
  dataDone(st) {
    if (st.entry) {
      st.entry.complete = true;
      if (st.entry.type === "file") st.entry.content = Buffer.concat(st.parts);
      if (st.hash) st.entry.sha256 = st.hash.digest("hex");
      return;
    }
    const data = Buffer.concat(st.parts);
    if (st.meta === "x") this.pax = parsePax(data);
    else if (st.meta === "L") this.longName = readString(data, 0, data.length);
    else if (st.meta === "K") this.longLink = readString(data, 0, data.length);
  }
};
function tarHeader(f) {
  const type = f.type ?? "file";
  const h = Buffer.alloc(BLOCK);
  h.write(f.path, 0, 100, "utf8");
  h.write(`${(f.mode ?? (type === "dir" ? 493 : type === "symlink" ? 511 : 420)).toString(8).padStart(7, "0")}\0`, 100, "latin1");
  h.write(`${(f.uid ?? 0).toString(8).padStart(7, "0")}\0`, 108, "latin1");
  h.write(`${(f.gid ?? 0).toString(8).padStart(7, "0")}\0`, 116, "latin1");
  h.write(`${f.size.toString(8).padStart(11, "0")}\0`, 124, "latin1");
  h.write("00000000000\0", 136, "latin1");
  h.write({ file: "0", dir: "5", symlink: "2", hardlink: "1", other: "3" }[type], 156, "latin1");
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
  readString,
  readNumber,
  parsePax,
  TarReader,
  tarHeader
};
