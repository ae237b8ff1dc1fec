import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  latestFlag,
  register,
  retriesFlag,
  tagPlanOptions,
  targetFlag
} from "./chunk-XJPB2LAY.js";
import "./chunk-WHFADBSH.js";
import "./chunk-BJ3PP755.js";
import "./chunk-ZUUFQ7IG.js";
import "./chunk-PL4U5KEG.js";
import "./chunk-IDL52A6J.js";
import "./chunk-65TEMGBV.js";
import "./chunk-UFXM2AKX.js";
import "./chunk-F2VC4BAM.js";
import "./chunk-EITCH64O.js";
import "./chunk-WL7URP6M.js";
import "./chunk-EQIHFYJR.js";
import "./chunk-XXCHFLXQ.js";
import "./chunk-TIPUL6EO.js";
import "./chunk-3S7N7WR3.js";
import "./chunk-3B6BBNWB.js";
import "./chunk-RW67NCSM.js";
import "./chunk-GZBHEZT2.js";
export {
  latestFlag,
  register,
  retriesFlag,
  tagPlanOptions,
  targetFlag
};
