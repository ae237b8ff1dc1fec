/**
 * The publish pipeline, as explicit named steps in one visible order:
 *
 *   resolve → render → lint → build → verify → publish → tag
 *
 * Each step runs or is skipped with a reason; the result is a union
 * (publish/result.ts). The CLI (`publish`) and the GitHub Action both call
 * `runPublish(request, hooks)`.
 *
 * Safety model (README "Publishing safely"):
 * - resolve is a preflight: registry reachable, credentials accepted, tag
 *   plan computed, signing key / git checked — before the slow build;
 * - build writes an OCI archive; the built images are compared with the
 *   published X.Y.Z (immutability) before anything else happens;
 * - verify runs every check on every platform from that archive;
 * - publish pushes by digest only (no tag), reads the index back and checks
 *   digest and platforms, then signs it;
 * - tag writes the version tag, then aliases and latest — last.
 */
import { rm } from 'node:fs/promises';
import { BcError, toBcError } from './errors.js';
import type { Provenance } from './docker/buildx.js';
import { newRetryStats, retryPolicy } from './publish/retry.js';
import type { LatestMode } from './publish/tag-plan.js';
import type { PublishTarget } from './publish/target.js';
import { ATTESTATION_NOTE, type PublishResult, type StepName, type StepRecord } from './publish/result.js';
import type { VerifyReport } from './verify/index.js';
import type { Finding } from './lint/types.js';
import { Stop, buildStep, lintStep, publishStep, renderStep, resolveStep, tagStep, verifyStep, type State } from './publish/steps.js';

export interface PublishRequest {
  /** connector directory */
  dir: string;
  /** host[:port], or "local" (a loopback registry on 127.0.0.1:5000, started when needed) */
  registry?: string;
  /** repository path (default data.dockerRepository, or the --target override) */
  repository?: string;
  target?: PublishTarget;
  /** overrides data.dockerImageTag (e.g. from a release tag) */
  version?: string;
  platforms?: string[];
  baseImage?: string;
  buildArgs?: Record<string, string>;
  cacheFrom?: string[];
  cacheTo?: string[];
  /** config for check/discover/read (default DIR/secrets/config.json when present) */
  configFile?: string;
  dryRun?: boolean;
  force?: boolean;
  aliases?: boolean;
  latest?: LatestMode;
  dev?: boolean;
  username?: string;
  /** from --password-stdin; BUILD_CONNECTOR_PASSWORD is read when absent. Never argv. */
  password?: string;
  /** attempts per registry operation (default 5) */
  retries?: number;
  /** provenance attestation mode (default min) */
  provenance?: Provenance;
  signKey?: string;
  gitTag?: boolean;
  gitTagFormat?: string;
  pushGitTag?: boolean;
  gitRemote?: string;
  sourceDateEpoch?: number;
}

export interface PublishHooks {
  /** progress lines (stderr for the CLI, the log for the Action) */
  log?: (line: string) => void;
  onStep?: (step: StepName, status: 'start' | StepRecord['status'], reason?: string) => void;
  /** the full verify report (every check, every platform), also when checks failed */
  onVerifyReport?: (report: VerifyReport) => void;
  /** lint findings (warnings, or the errors that stopped the run) */
  onLintFindings?: (findings: Finding[]) => void;
}

export async function runPublish(req: PublishRequest, hooks: PublishHooks = {}): Promise<PublishResult> {
  const log = hooks.log ?? ((l: string) => void process.stderr.write(`${l}\n`));
  const s: State = { req, log, hooks, signed: false, forced: false, notes: [] };
  const stats = newRetryStats();
  s.stats = stats;
  const records: StepRecord[] = [];
  const policy = retryPolicy(req.retries);
  const common = () => ({
    dir: s.connector?.dir ?? req.dir,
    repository: s.target?.reference ?? '',
    version: s.tagPlan?.version ?? s.target?.version ?? '',
    steps: records,
    durations: Object.fromEntries(records.map((r) => [r.step, Math.round(r.durationMs)])),
    notes: s.notes,
    faults: { total: stats.total, byReason: stats.retried },
  });

  const steps: [StepName, () => Promise<string | { skip: string }>][] = [
    ['resolve', () => resolveStep(s, policy, stats)],
    ['render', () => renderStep(s)],
    ['lint', () => lintStep(s)],
    ['build', () => buildStep(s)],
    ['verify', () => verifyStep(s)],
    ['publish', () => publishStep(s)],
    ['tag', () => tagStep(s)],
  ];
  try {
    for (const [name, fn] of steps) {
      hooks.onStep?.(name, 'start');
      const t0 = performance.now();
      try {
        const out = await fn();
        const rec: StepRecord =
          typeof out === 'string'
            ? { step: name, status: 'done', reason: out, durationMs: performance.now() - t0 }
            : { step: name, status: 'skipped', reason: out.skip, durationMs: performance.now() - t0 };
        records.push(rec);
        hooks.onStep?.(name, rec.status, rec.reason);
      } catch (err) {
        if (err instanceof Stop) {
          records.push({ step: name, status: 'done', reason: err.result.result, durationMs: performance.now() - t0 });
          for (const [rest] of steps.slice(steps.findIndex(([n]) => n === name) + 1)) {
            records.push({ step: rest, status: 'skipped', reason: err.result.result === 'dry-run' ? '--dry-run' : err.result.result, durationMs: 0 });
          }
          return { ...err.result, ...common() } as PublishResult;
        }
        const e = toBcError(err);
        records.push({ step: name, status: 'failed', reason: e.message, durationMs: performance.now() - t0 });
        hooks.onStep?.(name, 'failed', e.message);
        return { ...common(), result: 'failed', step: name, reason: e.message, details: e.details, exitCode: e.exitCode };
      }
    }
    if (!s.build || !s.built || !s.tagPlan || !s.target) throw new BcError('failed', 'internal error: pipeline finished without a build');
    if (s.build.attestations) s.notes.push(ATTESTATION_NOTE);
    return {
      ...common(),
      result: 'published',
      digest: s.built.digest,
      platforms: Object.keys(s.built.platforms),
      platformDigests: s.built.platforms,
      attestations: s.built.attestations,
      tags: (s.tags ?? []).map((t) => ({ ...t, ref: `${s.target!.reference}:${t.tag}` })),
      skippedTags: s.tagPlan.skipped,
      push: s.pushStats ?? { blobsUploaded: 0, blobsMounted: 0, blobsPresent: 0, bytesUploaded: 0, manifestsWritten: 0, manifestsPresent: 0 },
      signed: s.signed,
      ...(s.gitTag ? { gitTag: s.gitTag } : {}),
      forced: s.forced,
    };
  } finally {
    if (s.work) await rm(s.work, { recursive: true, force: true });
    if (s.authDir) await rm(s.authDir, { recursive: true, force: true });
  }
}
