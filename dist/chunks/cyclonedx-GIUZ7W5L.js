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
} from "./chunk-ECFEJSE5.js";
import "./chunk-5R7AJT4B.js";
import "./chunk-JCCP3NW4.js";
import "./chunk-F65AD7ZE.js";
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
