import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  docker,
  parseJson
} from "./chunk-R5RVLK2O.js";
import {
  external_exports
} from "./chunk-VFM347UL.js";
import {
  BcError
} from "./chunk-MATTDRBK.js";
import {
  init_define_BC_HELP
} from "./chunk-RB4QTDT4.js";

// src/docker/imagetools.ts
init_define_BC_HELP();
var DescriptorSchema = external_exports.object({
  mediaType: external_exports.string(),
  digest: external_exports.string(),
  size: external_exports.number().optional(),
  platform: external_exports.object({ architecture: external_exports.string(), os: external_exports.string(), variant: external_exports.string().optional() }).loose().optional(),
  annotations: external_exports.record(external_exports.string(), external_exports.string()).optional()
}).loose();
var ImagetoolsRawSchema = external_exports.object({
  name: external_exports.string().optional(),
  manifest: external_exports.object({
    mediaType: external_exports.string().optional(),
    digest: external_exports.string(),
    manifests: external_exports.array(DescriptorSchema).optional()
  }).loose()
}).loose();
function indexFacts(raw) {
  const manifests = (raw.manifest.manifests ?? []).map((m) => ({
    digest: m.digest,
    platform: m.platform ? [m.platform.os, m.platform.architecture, m.platform.variant].filter(Boolean).join("/") : "unknown/unknown"
  }));
  const real = manifests.filter((m) => m.platform !== "unknown/unknown");
  return {
    digest: raw.manifest.digest,
    platforms: real.map((m) => m.platform),
    manifests: real,
    attestations: manifests.length - real.length
  };
}
async function imagetoolsInspect(ref, opts = {}) {
  const res = await docker(["buildx", "imagetools", "inspect", "--format", "{{json .Manifest}}", ref], {
    allowFailure: true,
    timeoutMs: 6e4,
    ...opts.env ? { env: opts.env } : {}
  });
  if (res.exitCode !== 0) {
    if (/not found|manifest unknown|name unknown|404/i.test(res.stderr)) return void 0;
    throw new BcError("environment", `could not read ${ref} from its registry`, { details: res.stderr.trim().split("\n").slice(-3) });
  }
  const manifest = parseJson(ImagetoolsRawSchema.shape.manifest, res.stdout, `imagetools inspect ${ref}`);
  return { name: ref, manifest };
}
async function imagetoolsDigest(ref) {
  return (await imagetoolsInspect(ref))?.manifest.digest;
}

