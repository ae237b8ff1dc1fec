import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  init_define_BC_HELP
} from "./chunk-RB4QTDT4.js";

// src/core/index.ts
init_define_BC_HELP();
