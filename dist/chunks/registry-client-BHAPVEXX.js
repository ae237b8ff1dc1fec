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
} from "./chunk-ISRJMLCT.js";
import "./chunk-6VEKLGYT.js";
import "./chunk-MATTDRBK.js";
import "./chunk-VFM347UL.js";
import "./chunk-RB4QTDT4.js";
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
