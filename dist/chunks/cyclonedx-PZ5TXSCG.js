import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  BomSchema,
  CYCLONEDX_MEDIA_TYPE,
  ecosystemsOf,
  normalizeBom,
  ociPurl,
  parseBom,
  uuidFrom,
  withoutFilePath
} from "./chunk-4Z2WBKU5.js";
import "./chunk-GBOMAGUQ.js";
import "./chunk-CTABBEN6.js";
import "./chunk-6ZG2IHFH.js";
export {
  BomSchema,
  CYCLONEDX_MEDIA_TYPE,
  ecosystemsOf,
  normalizeBom,
  ociPurl,
  parseBom,
  uuidFrom,
  withoutFilePath
};
