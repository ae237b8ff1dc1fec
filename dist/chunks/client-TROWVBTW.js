import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  LoginRefused,
  MANIFEST_TYPES,
  ManifestMismatch,
  RegistryClient,
  loginRefusal,
  parseChallenge,
  registryPreflight
} from "./chunk-HNWR5ZL6.js";
import "./chunk-6KEW7YSU.js";
import "./chunk-ABYH3ITZ.js";
import "./chunk-VFM347UL.js";
import "./chunk-MATTDRBK.js";
import "./chunk-RB4QTDT4.js";
export {
  LoginRefused,
  MANIFEST_TYPES,
  ManifestMismatch,
  RegistryClient,
  loginRefusal,
  parseChallenge,
  registryPreflight
};
