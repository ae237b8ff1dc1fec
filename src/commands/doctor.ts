import type { Command } from 'commander';
import { action, credentialOptions, loginFromFlags, type LoginFlags } from './common.js';
import { parseFields } from '../core/request-fields.js';
import { runDoctor } from '../core/doctor.js';
import { renderTable } from '../ui/table.js';
import { ExitCode, badInput } from '../core/index.js';
import { DEFAULT_PLATFORMS } from '../core/platforms.js';

export function register(program: Command): void {
  credentialOptions(
    program
      .command('doctor')
      .description('check the engine, image store, buildx, arm64 emulation and registry access; each failing item names its fix')
      .option('--registry <host[:port]>', 'also check that this registry answers, and the login publish would use there (one authenticated request; writes no docker config)')
      .option('--platform <list>', 'platforms to check for', DEFAULT_PLATFORMS.join(',')),
  ).action(
      action(async (out, _g, opts: LoginFlags & { registry?: string; platform: string }) => {
        if (!opts.registry && (opts.username !== undefined || opts.passwordStdin)) {
          throw badInput(`${opts.username !== undefined ? '--username' : '--password-stdin'}: a login is checked at a registry; give --registry HOST[:PORT] too`);
        }
        const login = await loginFromFlags(opts);
        const report = await runDoctor({ registry: opts.registry, platforms: parseFields({ platforms: opts.platform }).platforms, login });
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
