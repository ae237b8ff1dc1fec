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
} from "./chunk-VCAMLDKW.js";
import "./chunk-BPFYRHR7.js";
import "./chunk-AESVDITN.js";
import "./chunk-BRC3U7YZ.js";
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
