import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  DIGEST_RECORD_SCHEMA,
  DigestRecordSchema,
  FailedCheckSchema,
  digestRecordName,
  readDigestRecord,
  writeDigestRecord
} from "./chunk-PVS7ABRN.js";
import "./chunk-UKZEXR6B.js";
import "./chunk-BEB7XHHM.js";
import "./chunk-4G6BOLVH.js";
import "./chunk-CBKKNZPR.js";
export {
  DIGEST_RECORD_SCHEMA,
  DigestRecordSchema,
  FailedCheckSchema,
  digestRecordName,
  readDigestRecord,
  writeDigestRecord
};
