import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  parseRegistryLogin
} from "./chunk-JCMVIMYX.js";
import "./chunk-JS7HP7LI.js";
import "./chunk-JYWSTTTM.js";
import "./chunk-ADAXBUA2.js";
import "./chunk-QYMVX6M4.js";
import {
  explicitCredentials,
  readStdinPassword
} from "./chunk-VCAMLDKW.js";
import "./chunk-HGKEUVWK.js";
import "./chunk-T3TCOM34.js";
import "./chunk-DUDWKVG5.js";
import "./chunk-BEU6A573.js";
import "./chunk-AVBWJCO6.js";
import "./chunk-BPFYRHR7.js";
import "./chunk-2LHUKJXH.js";
import "./chunk-ROAOEA6R.js";
import "./chunk-AESVDITN.js";
import {
  badInput
} from "./chunk-BRC3U7YZ.js";
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
