import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  chooseStrategy,
  platformTag
} from "./chunk-FARI4L7I.js";
import "./chunk-GZBHEZT2.js";
export {
  chooseStrategy,
  platformTag
};
