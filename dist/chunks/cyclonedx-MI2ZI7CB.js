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
} from "./chunk-VRDCYVAK.js";
import "./chunk-AFPKGCAO.js";
import "./chunk-U6ZINEPZ.js";
import "./chunk-NFJWUCKG.js";
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
