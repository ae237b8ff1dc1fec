import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  register,
  tagPlanOptions
} from "./chunk-J72MFRYG.js";
import "./chunk-W72BLPIB.js";
import "./chunk-A3DFQGGB.js";
import "./chunk-ADAXBUA2.js";
import "./chunk-5HUJQ3FY.js";
import "./chunk-ZPPOWMXW.js";
import "./chunk-UTGX6F2J.js";
import "./chunk-DUDWKVG5.js";
import "./chunk-2U75EEOT.js";
import "./chunk-AVBWJCO6.js";
import "./chunk-LOARME4M.js";
import "./chunk-JCNINEPP.js";
import "./chunk-N2CKSR53.js";
import "./chunk-H2BA5LQY.js";
import "./chunk-ROAOEA6R.js";
import "./chunk-AESVDITN.js";
import "./chunk-AQYICBEV.js";
import "./chunk-4S36LVC7.js";
export {
  register,
  tagPlanOptions
};
