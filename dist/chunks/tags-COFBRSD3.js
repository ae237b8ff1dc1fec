import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  latestFlag,
  register,
  retriesFlag,
  tagPlanOptions,
  targetFlag
} from "./chunk-3HD2AYMW.js";
import "./chunk-CEAASC7E.js";
import "./chunk-SQA2LRLZ.js";
import "./chunk-HZPGUWEI.js";
import "./chunk-3KN4E2XG.js";
import "./chunk-JD52POWG.js";
import "./chunk-J7A4ZPCX.js";
import "./chunk-2OG2YJHP.js";
import "./chunk-Q2PSSAFY.js";
import "./chunk-EGY572ZP.js";
import "./chunk-M4HBVFHI.js";
import "./chunk-OQA2VRPS.js";
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
