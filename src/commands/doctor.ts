import type { Command } from 'commander';
import { action, listFlag } from './common.js';
import { runDoctor } from '../core/doctor.js';
import { renderTable } from '../ui/table.js';
import { ExitCode } from '../errors.js';

export function register(program: Command): void {
  program
    .command('doctor')
    .description('check the engine, image store, buildx, arm64 emulation and registry access; each failing item names its fix')
    .option('--registry <host[:port]>', 'also check that this registry answers (and login, with BUILD_CONNECTOR_USERNAME/PASSWORD)')
    .option('--platform <list>', 'platforms to check for', 'linux/amd64,linux/arm64')
    .action(
      action(async (out, _g, opts: { registry?: string; platform: string }) => {
        const report = await runDoctor({ registry: opts.registry, platforms: listFlag(opts.platform) });
        out.result(report, () => {
          const mark = { ok: '✓', missing: '✗', warn: '!', skip: '-' } as const;
          const table = renderTable(
            ['', 'item', 'detail', 'fix'],
            report.items.map((i) => [mark[i.status], i.id, i.detail, i.fix ?? '']),
          );
          const st = report.facts.strategy;
          const plan = st ? `\npublish here: ${st.kind} (${st.driver} driver, ${st.store} store); reproducible digests: ${st.reproducible ? 'yes' : 'no'}; provenance: ${st.provenance ? 'yes' : 'no'}` : '';
          return `${table}\n${plan}\n\n${report.ok ? (st && st.unavailable.length > 0 ? 'doctor: publish works here, without what is marked !' : 'doctor: everything needed is present') : 'doctor: something is missing (see fix column)'}`;
        });
        return report.ok ? ExitCode.ok : ExitCode.environment;
      }),
    );
}
