import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  VERIFY_STEPS,
  connectorVerifyOptions,
  resolveVerifyTarget,
  runVerify
} from "./chunk-J5JFNEOA.js";
import "./chunk-FM3LBKJN.js";
import "./chunk-GS2RMN54.js";
import "./chunk-ZWIIHEP6.js";
import {
  renderReport
} from "./chunk-XCYQB3AR.js";
import "./chunk-72ISDTNZ.js";
import "./chunk-TLSMMWMK.js";
import "./chunk-NBFBEFOG.js";
import "./chunk-IOFOEIPF.js";
import "./chunk-ST2QV46B.js";
import "./chunk-Q4DKEBY5.js";
import "./chunk-AVBWJCO6.js";
import "./chunk-WPPSXPB4.js";
import "./chunk-ENUPM6VP.js";
import "./chunk-ROAOEA6R.js";
import "./chunk-AESVDITN.js";
import "./chunk-7ZR53DCF.js";
import "./chunk-4S36LVC7.js";
export {
  VERIFY_STEPS,
  connectorVerifyOptions,
  renderReport,
  resolveVerifyTarget,
  runVerify
};
