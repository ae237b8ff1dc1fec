/**
 * The steps every flow is made of. Each takes typed inputs and returns a
 * StepOutcome (a value plus what it did, or a skip with its reason); none
 * formats text for a shell or names a CLI flag. A failure is a BcError;
 * lint and verify failures carry their findings / verify report as data
 * (`StepError`), so no shell reads them back out of a message.
 */
import { join } from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { BcError } from '../errors.js';
import { onCleanup } from '../cleanup.js';
import { docker } from '../docker/cli.js';
import { resolvePlan } from '../render/plan.js';
import { imageMetadata } from '../render/oci-labels.js';
import { resolveSourceDateEpoch } from './images/build.js';
import type { BuildPlan } from '../render/types.js';
import { lintWithBase } from '../lint/lint.js';
import { findingText, type Finding } from '../lint/types.js';
import type { VerifyReport } from '../verify/index.js';
import { failedChecks } from '../verify/failed-checks.js';
import type { BuildFacts } from './result.js';
import { buildImages, loadImages, type BuiltImages, type ImagesRequest } from './images/images.js';
import { done, type StepOutcome } from './pipeline.js';
import type { BuildRequestCommon } from './request.js';

/** A step failure with the structured facts behind it. */
export class StepError extends BcError {
  constructor(
    kind: BcError['kind'],
    message: string,
    opts: { step: string; details?: string[]; findings?: Finding[]; report?: VerifyReport },
    readonly findings: Finding[] = opts.findings ?? [],
    /** the whole verify report behind a verify failure (every check, every platform) */
    readonly report: VerifyReport | undefined = opts.report,
  ) {
    super(kind, message, { step: opts.step, details: opts.details });
  }
}

export function findingLine(f: Finding): string {
  return `${f.file}:${f.line}:${f.column} ${f.severity} [${f.ruleId}] ${findingText(f)}`;
}

/** A scratch directory owned by one flow run, removed at the end and on Ctrl-C. */
export async function workDir(prefix: string): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  const removeIt = () => rm(path, { recursive: true, force: true });
  const unregister = onCleanup(removeIt);
  return {
    path,
    remove: async () => {
      unregister();
      await removeIt();
    },
  };
}

// ---------------------------------------------------------------- render

export interface Rendered {
  plan: BuildPlan;
  /** SOURCE_DATE_EPOCH: the image timestamps and the `created` label, one value for both */
  epoch: { value: number; from: 'flag' | 'env' | 'git' | 'default' };
}

/**
 * The plan, with the OCI labels docker/metadata-action would set (source and
 * revision from git, created = SOURCE_DATE_EPOCH, so reproducibility holds).
 */
export async function renderStep(dir: string, opts: { baseImage?: string; platforms?: string[]; sourceDateEpoch?: number }): Promise<StepOutcome<Rendered>> {
  const epochP = resolveSourceDateEpoch(dir, opts.sourceDateEpoch);
  epochP.catch(() => undefined);
  const [epoch, git] = await Promise.all([epochP, imageMetadata(dir, undefined)]);
  const plan = await resolvePlan(dir, { baseImage: opts.baseImage, platforms: opts.platforms, metadata: { ...git, created: epoch.value } });
  return done({ plan, epoch }, `${plan.mode} Dockerfile, base ${plan.baseImage}, platforms ${plan.platforms.join(', ')}`);
}

// ---------------------------------------------------------------- lint

/**
 * Lint the Dockerfile the build will use, with the build args it will get
 * and what its base image gives.
 * A Dockerfile that cannot be analysed is bad input (exit 2); a rule error
 * fails the step (exit 1). Warnings are returned.
 */
export async function lintStep(plan: BuildPlan, buildArgs: Record<string, string> | undefined): Promise<StepOutcome<Finding[]>> {
  const file = plan.dockerfilePath ?? join(plan.context, 'Dockerfile (rendered)');
  // the final stage's base is read (engine, else registry; cached per digest) so rules judge what it gives
  const linted = await lintWithBase(plan.dockerfile, file, {
    permittedWriteDirs: plan.permittedWriteDirs,
    dockerignore: plan.dockerignore,
    buildArgs: { ...(plan.buildArgs ?? {}), ...(buildArgs ?? {}) },
  });
  const findings = plan.dockerfilePath ? linted : linted.map((f): Finding => ({ ...f, rendered: true }));
  if (findings.some((f) => f.fatal === true)) {
    throw new StepError('badInput', `lint: ${file} cannot be analysed; nothing was built`, { step: 'lint', details: findings.map(findingLine), findings });
  }
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    throw new StepError('failed', `lint: ${errors.length} error(s) in ${file}; nothing was built`, { step: 'lint', details: findings.map(findingLine), findings });
  }
  return done(findings, `${findings.length} warning(s)`);
}

