import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  latestFlag,
  register,
  retriesFlag,
  tagPlanOptions,
  targetFlag
} from "./chunk-CYRA4UFX.js";
import "./chunk-EPPB5V3S.js";
import "./chunk-BBY55XEZ.js";
import "./chunk-V5ALULAH.js";
import "./chunk-ZQSL3WWE.js";
import "./chunk-WTWHMYE6.js";
import "./chunk-Y2LOYOX6.js";
import "./chunk-ULLLB6I3.js";
import "./chunk-2IDTRXAZ.js";
import "./chunk-BTV5XUFB.js";
import "./chunk-W5OZTBRM.js";
import "./chunk-GCCGMITS.js";
import "./chunk-WU7HX5KS.js";
import "./chunk-UKZEXR6B.js";
import "./chunk-BEB7XHHM.js";
import "./chunk-4G6BOLVH.js";
import "./chunk-2JEQD4KA.js";
import "./chunk-CBKKNZPR.js";
export {
  latestFlag,
  register,
  retriesFlag,
  tagPlanOptions,
  targetFlag
};
