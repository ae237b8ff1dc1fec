import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  VERIFY_STEPS,
  connectorVerifyOptions,
  resolveVerifyTarget,
  runVerify
} from "./chunk-C46X6O2T.js";
import "./chunk-JEUVT4HR.js";
import "./chunk-GS2RMN54.js";
import "./chunk-7F42IA66.js";
import {
  CHECK_IDS
} from "./chunk-I4R3QSSD.js";
import "./chunk-VAKOVJ6U.js";
import "./chunk-FY77UF3H.js";
import "./chunk-6X7G7J2L.js";
import "./chunk-WMSW7MOX.js";
import "./chunk-BEU6A573.js";
import "./chunk-AVBWJCO6.js";
import "./chunk-JCNINEPP.js";
import "./chunk-BPFYRHR7.js";
import "./chunk-2LHUKJXH.js";
import "./chunk-ROAOEA6R.js";
import "./chunk-AESVDITN.js";
import "./chunk-BRC3U7YZ.js";
import "./chunk-4S36LVC7.js";
export {
  CHECK_IDS,
  VERIFY_STEPS,
  connectorVerifyOptions,
  resolveVerifyTarget,
  runVerify
};
