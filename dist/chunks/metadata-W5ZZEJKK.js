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
} from "./chunk-W5OZTBRM.js";
import "./chunk-GCCGMITS.js";
import "./chunk-WU7HX5KS.js";
import "./chunk-UKZEXR6B.js";
import "./chunk-BEB7XHHM.js";
import "./chunk-4G6BOLVH.js";
import "./chunk-2JEQD4KA.js";
import "./chunk-CBKKNZPR.js";
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
