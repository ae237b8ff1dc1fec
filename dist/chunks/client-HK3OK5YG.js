import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  LoginRefused,
  MANIFEST_TYPES,
  ManifestMismatch,
  RegistryClient,
  loginRefusal,
  parseChallenge,
  registryPreflight
} from "./chunk-UY65VSS5.js";
import "./chunk-KQGN32ME.js";
import "./chunk-ROAOEA6R.js";
import "./chunk-AESVDITN.js";
import "./chunk-AQYICBEV.js";
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
