import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  DigestSchema,
  sha256Digest
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

// src/sbom/referrers.ts
init_define_BC_HELP();
import { Readable } from "node:stream";
var OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
var OCI_INDEX = "application/vnd.oci.image.index.v1+json";
var EMPTY = Buffer.from("{}");
var EMPTY_CONFIG = { mediaType: "application/vnd.oci.empty.v1+json", digest: sha256Digest(EMPTY), size: EMPTY.length };
var ReferrerDescriptor = external_exports.object({
  mediaType: external_exports.string(),
  digest: DigestSchema,
  size: external_exports.number(),
  artifactType: external_exports.string().optional(),
  annotations: external_exports.record(external_exports.string(), external_exports.string()).optional()
}).loose();
var ReferrerIndex = external_exports.object({ manifests: external_exports.array(ReferrerDescriptor).default([]) }).loose();
var ArtifactManifest = external_exports.object({
  artifactType: external_exports.string().optional(),
  config: external_exports.object({ mediaType: external_exports.string() }).loose(),
  layers: external_exports.array(external_exports.object({ mediaType: external_exports.string(), digest: external_exports.string(), size: external_exports.number() }).loose()),
  subject: external_exports.object({ digest: external_exports.string() }).loose().optional()
}).loose();
var referrersTag = (digest) => digest.replace(":", "-");
function referrerManifest(a, subject) {
  const manifest = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    artifactType: a.artifactType,
    config: EMPTY_CONFIG,
    layers: [{ mediaType: a.artifactType, digest: sha256Digest(a.bytes), size: a.bytes.length, annotations: { "org.opencontainers.image.title": a.title } }],
    subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
    ...a.annotations ? { annotations: a.annotations } : {}
  };
  const bytes = Buffer.from(JSON.stringify(manifest));
  return { bytes, mediaType: OCI_MANIFEST, digest: sha256Digest(bytes), size: bytes.length };
}
async function ensureBlob(client, repo, bytes) {
  const digest = sha256Digest(bytes);
  if (await client.blobExists(repo, digest)) return;
  await client.uploadBlob(repo, digest, bytes.length, () => Readable.toWeb(Readable.from([bytes])));
}
async function attachReferrer(client, repo, subject, a) {
  await ensureBlob(client, repo, EMPTY);
  await ensureBlob(client, repo, a.bytes);
  const m = referrerManifest(a, subject);
  const put = await client.putReferrer(repo, m, subject.digest);
  if (put.digest !== m.digest) throw new BcError("failed", `sbom: the registry stored the SBOM manifest as ${put.digest}, expected ${m.digest}`, { step: "push" });
  if (put.indexed) return { digest: m.digest, via: "referrers API" };
  const tag = referrersTag(subject.digest);
  const now = await client.getManifest(repo, tag);
  const list = now ? parseReferrerIndex(now.bytes, `${repo}:${tag}`) : [];
  if (!list.some((d) => d.digest === m.digest)) {
    const index = {
      schemaVersion: 2,
      mediaType: OCI_INDEX,
      manifests: [...list, { mediaType: OCI_MANIFEST, digest: m.digest, size: m.size, artifactType: a.artifactType, ...a.annotations ? { annotations: a.annotations } : {} }]
    };
    await client.putManifest(repo, tag, { bytes: Buffer.from(JSON.stringify(index)), mediaType: OCI_INDEX });
  }
  return { digest: m.digest, via: "referrers tag" };
}
function parseDoc(schema, bytes, what, kind) {
  let raw;
  try {
    raw = JSON.parse(bytes.toString("utf8"));
  } catch {
    throw new BcError("failed", `${what} is not ${kind} (not JSON)`, { step: "push" });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new BcError("failed", `${what} is not ${kind}`, { step: "push" });
  return parsed.data;
}
var parseReferrerIndex = (bytes, what) => parseDoc(ReferrerIndex, bytes, what, "a referrers index").manifests;
async function findReferrers(client, repo, digest, artifactType) {
  const api = await client.getReferrers(repo, digest, artifactType);
  let list;
  if (api) list = parseReferrerIndex(api, `referrers of ${repo}@${digest}`);
  else {
    const tagged = await client.getManifest(repo, referrersTag(digest));
    list = tagged ? parseReferrerIndex(tagged.bytes, `${repo}:${referrersTag(digest)}`) : [];
  }
  return list.filter((d) => d.artifactType === artifactType);
}
async function readArtifact(client, repo, d, subject) {
  const m = await client.getManifest(repo, d.digest);
  if (!m) throw new BcError("failed", `${repo}@${d.digest} is listed as a referrer but is not in the registry`);
  const artifact = parseDoc(ArtifactManifest, m.bytes, `${repo}@${d.digest}`, "an artifact manifest");
  if (artifact.subject?.digest !== subject) throw new BcError("failed", `${repo}@${d.digest} names ${artifact.subject?.digest ?? "no subject"}, not ${subject}`);
  const layer = artifact.layers[0];
  if (!layer) throw new BcError("failed", `${repo}@${d.digest} has no layer`);
  if (layer.size > 64 * 1024 * 1024) throw new BcError("failed", `${repo}@${d.digest}: the artifact is ${layer.size} bytes (limit 64 MiB)`);
  const blob = await client.getBlob(repo, layer.digest);
  if (!blob) throw new BcError("failed", `${repo}@${d.digest}: its blob ${layer.digest} is not in the registry`);
  return blob;
}

export {
  OCI_MANIFEST,
  OCI_INDEX,
  EMPTY_CONFIG,
  referrersTag,
  referrerManifest,
  attachReferrer,
  findReferrers,
  readArtifact
};
