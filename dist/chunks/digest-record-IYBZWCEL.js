import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  DIGEST_RECORD_SCHEMA,
  DigestRecordSchema,
  FailedCheckSchema,
  digestRecordName,
  readDigestRecord,
  writeDigestRecord
} from "./chunk-NJNNT2GY.js";
import "./chunk-N6U3PZUN.js";
import "./chunk-AFPKGCAO.js";
import "./chunk-OQZF7ZZB.js";
import "./chunk-U6ZINEPZ.js";
import "./chunk-NFJWUCKG.js";
export {
  DIGEST_RECORD_SCHEMA,
  DigestRecordSchema,
  FailedCheckSchema,
  digestRecordName,
  readDigestRecord,
  writeDigestRecord
};
