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
} from "./chunk-LAVRASJD.js";
import "./chunk-WPPSXPB4.js";
import "./chunk-AESVDITN.js";
import "./chunk-7ZR53DCF.js";
import "./chunk-4S36LVC7.js";
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
