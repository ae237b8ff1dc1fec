import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  DEFAULT_TIMEOUT_SECONDS,
  connectorTypeOf,
  hashSecrets,
  platformList,
  verifyImage
} from "./chunk-7DG6TV7A.js";
import "./chunk-7K7NHXGA.js";
import {
  CHECK_IDS,
  CheckResultSchema,
  VerifyReportSchema,
  renderReport
} from "./chunk-22VCNZ6I.js";
import "./chunk-G4CU43QS.js";
import "./chunk-LD2HD7BB.js";
import "./chunk-UN5L6T7S.js";
import "./chunk-A3I33V3B.js";
import "./chunk-ZBE7Q2QI.js";
import "./chunk-3LX63W6I.js";
import "./chunk-SSN6CUAS.js";
import "./chunk-5R7AJT4B.js";
import {
  DEFAULT_PLATFORMS
} from "./chunk-7H3P7VBU.js";
import "./chunk-JCCP3NW4.js";
import "./chunk-F65AD7ZE.js";
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
