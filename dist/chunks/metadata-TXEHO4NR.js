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
} from "./chunk-HGKEUVWK.js";
import "./chunk-T3TCOM34.js";
import "./chunk-DUDWKVG5.js";
import "./chunk-BEU6A573.js";
import "./chunk-AVBWJCO6.js";
import "./chunk-2LHUKJXH.js";
import "./chunk-ROAOEA6R.js";
import "./chunk-AESVDITN.js";
import "./chunk-BRC3U7YZ.js";
import "./chunk-4S36LVC7.js";
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
