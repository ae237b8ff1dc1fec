import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  INDEX_TYPES,
  openOciLayout
} from "./chunk-STWOCLWY.js";
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

// src/publish/push.ts
init_define_BC_HELP();
import { Readable } from "node:stream";
var Descriptor = external_exports.object({ mediaType: external_exports.string(), digest: DigestSchema, size: external_exports.number() }).loose();
var ManifestOrIndex = external_exports.object({
  mediaType: external_exports.string().optional(),
  manifests: external_exports.array(Descriptor).optional(),
  config: Descriptor.optional(),
  layers: external_exports.array(Descriptor).optional()
}).loose();
async function pushArchiveByDigest(client, repo, archive, digest, opts = {}) {
  const stats = { blobsUploaded: 0, blobsMounted: 0, blobsPresent: 0, bytesUploaded: 0, manifestsWritten: 0, manifestsPresent: 0 };
  const layout = await openOciLayout(archive);
  const fileOf = async (d) => {
    const f = await layout.file(`blobs/sha256/${d.slice("sha256:".length)}`);
    if (!f) throw new BcError("failed", `OCI archive ${archive} lacks blob ${d}`, { step: "push" });
    return f;
  };
  const readSmall = async (d) => (await fileOf(d)).read();
  const manifests = [];
  const blobs = /* @__PURE__ */ new Map();
  const visit = async (d, mediaType) => {
    const bytes = await readSmall(d);
    const parsed = ManifestOrIndex.safeParse(JSON.parse(bytes.toString("utf8")));
    if (!parsed.success) throw new BcError("failed", `OCI archive ${archive}: ${d} is not a manifest`, { step: "push" });
    if (INDEX_TYPES.has(mediaType)) for (const m of parsed.data.manifests ?? []) await visit(m.digest, m.mediaType);
    else for (const b of [parsed.data.config, ...parsed.data.layers ?? []]) if (b) blobs.set(b.digest, b.size);
    manifests.push({ digest: d, mediaType: parsed.data.mediaType ?? mediaType, bytes });
  };
  await visit(digest, "application/vnd.oci.image.index.v1+json");
  for (const [d, size] of blobs) {
    if (await client.blobExists(repo, d)) {
      stats.blobsPresent++;
      continue;
    }
    let mounted = false;
    for (const from of opts.mountFrom ?? []) {
      if (from !== repo && await client.mountBlob(repo, d, from)) {
        mounted = true;
        break;
      }
    }
    if (mounted) {
      stats.blobsMounted++;
      continue;
    }
    const f = await fileOf(d);
    if (f.size !== size) throw new BcError("failed", `OCI archive ${archive}: blob ${d} is ${f.size} bytes, its descriptor says ${size}`, { step: "push" });
    opts.log?.(`push: upload ${d.slice(0, 19)} (${(size / 1e6).toFixed(1)} MB)`);
    await client.uploadBlob(
      repo,
      d,
      size,
      () => size === 0 ? new ReadableStream({ start: (c) => c.close() }) : Readable.toWeb(f.stream())
    );
    stats.blobsUploaded++;
    stats.bytesUploaded += size;
  }
  for (const m of manifests) {
    if ((await client.headManifest(repo, m.digest))?.digest === m.digest) {
      stats.manifestsPresent++;
      continue;
    }
    const written = await client.putManifest(repo, m.digest, { bytes: m.bytes, mediaType: m.mediaType });
    if (written !== m.digest) throw new BcError("failed", `push: the registry stored ${m.digest} as ${written}`, { step: "push" });
    stats.manifestsWritten++;
  }
  return stats;
}

export {
  pushArchiveByDigest
};
