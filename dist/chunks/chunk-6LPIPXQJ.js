import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/lint/types.ts
init_define_BC_HELP();
function findingText(f) {
  return f.fix === void 0 ? f.message : `${f.message}; fix: ${f.fix}`;
}

export {
  findingText
};
