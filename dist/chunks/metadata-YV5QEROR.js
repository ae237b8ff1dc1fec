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
} from "./chunk-SOKBBEPG.js";
import "./chunk-GCO5KNKR.js";
import "./chunk-IGOOYWZR.js";
import "./chunk-NCNAGE66.js";
import "./chunk-BBPJ244V.js";
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
