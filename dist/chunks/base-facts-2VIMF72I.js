import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  clearBaseFactsMemo,
  defaultCacheDir,
  hostPlatform,
  isResolved,
  registryLocation,
  resolveBaseFacts,
  shortReason
} from "./chunk-3MAO73KM.js";
import {
  parsePasswd
} from "./chunk-5OPUOX7Y.js";
import "./chunk-TZHC5YQJ.js";
import "./chunk-NSE6YGCS.js";
import "./chunk-RDTZURDF.js";
import "./chunk-HG4DKFTF.js";
import "./chunk-2PTM4VG7.js";
import "./chunk-RULUS656.js";
import "./chunk-PFI3KBEG.js";
import "./chunk-GBOMAGUQ.js";
import "./chunk-CTABBEN6.js";
import "./chunk-6ZG2IHFH.js";
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
