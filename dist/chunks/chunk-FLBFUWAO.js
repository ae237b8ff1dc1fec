import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  external_exports
} from "./chunk-SVKG5X7A.js";
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/shared/digest.ts
init_define_BC_HELP();
import { createHash } from "node:crypto";
var DIGEST_PATTERN = "sha256:[a-f0-9]{64}";
var DIGEST_RE = new RegExp(`^${DIGEST_PATTERN}$`);
var DigestSchema = external_exports.string().regex(DIGEST_RE, "not a sha256 digest");
function isDigest(value) {
  return DIGEST_RE.test(value);
}
function sha256Digest(bytes) {
  return `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
}
var DIGEST_REF_RE = new RegExp(`@${DIGEST_PATTERN}$`);

export {
  DIGEST_PATTERN,
  DIGEST_RE,
  DigestSchema,
  isDigest,
  sha256Digest,
  DIGEST_REF_RE
};
