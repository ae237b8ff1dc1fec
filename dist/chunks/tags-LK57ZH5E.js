import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  latestFlag,
  register,
  retriesFlag,
  tagPlanOptions,
  targetFlag
} from "./chunk-337QW55E.js";
import "./chunk-PMZDP7EX.js";
import "./chunk-FKSC2D4K.js";
import "./chunk-4ZKVELA3.js";
import "./chunk-TNSURISI.js";
import "./chunk-VDZCJ54U.js";
import "./chunk-F4ZLNMK7.js";
import "./chunk-J7A4ZPCX.js";
import "./chunk-2OG2YJHP.js";
import "./chunk-Y6T57YSM.js";
import "./chunk-EMMO55MY.js";
import "./chunk-CKUOWYP6.js";
import "./chunk-AWUD6T6Q.js";
import "./chunk-EOVLSTFT.js";
import "./chunk-G6GUSTSF.js";
import "./chunk-IOSLR57L.js";
export {
  latestFlag,
  register,
  retriesFlag,
  tagPlanOptions,
  targetFlag
};
