import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  latestFlag,
  register,
  retriesFlag,
  tagPlanOptions,
  targetFlag
} from "./chunk-AYZT7N44.js";
import "./chunk-PMZDP7EX.js";
import "./chunk-ZNOHZK2M.js";
import "./chunk-2XMBGYIK.js";
import "./chunk-3KN4E2XG.js";
import "./chunk-VDZCJ54U.js";
import "./chunk-F4ZLNMK7.js";
import "./chunk-J7A4ZPCX.js";
import "./chunk-2OG2YJHP.js";
import "./chunk-6CYVZYN2.js";
import "./chunk-VHHAFGOA.js";
import "./chunk-ZCZXX3VK.js";
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
