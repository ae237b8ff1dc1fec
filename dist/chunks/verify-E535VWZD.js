import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  DEFAULT_TIMEOUT_SECONDS,
  connectorTypeOf,
  hashSecrets,
  platformList,
  verifyImage
} from "./chunk-FDZM2J5P.js";
import "./chunk-7MNU3PPK.js";
import "./chunk-5OPUOX7Y.js";
import {
  CHECK_IDS,
  CheckResultSchema,
  VerifyReportSchema,
  renderReport
} from "./chunk-EDDZFKDG.js";
import "./chunk-MPOQGQGK.js";
import "./chunk-TZHC5YQJ.js";
import "./chunk-NSE6YGCS.js";
import "./chunk-RDTZURDF.js";
import "./chunk-HG4DKFTF.js";
import "./chunk-5BSCDYHN.js";
import {
  DEFAULT_PLATFORMS
} from "./chunk-N4DRTQQW.js";
import "./chunk-GBOMAGUQ.js";
import "./chunk-CTABBEN6.js";
import "./chunk-6ZG2IHFH.js";
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
