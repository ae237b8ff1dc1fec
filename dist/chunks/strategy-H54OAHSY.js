import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  chooseStrategy,
  platformTag
} from "./chunk-TYQRGMNY.js";
import "./chunk-Q4DKEBY5.js";
import "./chunk-ROAOEA6R.js";
import "./chunk-AESVDITN.js";
import "./chunk-7ZR53DCF.js";
import "./chunk-4S36LVC7.js";
export {
  chooseStrategy,
  platformTag
};
