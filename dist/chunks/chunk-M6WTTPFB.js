import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  init_define_BC_HELP
} from "./chunk-4S36LVC7.js";

// src/lint/types.ts
init_define_BC_HELP();
function findingText(f) {
  return f.fix === void 0 ? f.message : `${f.message}; fix: ${f.fix}`;
}

export {
  findingText
};
