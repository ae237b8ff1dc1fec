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
} from "./chunk-LA2VSWS6.js";
import "./chunk-AESVDITN.js";
import "./chunk-AQYICBEV.js";
import "./chunk-4S36LVC7.js";
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
