import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  connectorVerifyDefaults
} from "./chunk-ZRWATBWY.js";
import "./chunk-IOSLR57L.js";
export {
  connectorVerifyDefaults
};
