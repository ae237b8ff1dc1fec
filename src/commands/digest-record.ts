/**
 * `build-connector digest-record DIR --platform P`: one job of a distributed
 * build — build that platform, push it BY DIGEST (no tag), verify it from
 * the registry, and write the digest record `merge` reads. Exit 1 when the
 * platform fails verification (the record is still written, saying so).
 */
import type { Command } from 'commander';
import { action, credentialOptions, loginFromFlags, type LoginFlags } from './common.js';
import { ExitCode } from '../core/index.js';
import { parseFields } from '../core/request-fields.js';
import { renderReport } from './verify-format.js';

interface DigestRecordFlags extends LoginFlags {
  platform?: string;
  out?: string;
  registry?: string;
  repository?: string;
  baseImage?: string;
  provenance?: string;
  timeout?: string;
  retries?: string;
  builder?: string;
}

export function register(program: Command): void {
  credentialOptions(
    program
      .command('digest-record <dir>')
      .description('distributed build, one platform: build it, push it by digest (no tag), verify it, write the digest record for `merge`')
      .requiredOption('--platform <platform>', 'the one platform to build, e.g. linux/arm64')
      .option('--out <file>', 'record file (default: digest-<connector>-<arch>.json in the current directory)')
      .option('--registry <host[:port]>', 'registry (default: from data.dockerRepository, else docker.io)')
      .option('--repository <name>', 'repository (default: data.dockerRepository)')
      .option('--base-image <ref>', 'base image to render with (pinned by digest)')
      .option('--provenance <mode>', 'provenance attestation: min (default), max or false')
      .option('--timeout <seconds>', 'per connector command during verify (default 120)')
      .option('--retries <n>', 'attempts for each registry request (default 5)')
      .option('--builder <name>', 'buildx builder to use (default: BUILDX_BUILDER or the current one; e.g. a remote BuildKit)'),
  ).action(
      action(async (out, _g, dir: string, opts: DigestRecordFlags) => {
        const login = await loginFromFlags(opts);
        const v = parseFields({ platform: opts.platform, provenance: opts.provenance, timeout: opts.timeout, retries: opts.retries });
        const platform = v.platform ?? '';
        const { provenance, timeout } = v;
        const { buildPlatformRecord, platformRecordDefaults } = await import('../core/flows/record.js');
        // The same verify defaults as `verify DIR` (inputs, secrets, labels, type).
        const { file, verify } = await platformRecordDefaults(dir, platform, { out: opts.out, timeoutSeconds: timeout });
        const res = await buildPlatformRecord(dir, {
          platform,
          out: file,
          registry: opts.registry,
          repository: opts.repository,
          baseImage: opts.baseImage,
          provenance,
          builder: opts.builder,
          verify,
          retries: v.retries,
          login,
          log: (l) => out.info(l),
        });
        out.result({ file: res.file, record: res.record, report: res.report, strategy: res.strategy }, () =>
          [
            renderReport(res.report),
            '',
            `${res.record.verify.ok ? 'verified' : 'FAILED verification'}: ${res.record.ref} (${platform}, no tag)`,
            `digest record: ${res.file}`,
            `built with the ${res.strategy.strategy} strategy on ${res.strategy.builder} (${res.strategy.driver} driver, ${res.strategy.store} store)`,
          ].join('\n'),
        );
        return res.record.verify.ok ? ExitCode.ok : ExitCode.failed;
      }),
    );
}
