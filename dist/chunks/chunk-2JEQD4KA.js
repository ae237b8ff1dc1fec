import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  init_define_BC_HELP
} from "./chunk-CBKKNZPR.js";

// src/fs-util.ts
init_define_BC_HELP();
import { stat } from "node:fs/promises";
async function isFile(p) {
  return stat(p).then(
    (s) => s.isFile(),
    () => false
  );
}

export {
  isFile
};
