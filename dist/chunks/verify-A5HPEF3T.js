import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  DEFAULT_TIMEOUT_SECONDS,
  connectorTypeOf,
  hashSecrets,
  platformList,
  verifyImage
} from "./chunk-JEUVT4HR.js";
import "./chunk-GS2RMN54.js";
import {
  layerFactsCache
} from "./chunk-7F42IA66.js";
import {
  CHECK_IDS,
  CheckResultSchema,
  VerifyReportSchema
} from "./chunk-I4R3QSSD.js";
import "./chunk-FY77UF3H.js";
import "./chunk-6X7G7J2L.js";
import "./chunk-WMSW7MOX.js";
import "./chunk-BEU6A573.js";
import {
  DEFAULT_PLATFORMS
} from "./chunk-AVBWJCO6.js";
import {
  failedChecks,
  recordedVerify
} from "./chunk-JCNINEPP.js";
import "./chunk-BPFYRHR7.js";
import "./chunk-2LHUKJXH.js";
import "./chunk-ROAOEA6R.js";
import "./chunk-AESVDITN.js";
import "./chunk-BRC3U7YZ.js";
import "./chunk-4S36LVC7.js";
export {
  CHECK_IDS,
  CheckResultSchema,
  DEFAULT_PLATFORMS,
  DEFAULT_TIMEOUT_SECONDS,
  VerifyReportSchema,
  connectorTypeOf,
  failedChecks,
  hashSecrets,
  layerFactsCache,
  platformList,
  recordedVerify,
  verifyImage
};
