import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  connectorVerifyDefaults
} from "./chunk-R4F27TRY.js";
import "./chunk-YXWD64HT.js";
import "./chunk-CDVMQLRB.js";
export {
  connectorVerifyDefaults
};
