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
} from "./chunk-MR3WDBBH.js";
import "./chunk-XXCHFLXQ.js";
import "./chunk-3B6BBNWB.js";
import "./chunk-RW67NCSM.js";
import "./chunk-TIPUL6EO.js";
import "./chunk-3S7N7WR3.js";
import "./chunk-GZBHEZT2.js";
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
