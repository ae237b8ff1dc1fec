import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  DEFAULT_TIMEOUT_SECONDS,
  connectorTypeOf,
  hashSecrets,
  platformList,
  verifyImage
} from "./chunk-7TAZRHFR.js";
import "./chunk-GS2RMN54.js";
import {
  layerFactsCache
} from "./chunk-OFZVU4AW.js";
import {
  CHECK_IDS,
  CheckResultSchema,
  VerifyReportSchema
} from "./chunk-I4R3QSSD.js";
import "./chunk-CYJU4RMM.js";
import "./chunk-CY7YV7HZ.js";
import "./chunk-ZLOFR45O.js";
import "./chunk-2U75EEOT.js";
import {
  DEFAULT_PLATFORMS
} from "./chunk-HI25WK67.js";
import {
  failedChecks,
  recordedVerify
} from "./chunk-JCNINEPP.js";
import "./chunk-N2CKSR53.js";
import "./chunk-H2BA5LQY.js";
import "./chunk-ROAOEA6R.js";
import "./chunk-AESVDITN.js";
import "./chunk-AQYICBEV.js";
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
