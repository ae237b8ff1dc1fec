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
} from "./chunk-WRNSU7NO.js";
import "./chunk-27HXEBHL.js";
import "./chunk-6NTUZ74M.js";
import "./chunk-YMRPEWEX.js";
import "./chunk-2QCPNS2Z.js";
import "./chunk-SZGEZ2XA.js";
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
