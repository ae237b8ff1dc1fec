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
} from "./chunk-C3OKXXU7.js";
import "./chunk-Q6YLRKSR.js";
import "./chunk-2PTM4VG7.js";
import "./chunk-5BSCDYHN.js";
import "./chunk-N4DRTQQW.js";
import "./chunk-GBOMAGUQ.js";
import "./chunk-CTABBEN6.js";
import "./chunk-6ZG2IHFH.js";
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
