import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  DEFAULT_TIMEOUT_SECONDS,
  connectorTypeOf,
  hashSecrets,
  platformList,
  verifyImage
} from "./chunk-FM3LBKJN.js";
import "./chunk-GS2RMN54.js";
import {
  layerFactsCache
} from "./chunk-ZWIIHEP6.js";
import {
  CHECK_IDS,
  CheckResultSchema,
  VerifyReportSchema,
  renderReport
} from "./chunk-XCYQB3AR.js";
import "./chunk-72ISDTNZ.js";
import "./chunk-NBFBEFOG.js";
import "./chunk-IOFOEIPF.js";
import "./chunk-ST2QV46B.js";
import "./chunk-Q4DKEBY5.js";
import {
  DEFAULT_PLATFORMS
} from "./chunk-AVBWJCO6.js";
import "./chunk-WPPSXPB4.js";
import "./chunk-ENUPM6VP.js";
import "./chunk-ROAOEA6R.js";
import "./chunk-AESVDITN.js";
import "./chunk-7ZR53DCF.js";
import "./chunk-4S36LVC7.js";
export {
  CHECK_IDS,
  CheckResultSchema,
  DEFAULT_PLATFORMS,
  DEFAULT_TIMEOUT_SECONDS,
  VerifyReportSchema,
  connectorTypeOf,
  hashSecrets,
  layerFactsCache,
  platformList,
  renderReport,
  verifyImage
};
