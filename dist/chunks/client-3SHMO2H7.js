import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  LoginRefused,
  MANIFEST_TYPES,
  ManifestMismatch,
  RegistryClient,
  loginRefusal,
  parseChallenge,
  registryPreflight
} from "./chunk-UEL3JV3M.js";
import "./chunk-YJZNKJVV.js";
import "./chunk-ROAOEA6R.js";
import "./chunk-AESVDITN.js";
import "./chunk-7ZR53DCF.js";
import "./chunk-4S36LVC7.js";
export {
  LoginRefused,
  MANIFEST_TYPES,
  ManifestMismatch,
  RegistryClient,
  loginRefusal,
  parseChallenge,
  registryPreflight
};
