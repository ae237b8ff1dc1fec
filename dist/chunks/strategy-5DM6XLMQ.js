import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  chooseStrategy,
  platformTag
} from "./chunk-BI3K53O3.js";
import "./chunk-FA2OQ6TM.js";
import "./chunk-2U75EEOT.js";
import "./chunk-ROAOEA6R.js";
import "./chunk-AESVDITN.js";
import "./chunk-AQYICBEV.js";
import "./chunk-4S36LVC7.js";
export {
  chooseStrategy,
  platformTag
};
