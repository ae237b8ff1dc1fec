import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  docker,
  parseJson
} from "./chunk-2UDPR3IH.js";
import {
  external_exports
} from "./chunk-SVKG5X7A.js";
import {
  BcError
} from "./chunk-BSQYAL4K.js";
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

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

export {
  indexFacts,
  imagetoolsInspect,
  imagetoolsDigest
};
