import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  latestFlag,
  register,
  retriesFlag,
  tagPlanOptions,
  targetFlag
} from "./chunk-LDDNOU4V.js";
import "./chunk-KQVDIPRM.js";
import "./chunk-GHG7CSUH.js";
import "./chunk-IJM6KPZ7.js";
import "./chunk-IDL52A6J.js";
import "./chunk-UFXM2AKX.js";
import "./chunk-F2VC4BAM.js";
import "./chunk-MR3WDBBH.js";
import "./chunk-XXCHFLXQ.js";
import "./chunk-65TEMGBV.js";
import "./chunk-EITCH64O.js";
import "./chunk-WL7URP6M.js";
import "./chunk-3B6BBNWB.js";
import "./chunk-RW67NCSM.js";
import "./chunk-TIPUL6EO.js";
import "./chunk-3S7N7WR3.js";
import "./chunk-GZBHEZT2.js";
export {
  latestFlag,
  register,
  retriesFlag,
  tagPlanOptions,
  targetFlag
};
