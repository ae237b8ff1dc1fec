import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  latestFlag,
  register,
  retriesFlag,
  tagPlanOptions,
  targetFlag
} from "./chunk-UIF5TVKW.js";
import "./chunk-SACLIQ7D.js";
import "./chunk-PYJL46OF.js";
import "./chunk-I2VOEO4C.js";
import "./chunk-BM47B25L.js";
import "./chunk-TUSFIZX3.js";
import "./chunk-ZXNASHHS.js";
import "./chunk-J5PUAWCV.js";
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
