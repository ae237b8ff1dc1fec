import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  connectorVerifyDefaults
} from "./chunk-XY7AOMXG.js";
import "./chunk-3B6BBNWB.js";
import "./chunk-RW67NCSM.js";
import "./chunk-GZBHEZT2.js";
export {
  connectorVerifyDefaults
};
