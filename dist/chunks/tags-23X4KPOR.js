import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  latestFlag,
  register,
  retriesFlag,
  tagPlanOptions,
  targetFlag
} from "./chunk-HPHM7FZC.js";
import "./chunk-U3FMEZHC.js";
import "./chunk-MN4HTUYO.js";
import "./chunk-7V3BO7P4.js";
import "./chunk-5NLLIQXE.js";
import "./chunk-RJEXJUE3.js";
import "./chunk-2ZW2YC5H.js";
import "./chunk-GOICV6JM.js";
import "./chunk-BE5EM6RG.js";
import "./chunk-KEONE7JZ.js";
import "./chunk-YXWD64HT.js";
import "./chunk-UXPDAD5E.js";
import "./chunk-BTVAWCAX.js";
import "./chunk-CGLJYWPN.js";
import "./chunk-OCQSVPUE.js";
import "./chunk-BPUH7USV.js";
import "./chunk-UF6NUPZP.js";
import "./chunk-CDVMQLRB.js";
export {
  latestFlag,
  register,
  retriesFlag,
  tagPlanOptions,
  targetFlag
};
