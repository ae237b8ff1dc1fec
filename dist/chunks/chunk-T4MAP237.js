import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  runCleanups
} from "./chunk-TVMRY7EN.js";
import {
  BcError,
  ExitCode,
  toBcError
} from "./chunk-BSQYAL4K.js";
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/version.ts
init_define_BC_HELP();
var VERSION = true ? "0.1.0" : "0.0.0-dev";

// src/core/index.ts
init_define_BC_HELP();

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
function collect(value, previous = []) {
  return [...previous, value];
}
function credentialOptions(cmd) {
  return cmd.option("--username <user>", "registry user (else BUILD_CONNECTOR_USERNAME; with neither, the docker login credentials of that registry)").option("--password-stdin", "read the registry password from stdin (else BUILD_CONNECTOR_PASSWORD; never a flag)");
}
async function loginFromFlags(f, opts = {}) {
  const { resolveLogin } = await import("./login-D4RCQCMJ.js");
  return resolveLogin({ username: f.username, passwordFromStdin: f.passwordStdin }, opts);
}
function buildInputOptions(cmd) {
  return cmd.option("--platform <list>", "platforms, comma separated (default: metadata.yaml data.buildConnector.platforms, else linux/amd64,linux/arm64)").option("--base-image <ref>", "base image to render with, replacing the connector's (pinned by digest)").option("--builder <name>", "buildx builder to use (default: BUILDX_BUILDER or the current one)").option("--build-arg <KEY=VALUE>", "build argument, repeatable", collect).option("--cache-from <spec>", "buildx --cache-from, repeatable", collect).option("--cache-to <spec>", "buildx --cache-to, repeatable", collect).option("--provenance <mode>", "provenance attestation: min (default), max or false");
}
function buildInputsOf(f) {
  return { platforms: f.platform, baseImage: f.baseImage, builder: f.builder, cacheFrom: f.cacheFrom, cacheTo: f.cacheTo, buildArgs: f.buildArg, provenance: f.provenance };
}

export {
  VERSION,
  action,
  jsonError,
  reportError,
  failedFlow,
  collect,
  credentialOptions,
  loginFromFlags,
  buildInputOptions,
  buildInputsOf
};
