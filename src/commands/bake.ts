/**
 * `build-connector bake DIR…`: build many connectors in one `docker buildx
 * bake`, then verify each (src/core/flows/bake.ts). Thin: flags → core.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { action, collect } from './common.js';
import { parseFields } from '../core/request-fields.js';
import { ExitCode, failedChecks } from '../core/index.js';
import { renderTable } from '../ui/table.js';

interface BakeFlags {
  platform?: string;
  baseImage?: string[];
  print?: boolean;
  workdir?: string;
  verify?: boolean;
  provenance?: string;
  cache?: boolean;
  builder?: string;
  verifyConcurrency?: string;
  timeout?: string;
}

export function register(program: Command): void {
  program
    .command('bake <dirs...>')
    .description('build many connectors in one `docker buildx bake` (shared base layers), then verify each; one failure never hides the others')
    .option('--platform <list>', 'platforms for every connector (default: each connector\'s own, else linux/amd64,linux/arm64)')
    .option('--base-image <ref>', 'base image: REF for all, or LANGUAGE=REF (repeatable)', collect)
    .option('--print', 'write the bake file and Dockerfiles, print the bake file, build nothing')
    .option('--workdir <dir>', 'with --print: where the bake file and Dockerfiles go (default: a new temp dir)')
    .option('--no-verify', 'build only')
    .option('--provenance <mode>', 'provenance attestation: min (default), max or false')
    .option('--no-cache', 'do not use the build cache')
    .option('--builder <name>', 'buildx builder to use (default: BUILDX_BUILDER or the current one; e.g. a remote BuildKit)')
    .option('--timeout <seconds>', 'per connector command during verify (default 120)')
    .addOption(new Option('--verify-concurrency <n>', 'connectors verified at once (default: min(2 × cores, free memory / (256 MB × platforms)))').env('BC_VERIFY_CONCURRENCY'))
    .action(
      action(async (out, _g, dirs: string[], opts: BakeFlags) => {
        const { provenance, timeout, verifyConcurrency, platforms, baseImages } = parseFields({
          provenance: opts.provenance,
          timeout: opts.timeout,
          verifyConcurrency: opts.verifyConcurrency,
          platforms: opts.platform,
          baseImages: opts.baseImage,
        });
        const { bakeConnectors, printBake } = await import('../core/flows/bake.js');
        const common = { platforms, baseImages, provenance, log: (l: string) => out.info(l) };
        if (opts.print) {
          const workdir = resolve(opts.workdir ?? (await mkdtemp(join(tmpdir(), 'bc-bake-print-'))));
          const p = await printBake(dirs, workdir, common);
          out.info(`bake file: ${p.file} (run: docker buildx bake -f ${p.file} --load)`);
          for (const r of p.results) out.warn(`${r.dir}: ${r.status}: ${r.problems[0] ?? ''}`);
          process.stdout.write(`${JSON.stringify(p.bakeFile, null, 2)}\n`);
          return p.results.length > 0 ? ExitCode.failed : ExitCode.ok;
        }
        const res = await bakeConnectors(dirs, {
          ...common,
          verify: opts.verify,
          noCache: opts.cache === false,
          builder: opts.builder,
          verifyConcurrency,
          // one line per connector as its result is final (the table comes at the end)
          onResult: (r) => {
            const fails = failedChecks(r.report);
            out.info(`bake: ${r.connector} ${r.status}${fails.length > 0 ? `: ${fails.map((c) => `${c.id} (${c.platform})`).join(', ')}` : r.problems[0] ? `: ${r.problems[0]}` : ''}`);
          },
          timeoutSeconds: timeout,
        });
        out.result(res, () => {
          const results = res.results.map((r) => ({ ...r, fails: failedChecks(r.report) }));
          const rows = results.map((r) => [
            r.connector,
            r.status,
            r.platforms.join(','),
            r.fails.length > 0 ? r.fails.map((c) => `${c.id} (${c.platform}): ${c.message}`).join('; ') : (r.problems[0] ?? (r.digest ? r.digest.slice(0, 19) : '')),
          ]);
          const failedN = res.results.filter((r) => r.status !== 'verified' && r.status !== 'built').length;
          const detail = results
            .filter((r) => r.problems.length > 1 || r.fails.some((c) => c.fix))
            .flatMap((r) => [``, `${r.connector}:`, ...r.problems.map((l) => `  ${l}`), ...r.fails.filter((c) => c.fix).map((c) => `  fix (${c.id}): ${c.fix}`)]);
          return [
            renderTable(['connector', 'result', 'platforms', 'detail'], rows),
            ...detail,
            '',
            `bake: ${res.results.length - failedN} of ${res.results.length} ok (build ${(res.buildMs / 1000).toFixed(1)} s, verify ${(res.verifyMs / 1000).toFixed(1)} s; ${res.strategy.kind} strategy on ${res.strategy.builder}/${res.strategy.driver}, ${res.strategy.store} store)`,
          ].join('\n');
        });
        return res.ok ? ExitCode.ok : ExitCode.failed;
      }),
    );
}
