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
} from "./chunk-UOZK22EW.js";
import "./chunk-RULUS656.js";
import "./chunk-PFI3KBEG.js";
import "./chunk-GBOMAGUQ.js";
import "./chunk-CTABBEN6.js";
import "./chunk-6ZG2IHFH.js";
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
