import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  latestFlag,
  register,
  retriesFlag,
  tagPlanOptions,
  targetFlag
} from "./chunk-SQBYYMFV.js";
import "./chunk-TMSUE243.js";
import "./chunk-B2M22MTM.js";
import "./chunk-HZPGUWEI.js";
import "./chunk-3KN4E2XG.js";
import "./chunk-E6GLJL6K.js";
import "./chunk-J7A4ZPCX.js";
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
