import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/core/request.ts
init_define_BC_HELP();
var defaultLog = (l) => void process.stderr.write(`${l}
`);

export {
  defaultLog
};
