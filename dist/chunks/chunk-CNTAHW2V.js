import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  INDEX_TYPES,
  openOciLayout
} from "./chunk-CPIF7QPF.js";
import {
  BcError
} from "./chunk-UKZEXR6B.js";
import {
  external_exports
} from "./chunk-4G6BOLVH.js";
import {
  init_define_BC_HELP
} from "./chunk-CBKKNZPR.js";

// src/core/request.ts
init_define_BC_HELP();
var defaultLog = (l) => void process.stderr.write(`${l}
`);

// src/publish/push.ts
init_define_BC_HELP();
import { Readable } from "node:stream";
var Descriptor = external_exports.object({ mediaType: external_exports.string(), digest: external_exports.string().regex(/^sha256:[0-9a-f]{64}$/), size: external_exports.number() }).loose();
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
    if (!f) throw new BcError("failed", `OCI archive ${archive} lacks blob ${d}`, { step: "publish" });
    return f;
  };
  const readSmall = async (d) => (await fileOf(d)).read();
  const manifests = [];
  const blobs = /* @__PURE__ */ new Map();
  const visit = async (d, mediaType) => {
    const bytes = await readSmall(d);
    const parsed = ManifestOrIndex.safeParse(JSON.parse(bytes.toString("utf8")));
    if (!parsed.success) throw new BcError("failed", `OCI archive ${archive}: ${d} is not a manifest`, { step: "publish" });
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
    if (f.size !== size) throw new BcError("failed", `OCI archive ${archive}: blob ${d} is ${f.size} bytes, its descriptor says ${size}`, { step: "publish" });
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
    if (written !== m.digest) throw new BcError("failed", `push: the registry stored ${m.digest} as ${written}`, { step: "publish" });
    stats.manifestsWritten++;
  }
  return stats;
}

// src/publish/apply.ts
init_define_BC_HELP();
var IndexSchema = external_exports.object({
  mediaType: external_exports.string().optional(),
  manifests: external_exports.array(
    external_exports.object({
      digest: external_exports.string(),
      platform: external_exports.object({ os: external_exports.string(), architecture: external_exports.string(), variant: external_exports.string().optional() }).loose().optional(),
      annotations: external_exports.record(external_exports.string(), external_exports.string()).optional()
    }).loose()
  )
}).loose();
function indexFactsFromBytes(digest, bytes) {
  let raw;
  try {
    raw = JSON.parse(bytes.toString("utf8"));
  } catch {
    return void 0;
  }
  const parsed = IndexSchema.safeParse(raw);
  if (!parsed.success) return void 0;
  const platforms = {};
  let attestations = 0;
  for (const m of parsed.data.manifests) {
    const p = m.platform;
    const name = p ? [p.os, p.architecture, p.variant].filter(Boolean).join("/") : "unknown/unknown";
    if (name === "unknown/unknown" || m.annotations?.["vnd.docker.reference.type"] === "attestation-manifest") attestations++;
    else platforms[name] = m.digest;
  }
  return { digest, platforms, attestations };
}
function compareImages(existing, existingDigest, built) {
  if (existingDigest === built.digest) return { same: true, how: "index digest" };
  if (!existing) return { same: false, why: "the published image is a single manifest, not a multi-platform index" };
  const a = Object.entries(existing.platforms).sort();
  const b = Object.entries(built.platforms).sort();
  if (a.length === b.length && a.every(([p, d], i) => b[i]?.[0] === p && b[i]?.[1] === d)) return { same: true, how: "platform images" };
  const diff = b.filter(([p, d]) => existing.platforms[p] !== d).map(([p]) => p);
  return { same: false, why: diff.length > 0 ? `different image for ${diff.join(", ")}` : "different platform set" };
}
async function pushByDigest(ctx, archive, digest, mountFrom = []) {
  return pushArchiveByDigest(ctx.client, ctx.repo, archive, digest, { mountFrom, log: ctx.log });
}
async function readBack(ctx, built, platforms) {
  const m = await ctx.client.getManifest(ctx.repo, built.digest);
  if (!m) throw new BcError("failed", `read back: ${ctx.registry}/${ctx.repo}@${built.digest} is not in the registry after the push`, { step: "publish" });
  const facts = indexFactsFromBytes(m.digest, m.bytes);
  if (!facts) throw new BcError("failed", `read back: ${built.digest} is not a multi-platform index`, { step: "publish" });
  const missing = platforms.filter((p) => !facts.platforms[p]);
  if (missing.length > 0) throw new BcError("failed", `read back: the pushed index lacks ${missing.join(", ")}`, { step: "publish" });
  for (const [p, d] of Object.entries(built.platforms)) {
    if (facts.platforms[p] !== d) throw new BcError("failed", `read back: ${p} is ${facts.platforms[p] ?? "missing"} in the registry, ${d} was verified`, { step: "publish" });
  }
  return m;
}
async function applyTags(ctx, plan, manifest) {
  const out = [];
  for (const t of plan.tags) {
    const now = await ctx.client.headManifest(ctx.repo, t.tag);
    if (now?.digest === manifest.digest) {
      out.push({ tag: t.tag, action: "unchanged" });
      continue;
    }
    const written = await ctx.client.putManifest(ctx.repo, t.tag, manifest);
    if (written !== manifest.digest) throw new BcError("failed", `tag ${t.tag}: the registry stored ${written}, expected ${manifest.digest}`, { step: "tag" });
    out.push({ tag: t.tag, action: now ? "moved" : "created" });
    ctx.log(`tag ${ctx.registry}/${ctx.repo}:${t.tag} \u2192 ${manifest.digest.slice(0, 19)} (${now ? "moved" : "new"}; ${t.reason})`);
  }
  return out;
}

export {
  defaultLog,
  pushArchiveByDigest,
  indexFactsFromBytes,
  compareImages,
  pushByDigest,
  readBack,
  applyTags
};
