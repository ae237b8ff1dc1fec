import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  DEFAULT_TIMEOUT_SECONDS,
  connectorTypeOf,
  hashSecrets,
  platformList,
  verifyImage
} from "./chunk-YUROQQRP.js";
import "./chunk-WPRGQDWN.js";
import {
  CHECK_IDS,
  CheckResultSchema,
  VerifyReportSchema,
  renderReport
} from "./chunk-M3XWDFBM.js";
import "./chunk-UI5OVTUJ.js";
import "./chunk-QWHLEZOB.js";
import "./chunk-SV5PWJFT.js";
import "./chunk-P22SJE6B.js";
import "./chunk-LL6HLSTJ.js";
import "./chunk-37IVQV3L.js";
import "./chunk-N6U3PZUN.js";
import "./chunk-AFPKGCAO.js";
import {
  DEFAULT_PLATFORMS
} from "./chunk-OQZF7ZZB.js";
import "./chunk-U6ZINEPZ.js";
import "./chunk-NFJWUCKG.js";
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
