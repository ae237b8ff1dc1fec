import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  init_define_BC_HELP
} from "./chunk-4S36LVC7.js";

// src/shared/provenance.ts
init_define_BC_HELP();
var DEFAULT_PROVENANCE = "min";

export {
  DEFAULT_PROVENANCE
};