// src/verify/tar.ts
init_define_BC_HELP();
import { createHash } from "node:crypto";
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
var PAX_NUMBER = /^\d{1,15}$/;
var TarReader = class {
  constructor(opts = {}) {
    this.opts = opts;
  }
  opts;
  entries = [];
  /** the end-of-archive blocks were read */
  ended = false;
  /** the archive is malformed: reading stopped here */
  error;
  /** turns of the read loop so far: at most two per byte taken (the fuzz test holds it to that) */
  turns = 0;
  pending = Buffer.alloc(0);
  state = { kind: "header" };
  offset = 0;
  pax = {};
  globalPax = {};
  longName;
  longLink;
  /** stop taking input: the archive ended, or is malformed */
  get done() {
    return this.ended || this.error !== void 0;
  }
  push(chunk) {
    if (this.done) return;
    try {
      this.consume(chunk);
    } catch (err) {
      if (!(err instanceof TarError)) throw err;
      this.error = err;
      this.pending = Buffer.alloc(0);
    }
  }
  consume(chunk) {
    let buf = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = Buffer.alloc(0);
    while (!this.ended && buf.length > 0) {
      this.turns += 1;
      if (this.state.kind === "header") {
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
      if (st.padding === 0) this.state = { kind: "header" };
    }
  }
  header(h) {
    const at = this.offset;
    if (h.every((b) => b === 0)) {
      this.ended = true;
      return;
    }
    if (!checksumOk(h)) throw new TarError(at, "header checksum does not match (not a tar archive, or corrupt)");
    const headerSize = strictNumber(h, 124, 12);
    if (headerSize === void 0) throw new TarError(at, "size field is not a number");
    const flag = String.fromCharCode(h[156] ?? 0);
    if (flag === "x" || flag === "g" || flag === "L" || flag === "K") {
      if (headerSize > MAX_META_BYTES) throw new TarError(at, `${flag === "x" || flag === "g" ? "PAX" : "GNU long name"} record of ${headerSize} bytes (more than ${MAX_META_BYTES})`);
      this.state = { kind: "data", meta: flag, at, remaining: headerSize, padding: pad(headerSize), keep: headerSize, kept: 0, parts: [] };
      if (headerSize === 0) this.dataDone(this.state);
      return;
    }
    if (flag === "S" && h[482] !== 0) throw new TarError(at, "old GNU sparse members with extended sparse maps are not supported");
    const pax = { ...this.globalPax, ...this.pax };
    const size = pax.size !== void 0 ? paxNumber(pax.size, "size", at) : headerSize;
    const dataSize = HEADER_ONLY.has(flag) ? 0 : size;
    const name = readString(h, 0, 100);
    const prefix = h.toString("latin1", 257, 263) === "ustar\0" ? readString(h, 345, 155) : "";
    const mode = strictNumber(h, 100, 8);
    const uid = pax.uid !== void 0 ? paxNumber(pax.uid, "uid", at) : strictNumber(h, 108, 8);
    const gid = pax.gid !== void 0 ? paxNumber(pax.gid, "gid", at) : strictNumber(h, 116, 8);
    if (mode === void 0 || uid === void 0 || gid === void 0) throw new TarError(at, "mode, uid or gid field is not a number");
    const entry = {
      path: normalizeTarPath(pax.path ?? this.longName ?? (prefix ? `${prefix}/${name}` : name)),
      type: typeOf(flag),
      mode: mode & 4095,
      uid,
      gid,
      size: dataSize,
      linkname: pax.linkpath ?? this.longLink ?? readString(h, 157, 100),
      complete: dataSize === 0
    };
    if (entry.type === "file") entry.content = Buffer.alloc(0);
    this.entries.push(entry);
    this.pax = {};
    this.longName = void 0;
    this.longLink = void 0;
    const hash = entry.type === "file" && this.opts.hashSizes?.has(dataSize) ? createHash("sha256") : void 0;
    const keep = entry.type === "file" ? this.opts.keep?.(entry) ?? Number.POSITIVE_INFINITY : 0;
    this.state = { kind: "data", entry, at, remaining: dataSize, padding: pad(dataSize), keep, kept: 0, parts: [], hash };
    if (dataSize === 0) this.dataDone(this.state);
  }
  /**
   * The stream ended (or was cut): an entry whose data was cut short keeps
   * what arrived of it. Throws the TarError of a malformed archive.
   */
  finish() {
    if (this.error) throw this.error;
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
    if (st.meta === "x") this.pax = { ...this.pax, ...parsePaxStrict(data, st.at) };
    else if (st.meta === "g") this.globalPax = { ...this.globalPax, ...parsePaxStrict(data, st.at) };
    else if (st.meta === "L") this.longName = readString(data, 0, data.length);
    else if (st.meta === "K") this.longLink = readString(data, 0, data.length);
  }
};
var pad = (size) => (BLOCK - size % BLOCK) % BLOCK;
function paxNumber(value, key, at) {
  if (!PAX_NUMBER.test(value)) throw new TarError(at, `PAX ${key} "${value.slice(0, 40)}" is not a number`);
  return Number(value);
}
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
  indexFacts,
  imagetoolsInspect,
  imagetoolsDigest,
  BLOCK,
  readString,
  readNumber,
  parsePax,
  TarReader,
  tarHeader
};
