import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  latestFlag,
  register,
  retriesFlag,
  tagPlanOptions,
  targetFlag
} from "./chunk-PBH5BFZE.js";
import "./chunk-DY6TDQB5.js";
import "./chunk-QSLUQDOC.js";
import "./chunk-WRNSU7NO.js";
import "./chunk-VQ7VAPZU.js";
import "./chunk-Q5CQTTCE.js";
import "./chunk-27HXEBHL.js";
import "./chunk-6NTUZ74M.js";
import "./chunk-KNPPYKNT.js";
import "./chunk-EF33TIX7.js";
import "./chunk-DG6ELZ66.js";
import "./chunk-2IOCRA5R.js";
import "./chunk-GSB4DPUC.js";
import "./chunk-2JOUCVJU.js";
import "./chunk-CJVS3X54.js";
import "./chunk-YMRPEWEX.js";
import "./chunk-2QCPNS2Z.js";
import "./chunk-SZGEZ2XA.js";
export {
  latestFlag,
  register,
  retriesFlag,
  tagPlanOptions,
  targetFlag
};
