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
} from "./chunk-LN46F5I4.js";
import "./chunk-ISRJMLCT.js";
import "./chunk-6VEKLGYT.js";
import "./chunk-MATTDRBK.js";
import "./chunk-VFM347UL.js";
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
