import type { Command } from 'commander';
import { action, collect, listFlag } from './common.js';
import { ExitCode, badInput } from '../errors.js';
import { lintTarget } from '../lint/target.js';
import { summarize } from '../lint/lint.js';
import { formatGithub, formatText, summaryLine } from '../lint/format.js';

const FORMATS = ['text', 'json', 'github'] as const;
type Format = (typeof FORMATS)[number];

interface LintFlags {
  format?: string;
  permittedWriteDirs?: string;
  target?: string;
  buildArg?: string[];
  baseImage?: string;
  templates?: string;
}

function parseBuildArgs(list: string[] | undefined): Record<string, string> | undefined {
  if (!list) return undefined;
  const out: Record<string, string> = {};
  for (const item of list) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw badInput(`--build-arg ${JSON.stringify(item)}: expected NAME=VALUE`);
    out[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return out;
}

export function register(program: Command): void {
  program
    .command('lint <target>')
    .description('check a connector directory or Dockerfile against the Airbyte image rules (exit 1 on an error-level finding)')
    .option('--format <format>', 'text | json | github (workflow-command annotations)', 'text')
    .option('--permitted-write-dirs <list>', 'comma-separated permitted write dirs (default: the base image\'s, else /airbyte,/tmp,/secrets,/config,/custom_cache)')
    .option('--target <stage>', 'lint this build stage as the final image')
    .option('--build-arg <NAME=VALUE>', 'value for an ARG (repeatable)', collect)
    .option('--base-image <ref>', 'connector directory in rendered mode: base image to render with')
    .option('--templates <dir>', 'connector directory in rendered mode: extra templates directory')
    .action(
      action(async (out, g, target: string, opts: LintFlags) => {
        const format = (g.json ? 'json' : (opts.format ?? 'text')) as Format;
        if (!FORMATS.includes(format)) throw badInput(`--format ${JSON.stringify(opts.format)}: expected one of ${FORMATS.join(', ')}`);
        const dirs = listFlag(opts.permittedWriteDirs);
        if (dirs) {
          const bad = dirs.find((d) => !d.startsWith('/'));
          if (bad !== undefined) throw badInput(`--permitted-write-dirs: ${JSON.stringify(bad)} is not an absolute path`);
        }
        const res = await lintTarget(target, {
          permittedWriteDirs: dirs,
          target: opts.target,
          buildArgs: parseBuildArgs(opts.buildArg),
          baseImage: opts.baseImage,
          templatesDir: opts.templates,
        });
        if (format === 'json') {
          process.stdout.write(`${JSON.stringify(res.findings, null, 2)}\n`);
        } else if (format === 'github') {
          const text = formatGithub(res.findings);
          if (text) process.stdout.write(`${text}\n`);
          out.info(summaryLine(res.findings, res.files));
        } else {
          out.result(res.findings, () => formatText(res.findings, res.files) + (res.mode === 'rendered' ? `\n(rendered from metadata.yaml: see build-connector render ${target})` : ''));
        }
        const s = summarize(res.findings);
        if (s.fatal) return ExitCode.badInput;
        return s.errors > 0 ? ExitCode.failed : ExitCode.ok;
      }),
    );
}
