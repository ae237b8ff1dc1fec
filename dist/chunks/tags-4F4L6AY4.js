import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  latestFlag,
  register,
  retriesFlag,
  tagPlanOptions,
  targetFlag
} from "./chunk-4G3YS57C.js";
import "./chunk-PMZDP7EX.js";
import "./chunk-E6TXQRZU.js";
import "./chunk-HLABXXTJ.js";
import "./chunk-36SEYKHO.js";
import "./chunk-VDZCJ54U.js";
import "./chunk-F4ZLNMK7.js";
import "./chunk-J7A4ZPCX.js";
import "./chunk-2OG2YJHP.js";
import "./chunk-WGJDIMU2.js";
import "./chunk-DV5U53WV.js";
import "./chunk-O2TNV3EK.js";
import "./chunk-GQG4KOFT.js";
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
