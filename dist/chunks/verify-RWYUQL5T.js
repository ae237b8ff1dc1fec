import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  DEFAULT_TIMEOUT_SECONDS,
  connectorTypeOf,
  hashSecrets,
  platformList,
  verifyImage
} from "./chunk-W7IUILKQ.js";
import "./chunk-MCVNFF2O.js";
import "./chunk-T5ERQX4Y.js";
import {
  CHECK_IDS,
  CheckResultSchema,
  VerifyReportSchema,
  renderReport
} from "./chunk-AQNQHRQD.js";
import "./chunk-2YX3SRWK.js";
import "./chunk-R3YTIQOZ.js";
import "./chunk-ZQLD3X2O.js";
import "./chunk-27HXEBHL.js";
import "./chunk-6NTUZ74M.js";
import "./chunk-2IOCRA5R.js";
import {
  DEFAULT_PLATFORMS
} from "./chunk-GSB4DPUC.js";
import "./chunk-YMRPEWEX.js";
import "./chunk-2QCPNS2Z.js";
import "./chunk-SZGEZ2XA.js";
export {
  CHECK_IDS,
  CheckResultSchema,
  DEFAULT_PLATFORMS,
  DEFAULT_TIMEOUT_SECONDS,
  VerifyReportSchema,
  connectorTypeOf,
  hashSecrets,
  platformList,
  renderReport,
  verifyImage
};
