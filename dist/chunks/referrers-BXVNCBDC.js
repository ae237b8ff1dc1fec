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
} from "./chunk-W2CKB4BP.js";
import "./chunk-UY65VSS5.js";
import "./chunk-KQGN32ME.js";
import "./chunk-ROAOEA6R.js";
import "./chunk-AESVDITN.js";
import "./chunk-AQYICBEV.js";
import "./chunk-4S36LVC7.js";
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
