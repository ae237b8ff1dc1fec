import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  register,
  tagPlanOptions
} from "./chunk-FCIG3DYH.js";
import "./chunk-UOA3M2KC.js";
import "./chunk-Z2MWC52I.js";
import "./chunk-T4MAP237.js";
import "./chunk-6LPIPXQJ.js";
import "./chunk-I7TGTHSS.js";
import "./chunk-TVMRY7EN.js";
import "./chunk-STQCJ5OL.js";
import "./chunk-CL32DPN3.js";
import "./chunk-SVKG5X7A.js";
import "./chunk-BSQYAL4K.js";
import "./chunk-HWQF2DLQ.js";
export {
  register,
  tagPlanOptions
};
