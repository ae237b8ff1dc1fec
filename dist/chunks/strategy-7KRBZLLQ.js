import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  chooseStrategy,
  platformTag
} from "./chunk-7BOZ6X3X.js";
import "./chunk-F65AD7ZE.js";
export {
  chooseStrategy,
  platformTag
};
