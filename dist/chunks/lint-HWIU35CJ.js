import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  lintDockerfile,
  sortFindings,
  summarize
} from "./chunk-ONRJAAAE.js";
import {
  resolvePlan
} from "./chunk-3V2W6OQB.js";
import "./chunk-72EPRZDK.js";
import "./chunk-Y2LOYOX6.js";
import {
  action,
  collect,
  listFlag
} from "./chunk-ULLLB6I3.js";
import "./chunk-2IDTRXAZ.js";
import "./chunk-BTV5XUFB.js";
import "./chunk-W5OZTBRM.js";
import "./chunk-GCCGMITS.js";
import "./chunk-WU7HX5KS.js";
import {
  BcError,
  ExitCode,
  badInput
} from "./chunk-UKZEXR6B.js";
import "./chunk-BEB7XHHM.js";
import "./chunk-4G6BOLVH.js";
import "./chunk-2JEQD4KA.js";
import {
  init_define_BC_HELP
} from "./chunk-CBKKNZPR.js";

// src/commands/lint.ts
init_define_BC_HELP();

// src/lint/target.ts
init_define_BC_HELP();
import { readFile, stat } from "node:fs/promises";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
function displayPath(file) {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : file;
}
async function kindOf(p) {
  try {
    const s = await stat(p);
    return s.isDirectory() ? "dir" : "file";
  } catch {
    return void 0;
  }
}
async function readOptional(p) {
  try {
    return await readFile(p, "utf8");
  } catch {
    return null;
  }
}
async function readDockerfile(path) {
  try {
    return await readFile(path, "utf8");
  } catch (err) {
    const code = err.code ?? "error";
    throw badInput(`${displayPath(path)}: cannot read (${code})`, ["fix: pass a readable Dockerfile or connector directory"]);
  }
}
async function dockerignoreFor(dockerfile, contextDir) {
  return await readOptional(`${dockerfile}.dockerignore`) ?? readOptional(join(contextDir, ".dockerignore"));
}
async function lintFile(path, opts) {
  const text = await readDockerfile(path);
  const file = displayPath(path);
  const dockerignore = opts.dockerignore !== void 0 ? opts.dockerignore : await dockerignoreFor(path, dirname(path));
  return { findings: lintDockerfile(text, file, { ...opts, dockerignore }), files: [file], mode: "dockerfile" };
}
async function lintCustom(path, text, buildIgnore, opts) {
  const file = displayPath(path);
  const dockerignore = opts.dockerignore !== void 0 ? opts.dockerignore : buildIgnore;
  const findings = lintDockerfile(text, file, { ...opts, dockerignore });
  if (opts.dockerignore === void 0) {
    const own = await dockerignoreFor(path, dirname(path));
    for (const f of lintDockerfile(text, file, { ...opts, dockerignore: own })) {
      if (f.ruleId !== "secrets-context-copy" || findings.some((g) => g.ruleId === f.ruleId && g.line === f.line && g.column === f.column)) continue;
      findings.push({
        ...f,
        severity: "warning",
        message: `${f.message.replace(/; fix: .*$/, "")} when built with plain docker build (build-connector excludes secrets/ from its own builds); fix: add a line "secrets/" to ${own === null ? "a new " : ""}.dockerignore`
      });
    }
  }
  return { findings: sortFindings(findings), files: [file], mode: "custom" };
}
function metadataFinding(err) {
  const m = /^(.+?):(\d+):(\d+): (?:((?:data|metadataSpecVersion)(?:\.[\w-]+)*): )?([\s\S]*)$/.exec(err.message);
  if (!m) return void 0;
  const [, file, line, col, path, message] = m;
  const fix = err.details.find((d) => d.startsWith("fix:"));
  return {
    ruleId: path ?? "metadata-yaml",
    severity: "error",
    file,
    line: Number(line),
    column: Number(col),
    message: fix ? `${message}; ${fix}` : message,
    fatal: true
  };
}
async function lintTarget(target, opts = {}) {
  const abs = resolve(target);
  const kind = await kindOf(abs);
  if (kind === void 0) {
    throw badInput(`${target}: no such file or directory`, ["fix: pass a connector directory (with metadata.yaml) or a Dockerfile"]);
  }
  if (kind === "file") return lintFile(abs, opts);
  const hasMetadata = await kindOf(join(abs, "metadata.yaml")) === "file";
  const hasDockerfile = await kindOf(join(abs, "Dockerfile")) === "file";
  if (!hasMetadata) {
    if (hasDockerfile) return lintFile(join(abs, "Dockerfile"), opts);
    throw badInput(`${displayPath(abs)}: neither metadata.yaml nor Dockerfile found`, ["fix: pass a connector directory (with metadata.yaml) or a Dockerfile"]);
  }
  let plan;
  try {
    plan = await resolvePlan(abs, { baseImage: opts.baseImage, templatesDir: opts.templatesDir });
  } catch (err) {
    if (err instanceof BcError && err.kind === "badInput") {
      const f = metadataFinding(err);
      if (f) return { findings: [f], files: [f.file], mode: "metadata" };
    }
    throw err;
  }
  const permittedWriteDirs = opts.permittedWriteDirs ?? plan.permittedWriteDirs;
  if (plan.mode === "custom" && plan.dockerfilePath) {
    return lintCustom(plan.dockerfilePath, plan.dockerfile, plan.dockerignore, { ...opts, permittedWriteDirs });
  }
  const file = `${displayPath(abs)}/Dockerfile.rendered`;
  const dockerignore = opts.dockerignore !== void 0 ? opts.dockerignore : plan.dockerignore;
  return { findings: lintDockerfile(plan.dockerfile, file, { ...opts, permittedWriteDirs, dockerignore }), files: [file], mode: "rendered" };
}

