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
} from "./chunk-ESJ5KG2Y.js";
import {
  parsePasswd
} from "./chunk-7KWH7VUP.js";
import "./chunk-G6CWDOAS.js";
import "./chunk-J7CCGA2A.js";
import "./chunk-2UDPR3IH.js";
import "./chunk-LC4JF5JN.js";
import "./chunk-AC6MT37A.js";
import "./chunk-TVMRY7EN.js";
import "./chunk-2CZK5HMD.js";
import "./chunk-QLD2YDU3.js";
import "./chunk-CL32DPN3.js";
import "./chunk-FLBFUWAO.js";
import "./chunk-SVKG5X7A.js";
import "./chunk-BSQYAL4K.js";
import "./chunk-HWQF2DLQ.js";
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
