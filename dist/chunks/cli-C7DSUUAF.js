import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  Command,
  CommanderError
} from "./chunk-5S2RUB74.js";
import {
  VERSION,
  jsonError,
  reportError
} from "./chunk-T4MAP237.js";
import "./chunk-6LPIPXQJ.js";
import "./chunk-I7TGTHSS.js";
import {
  setExecDebug
} from "./chunk-TVMRY7EN.js";
import "./chunk-STQCJ5OL.js";
import {
  BcError,
  ExitCode,
  toBcError
} from "./chunk-BSQYAL4K.js";
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/cli.ts
init_define_BC_HELP();
import { pathToFileURL } from "node:url";

// src/commands/index.ts
init_define_BC_HELP();
var COMMANDS = {
  render: () => import("./render-KAK3KVOD.js"),
  lint: () => import("./lint-HDUZBB5Q.js"),
  build: () => import("./build-2D4OH362.js"),
  verify: () => import("./verify-NW35MIUX.js"),
  publish: () => import("./publish-2AFC5SKB.js"),
  tags: () => import("./tags-XVFJ7AAR.js"),
  "release-plan": () => import("./release-plan-BBYY2KJR.js"),
  doctor: () => import("./doctor-L2UZBQLB.js"),
  changed: () => import("./changed-CBS5SQHN.js"),
  "digest-record": () => import("./digest-record-SYGE4D67.js"),
  merge: () => import("./merge-VMU6C3SW.js"),
  bake: () => import("./bake-M2OJ36IP.js"),
  base: () => import("./base-FUMTAK7V.js")
};
var COMMAND_NAMES = Object.keys(COMMANDS);
async function registerCommands(program, only) {
  const names = only !== void 0 && only in COMMANDS ? [only] : COMMAND_NAMES;
  const modules = await Promise.all(names.map((n) => COMMANDS[n]()));
  for (const m of modules) m.register(program);
}
function requestedCommand(argv) {
  for (const a of argv) {
    if (a === "--json" || a === "--debug") continue;
    return a.startsWith("-") ? void 0 : a;
  }
  return void 0;
}

// src/cli.ts
async function buildProgram(only) {
  const program = new Command();
  program.name("build-connector").description("Build, verify and publish Airbyte connector images (multi-arch, verified before any tag is pushed).").version(VERSION, "-V, --version").option("--json", "print machine-readable JSON on stdout").option("--debug", "print every external command run").showHelpAfterError("(run with --help for usage)").exitOverride().configureOutput({ outputError: (str, write) => write(str) });
  program.hook("preAction", (_this, actionCommand) => {
    if (actionCommand.optsWithGlobals().debug) setExecDebug((l) => process.stderr.write(`[exec] ${l}
`));
  });
  program.addHelpText(
    "after",
    `
Exit codes:
  0  ok
  1  a check, lint rule or build failed
  2  bad input or usage (malformed metadata.yaml, unknown flag, not implemented yet)
  3  environment missing (no engine, no buildx, no arm64 emulation, registry unreachable, login refused)
  4  refused by policy (version already published with another digest)`
  );
  await registerCommands(program, only);
  for (const c of program.commands) c.exitOverride();
  return program;
}
function wantsJson(args) {
  const end = args.indexOf("--");
  return (end < 0 ? args : args.slice(0, end)).includes("--json");
}
async function main(argv) {
  const g = { json: wantsJson(argv.slice(2)), debug: argv.slice(2).includes("--debug") };
  const program = await buildProgram(requestedCommand(argv.slice(2)));
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.exitCode === 0) {
        process.exitCode = ExitCode.ok;
        return;
      }
      process.exitCode = ExitCode.badInput;
      if (g.json) {
        const message = err.message.replace(/^error: /, "");
        process.stdout.write(jsonError(new BcError("badInput", message, { details: ["run with --help for usage"] })));
      }
      return;
    }
    const e = toBcError(err);
    reportError(e, g);
    process.exitCode = e.exitCode;
  }
}
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main(process.argv);
}
export {
  buildProgram,
  main
};
