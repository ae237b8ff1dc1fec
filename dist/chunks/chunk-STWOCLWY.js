import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  walkTarHeaders
} from "./chunk-WYDT4C5S.js";
import {
  BLOCK,
  tarHeader,
  tarPadding
} from "./chunk-G6CWDOAS.js";
import {
  DigestSchema
} from "./chunk-FLBFUWAO.js";
import {
  external_exports
} from "./chunk-SVKG5X7A.js";
import {
  BcError
} from "./chunk-BSQYAL4K.js";
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/oci/layout.ts
init_define_BC_HELP();
import { createReadStream, createWriteStream } from "node:fs";
import { open, readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
var DescriptorSchema = external_exports.object({
  mediaType: external_exports.string(),
  digest: DigestSchema,
  size: external_exports.number(),
  platform: external_exports.object({ os: external_exports.string(), architecture: external_exports.string(), variant: external_exports.string().optional() }).loose().optional(),
  annotations: external_exports.record(external_exports.string(), external_exports.string()).optional()
}).loose();
var IndexSchema = external_exports.object({ manifests: external_exports.array(DescriptorSchema) }).loose();
var ManifestSchema = external_exports.object({ config: DescriptorSchema }).loose();
var ConfigSchema = external_exports.object({ os: external_exports.string(), architecture: external_exports.string(), variant: external_exports.string().optional() }).loose();
var INDEX_TYPES = /* @__PURE__ */ new Set(["application/vnd.oci.image.index.v1+json", "application/vnd.docker.distribution.manifest.list.v2+json"]);
async function tarIndex(fh, label) {
  const entries = /* @__PURE__ */ new Map();
  await walkTarHeaders(fh, label, (m) => {
    if (m.flag === "0" || m.flag === "\0") entries.set(m.name.replace(/^\.\//, ""), { offset: m.dataAt, size: m.size });
  });
  return entries;
}
async function openOciLayout(path) {
  const st = await stat(path);
  if (st.isDirectory()) {
    return {
      async file(name) {
        const f = join(path, ...name.split("/"));
        const s = await stat(f).catch(() => void 0);
        if (!s?.isFile()) return void 0;
        return { size: s.size, read: () => readFile(f), stream: () => createReadStream(f) };
      }
    };
  }
  const fh = await open(path, "r");
  let entries;
  try {
    entries = await tarIndex(fh, path);
  } finally {
    await fh.close();
  }
  return {
    async file(name) {
      const e = entries.get(name);
      if (!e) return void 0;
      return {
        size: e.size,
        read: async () => {
          const h = await open(path, "r");
          try {
            const buf = Buffer.alloc(e.size);
            await h.read(buf, 0, e.size, e.offset);
            return buf;
          } finally {
            await h.close();
          }
        },
        stream: () => e.size === 0 ? Readable.from([]) : createReadStream(path, { start: e.offset, end: e.offset + e.size - 1 })
      };
    }
  };
}
async function writeLayoutTar(dir, dest) {
  const files = [];
  const walk = async (rel) => {
    for (const e of await readdir(join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(r);
      else if (e.isFile()) files.push(r);
    }
  };
  await walk("");
  files.sort();
  const out = createWriteStream(dest);
  const write = (b) => new Promise((resolve, reject) => out.write(b, (err) => err ? reject(err) : resolve()));
  try {
    for (const name of files) {
      const abs = join(dir, ...name.split("/"));
      const { size } = await stat(abs);
      if (Buffer.byteLength(name) > 100) throw new Error(`path too long for a ustar header: ${name}`);
      await write(tarHeader({ path: name, size }));
      for await (const chunk of createReadStream(abs)) await write(chunk);
      const pad = tarPadding(size);
      if (pad) await write(Buffer.alloc(pad));
    }
    await write(Buffer.alloc(BLOCK * 2));
  } finally {
    await new Promise((resolve) => out.end(resolve));
  }
}
function platformOf(p) {
  return [p.os, p.architecture, p.variant].filter((x) => x !== void 0 && x !== "").join("/");
}
async function readOciArchive(path) {
  let layout;
  try {
    layout = await openOciLayout(path);
  } catch {
    throw new BcError("failed", `OCI archive ${path} was not written`, { step: "build" });
  }
  try {
    const json = async (schema, name) => {
      const f = await layout.file(name);
      if (!f) throw new BcError("failed", `OCI archive ${path}: ${name} is missing`, { step: "build" });
      if (f.size > 4 * 1024 * 1024) throw new Error(`${name} too large (${f.size} bytes)`);
      const parsed = schema.safeParse(JSON.parse((await f.read()).toString("utf8")));
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
  }
}

export {
  INDEX_TYPES,
  openOciLayout,
  writeLayoutTar,
  readOciArchive
};
