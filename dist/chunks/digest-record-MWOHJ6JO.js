import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  DIGEST_RECORD_SCHEMA,
  DigestRecordSchema,
  FailedCheckSchema,
  digestRecordName,
  readDigestRecord,
  writeDigestRecord
} from "./chunk-P3IU4746.js";
import "./chunk-UNVAEICX.js";
import "./chunk-6JMBDXIW.js";
import "./chunk-F7JS4Q65.js";
export {
  DIGEST_RECORD_SCHEMA,
  DigestRecordSchema,
  FailedCheckSchema,
  digestRecordName,
  readDigestRecord,
  writeDigestRecord
};
