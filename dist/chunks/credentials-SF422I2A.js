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
  storedCredentials,
  toolAuth
} from "./chunk-F52TEOU4.js";
import "./chunk-N2CKSR53.js";
import "./chunk-AESVDITN.js";
import "./chunk-AQYICBEV.js";
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
  storedCredentials,
  toolAuth
};
