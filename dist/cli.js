#!/usr/bin/env node
import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  define_BC_HELP_default,
  init_define_BC_HELP
} from "./chunks/chunk-CBKKNZPR.js";

// src/bin.ts
init_define_BC_HELP();
import * as nodeModule from "node:module";

// src/bin-keys.ts
init_define_BC_HELP();
function helpKey(argv) {
  const isHelp = (a) => a === "--help" || a === "-h";
  if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-V")) return "--version";
  if (argv.length === 1 && (isHelp(argv[0]) || argv[0] === "help")) return "";
  if (argv.length === 2 && argv[0] === "help" && argv[1] && !argv[1].startsWith("-")) return argv[1];
  if (argv.length === 2 && argv[0] && !argv[0].startsWith("-") && isHelp(argv[1])) return argv[0];
  return void 0;
}

// src/bin.ts
var HELP = typeof define_BC_HELP_default === "object" && define_BC_HELP_default !== null ? define_BC_HELP_default : {};
var key = helpKey(process.argv.slice(2));
var text = key === void 0 ? void 0 : HELP[key];
if (text !== void 0) {
  process.stdout.write(text);
} else {
  if (!process.env.BUILD_CONNECTOR_NO_COMPILE_CACHE) nodeModule.enableCompileCache?.();
  const { main } = await import("./chunks/cli-5LCACJDV.js");
  await main(process.argv);
}
