import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  connectorVerifyDefaults
} from "./chunk-XKN3CKZ7.js";
import "./chunk-2OG2YJHP.js";
import "./chunk-IOSLR57L.js";
export {
  connectorVerifyDefaults
};
