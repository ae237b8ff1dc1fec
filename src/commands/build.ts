/**
 * `build-connector build DIR [--verify]`: flags → validated config → the
 * core's build flow (render → lint → build [→ verify]); the Action's
 * `command: build` / `command: verify` run the same flow.
 */
import type { Command } from 'commander';
import { action, buildInputOptions, buildInputsOf, collect, failedFlow, type BuildInputFlags } from './common.js';
import { buildRequestOf, parseBuildCommand } from '../core/request-schema.js';
import { ExitCode } from '../core/index.js';
import { runBuild, type BuildFlowResult } from '../core/flows/build.js';
import { renderReport } from './verify-format.js';
import { findingLine } from '../core/steps.js';

interface BuildFlags extends BuildInputFlags {
  load?: boolean;
  output?: string;
  tag?: string[];
  sourceDateEpoch?: string;
  cache?: boolean;
  progress?: string;
  verify?: boolean;
  config?: string;
  timeout?: string;
}

export function humanResult(flow: Extract<BuildFlowResult, { result: 'built' | 'verified' }>): string {
  const r = flow.build;
  const s = flow.strategy;
  const yes = (b: boolean) => (b ? 'yes' : 'no');
  const lines = [
    ...(flow.report ? [renderReport(flow.report), ''] : []),
    `built ${r.connector.repository}:${r.connector.version} for ${r.platforms.join(', ')} in ${(r.durationMs / 1000).toFixed(1)} s`,
    `  digest             ${r.digest}`,
  ];
  if (r.output === 'load') lines.push(`  image              ${r.tags.join(', ')} (loaded into the engine)`);
  else lines.push(`  OCI archive        ${r.ociArchive ?? ''}`);
  for (const m of r.manifests) lines.push(`  ${m.platform.padEnd(18)} ${m.digest}`);
  if (r.attestations) lines.push(`  attestations       ${r.attestations} (provenance; shown as platform unknown/unknown in the index)`);
  lines.push(
    `  reproducible       index: ${yes(r.reproducible.index)}, per-platform manifests: ${yes(r.reproducible.manifests)} — ${r.reproducible.reason}`,
    `  SOURCE_DATE_EPOCH  ${r.sourceDateEpoch} (${r.sourceDateEpochFrom})`,
    `  builder            ${r.builder.name} (${r.builder.driver} driver, ${s.store} image store)`,
    `  strategy           ${s.strategy}: ${s.why}`,
    `  provenance         ${s.provenance.attached ? `attached (${s.provenance.mode})` : `none (${s.provenance.reason})`}`,
  );
  for (const u of s.unavailable) lines.push(`  unavailable        ${u.what}: ${u.why}${u.fix ? ` (fix: ${u.fix})` : ''}`);
  for (const n of flow.notes) lines.push(`  note               ${n}`);
  if (r.lint.warnings > 0) lines.push(`  lint               ${r.lint.warnings} warning(s)`);
  return lines.join('\n');
}

export function register(program: Command): void {
  buildInputOptions(program.command('build [dir]'))
    .description('build the connector image for linux/amd64 and linux/arm64 (lint first; load into the engine or write an OCI archive)')
    .option('--load', 'load the image into the engine (default); tags REPO:VERSION and REPO:dev')
    .option('--output <oci=FILE>', 'write an OCI archive instead of loading (reproducible where the builder supports rewrite-timestamp)')
    .option('--tag <ref>', 'image name to give the result, repeatable (replaces the default tags)', collect)
    .option('--source-date-epoch <seconds>', 'timestamps of the image (default: $SOURCE_DATE_EPOCH, else the last commit time of DIR, else 0)')
    .option('--no-cache', 'do not use the build cache')
    .option('--progress <mode>', 'auto (default), tty, plain or quiet')
    .option('--verify', 'then run every verify check on every platform (what the Action\'s `command: verify` does); nothing is pushed')
    .option('--config <file>', 'with --verify: config for check/discover/read (default DIR/secrets/config.json)')
    .option('--timeout <seconds>', 'with --verify: per connector command; on timeout the container is killed and removed (default 120)')
    .action(
      action(async (out, _g, dir: string | undefined, flags: BuildFlags) => {
        const cfg = parseBuildCommand({
          connectors: [dir ?? '.'],
          ...buildInputsOf(flags),
          output: flags.output,
          load: flags.load,
          tags: flags.tag,
          sourceDateEpoch: flags.sourceDateEpoch,
          noCache: flags.cache === false,
          progress: flags.progress,
          verify: flags.verify,
          configFile: flags.config,
          timeout: flags.timeout,
        });
        const result = await runBuild(buildRequestOf(cfg.connectors[0] ?? '.', cfg), { log: (l) => out.info(l) });
        if (result.result === 'failed') {
          if (result.report && !out.json) out.info(renderReport(result.report));
          return failedFlow(out, result);
        }
        for (const f of result.findings) out.info(`warning: ${findingLine(f)}`);
        // --json: the build result at the top (as before), with how it was built and the verify report
        const json = { ...result.build, result: result.result, strategy: result.strategy, steps: result.steps, ...(result.report ? { report: result.report } : {}) };
        out.result(json, () => humanResult(result));
        return ExitCode.ok;
      }),
    );
}
