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
} from "./chunk-2YNOF5SN.js";
import "./chunk-YMRPEWEX.js";
import "./chunk-2QCPNS2Z.js";
import "./chunk-SZGEZ2XA.js";
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
