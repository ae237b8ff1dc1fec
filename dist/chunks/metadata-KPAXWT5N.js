import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  displayPath,
  languageOf,
  loadConnector,
  loadMetadata,
  metadataError,
  parseMetadataText,
  serializeMetadata,
  validateMetadata,
  where
} from "./chunk-FGC2GAOX.js";
import "./chunk-GOICV6JM.js";
import "./chunk-BE5EM6RG.js";
import "./chunk-XOYO7HYX.js";
import "./chunk-HTCQJELU.js";
import "./chunk-BPUH7USV.js";
import "./chunk-YXWD64HT.js";
import "./chunk-CDVMQLRB.js";
export {
  displayPath,
  languageOf,
  loadConnector,
  loadMetadata,
  metadataError,
  parseMetadataText,
  serializeMetadata,
  validateMetadata,
  where
};
