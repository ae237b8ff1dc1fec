import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  runCleanups
} from "./chunk-3LX63W6I.js";
import {
  BcError,
  ExitCode,
  toBcError
} from "./chunk-5R7AJT4B.js";
import {
  init_define_BC_HELP
} from "./chunk-F65AD7ZE.js";

// src/commands/common.ts
init_define_BC_HELP();

// src/ui/output.ts
init_define_BC_HELP();
function createOutput(json, stdout = process.stdout, stderr = process.stderr) {
  return {
    json,
    result(value, human) {
      if (json) stdout.write(`${JSON.stringify(value, null, 2)}
`);
      else {
        const text = human();
        if (text) stdout.write(text.endsWith("\n") ? text : `${text}
`);
      }
    },
    info(line) {
      stderr.write(`${line}
`);
    },
    warn(line) {
      stderr.write(`warning: ${line}
`);
    }
  };
}

// src/commands/common.ts
function globalOptions(cmd) {
  const all = cmd.optsWithGlobals();
  return { json: all.json === true, debug: all.debug === true };
}
function action(handler) {
  return async (...raw) => {
    const cmd = raw[raw.length - 1];
    const g = globalOptions(cmd);
    const out = createOutput(g.json);
    const args = raw.slice(0, -1);
    try {
      const code = await handler(out, g, ...args);
      process.exitCode = code ?? ExitCode.ok;
    } catch (err) {
      const e = toBcError(err);
      reportError(e, g);
      process.exitCode = e.exitCode;
    } finally {
      await runCleanups();
    }
  };
}
function jsonError(e) {
  return `${JSON.stringify({ error: { kind: e.kind, exitCode: e.exitCode, message: e.message, step: e.step ?? null, details: e.details }, exitCode: e.exitCode }, null, 2)}
`;
}
function reportError(e, g) {
  if (g.json) process.stdout.write(jsonError(e));
  const lines = [`error: ${e.message}`, ...e.details.map((d) => `  ${d}`)];
  process.stderr.write(`${lines.join("\n")}
`);
  if (g.debug && e.cause instanceof Error && e.cause.stack) process.stderr.write(`${e.cause.stack}
`);
}
var KIND_OF = { 1: "failed", 2: "badInput", 3: "environment", 4: "refused", 130: "interrupted" };
function errorOf(r) {
  return new BcError(KIND_OF[r.exitCode] ?? "failed", r.reason, { details: r.details, step: r.step });
}
function failedFlow(out, r) {
  const e = errorOf(r);
  if (!out.json) throw e;
  out.result({ ...r, error: { kind: e.kind, exitCode: e.exitCode, message: e.message, step: e.step ?? null, details: e.details } }, () => "");
  process.stderr.write(`error: ${e.message}
${e.details.map((d) => `  ${d}
`).join("")}`);
  return e.exitCode;
}
function listFlag(value) {
  if (value === void 0) return void 0;
  return value.split(/[\n,]/).map((s) => s.trim()).filter((s) => s !== "");
}
function collect(value, previous = []) {
  return [...previous, value];
}

export {
  action,
  jsonError,
  reportError,
  failedFlow,
  listFlag,
  collect
};
