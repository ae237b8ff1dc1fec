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
} from "./chunk-BPVKYWR2.js";
import {
  parsePasswd
} from "./chunk-UZ5H3GDF.js";
import "./chunk-SRQ4EVY6.js";
import "./chunk-R5RVLK2O.js";
import "./chunk-G44WSTAN.js";
import "./chunk-LY74QNZY.js";
import "./chunk-7Z2HG6B2.js";
import "./chunk-ZY7CTMHJ.js";
import "./chunk-ISRJMLCT.js";
import "./chunk-6VEKLGYT.js";
import "./chunk-MATTDRBK.js";
import "./chunk-VFM347UL.js";
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
