import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  parseRegistryLogin
} from "./chunk-XFIBBRQS.js";
import "./chunk-FIJRI7GE.js";
import {
  explicitCredentials,
  readStdinPassword
} from "./chunk-F52TEOU4.js";
import "./chunk-FA2OQ6TM.js";
import "./chunk-HI25WK67.js";
import "./chunk-N2CKSR53.js";
import "./chunk-AESVDITN.js";
import {
  badInput
} from "./chunk-AQYICBEV.js";
import {
  init_define_BC_HELP
} from "./chunk-4S36LVC7.js";

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
