import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  parseRegistryLogin
} from "./chunk-2MRSENCC.js";
import "./chunk-UOA3M2KC.js";
import {
  explicitCredentials,
  readStdinPassword
} from "./chunk-ROLAIEO7.js";
import "./chunk-Z2MWC52I.js";
import "./chunk-TVMRY7EN.js";
import "./chunk-CL32DPN3.js";
import "./chunk-SVKG5X7A.js";
import {
  badInput
} from "./chunk-BSQYAL4K.js";
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/core/login.ts
init_define_BC_HELP();
async function resolveLogin(given, opts = {}) {
  const env = opts.env ?? process.env;
  if (given.passwordFromStdin && !given.username && !env.BUILD_CONNECTOR_USERNAME) {
    throw badInput("--password-stdin: a password was given without a username", ["fix: give the username too (--username U, or BUILD_CONNECTOR_USERNAME)"]);
  }
  const password = given.passwordFromStdin ? await readStdinPassword(opts.stdin) : void 0;
  const login = parseRegistryLogin({ username: given.username, password });
  explicitCredentials({ ...login, env });
  return login;
}
export {
  resolveLogin
};
