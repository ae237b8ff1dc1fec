import { resolve } from 'node:path';
import type { Command } from 'commander';
import { action } from './common.js';
import { renderTable } from '../ui/table.js';
import { ExitCode } from '../core/index.js';
import { parseFields } from '../core/request-fields.js';

interface ChangedFlags {
  repo?: string;
  since?: string;
  roots?: string;
  matrix?: string | boolean;
  platform?: string;
  runnerAmd64?: string;
  runnerArm64?: string;
}

export function register(program: Command): void {
  program
    .command('changed')
    .description('list the connectors affected since a git ref (own files, template, base image, shared paths); --matrix prints a GitHub Actions matrix')
    .option('--since <ref>', 'git ref to compare with (its merge base with HEAD), e.g. origin/main; missing or all zeros (a new branch): the default branch')
    .option('-C, --repo <dir>', 'the repository to look at (default: the current directory)')
    .option('--roots <dirs>', 'comma-separated directories to discover connectors in (default: roots: in build-connector.yaml, else the repository)')
    .option('--matrix [kind]', 'print a GitHub Actions matrix on one line: "build" (connector × platform, default) or "merge" (one entry per connector)')
    .option('--platform <list>', 'platforms to build (default: platforms: in build-connector.yaml, else linux/amd64,linux/arm64)')
    .option('--runner-amd64 <label>', 'runner label for linux/amd64 jobs (default ubuntu-24.04)')
    .option('--runner-arm64 <label>', 'runner label for linux/arm64 jobs (default ubuntu-24.04-arm)')
    .action(
      action(async (out, _g, opts: ChangedFlags) => {
        const { matrix: kind, platforms, roots, changedSince } = parseFields({ matrix: opts.matrix === false ? undefined : opts.matrix, platforms: opts.platform, roots: opts.roots, changedSince: opts.since });
        const runners: Record<string, string> = {};
        if (opts.runnerAmd64) runners['linux/amd64'] = opts.runnerAmd64;
        if (opts.runnerArm64) runners['linux/arm64'] = opts.runnerArm64;
        const { runChanged, reasonText } = await import('../core/flows/changed.js');
        const { changed: res } = await runChanged({
          cwd: resolve(opts.repo ?? '.'),
          since: changedSince,
          roots,
          platforms,
          runners,
        });
        if (kind !== undefined) {
          // One line, so it can go straight into $GITHUB_OUTPUT.
          process.stdout.write(`${JSON.stringify(kind === 'merge' ? res.mergeMatrix : res.matrix)}\n`);
          return ExitCode.ok;
        }
        out.result(res, () => {
          const head = `${res.connectors.length} of ${res.discovered} connectors affected since ${res.since}, ${res.changedFiles} changed files`;
          if (res.connectors.length === 0) return head;
          const table = renderTable(
            ['connector', 'platforms', 'why'],
            res.connectors.map((c) => [c.connector, c.platforms.join(','), reasonText(c)]),
          );
          return `${table}\n\n${head}`;
        });
        return ExitCode.ok;
      }),
    );
}
