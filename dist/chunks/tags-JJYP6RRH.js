import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  latestFlag,
  register,
  retriesFlag,
  tagPlanOptions,
  targetFlag
} from "./chunk-5HTDHJQW.js";
import "./chunk-5KMR542P.js";
import "./chunk-WPPSXPB4.js";
import "./chunk-ENUPM6VP.js";
import "./chunk-7ZR53DCF.js";
import "./chunk-4S36LVC7.js";
export {
  latestFlag,
  register,
  retriesFlag,
  tagPlanOptions,
  targetFlag
};
