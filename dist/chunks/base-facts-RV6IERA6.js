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
} from "./chunk-POQSJROB.js";
import {
  parsePasswd
} from "./chunk-ZWIIHEP6.js";
import "./chunk-NBFBEFOG.js";
import "./chunk-IOFOEIPF.js";
import "./chunk-ST2QV46B.js";
import "./chunk-DUDWKVG5.js";
import "./chunk-Q4DKEBY5.js";
import "./chunk-WPPSXPB4.js";
import "./chunk-UEL3JV3M.js";
import "./chunk-YJZNKJVV.js";
import "./chunk-ROAOEA6R.js";
import "./chunk-AESVDITN.js";
import "./chunk-7ZR53DCF.js";
import "./chunk-4S36LVC7.js";
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
