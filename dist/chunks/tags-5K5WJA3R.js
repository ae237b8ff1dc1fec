import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  latestFlag,
  register,
  retriesFlag,
  tagPlanOptions,
  targetFlag
} from "./chunk-VUOIO5MZ.js";
import "./chunk-PMZDP7EX.js";
import "./chunk-W7V4X6IS.js";
import "./chunk-RBOAWHAX.js";
import "./chunk-3KN4E2XG.js";
import "./chunk-VDZCJ54U.js";
import "./chunk-F4ZLNMK7.js";
import "./chunk-J7A4ZPCX.js";
import "./chunk-2OG2YJHP.js";
import "./chunk-H2DVGMMX.js";
import "./chunk-HHMIHXW4.js";
import "./chunk-IIW5BUYS.js";
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
