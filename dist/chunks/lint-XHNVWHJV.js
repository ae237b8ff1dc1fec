import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  splitList
} from "./chunk-ADAXBUA2.js";
import {
  action,
  collect
} from "./chunk-KYIKU7WT.js";
import "./chunk-BPFYRHR7.js";
import "./chunk-2LHUKJXH.js";
import {
  badInput
} from "./chunk-BRC3U7YZ.js";
import {
  init_define_BC_HELP
} from "./chunk-4S36LVC7.js";

// src/commands/lint.ts
init_define_BC_HELP();
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
  program.command("lint [targets...]").description("check connector directories, Dockerfiles, or every connector below a root against the Airbyte image rules (exit 1 on an error-level finding)").option("--format <format>", "text | json | github (workflow-command annotations)", "text").option("--permitted-write-dirs <list>", "comma-separated permitted write dirs (default: the metadata's or base image's, else /airbyte,/tmp,/secrets,/config,/custom_cache)").option("--target <stage>", "lint this build stage as the final image").option("--build-arg <NAME=VALUE>", "value for an ARG (repeatable)", collect).option("--base-image <ref>", "connector directory in rendered mode: base image to render with").option("--templates <dir>", "connector directory in rendered mode: extra templates directory").option("--no-resolve", "do not read the base image (engine or registry): the bundled table still decides for the bases it lists; rules that depend on any other base warn").action(
    action(async (out, g, targets, opts) => {
      const format = g.json ? "json" : opts.format ?? "text";
      if (!FORMATS.includes(format)) throw badInput(`--format ${JSON.stringify(opts.format)}: expected one of ${FORMATS.join(", ")}`);
      const dirs = splitList(opts.permittedWriteDirs);
      if (dirs) {
        const bad = dirs.find((d) => !d.startsWith("/"));
        if (bad !== void 0) throw badInput(`--permitted-write-dirs: ${JSON.stringify(bad)} is not an absolute path`);
      }
      const { runLint, formatGithub, formatReport, formatText, reportSummary, summaryLine, unresolvedBaseLines } = await import("./lint-GJ3UGCZZ.js");
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
        out.info(report.multi ? reportSummary(report) : summaryLine(findings, report.targets[0]?.files ?? []));
      } else {
        if (opts.resolve !== false) for (const line of unresolvedBaseLines(report)) out.info(line);
        const single = report.targets[0];
        const text = report.multi || !single ? formatReport(report) : formatText(single.findings, single.files) + (single.mode === "rendered" ? `
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
