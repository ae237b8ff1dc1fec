import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  DIGEST_RECORD_SCHEMA,
  DigestRecordSchema,
  FailedCheckSchema,
  digestRecordName,
  readDigestRecord,
  writeDigestRecord
} from "./chunk-JOGKMSHJ.js";
import "./chunk-3B6BBNWB.js";
import "./chunk-RW67NCSM.js";
import "./chunk-TIPUL6EO.js";
import "./chunk-3S7N7WR3.js";
import "./chunk-GZBHEZT2.js";
export {
  DIGEST_RECORD_SCHEMA,
  DigestRecordSchema,
  FailedCheckSchema,
  digestRecordName,
  readDigestRecord,
  writeDigestRecord
};
