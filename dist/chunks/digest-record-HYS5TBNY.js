import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  DIGEST_RECORD_SCHEMA,
  DigestRecordSchema,
  FailedCheckSchema,
  digestRecordName,
  readDigestRecord,
  writeDigestRecord
} from "./chunk-2HVH4KV3.js";
import "./chunk-IGOOYWZR.js";
import "./chunk-NCNAGE66.js";
import "./chunk-BBPJ244V.js";
export {
  DIGEST_RECORD_SCHEMA,
  DigestRecordSchema,
  FailedCheckSchema,
  digestRecordName,
  readDigestRecord,
  writeDigestRecord
};
