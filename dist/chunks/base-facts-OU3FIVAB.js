import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  clearBaseFactsMemo,
  defaultCacheDir,
  hostPlatform,
  isResolved,
  registryLocation,
  resolveBaseFacts,
  shortReason,
  withTable
} from "./chunk-OYDLXYS5.js";
import "./chunk-HNWR5ZL6.js";
import {
  parsePasswd
} from "./chunk-Q7NDHZ2H.js";
import "./chunk-6KEW7YSU.js";
import "./chunk-FGNXK54K.js";
import "./chunk-MTXBWW3F.js";
import "./chunk-R5RVLK2O.js";
import "./chunk-G44WSTAN.js";
import "./chunk-ZYH5R5FA.js";
import "./chunk-ZY7CTMHJ.js";
import "./chunk-ABYH3ITZ.js";
import "./chunk-VFM347UL.js";
import "./chunk-LY74QNZY.js";
import "./chunk-MATTDRBK.js";
import "./chunk-RB4QTDT4.js";
export {
  clearBaseFactsMemo,
  defaultCacheDir,
  hostPlatform,
  isResolved,
  parsePasswd,
  registryLocation,
  resolveBaseFacts,
  shortReason,
  withTable
};
