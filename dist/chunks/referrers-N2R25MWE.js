import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  EMPTY_CONFIG,
  OCI_INDEX,
  OCI_MANIFEST,
  attachReferrer,
  findReferrers,
  readArtifact,
  referrerManifest,
  referrersTag
} from "./chunk-2I7R6WIW.js";
import "./chunk-HNWR5ZL6.js";
import "./chunk-6KEW7YSU.js";
import "./chunk-ABYH3ITZ.js";
import "./chunk-VFM347UL.js";
import "./chunk-MATTDRBK.js";
import "./chunk-RB4QTDT4.js";
export {
  EMPTY_CONFIG,
  OCI_INDEX,
  OCI_MANIFEST,
  attachReferrer,
  findReferrers,
  readArtifact,
  referrerManifest,
  referrersTag
};
