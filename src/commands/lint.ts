import type { Command } from 'commander';
import { action, collect } from './common.js';
import { parseBuildArgs } from '../core/request-schema.js';
import { parseFields } from '../core/request-fields.js';
import { formatGithub, formatReport, formatText, reportSummary, summaryLine, unresolvedBaseLines } from './lint-format.js';

interface LintFlags {
  format?: string;
  permittedWriteDirs?: string;
  target?: string;
  buildArg?: string[];
  baseImage?: string;
  templates?: string;
  /** commander: --no-resolve sets resolve to false */
  resolve?: boolean;
}

export function register(program: Command): void {
  program
    .command('lint [targets...]')
    .description('check connector directories, Dockerfiles, or every connector below a root against the Airbyte image rules (exit 1 on an error-level finding)')
    .option('--format <format>', 'text | json | github (workflow-command annotations)', 'text')
    .option('--permitted-write-dirs <list>', 'comma-separated permitted write dirs (default: the metadata\'s or base image\'s, else /airbyte,/tmp,/secrets,/config,/custom_cache)')
    .option('--target <stage>', 'lint this build stage as the final image')
    .option('--build-arg <NAME=VALUE>', 'value for an ARG (repeatable)', collect)
    .option('--base-image <ref>', 'connector directory in rendered mode: base image to render with')
    .option('--templates <dir>', 'connector directory in rendered mode: extra templates directory')
    .option('--no-resolve', 'do not read the base image (engine or registry): the bundled table still decides for the bases it lists; rules that depend on any other base warn')
    .action(
      action(async (out, g, targets: string[], opts: LintFlags) => {
        const v = parseFields({ format: g.json ? 'json' : opts.format, permittedWriteDirs: opts.permittedWriteDirs });
        const format = v.format ?? 'text';
        const dirs = v.permittedWriteDirs;
        const { runLint } = await import('../core/flows/lint.js');
        const { report, findings, exitCode } = await runLint({
          targets,
          permittedWriteDirs: dirs,
          target: opts.target,
          buildArgs: parseBuildArgs(opts.buildArg),
          baseImage: opts.baseImage,
          templatesDir: opts.templates,
          resolveBase: opts.resolve !== false,
        });
        if (format === 'json') {
          // One target: the findings array (unchanged); several: one report.
          process.stdout.write(`${JSON.stringify(report.multi ? report : findings, null, 2)}\n`);
        } else if (format === 'github') {
          const text = formatGithub(findings);
          if (text) process.stdout.write(`${text}\n`);
          out.info(report.multi ? reportSummary(report) : summaryLine(report.targets[0] ?? { files: [], errors: 0, warnings: 0, fatal: false }));
        } else {
          if (opts.resolve !== false) for (const line of unresolvedBaseLines(report)) out.info(line);
          const single = report.targets[0];
          const text = report.multi || !single
            ? formatReport(report)
            : formatText(single) + (single.mode === 'rendered' ? `\n(rendered from metadata.yaml: see build-connector render ${targets[0] ?? '.'})` : '');
          out.result(report, () => text);
        }
        return exitCode;
      }),
    );
}
