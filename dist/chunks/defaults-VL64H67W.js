import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  connectorVerifyDefaults
} from "./chunk-2OZEGVWK.js";
import "./chunk-2JEQD4KA.js";
import "./chunk-CBKKNZPR.js";
export {
  connectorVerifyDefaults
};
