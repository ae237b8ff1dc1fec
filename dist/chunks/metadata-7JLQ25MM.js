import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  keyAt,
  languageOf,
  languageTags,
  loadConnector,
  loadMetadata,
  metadataError,
  parseMetadataText,
  serializeMetadata,
  toPlain,
  validateMetadata
} from "./chunk-ATMBG6MK.js";
import "./chunk-MITLCIOK.js";
import "./chunk-LC4JF5JN.js";
import "./chunk-AC6MT37A.js";
import "./chunk-Z2MWC52I.js";
import "./chunk-STQCJ5OL.js";
import "./chunk-FLBFUWAO.js";
import "./chunk-SVKG5X7A.js";
import "./chunk-BSQYAL4K.js";
import "./chunk-HWQF2DLQ.js";
export {
  keyAt,
  languageOf,
  languageTags,
  loadConnector,
  loadMetadata,
  metadataError,
  parseMetadataText,
  serializeMetadata,
  toPlain,
  validateMetadata
};
