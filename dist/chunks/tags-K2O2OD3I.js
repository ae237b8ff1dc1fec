import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  latestFlag,
  register,
  retriesFlag,
  tagPlanOptions,
  targetFlag
} from "./chunk-A2FGEKG2.js";
import "./chunk-WGSGGLBP.js";
import "./chunk-NJ4VT6TK.js";
import "./chunk-E5DYXX6L.js";
import "./chunk-I2VOEO4C.js";
import "./chunk-BM47B25L.js";
import "./chunk-TUSFIZX3.js";
import "./chunk-ZXNASHHS.js";
import "./chunk-2OWL4IOR.js";
import "./chunk-3ZKEEW6V.js";
import "./chunk-YN2PEBXL.js";
import "./chunk-P22SJE6B.js";
import "./chunk-LL6HLSTJ.js";
import "./chunk-37IVQV3L.js";
import "./chunk-N6U3PZUN.js";
import "./chunk-AFPKGCAO.js";
import "./chunk-OQZF7ZZB.js";
import "./chunk-U6ZINEPZ.js";
import "./chunk-NFJWUCKG.js";
export {
  latestFlag,
  register,
  retriesFlag,
  tagPlanOptions,
  targetFlag
};
