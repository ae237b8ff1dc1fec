import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/shared/modes.ts
init_define_BC_HELP();
var DEFAULT_PROVENANCE = "min";
var LATEST_MODES = ["auto", "true", "false"];
var DEFAULT_GIT_TAG_FORMAT = "{dir}/v{version}";
var DEFAULT_ATTEMPTS = 5;
var DEFAULT_TIMEOUT_SECONDS = 120;

export {
  DEFAULT_PROVENANCE,
  LATEST_MODES,
  DEFAULT_GIT_TAG_FORMAT,
  DEFAULT_ATTEMPTS,
  DEFAULT_TIMEOUT_SECONDS
};
