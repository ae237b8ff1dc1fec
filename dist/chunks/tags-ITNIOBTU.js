import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  register,
  tagPlanOptions
} from "./chunk-VGEK2FIC.js";
import "./chunk-FIJRI7GE.js";
import "./chunk-FA2OQ6TM.js";
import "./chunk-HI25WK67.js";
import "./chunk-IQQW7X5T.js";
import "./chunk-M6WTTPFB.js";
import "./chunk-JCNINEPP.js";
import "./chunk-N2CKSR53.js";
import "./chunk-H2BA5LQY.js";
import "./chunk-AESVDITN.js";
import "./chunk-AQYICBEV.js";
import "./chunk-4S36LVC7.js";
export {
  register,
  tagPlanOptions
};
