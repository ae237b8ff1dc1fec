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
} from "./chunk-47ZVWFCS.js";
import "./chunk-2JOUCVJU.js";
import "./chunk-CJVS3X54.js";
import "./chunk-YMRPEWEX.js";
import "./chunk-2QCPNS2Z.js";
import "./chunk-SZGEZ2XA.js";
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
