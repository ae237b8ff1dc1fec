import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  DEFAULT_TIMEOUT_SECONDS,
  connectorTypeOf,
  hashSecrets,
  platformList,
  verifyImage
} from "./chunk-K2OIWJNP.js";
import {
  CHECK_IDS,
  CheckResultSchema,
  VerifyReportSchema,
  renderReport
} from "./chunk-T5G4O5FO.js";
import "./chunk-DCJCCU67.js";
import "./chunk-K5X6C52O.js";
import "./chunk-W4PFLAHT.js";
import "./chunk-UY2IZIGH.js";
import "./chunk-65TEMGBV.js";
import "./chunk-EITCH64O.js";
import "./chunk-WL7URP6M.js";
import "./chunk-3B6BBNWB.js";
import "./chunk-RW67NCSM.js";
import {
  DEFAULT_PLATFORMS
} from "./chunk-TIPUL6EO.js";
import "./chunk-3S7N7WR3.js";
import "./chunk-GZBHEZT2.js";
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
