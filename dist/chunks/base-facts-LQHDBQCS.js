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
} from "./chunk-UVR7OUTO.js";
import {
  parsePasswd
} from "./chunk-7F42IA66.js";
import "./chunk-FY77UF3H.js";
import "./chunk-6X7G7J2L.js";
import "./chunk-WMSW7MOX.js";
import "./chunk-DUDWKVG5.js";
import "./chunk-BEU6A573.js";
import "./chunk-BPFYRHR7.js";
import "./chunk-6YAEOP34.js";
import "./chunk-KQGN32ME.js";
import "./chunk-ROAOEA6R.js";
import "./chunk-AESVDITN.js";
import "./chunk-BRC3U7YZ.js";
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
