import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  renderReport
} from "./chunk-XPAHB2QA.js";
import "./chunk-72ISDTNZ.js";
import "./chunk-DHC6T5CY.js";
import "./chunk-7TAZRHFR.js";
import "./chunk-GS2RMN54.js";
import "./chunk-OFZVU4AW.js";
import "./chunk-I4R3QSSD.js";
import "./chunk-QL47CY3G.js";
import "./chunk-CYJU4RMM.js";
import "./chunk-CY7YV7HZ.js";
import "./chunk-ZLOFR45O.js";
import "./chunk-2U75EEOT.js";
import "./chunk-HI25WK67.js";
import "./chunk-JCNINEPP.js";
import "./chunk-N2CKSR53.js";
import "./chunk-H2BA5LQY.js";
import "./chunk-ROAOEA6R.js";
import "./chunk-AESVDITN.js";
import "./chunk-AQYICBEV.js";
import "./chunk-4S36LVC7.js";
export {
  renderReport
};
