import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  latestFlag,
  register,
  retriesFlag,
  tagPlanOptions,
  targetFlag
} from "./chunk-OIT77XFW.js";
import "./chunk-W4XI6OLN.js";
import "./chunk-EGTGUZO3.js";
import "./chunk-AZYTMICX.js";
import "./chunk-HG7GB5R2.js";
import "./chunk-HHHUWZCB.js";
import "./chunk-MTGALRCG.js";
import "./chunk-3SXJ4VDW.js";
import "./chunk-6RPH3A5V.js";
import "./chunk-75UHQCCM.js";
import "./chunk-DSBTELOA.js";
import "./chunk-UNVAEICX.js";
import "./chunk-6JMBDXIW.js";
import "./chunk-F7JS4Q65.js";
export {
  latestFlag,
  register,
  retriesFlag,
  tagPlanOptions,
  targetFlag
};
