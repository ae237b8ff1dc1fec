import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  configKeys,
  credentialsFromConfig,
  decodeAuth,
  dockerConfigDir,
  dockerConfigPath,
  explicitCredentials,
  privateConfigJson,
  readStdinPassword,
  registryAccess,
  resolveCredentials,
  toolAuth
} from "./chunk-PII5RDVP.js";
import "./chunk-RDTZURDF.js";
import "./chunk-HG4DKFTF.js";
import "./chunk-GBOMAGUQ.js";
import "./chunk-CTABBEN6.js";
import "./chunk-6ZG2IHFH.js";
export {
  configKeys,
  credentialsFromConfig,
  decodeAuth,
  dockerConfigDir,
  dockerConfigPath,
  explicitCredentials,
  privateConfigJson,
  readStdinPassword,
  registryAccess,
  resolveCredentials,
  toolAuth
};
