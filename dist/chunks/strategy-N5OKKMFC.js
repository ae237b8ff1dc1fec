import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  chooseStrategy,
  platformTag
} from "./chunk-QYRUE3HJ.js";
import "./chunk-CBKKNZPR.js";
export {
  chooseStrategy,
  platformTag
};
