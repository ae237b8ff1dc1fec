/**
 * The per-platform record = resolve → render → lint → build → push → verify → record:
 * one job of a distributed build (one connector, one platform, on a runner
 * of that architecture). The push carries no tag, so nothing a user pulls
 * can point at it; `merge` joins the records into one index and tags it.
 *
 * The build goes through the same strategies as publish (core/strategy.ts):
 * an OCI layout where the builder writes one, `docker save` of the loaded
 * image on the classic store; either way the layout is pushed BY DIGEST over
 * the registry API — the same bytes that were built — and that platform is
 * verified from the registry.
 */
import { resolve } from 'node:path';
import { resolveTarget } from '../../publish/target.js';
import { RegistryClient, registryPreflight } from '../../registry/client.js';
import { pushArchiveByDigest } from '../../publish/push.js';
import { registryAccess, type RegistryLogin } from '../../registry/credentials.js';
import { loadConnector } from '../../connector/metadata.js';
import { newRetryStats, retryPolicy } from '../../registry/retry.js';
import { recordedVerify, verifyImage, type VerifyOptions, type VerifyReport } from '../../verify/index.js';
import { headSha, isRepo } from '../../git.js';
import { digestRecordName, writeDigestRecord, type DigestRecord } from '../../monorepo/digest-record.js';
import { BcError } from '../../errors.js';
import type { BuildFacts } from '../result.js';
import { Pipeline, StepFailure, done, type StepName } from '../pipeline.js';
import { defaultLog, type FlowHooks } from '../request.js';
import { buildFacts, buildStep, lintStep, renderStep, untag, workDir } from '../steps.js';
import { capabilitiesFor } from '../images/images.js';
import type { Provenance } from '../../shared/modes.js';

export const RECORD_STEPS: readonly StepName[] = ['resolve', 'render', 'lint', 'build', 'push', 'verify', 'record'];

export interface PlatformBuildOptions {
  platform: string;
  /** where the record goes */
  out: string;
  registry?: string;
  repository?: string;
  baseImage?: string;
  provenance: Provenance;
  /** buildx builder (default: BUILDX_BUILDER or the current one) */
  builder?: string;
  /** verify options (inputs, timeouts); platforms are forced to `platform` */
  verify: Omit<VerifyOptions, 'platforms'>;
  retries: number;
  /** the registry login given to the command (else BUILD_CONNECTOR_USERNAME/PASSWORD, else the docker config) */
  login?: RegistryLogin;
  log?: (line: string) => void;
  onStep?: FlowHooks['onStep'];
}

export interface PlatformBuildResult {
  record: DigestRecord;
  /** the verify report of this platform (the record's `verify` is derived from it) */
  report: VerifyReport;
  file: string;
  strategy: BuildFacts;
}

/**
 * What `digest-record DIR` records by default: the record file
 * (digest-<connector>-<arch>.json in the current directory, unless `out`
 * names one) and the verify options of `verify DIR` (inputs, secrets/,
 * labels, type) with the timeout.
 */
export async function platformRecordDefaults(dir: string, platform: string, opts: { out?: string; timeoutSeconds: number }): Promise<{ file: string; verify: NonNullable<PlatformBuildOptions['verify']> }> {
  const c = await loadConnector(dir);
  const file = resolve(opts.out ?? digestRecordName(c.dirName, platform));
  const { connectorVerifyDefaults } = await import('../../verify/defaults.js');
  return { file, verify: { timeoutSeconds: opts.timeoutSeconds, ...(await connectorVerifyDefaults(c)) } };
}

export async function buildPlatformRecord(dir: string, opts: PlatformBuildOptions): Promise<PlatformBuildResult> {
  const run = new Pipeline(RECORD_STEPS, { onStep: opts.onStep });
  try {
    return await recordSteps(dir, opts, opts.log ?? defaultLog, run);
  } catch (err) {
    // the shell reports the step's own error (exit code, message, details), as merge does
    if (err instanceof StepFailure) throw err.error;
    throw err;
  }
}

