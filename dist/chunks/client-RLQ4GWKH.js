import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  LoginRefused,
  MANIFEST_TYPES,
  ManifestMismatch,
  RegistryClient,
  loginRefusal,
  parseChallenge,
  registryPreflight
} from "./chunk-2CZK5HMD.js";
import "./chunk-QLD2YDU3.js";
import "./chunk-CL32DPN3.js";
import "./chunk-FLBFUWAO.js";
import "./chunk-SVKG5X7A.js";
import "./chunk-BSQYAL4K.js";
import "./chunk-HWQF2DLQ.js";
export {
  LoginRefused,
  MANIFEST_TYPES,
  ManifestMismatch,
  RegistryClient,
  loginRefusal,
  parseChallenge,
  registryPreflight
};
