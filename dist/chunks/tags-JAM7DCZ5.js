import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  latestFlag,
  register,
  retriesFlag,
  tagPlanOptions,
  targetFlag
} from "./chunk-O6CGQORM.js";
import "./chunk-AMTL5P7B.js";
import "./chunk-MGW4XYGK.js";
import "./chunk-PII5RDVP.js";
import "./chunk-EU5PPAJO.js";
import "./chunk-UBURBJIR.js";
import "./chunk-RDTZURDF.js";
import "./chunk-HG4DKFTF.js";
import "./chunk-C3OKXXU7.js";
import "./chunk-Q6YLRKSR.js";
import "./chunk-2PTM4VG7.js";
import "./chunk-5BSCDYHN.js";
import "./chunk-N4DRTQQW.js";
import "./chunk-RULUS656.js";
import "./chunk-PFI3KBEG.js";
import "./chunk-GBOMAGUQ.js";
import "./chunk-CTABBEN6.js";
import "./chunk-6ZG2IHFH.js";
export {
  latestFlag,
  register,
  retriesFlag,
  tagPlanOptions,
  targetFlag
};
