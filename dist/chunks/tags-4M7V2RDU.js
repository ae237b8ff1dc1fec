import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  latestFlag,
  register,
  retriesFlag,
  tagPlanOptions,
  targetFlag
} from "./chunk-2TBGWCCX.js";
import "./chunk-7QMP5LW3.js";
import "./chunk-AD55BUKF.js";
import "./chunk-FZSR6KLZ.js";
import "./chunk-N7JQECWR.js";
import "./chunk-SEASYK5Z.js";
import "./chunk-POG5CEUR.js";
import "./chunk-ZBFYMFRC.js";
import "./chunk-NSDITCIR.js";
import "./chunk-W6QOQLE7.js";
import "./chunk-W257OXBH.js";
import "./chunk-A3I33V3B.js";
import "./chunk-ZBE7Q2QI.js";
import "./chunk-3LX63W6I.js";
import "./chunk-SSN6CUAS.js";
import "./chunk-5R7AJT4B.js";
import "./chunk-7H3P7VBU.js";
import "./chunk-JCCP3NW4.js";
import "./chunk-F65AD7ZE.js";
export {
  latestFlag,
  register,
  retriesFlag,
  tagPlanOptions,
  targetFlag
};
