import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  external_exports
} from "./chunk-EOVLSTFT.js";
import {
  BcError
} from "./chunk-G6GUSTSF.js";
import {
  init_define_BC_HELP
} from "./chunk-IOSLR57L.js";

// src/build/oci-archive.ts
init_define_BC_HELP();
import { open } from "node:fs/promises";
var BLOCK = 512;
var DescriptorSchema = external_exports.object({
  mediaType: external_exports.string(),
  digest: external_exports.string().regex(/^sha256:[0-9a-f]{64}$/),
  size: external_exports.number(),
  platform: external_exports.object({ os: external_exports.string(), architecture: external_exports.string(), variant: external_exports.string().optional() }).loose().optional(),
  annotations: external_exports.record(external_exports.string(), external_exports.string()).optional()
}).loose();
var IndexSchema = external_exports.object({ manifests: external_exports.array(DescriptorSchema) }).loose();
var ManifestSchema = external_exports.object({ config: DescriptorSchema }).loose();
var ConfigSchema = external_exports.object({ os: external_exports.string(), architecture: external_exports.string(), variant: external_exports.string().optional() }).loose();
var INDEX_TYPES = /* @__PURE__ */ new Set(["application/vnd.oci.image.index.v1+json", "application/vnd.docker.distribution.manifest.list.v2+json"]);
function octal(buf, start, len) {
  if ((buf[start] ?? 0) & 128) {
    let n = 0;
    for (let i = start + 1; i < start + len; i++) n = n * 256 + (buf[i] ?? 0);
    return n;
  }
  const s = buf.toString("latin1", start, start + len).replace(/\0.*$/s, "").trim();
  return s === "" ? 0 : Number.parseInt(s, 8);
}
var cstr = (buf, start, len) => buf.toString("utf8", start, start + len).replace(/\0.*$/s, "");
async function listTar(fh) {
  const entries = /* @__PURE__ */ new Map();
  const header = Buffer.alloc(BLOCK);
  let pos = 0;
  let longName;
  for (; ; ) {
    const { bytesRead } = await fh.read(header, 0, BLOCK, pos);
    if (bytesRead < BLOCK || header.every((b) => b === 0)) break;
    const size = octal(header, 124, 12);
    const type = String.fromCharCode(header[156] ?? 0);
    const dataAt = pos + BLOCK;
    let name = cstr(header, 0, 100);
    const prefix = header.toString("latin1", 257, 262) === "ustar" ? cstr(header, 345, 155) : "";
    if (prefix) name = `${prefix}/${name}`;
    if (type === "L" || type === "x") {
      const data = Buffer.alloc(size);
      await fh.read(data, 0, size, dataAt);
      if (type === "L") longName = cstr(data, 0, size);
      else {
        const m = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(data.toString("utf8"));
        if (m?.[1]) longName = m[1];
      }
    } else {
      if (longName !== void 0) name = longName;
      longName = void 0;
      if (type === "0" || type === "\0") entries.set(name.replace(/^\.\//, ""), { offset: dataAt, size });
    }
    pos = dataAt + Math.ceil(size / BLOCK) * BLOCK;
  }
  return entries;
}
async function readEntry(fh, e, max = 4 * 1024 * 1024) {
  if (e.size > max) throw new Error(`entry too large (${e.size} bytes)`);
  const buf = Buffer.alloc(e.size);
  await fh.read(buf, 0, e.size, e.offset);
  return buf.toString("utf8");
}
function platformOf(p) {
  return [p.os, p.architecture, p.variant].filter((x) => x !== void 0 && x !== "").join("/");
}
async function readOciArchive(path) {
  let fh;
  try {
    fh = await open(path, "r");
  } catch {
    throw new BcError("failed", `OCI archive ${path} was not written`, { step: "build" });
  }
  try {
    const entries = await listTar(fh);
    const json = async (schema, name) => {
      const e = entries.get(name);
      if (!e) throw new BcError("failed", `OCI archive ${path}: ${name} is missing`, { step: "build" });
      const parsed = schema.safeParse(JSON.parse(await readEntry(fh, e)));
      if (!parsed.success) throw new BcError("failed", `OCI archive ${path}: ${name} has an unexpected shape`, { step: "build" });
      return parsed.data;
    };
    const blob = (digest) => `blobs/sha256/${digest.slice("sha256:".length)}`;
    const top = await json(IndexSchema, "index.json");
    const root = top.manifests[0];
    if (!root) throw new BcError("failed", `OCI archive ${path}: index.json lists no image`, { step: "build" });
    const names = top.manifests.map((m) => m.annotations?.["io.containerd.image.name"] ?? m.annotations?.["org.opencontainers.image.ref.name"]).filter((n) => typeof n === "string");
    if (INDEX_TYPES.has(root.mediaType)) {
      const idx = await json(IndexSchema, blob(root.digest));
      const all = idx.manifests.map((m) => ({ platform: m.platform ? platformOf(m.platform) : "unknown/unknown", digest: m.digest }));
      const real = all.filter((m) => m.platform !== "unknown/unknown");
      return { digest: root.digest, mediaType: root.mediaType, manifests: real, attestations: all.length - real.length, names };
    }
    const manifest = await json(ManifestSchema, blob(root.digest));
    const config = await json(ConfigSchema, blob(manifest.config.digest));
    return { digest: root.digest, mediaType: root.mediaType, manifests: [{ platform: platformOf(config), digest: root.digest }], attestations: 0, names };
  } catch (err) {
    if (err instanceof BcError) throw err;
    throw new BcError("failed", `OCI archive ${path} is not readable: ${err instanceof Error ? err.message : String(err)}`, { step: "build" });
  } finally {
    await fh.close();
  }
}

export {
  listTar,
  readOciArchive
};
