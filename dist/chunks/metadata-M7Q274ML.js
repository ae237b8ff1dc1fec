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
} from "./chunk-RGI7RSUZ.js";
import "./chunk-ZYRUFS6Q.js";
import "./chunk-DUDWKVG5.js";
import "./chunk-Q4DKEBY5.js";
import "./chunk-AVBWJCO6.js";
import "./chunk-ENUPM6VP.js";
import "./chunk-ROAOEA6R.js";
import "./chunk-AESVDITN.js";
import "./chunk-7ZR53DCF.js";
import "./chunk-4S36LVC7.js";
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
