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
} from "./chunk-MTGALRCG.js";
import "./chunk-3SXJ4VDW.js";
import "./chunk-UNVAEICX.js";
import "./chunk-6JMBDXIW.js";
import "./chunk-F7JS4Q65.js";
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
