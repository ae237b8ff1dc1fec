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
} from "./chunk-BFAODOLW.js";
import {
  parsePasswd
} from "./chunk-OFZVU4AW.js";
import "./chunk-CYJU4RMM.js";
import "./chunk-CY7YV7HZ.js";
import "./chunk-ZLOFR45O.js";
import "./chunk-DUDWKVG5.js";
import "./chunk-2U75EEOT.js";
import "./chunk-N2CKSR53.js";
import "./chunk-UY65VSS5.js";
import "./chunk-KQGN32ME.js";
import "./chunk-ROAOEA6R.js";
import "./chunk-AESVDITN.js";
import "./chunk-AQYICBEV.js";
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
