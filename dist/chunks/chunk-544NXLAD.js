import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  PlatformSchema
} from "./chunk-Z2MWC52I.js";
import {
  readBoundedFile
} from "./chunk-STQCJ5OL.js";
import {
  DIGEST_RE,
  DIGEST_REF_RE
} from "./chunk-FLBFUWAO.js";
import {
  external_exports
} from "./chunk-SVKG5X7A.js";
import {
  badInput
} from "./chunk-BSQYAL4K.js";
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/monorepo/digest-record.ts
init_define_BC_HELP();
import { mkdir, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
var DIGEST_RECORD_SCHEMA = "build-connector/digest-record@1";
var Digest = external_exports.string().regex(DIGEST_RE, "a sha256:\u2026 digest");
var FailedCheckSchema = external_exports.object({ id: external_exports.string(), message: external_exports.string(), fix: external_exports.string().optional() });
var DigestRecordSchema = external_exports.object({
  schema: external_exports.literal(DIGEST_RECORD_SCHEMA),
  connector: external_exports.object({
    dirName: external_exports.string().min(1),
    name: external_exports.string(),
    /** data.dockerRepository */
    repository: external_exports.string().min(1),
    version: external_exports.string().min(1)
  }),
  platform: PlatformSchema,
  /** registry/path the platform image was pushed to, no tag */
  repository: external_exports.string().min(1),
  digest: Digest,
  manifest: Digest,
  ref: external_exports.string().regex(DIGEST_REF_RE, "REPOSITORY@sha256:\u2026 (a digest reference, never a tag)"),
  verify: external_exports.object({ ok: external_exports.boolean(), checks: external_exports.number().int().nonnegative(), failed: external_exports.array(FailedCheckSchema) }),
  sourceDateEpoch: external_exports.number().int().nonnegative().optional(),
  builder: external_exports.string().optional(),
  commit: external_exports.string().optional(),
  createdAt: external_exports.string()
});
function digestRecordName(dirName, platform) {
  return `digest-${dirName}-${platform.split("/").slice(1).join("-")}.json`;
}
async function writeDigestRecord(file, record) {
  const full = DigestRecordSchema.parse({ schema: DIGEST_RECORD_SCHEMA, createdAt: (/* @__PURE__ */ new Date()).toISOString(), ...record });
  if (full.ref !== `${full.repository}@${full.digest}`) throw new Error(`digest record: ref ${full.ref} is not ${full.repository}@${full.digest}`);
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(full, null, 2)}
`);
  await rename(tmp, file);
  return full;
}
async function readDigestRecord(file) {
  const text = await readBoundedFile(file, { kind: "digest record", notFound: "cannot read the file (not found)", fix: "fix: pass the digest record files the per-platform jobs wrote (download their artifacts first)" });
  let raw;
  try {
    raw = JSON.parse(text);
  } catch {
    throw badInput(`${file}: not JSON (expected a digest record)`);
  }
  const parsed = DigestRecordSchema.safeParse(raw);
  if (!parsed.success) {
    throw badInput(`${file}: not a valid digest record`, parsed.error.issues.slice(0, 6).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`));
  }
  if (parsed.data.ref !== `${parsed.data.repository}@${parsed.data.digest}`) {
    throw badInput(`${file}: ref ${parsed.data.ref} does not match repository@digest`);
  }
  return parsed.data;
}

export {
  digestRecordName,
  writeDigestRecord,
  readDigestRecord
};
