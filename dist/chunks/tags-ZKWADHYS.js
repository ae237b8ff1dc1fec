import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  latestFlag,
  register,
  retriesFlag,
  tagPlanOptions,
  targetFlag
} from "./chunk-GK6SX3RU.js";
import "./chunk-4WZDKM62.js";
import "./chunk-JCNINEPP.js";
import "./chunk-BPFYRHR7.js";
import "./chunk-2LHUKJXH.js";
import "./chunk-BRC3U7YZ.js";
import "./chunk-4S36LVC7.js";
export {
  latestFlag,
  register,
  retriesFlag,
  tagPlanOptions,
  targetFlag
};
