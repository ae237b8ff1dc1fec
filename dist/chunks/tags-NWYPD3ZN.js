import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  latestFlag,
  register,
  retriesFlag,
  tagPlanOptions,
  targetFlag
} from "./chunk-CQQTKM4B.js";
import "./chunk-E4S3V7NH.js";
import "./chunk-SBFXSSHK.js";
import "./chunk-TVOEAAEN.js";
import "./chunk-TC2BRTU6.js";
import "./chunk-OCONVM2U.js";
import "./chunk-G44WSTAN.js";
import "./chunk-LY74QNZY.js";
import "./chunk-STR5SKMR.js";
import "./chunk-7Z2HG6B2.js";
import "./chunk-ZY7CTMHJ.js";
import "./chunk-EHNW6LQR.js";
import "./chunk-3CSLZISE.js";
import "./chunk-ISRJMLCT.js";
import "./chunk-6VEKLGYT.js";
import "./chunk-MATTDRBK.js";
import "./chunk-VFM347UL.js";
import "./chunk-RB4QTDT4.js";
export {
  latestFlag,
  register,
  retriesFlag,
  tagPlanOptions,
  targetFlag
};
