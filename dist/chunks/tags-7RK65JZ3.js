import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  latestFlag,
  register,
  retriesFlag,
  tagPlanOptions,
  targetFlag
} from "./chunk-JAYHDQM7.js";
import "./chunk-YIPSQOZM.js";
import "./chunk-G44WSTAN.js";
import "./chunk-EHNW6LQR.js";
import "./chunk-DTF3IE5Z.js";
import "./chunk-LY74QNZY.js";
import "./chunk-MATTDRBK.js";
import "./chunk-RB4QTDT4.js";
export {
  latestFlag,
  register,
  retriesFlag,
  tagPlanOptions,
  targetFlag
};