async function recordSteps(dir: string, opts: PlatformBuildOptions, log: (line: string) => void, run: Pipeline): Promise<PlatformBuildResult> {
  // The registry preflight (reachable, credentials accepted) comes before the
  // slow build, and before any docker call: a wrong password costs no build.
  const { target, access, client } = await run.step('resolve', async () => {
    const target = resolveTarget(await loadConnector(dir), { registry: opts.registry, repository: opts.repository });
    const access = await registryAccess(target.registry, opts.login);
    const client = new RegistryClient(target.registry, { credentials: access.credentials, retry: retryPolicy(opts.retries), stats: newRetryStats(), onRetry: log });
    await registryPreflight(client);
    return done({ target, access, client }, `${target.reference}${access.credentials ? `; credentials from ${access.credentials.source}` : ''}`);
  });
  // the builder's capabilities are probed while render and lint work
  void capabilitiesFor(opts.builder);
  const work = await workDir('bc-platform-');
  try {
    const { plan, epoch } = await run.step('render', () => renderStep(dir, { platforms: [opts.platform], baseImage: opts.baseImage }));
    const c = plan.connector;
    await run.step('lint', () => lintStep(plan, plan.buildArgs));
    const built = await run.step('build', () =>
      buildStep(plan, {
        platforms: [opts.platform],
        goal: 'push',
        work: work.path,
        tags: [`build-connector-record/${c.dirName}:${process.pid}-${Date.now().toString(36)}`.toLowerCase()],
        provenance: opts.provenance,
        buildArgs: plan.buildArgs,
        builder: opts.builder,
        sourceDateEpochResolved: Promise.resolve(epoch),
        progress: 'plain',
        write: (text) => {
          for (const line of text.split('\n')) if (line.trim() !== '') log(line);
        },
      }),
    );
    // the local images of a per-platform build are only needed for the save
    await untag(built.strategy.pushFrom === 'saved-images' ? built.result.tags : []);
    const manifest = built.platforms[opts.platform];
    if (!manifest || !built.layout) {
      throw new BcError('failed', `the build produced no ${opts.platform} image (it has: ${Object.keys(built.platforms).join(', ') || 'none'})`, { step: 'build' });
    }
    const layout = built.layout;
    const ref = `${target.reference}@${built.digest}`;
    await run.step('push', async () => {
      log(`push by digest (no tag): ${ref}`);
      const p = await pushArchiveByDigest(client, target.repo, layout, built.digest, { log });
      return done(undefined, `${p.blobsUploaded} blobs uploaded, ${p.manifestsWritten} manifests written, no tag`);
    });
    // Verify what is in the registry, for this platform only: merge makes
    // sure every platform is present and verified.
    const report = await run.step('verify', async () => {
      log(`verify ${opts.platform}: ${ref}`);
      const r = await verifyImage(ref, { ...opts.verify, platforms: [opts.platform], exactPlatforms: true, ...(access.tools ? { registryEnv: access.tools.env } : {}) });
      return done(r, `${r.checks.filter((x) => x.status === 'pass').length} checks passed, ${r.checks.filter((x) => x.status === 'fail').length} failed`);
    });
    const commit = (await isRepo(c.dir)) ? await headSha(c.dir).catch(() => undefined) : undefined;
    const record = await run.step('record', async () => {
      const rec = await writeDigestRecord(opts.out, {
        connector: { dirName: c.dirName, name: c.name, repository: c.repository, version: c.version },
        platform: opts.platform,
        repository: target.reference,
        digest: built.digest,
        manifest,
        ref,
        // the record file's own summary of the report (the schema merge reads)
        verify: recordedVerify(report),
        sourceDateEpoch: built.result.sourceDateEpoch,
        builder: built.strategy.driver,
        commit,
      });
      return done(rec, opts.out);
    });
    return { record, report, file: opts.out, strategy: buildFacts(built) };
  } finally {
    await work.remove();
  }
}
