import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  Command,
  CommanderError
} from "./chunk-A5BVJ2KJ.js";
import {
  VERSION,
  jsonError,
  reportError
} from "./chunk-IQQW7X5T.js";
import "./chunk-M6WTTPFB.js";
import "./chunk-JCNINEPP.js";
import {
  setExecDebug
} from "./chunk-N2CKSR53.js";
import "./chunk-H2BA5LQY.js";
import {
  BcError,
  ExitCode,
  toBcError
} from "./chunk-AQYICBEV.js";
import {
  init_define_BC_HELP
} from "./chunk-4S36LVC7.js";

// src/cli.ts
init_define_BC_HELP();
import { pathToFileURL } from "node:url";

// src/commands/index.ts
init_define_BC_HELP();
var COMMANDS = {
  render: () => import("./render-4WSX66FC.js"),
  lint: () => import("./lint-33LMUCLM.js"),
  build: () => import("./build-L2JL7PVU.js"),
  verify: () => import("./verify-WK4J7D2B.js"),
  publish: () => import("./publish-3HAP7GCJ.js"),
  tags: () => import("./tags-ITNIOBTU.js"),
  "release-plan": () => import("./release-plan-QGDXQN66.js"),
  doctor: () => import("./doctor-GKQ7IHA6.js"),
  changed: () => import("./changed-FJ3BGH4E.js"),
  "digest-record": () => import("./digest-record-H66QVAYW.js"),
  merge: () => import("./merge-5NCZ6CMQ.js"),
  bake: () => import("./bake-7S5OTK6N.js"),
  base: () => import("./base-DX7IBMNZ.js")
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
