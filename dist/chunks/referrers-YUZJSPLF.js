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
} from "./chunk-ICDHA47R.js";
import "./chunk-I2VOEO4C.js";
import "./chunk-BM47B25L.js";
import "./chunk-P22SJE6B.js";
import "./chunk-LL6HLSTJ.js";
import "./chunk-37IVQV3L.js";
import "./chunk-AFPKGCAO.js";
import "./chunk-U6ZINEPZ.js";
import "./chunk-NFJWUCKG.js";
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
