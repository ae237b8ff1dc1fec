#!/usr/bin/env node
import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  define_BC_HELP_default,
  init_define_BC_HELP
} from "./chunks/chunk-HWQF2DLQ.js";

// src/bin.ts
init_define_BC_HELP();
import { readFileSync } from "node:fs";
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

// src/node-guard.ts
init_define_BC_HELP();
function minimumOf(range) {
  const m = /^\s*>=\s*v?((\d+)(?:\.(\d+))?(?:\.(\d+))?)\s*$/.exec(range);
  return m ? { version: [Number(m[2]), Number(m[3] ?? 0), Number(m[4] ?? 0)], text: m[1] } : void 0;
}
function nodeTooOld(found, range) {
  const min = minimumOf(range);
  const have = /^v?(\d+)\.(\d+)\.(\d+)/.exec(found);
  if (!min || !have) return void 0;
  const v = [Number(have[1]), Number(have[2]), Number(have[3])];
  for (let i = 0; i < 3; i++) {
    const a = v[i];
    const b = min.version[i];
    if (a > b) return void 0;
    if (a < b) return `build-connector: needs Node ${range.trim()} (package.json engines.node), found Node ${found} at ${process.execPath}; install Node ${min.text} or newer`;
  }
  return void 0;
}

// src/bin.ts
function enginesNode() {
  if (true) return ">=22.12";
  try {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    const engines = typeof pkg === "object" && pkg !== null && "engines" in pkg ? pkg.engines : void 0;
    const node = typeof engines === "object" && engines !== null && "node" in engines ? engines.node : void 0;
    return typeof node === "string" ? node : "";
  } catch {
    return "";
  }
}
var tooOld = nodeTooOld(process.versions.node, enginesNode());
if (tooOld !== void 0) {
  process.stderr.write(`${tooOld}
`);
  process.exit(3);
}
var HELP = typeof define_BC_HELP_default === "object" && define_BC_HELP_default !== null ? define_BC_HELP_default : {};
var key = helpKey(process.argv.slice(2));
var text = key === void 0 ? void 0 : HELP[key];
if (text !== void 0) {
  process.stdout.write(text);
} else {
  if (!process.env.BUILD_CONNECTOR_NO_COMPILE_CACHE) nodeModule.enableCompileCache?.();
  const { main } = await import("./chunks/cli-C7DSUUAF.js");
  await main(process.argv);
}
