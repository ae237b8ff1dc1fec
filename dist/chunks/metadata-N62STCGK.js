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
} from "./chunk-VDZCJ54U.js";
import "./chunk-F4ZLNMK7.js";
import "./chunk-J7A4ZPCX.js";
import "./chunk-2OG2YJHP.js";
import "./chunk-EOVLSTFT.js";
import "./chunk-G6GUSTSF.js";
import "./chunk-IOSLR57L.js";
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
