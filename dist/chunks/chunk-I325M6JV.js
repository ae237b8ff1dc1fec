import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/shared/cache-dir.ts
init_define_BC_HELP();
import { homedir } from "node:os";
import { join } from "node:path";
function userCacheDir(env = process.env) {
  return join(env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "build-connector");
}

export {
  userCacheDir
};
