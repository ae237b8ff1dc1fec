import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  chooseStrategy,
  platformTag
} from "./chunk-CFMTFRR7.js";
import "./chunk-NFJWUCKG.js";
export {
  chooseStrategy,
  platformTag
};
