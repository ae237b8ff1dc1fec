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
} from "./chunk-NSDITCIR.js";
import "./chunk-W6QOQLE7.js";
import "./chunk-W257OXBH.js";
import "./chunk-SSN6CUAS.js";
import "./chunk-5R7AJT4B.js";
import "./chunk-7H3P7VBU.js";
import "./chunk-JCCP3NW4.js";
import "./chunk-F65AD7ZE.js";
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
