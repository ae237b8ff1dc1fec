import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  parseRegistryLogin
} from "./chunk-UAQAWRP5.js";
import "./chunk-W72BLPIB.js";
import "./chunk-A3DFQGGB.js";
import "./chunk-ADAXBUA2.js";
import "./chunk-5HUJQ3FY.js";
import {
  explicitCredentials,
  readStdinPassword
} from "./chunk-F52TEOU4.js";
import "./chunk-7YRN5CZK.js";
import "./chunk-ZPPOWMXW.js";
import "./chunk-UTGX6F2J.js";
import "./chunk-DUDWKVG5.js";
import "./chunk-2U75EEOT.js";
import "./chunk-AVBWJCO6.js";
import "./chunk-N2CKSR53.js";
import "./chunk-H2BA5LQY.js";
import "./chunk-ROAOEA6R.js";
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
