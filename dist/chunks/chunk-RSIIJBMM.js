import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  pushArchiveByDigest
} from "./chunk-VTGARRX3.js";
import {
  ManifestMismatch
} from "./chunk-2CZK5HMD.js";
import {
  external_exports
} from "./chunk-SVKG5X7A.js";
import {
  BcError
} from "./chunk-BSQYAL4K.js";
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

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
  ),
  annotations: external_exports.record(external_exports.string(), external_exports.string()).optional()
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
  return { digest, platforms, attestations, ...parsed.data.annotations ? { annotations: parsed.data.annotations } : {} };
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
var READ_BACK_WAITS_MS = [250, 500, 1e3, 2e3, 4e3, 8e3];
async function readBack(ctx, built, platforms, waits = READ_BACK_WAITS_MS) {
  let m;
  for (let i = 0; ; i++) {
    try {
      m = await ctx.client.getManifest(ctx.repo, built.digest);
    } catch (err) {
      if (err instanceof ManifestMismatch) {
        throw new BcError("failed", `read back: ${ctx.registry} answered ${ctx.repo}@${built.digest.slice(0, 19)} with another manifest (${err.got.slice(0, 19)}); nothing was tagged`, {
          step: "push",
          details: ["the registry (or a proxy or cache in front of it) does not serve what was pushed; a publish never tags what it cannot read back", "fix: check the registry and any caching proxy, then run publish again (it reuses what was pushed)"]
        });
      }
      throw err;
    }
    const wait = waits[i];
    if (m || wait === void 0) break;
    ctx.log(`read back: ${built.digest.slice(0, 19)} not visible yet (HTTP 404 after a successful push), waiting ${(wait / 1e3).toFixed(2)} s`);
    await new Promise((r) => setTimeout(r, wait));
  }
  if (!m) {
    const total = waits.reduce((a, b) => a + b, 0);
    throw new BcError("failed", `read back: ${ctx.registry}/${ctx.repo}@${built.digest} is not in the registry ${(total / 1e3).toFixed(1)} s after the push; nothing was tagged`, {
      step: "push",
      details: ["fix: run publish again: it reuses what was pushed"]
    });
  }
  const facts = indexFactsFromBytes(m.digest, m.bytes);
  if (!facts) throw new BcError("failed", `read back: ${built.digest} is not a multi-platform index`, { step: "push" });
  const missing = platforms.filter((p) => !facts.platforms[p]);
  if (missing.length > 0) throw new BcError("failed", `read back: the pushed index lacks ${missing.join(", ")}`, { step: "push" });
  for (const [p, d] of Object.entries(built.platforms)) {
    if (facts.platforms[p] !== d) throw new BcError("failed", `read back: ${p} is ${facts.platforms[p] ?? "missing"} in the registry, ${d} was verified`, { step: "push" });
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
  indexFactsFromBytes,
  compareImages,
  pushByDigest,
  readBack,
  applyTags
};
