import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  latestFlag,
  register,
  retriesFlag,
  targetFlag
} from "./chunk-WAJ5TJWV.js";
import "./chunk-VZZZLQBG.js";
import "./chunk-ZHMC2JFR.js";
import "./chunk-C2UDR7I5.js";
import "./chunk-MWZGQX3H.js";
import "./chunk-C7XVHE3Q.js";
import "./chunk-SOKBBEPG.js";
import "./chunk-GCO5KNKR.js";
import "./chunk-QXHRBM43.js";
import "./chunk-Z4K3ETZY.js";
import "./chunk-6OKTNOVI.js";
import "./chunk-IGOOYWZR.js";
import "./chunk-NCNAGE66.js";
import "./chunk-BBPJ244V.js";
export {
  latestFlag,
  register,
  retriesFlag,
  targetFlag
};
