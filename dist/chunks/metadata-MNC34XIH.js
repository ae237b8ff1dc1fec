import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  displayPath,
  languageOf,
  languageTags,
  loadConnector,
  loadMetadata,
  metadataError,
  parseMetadataText,
  serializeMetadata,
  toPlain,
  validateMetadata,
  where
} from "./chunk-KNPPYKNT.js";
import "./chunk-EF33TIX7.js";
import "./chunk-DG6ELZ66.js";
import "./chunk-2IOCRA5R.js";
import "./chunk-GSB4DPUC.js";
import "./chunk-YMRPEWEX.js";
import "./chunk-2QCPNS2Z.js";
import "./chunk-SZGEZ2XA.js";
export {
  displayPath,
  languageOf,
  languageTags,
  loadConnector,
  loadMetadata,
  metadataError,
  parseMetadataText,
  serializeMetadata,
  toPlain,
  validateMetadata,
  where
};
