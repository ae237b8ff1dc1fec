import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  parseBuildArgs
} from "./chunk-2MRSENCC.js";
import {
  parseFields
} from "./chunk-UOA3M2KC.js";
import "./chunk-Z2MWC52I.js";
import {
  action,
  collect
} from "./chunk-T4MAP237.js";
import {
  findingText
} from "./chunk-6LPIPXQJ.js";
import "./chunk-I7TGTHSS.js";
import "./chunk-TVMRY7EN.js";
import "./chunk-STQCJ5OL.js";
import "./chunk-CL32DPN3.js";
import "./chunk-SVKG5X7A.js";
import "./chunk-BSQYAL4K.js";
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/commands/lint.ts
init_define_BC_HELP();

// src/commands/lint-format.ts
init_define_BC_HELP();
var findingLine = (f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.ruleId} ${oneLine(findingText(f))}`;
function formatText(t) {
  const lines = t.findings.map(findingLine);
  lines.push(summaryLine(t));
  return lines.join("\n");
}
function summaryLine(t) {
  const what = t.files.length === 1 ? t.files[0] : `${t.files.length} files`;
  if (t.fatal) return `lint: ${what} could not be analysed (${t.errors} error${t.errors === 1 ? "" : "s"})`;
  if (t.errors + t.warnings === 0) return `lint: ${what}: no findings`;
  return `lint: ${what}: ${t.errors} error${t.errors === 1 ? "" : "s"}, ${t.warnings} warning${t.warnings === 1 ? "" : "s"}`;
}
var count = (n, what) => `${n} ${what}${n === 1 ? "" : "s"}`;
function formatReport(report) {
  const lines = [];
  for (const t of report.targets) {
    if (t.errors + t.warnings === 0) {
      lines.push(`${t.target}: ok`);
      continue;
    }
    lines.push(`${t.target}: ${t.fatal ? "could not be analysed, " : ""}${count(t.errors, "error")}, ${count(t.warnings, "warning")}`);
    if (t.errors > 0) for (const f of t.findings) lines.push(`  ${findingLine(f)}`);
  }
  lines.push(reportSummary(report));
  return lines.join("\n");
}
function reportSummary(report) {
  const n = report.targets.length;
  const parts = [`${report.ok} ok`, `${report.failing} with errors`, `${report.warned} with warnings only`];
  return `lint: ${count(n, "target")}: ${parts.join(", ")} (${count(report.errors, "error")}, ${count(report.warnings, "warning")})`;
}
function unresolvedBaseLines(report) {
  const lines = [];
  for (const b of report.bases) {
    if (b.unresolved !== void 0 && b.warned > 0) {
      lines.push(`lint: base image ${b.ref} not read (${b.unresolved}): ${count(b.warned, "target")} ${b.warned === 1 ? "has" : "have"} warnings it would decide; verify checks the built image`);
    } else if (b.from === "table") {
      lines.push(`lint: base image ${b.ref} not read (${b.unread ?? "unknown reason"}): judged from the bundled table (${b.table ?? "?"})`);
    }
  }
  return lines;
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
    return `::${f.severity === "error" ? "error" : "warning"} ${props}::${escapeData(findingText(f))}`;
  }).join("\n");
}

// src/commands/lint.ts
function register(program) {
  program.command("lint [targets...]").description("check connector directories, Dockerfiles, or every connector below a root against the Airbyte image rules (exit 1 on an error-level finding)").option("--format <format>", "text | json | github (workflow-command annotations)", "text").option("--permitted-write-dirs <list>", "comma-separated permitted write dirs (default: the metadata's or base image's, else /airbyte,/tmp,/secrets,/config,/custom_cache)").option("--target <stage>", "lint this build stage as the final image").option("--build-arg <NAME=VALUE>", "value for an ARG (repeatable)", collect).option("--base-image <ref>", "connector directory in rendered mode: base image to render with").option("--templates <dir>", "connector directory in rendered mode: extra templates directory").option("--no-resolve", "do not read the base image (engine or registry): the bundled table still decides for the bases it lists; rules that depend on any other base warn").action(
    action(async (out, g, targets, opts) => {
      const v = parseFields({ format: g.json ? "json" : opts.format, permittedWriteDirs: opts.permittedWriteDirs });
      const format = v.format ?? "text";
      const dirs = v.permittedWriteDirs;
      const { runLint } = await import("./lint-4VRHHQ2A.js");
      const { report, findings, exitCode } = await runLint({
        targets,
        permittedWriteDirs: dirs,
        target: opts.target,
        buildArgs: parseBuildArgs(opts.buildArg),
        baseImage: opts.baseImage,
        templatesDir: opts.templates,
        resolveBase: opts.resolve !== false
      });
      if (format === "json") {
        process.stdout.write(`${JSON.stringify(report.multi ? report : findings, null, 2)}
`);
      } else if (format === "github") {
        const text = formatGithub(findings);
        if (text) process.stdout.write(`${text}
`);
        out.info(report.multi ? reportSummary(report) : summaryLine(report.targets[0] ?? { files: [], errors: 0, warnings: 0, fatal: false }));
      } else {
        if (opts.resolve !== false) for (const line of unresolvedBaseLines(report)) out.info(line);
        const single = report.targets[0];
        const text = report.multi || !single ? formatReport(report) : formatText(single) + (single.mode === "rendered" ? `
(rendered from metadata.yaml: see build-connector render ${targets[0] ?? "."})` : "");
        out.result(report, () => text);
      }
      return exitCode;
    })
  );
}
export {
  register
};
