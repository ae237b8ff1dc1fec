/**
 * One job of a distributed build: one connector, one platform, on a runner
 * of that architecture. Build → push BY DIGEST (no tag) → verify that
 * platform from the registry → write the digest record for `merge`.
 *
 * The push carries no tag, so nothing a user pulls can point at it; it is
 * what makes the per-platform verification and the later merge possible
 * when runners do not share an image store. With the `docker` driver,
 * buildx cannot push by digest, so the build goes to an OCI archive and the
 * archive is pushed over the registry API by digest (publish's pusher, with
 * per-request retries) — the same bytes that were built.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildOciArchive } from '../build/build.js';
import { BcError } from '../errors.js';
import { onCleanup } from '../cleanup.js';
import { resolvePlan } from '../render/plan.js';
import { resolveTarget } from '../publish/target.js';
import { RegistryClient } from '../publish/registry-client.js';
import { pushArchiveByDigest } from '../publish/push.js';
import { resolveCredentials } from '../publish/credentials.js';
import { newRetryStats, retryPolicy } from '../publish/retry.js';
import { verifyImage, type VerifyOptions, type VerifyReport } from '../verify/index.js';
import { headSha, isRepo } from '../git.js';
import { writeDigestRecord, type DigestRecord } from './digest-record.js';

export interface PlatformBuildOptions {
  platform: string;
  /** where the record goes */
  out: string;
  registry?: string;
  repository?: string;
  baseImage?: string;
  provenance?: 'min' | 'max' | false;
  /** buildx builder (default: BUILDX_BUILDER or the current one) */
  builder?: string;
  /** verify options (inputs, timeouts); platforms are forced to `platform` */
  verify?: Omit<VerifyOptions, 'platforms'>;
  retries?: number;
  log?: (line: string) => void;
}

export interface PlatformBuildResult {
  record: DigestRecord;
  report: VerifyReport;
  file: string;
}

export async function buildPlatformRecord(dir: string, opts: PlatformBuildOptions): Promise<PlatformBuildResult> {
  const log = opts.log ?? ((l: string) => void process.stderr.write(`${l}\n`));
  const plan = await resolvePlan(dir, { platforms: [opts.platform], baseImage: opts.baseImage });
  const c = plan.connector;
  const target = resolveTarget(c, { registry: opts.registry, repository: opts.repository });

  const work = await mkdtemp(join(tmpdir(), 'bc-platform-'));
  const unregister = onCleanup(() => rm(work, { recursive: true, force: true }));
  try {
    // a layout directory: only pushed, never loaded, so no tarball is needed
    const archive = join(work, 'image.oci');
    const built = await buildOciArchive(
      plan,
      archive,
      {
        platforms: [opts.platform],
        provenance: opts.provenance,
        tags: [`${target.reference}:${c.version}`],
        buildArgs: plan.buildArgs,
        builder: opts.builder,
      },
      'dir',
    );
    const manifest = built.manifests.find((m) => m.platform === opts.platform)?.digest;
    if (!manifest) {
      throw new BcError('failed', `the build produced no ${opts.platform} image (it has: ${built.manifests.map((m) => m.platform).join(', ') || 'none'})`, {
        step: 'build',
      });
    }

    const stats = newRetryStats();
    const credentials = await resolveCredentials(target.registry);
    const client = new RegistryClient(target.registry, { credentials, retry: retryPolicy(opts.retries), stats, onRetry: log });
    log(`push by digest (no tag): ${target.reference}@${built.digest}`);
    await pushArchiveByDigest(client, target.repo, archive, built.digest, { log });
    const ref = `${target.reference}@${built.digest}`;

    // Verify what is in the registry, for this platform only. verifyImage
    // always adds linux/amd64 (required of the final index); an arm64 job
    // has no amd64 image, so only this platform's checks count here — merge
    // makes sure every platform is present and verified.
    log(`verify ${opts.platform}: ${ref}`);
    const full = await verifyImage(ref, { ...opts.verify, platforms: [opts.platform] });
    const checks = full.checks.filter((r) => r.platform === opts.platform);
    const report: VerifyReport = { ...full, platforms: [opts.platform], checks, ok: !checks.some((r) => r.status === 'fail') };

    const commit = (await isRepo(c.dir)) ? await headSha(c.dir).catch(() => undefined) : undefined;
    const record = await writeDigestRecord(opts.out, {
      connector: { dirName: c.dirName, name: c.name, repository: c.repository, version: c.version },
      platform: opts.platform,
      repository: target.reference,
      digest: built.digest,
      manifest,
      ref,
      verify: {
        ok: report.ok,
        checks: checks.length,
        failed: checks.filter((r) => r.status === 'fail').map((r) => ({ id: r.id, message: r.message, ...(r.fix ? { fix: r.fix } : {}) })),
      },
      sourceDateEpoch: built.sourceDateEpoch,
      builder: built.builder.driver,
      commit,
    });
    return { record, report, file: opts.out };
  } finally {
    unregister();
    await rm(work, { recursive: true, force: true });
  }
}