// src/lint/format.ts
init_define_BC_HELP();
function formatText(findings, files) {
  const lines = findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.ruleId} ${oneLine(f.message)}`);
  lines.push(summaryLine(findings, files));
  return lines.join("\n");
}
function summaryLine(findings, files) {
  const s = summarize(findings);
  const what = files.length === 1 ? files[0] : `${files.length} files`;
  if (s.fatal) return `lint: ${what} could not be analysed (${s.errors} error${s.errors === 1 ? "" : "s"})`;
  if (s.errors + s.warnings === 0) return `lint: ${what}: no findings`;
  return `lint: ${what}: ${s.errors} error${s.errors === 1 ? "" : "s"}, ${s.warnings} warning${s.warnings === 1 ? "" : "s"}`;
}
var oneLine = (s) => s.replace(/\r?\n|\r/g, "\\n");
function escapeData(s) {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
function formatGithub(findings) {
  return findings.map((f) => {
    const props = `file=${escapeProperty(f.file)},line=${f.line},col=${f.column},title=${escapeProperty(f.ruleId)}`;
    return `::${f.severity === "error" ? "error" : "warning"} ${props}::${escapeData(f.message)}`;
  }).join("\n");
}

// src/commands/lint.ts
var FORMATS = ["text", "json", "github"];
function parseBuildArgs(list) {
  if (!list) return void 0;
  const out = {};
  for (const item of list) {
    const eq = item.indexOf("=");
    if (eq <= 0) throw badInput(`--build-arg ${JSON.stringify(item)}: expected NAME=VALUE`);
    out[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return out;
}
function register(program) {
  program.command("lint <target>").description("check a connector directory or Dockerfile against the Airbyte image rules (exit 1 on an error-level finding)").option("--format <format>", "text | json | github (workflow-command annotations)", "text").option("--permitted-write-dirs <list>", "comma-separated permitted write dirs (default: the base image's, else /airbyte,/tmp,/secrets,/config,/custom_cache)").option("--target <stage>", "lint this build stage as the final image").option("--build-arg <NAME=VALUE>", "value for an ARG (repeatable)", collect).option("--base-image <ref>", "connector directory in rendered mode: base image to render with").option("--templates <dir>", "connector directory in rendered mode: extra templates directory").action(
    action(async (out, g, target, opts) => {
      const format = g.json ? "json" : opts.format ?? "text";
      if (!FORMATS.includes(format)) throw badInput(`--format ${JSON.stringify(opts.format)}: expected one of ${FORMATS.join(", ")}`);
      const dirs = listFlag(opts.permittedWriteDirs);
      if (dirs) {
        const bad = dirs.find((d) => !d.startsWith("/"));
        if (bad !== void 0) throw badInput(`--permitted-write-dirs: ${JSON.stringify(bad)} is not an absolute path`);
      }
      const res = await lintTarget(target, {
        permittedWriteDirs: dirs,
        target: opts.target,
        buildArgs: parseBuildArgs(opts.buildArg),
        baseImage: opts.baseImage,
        templatesDir: opts.templates
      });
      if (format === "json") {
        process.stdout.write(`${JSON.stringify(res.findings, null, 2)}
`);
      } else if (format === "github") {
        const text = formatGithub(res.findings);
        if (text) process.stdout.write(`${text}
`);
        out.info(summaryLine(res.findings, res.files));
      } else {
        out.result(res.findings, () => formatText(res.findings, res.files) + (res.mode === "rendered" ? `
(rendered from metadata.yaml: see build-connector render ${target})` : ""));
      }
      const s = summarize(res.findings);
      if (s.fatal) return ExitCode.badInput;
      return s.errors > 0 ? ExitCode.failed : ExitCode.ok;
    })
  );
}
export {
  register
};
