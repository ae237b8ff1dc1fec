import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  DEFAULT_TIMEOUT_SECONDS,
  connectorTypeOf,
  hashSecrets,
  platformList,
  verifyImage
} from "./chunk-TGHPGPU4.js";
import "./chunk-CPAX55HI.js";
import "./chunk-Q7NDHZ2H.js";
import {
  CHECK_IDS,
  CheckResultSchema,
  VerifyReportSchema,
  renderReport
} from "./chunk-5Z63VUE4.js";
import "./chunk-BGO7SG43.js";
import "./chunk-FGNXK54K.js";
import "./chunk-MTXBWW3F.js";
import "./chunk-R5RVLK2O.js";
import "./chunk-G44WSTAN.js";
import "./chunk-EHNW6LQR.js";
import {
  DEFAULT_PLATFORMS
} from "./chunk-3CSLZISE.js";
import "./chunk-VFM347UL.js";
import "./chunk-LY74QNZY.js";
import "./chunk-MATTDRBK.js";
import "./chunk-RB4QTDT4.js";
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
