import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  connectorTypeOf,
  hashSecrets,
  platformList,
  verifyImage
} from "./chunk-K4K4KYBG.js";
import "./chunk-4BMBBMZM.js";
import {
  layerFactsCache
} from "./chunk-7KWH7VUP.js";
import {
  CHECK_IDS,
  CheckResultSchema,
  VerifyReportSchema
} from "./chunk-VKGSEGKY.js";
import "./chunk-G6CWDOAS.js";
import "./chunk-J7CCGA2A.js";
import "./chunk-2UDPR3IH.js";
import "./chunk-AC6MT37A.js";
import "./chunk-Z2MWC52I.js";
import {
  failedChecks,
  recordedVerify
} from "./chunk-I7TGTHSS.js";
import "./chunk-TVMRY7EN.js";
import "./chunk-STQCJ5OL.js";
import "./chunk-FLBFUWAO.js";
import "./chunk-SVKG5X7A.js";
import "./chunk-BSQYAL4K.js";
import "./chunk-HWQF2DLQ.js";
export {
  CHECK_IDS,
  CheckResultSchema,
  VerifyReportSchema,
  connectorTypeOf,
  failedChecks,
  hashSecrets,
  layerFactsCache,
  platformList,
  recordedVerify,
  verifyImage
};
