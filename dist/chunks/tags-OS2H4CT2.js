import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  register,
  tagPlanOptions
} from "./chunk-NVQIT2OH.js";
import "./chunk-JS7HP7LI.js";
import "./chunk-JYWSTTTM.js";
import "./chunk-ADAXBUA2.js";
import "./chunk-QYMVX6M4.js";
import "./chunk-HGKEUVWK.js";
import "./chunk-T3TCOM34.js";
import "./chunk-DUDWKVG5.js";
import "./chunk-BEU6A573.js";
import "./chunk-AVBWJCO6.js";
import "./chunk-476D5BY3.js";
import "./chunk-JCNINEPP.js";
import "./chunk-BPFYRHR7.js";
import "./chunk-2LHUKJXH.js";
import "./chunk-ROAOEA6R.js";
import "./chunk-AESVDITN.js";
import "./chunk-BRC3U7YZ.js";
import "./chunk-4S36LVC7.js";
export {
  register,
  tagPlanOptions
};
