import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  DIGEST_RECORD_SCHEMA,
  DigestRecordSchema,
  FailedCheckSchema,
  digestRecordName,
  readDigestRecord,
  writeDigestRecord
} from "./chunk-IQCOPTVG.js";
import "./chunk-SSN6CUAS.js";
import "./chunk-5R7AJT4B.js";
import "./chunk-7H3P7VBU.js";
import "./chunk-JCCP3NW4.js";
import "./chunk-F65AD7ZE.js";
export {
  DIGEST_RECORD_SCHEMA,
  DigestRecordSchema,
  FailedCheckSchema,
  digestRecordName,
  readDigestRecord,
  writeDigestRecord
};