// ---------------------------------------------------------------- build

/** What every flow's build takes from its request: the plan's build args under the user's, caches, provenance, builder. */
export function buildKnobs(plan: BuildPlan, req: BuildRequestCommon): Pick<ImagesRequest, 'buildArgs' | 'cacheFrom' | 'cacheTo' | 'provenance' | 'builder' | 'noCache'> {
  return {
    buildArgs: { ...(plan.buildArgs ?? {}), ...(req.buildArgs ?? {}) },
    cacheFrom: req.cacheFrom,
    cacheTo: req.cacheTo,
    provenance: req.provenance,
    builder: req.builder,
    noCache: req.noCache,
  };
}

export async function buildStep(plan: BuildPlan, req: ImagesRequest): Promise<StepOutcome<BuiltImages>> {
  const built = await buildImages(plan, req);
  const missing = req.platforms.filter((p) => req.goal !== 'load' && !built.platforms[p]);
  if (missing.length > 0) throw new BcError('failed', `the build lacks ${missing.join(', ')}`, { step: 'build' });
  const r = built.result;
  const repro = built.strategy.reproducible ? 'reproducible' : 'not reproducible';
  return done(built, `${built.digest} (${req.platforms.join(', ')}; ${built.strategy.kind} build on ${built.strategy.builder}/${built.strategy.driver}; SOURCE_DATE_EPOCH=${r.sourceDateEpoch} from ${r.sourceDateEpochFrom}; ${repro})`);
}

/** What the build step tells every result: strategy, builder, reproducibility, provenance. */
export function buildFacts(b: BuiltImages): BuildFacts {
  return {
    strategy: b.strategy.kind,
    why: b.strategy.why,
    builder: b.strategy.builder,
    driver: b.strategy.driver,
    store: b.strategy.store,
    reproducible: b.strategy.reproducible,
    provenance: b.strategy.provenance !== false && b.attestations > 0 ? { attached: true, mode: b.strategy.provenance } : { attached: false, reason: b.strategy.unavailable.find((u) => u.what === 'provenance')?.why ?? 'not requested' },
    unavailable: b.strategy.unavailable.map((u) => ({ what: u.what, why: u.why, ...(u.fix ? { fix: u.fix } : {}) })),
  };
}

// ---------------------------------------------------------------- verify

interface VerifyStepOptions {
  /** check/discover/read config (default DIR/secrets/config.json) */
  configFile?: string;
  /** local name for loading layouts */
  name: string;
  work: string;
  /** verify exactly these platforms (one job of a distributed build) */
  exactPlatforms?: boolean;
  /** seconds per connector command */
  timeoutSeconds: number;
  onProgress?: (line: string) => void;
}

/**
 * Every check on every platform of what was built: the images are loaded
 * the way the strategy says (one index, or one image per platform), checked,
 * then untagged. A failed check fails the step with the report attached.
 */
export async function verifyStep(plan: BuildPlan, built: BuiltImages, o: VerifyStepOptions): Promise<StepOutcome<VerifyReport>> {
  const loaded = await loadImages(built, o.name, o.work);
  try {
    // loaded only when a flow verifies: `build` alone starts sooner
    const [{ verifyImage }, { connectorVerifyDefaults }] = await Promise.all([import('../verify/index.js'), import('../verify/defaults.js')]);
    const defaults = await connectorVerifyDefaults(plan.connector, { config: o.configFile });
    const platforms = Object.keys(built.local).length > 0 ? Object.keys(built.local) : plan.platforms;
    const first = built.local[platforms[0] ?? ''] ?? o.name;
    const report = await verifyImage(built.local['linux/amd64'] ?? first, {
      ...defaults,
      timeoutSeconds: o.timeoutSeconds,
      platforms,
      platformImages: built.local,
      exactPlatforms: o.exactPlatforms,
      onProgress: o.onProgress,
    });
    const failed = failedChecks(report);
    if (failed.length > 0) {
      throw new StepError('failed', `verify: ${failed.length} check(s) failed`, {
        step: 'verify',
        details: failed.map((c) => `${c.platform} ${c.id}: ${c.message}${c.fix ? ` (fix: ${c.fix})` : ''}`),
        report,
      });
    }
    return done(report, `${report.checks.filter((c) => c.status === 'pass').length} checks passed on ${report.platforms.join(', ')}`);
  } finally {
    await untag(loaded);
  }
}

/** Untag what a build loaded only for verify (layers stay cached). */
export async function untag(refs: readonly string[]): Promise<void> {
  if (refs.length > 0) await docker(['image', 'rm', ...refs], { allowFailure: true });
}
