import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  clearBaseFactsMemo,
  defaultCacheDir,
  hostPlatform,
  isResolved,
  registryLocation,
  resolveBaseFacts,
  shortReason
} from "./chunk-KQVISKYB.js";
import {
  parsePasswd
} from "./chunk-T5ERQX4Y.js";
import "./chunk-R3YTIQOZ.js";
import "./chunk-ZQLD3X2O.js";
import "./chunk-27HXEBHL.js";
import "./chunk-6NTUZ74M.js";
import "./chunk-DG6ELZ66.js";
import "./chunk-2JOUCVJU.js";
import "./chunk-CJVS3X54.js";
import "./chunk-YMRPEWEX.js";
import "./chunk-2QCPNS2Z.js";
import "./chunk-SZGEZ2XA.js";
export {
  clearBaseFactsMemo,
  defaultCacheDir,
  hostPlatform,
  isResolved,
  parsePasswd,
  registryLocation,
  resolveBaseFacts,
  shortReason
};
