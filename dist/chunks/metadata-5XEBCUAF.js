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
} from "./chunk-6N6K3GH5.js";
import "./chunk-TDTQ2VRD.js";
import "./chunk-DUDWKVG5.js";
import "./chunk-2U75EEOT.js";
import "./chunk-HI25WK67.js";
import "./chunk-H2BA5LQY.js";
import "./chunk-ROAOEA6R.js";
import "./chunk-AESVDITN.js";
import "./chunk-AQYICBEV.js";
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
