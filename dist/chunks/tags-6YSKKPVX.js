import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  latestFlag,
  register,
  retriesFlag,
  tagPlanOptions,
  targetFlag
} from "./chunk-C6RNHUWZ.js";
import "./chunk-CD6VDOLM.js";
import "./chunk-GAJOUQT7.js";
import "./chunk-HNY25XOR.js";
import "./chunk-4MGVUHVB.js";
import "./chunk-PGIYBAEJ.js";
import "./chunk-3DIWK25T.js";
import "./chunk-63PP2PAZ.js";
import "./chunk-U5YRR6AO.js";
import "./chunk-OCQSVPUE.js";
import "./chunk-FGC2GAOX.js";
import "./chunk-GOICV6JM.js";
import "./chunk-BE5EM6RG.js";
import "./chunk-XOYO7HYX.js";
import "./chunk-HTCQJELU.js";
import "./chunk-BPUH7USV.js";
import "./chunk-YXWD64HT.js";
import "./chunk-CDVMQLRB.js";
export {
  latestFlag,
  register,
  retriesFlag,
  tagPlanOptions,
  targetFlag
};
