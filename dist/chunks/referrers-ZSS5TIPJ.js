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
} from "./chunk-XYELCEKU.js";
import "./chunk-N7JQECWR.js";
import "./chunk-SEASYK5Z.js";
import "./chunk-A3I33V3B.js";
import "./chunk-ZBE7Q2QI.js";
import "./chunk-3LX63W6I.js";
import "./chunk-5R7AJT4B.js";
import "./chunk-JCCP3NW4.js";
import "./chunk-F65AD7ZE.js";
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
