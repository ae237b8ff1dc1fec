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
} from "./chunk-2JOUCVJU.js";
import "./chunk-CJVS3X54.js";
import "./chunk-YMRPEWEX.js";
import "./chunk-2QCPNS2Z.js";
import "./chunk-SZGEZ2XA.js";
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
