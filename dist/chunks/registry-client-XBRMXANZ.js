import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  LoginRefused,
  MANIFEST_TYPES,
  ManifestMismatch,
  RegistryClient,
  errorCodes,
  loginRefusal,
  parseChallenge,
  registryPreflight,
  sha256
} from "./chunk-RULUS656.js";
import "./chunk-PFI3KBEG.js";
import "./chunk-GBOMAGUQ.js";
import "./chunk-CTABBEN6.js";
import "./chunk-6ZG2IHFH.js";
export {
  LoginRefused,
  MANIFEST_TYPES,
  ManifestMismatch,
  RegistryClient,
  errorCodes,
  loginRefusal,
  parseChallenge,
  registryPreflight,
  sha256
};
