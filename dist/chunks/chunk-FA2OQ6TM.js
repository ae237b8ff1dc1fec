import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  init_define_BC_HELP
} from "./chunk-4S36LVC7.js";

// src/shared/modes.ts
init_define_BC_HELP();
var DEFAULT_PROVENANCE = "min";
var LATEST_MODES = ["auto", "true", "false"];

export {
  DEFAULT_PROVENANCE,
  LATEST_MODES
};
