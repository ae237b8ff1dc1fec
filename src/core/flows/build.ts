/**
 * build = render → lint → build [→ verify].
 *
 * The CLI's `build` (images loaded into the engine, or an OCI archive) and,
 * with `verify`, the CLI's `build --verify` and the Action's `command: verify`:
 * the same images, every check on every platform, nothing pushed.
 */
import type { BuildResult } from '../images/result.js';
import type { Finding } from '../../lint/types.js';
import type { BuildFacts } from '../result.js';
import type { VerifyReport } from '../../verify/index.js';
import { Pipeline, StepFailure, skip, type FailedStep, type StepName, type StepRecord } from '../pipeline.js';
import { defaultLog, type BuildRequestCommon, type FlowHooks } from '../request.js';
import { buildFacts, buildKnobs, buildStep, lintStep, renderStep, StepError, untag, verifyStep, workDir } from '../steps.js';
import { capabilitiesFor } from '../images/images.js';

const BUILD_STEPS: readonly StepName[] = ['render', 'lint', 'build', 'verify'];

export interface BuildFlowRequest extends BuildRequestCommon {
  /** load (default): images in the engine under `tags`; oci: an OCI archive at dest */
  output?: { type: 'load' } | { type: 'oci'; dest: string };
  /** local names (default REPO:VERSION and REPO:dev) */
  tags?: string[];
  /** run every check after the build; `configFile` feeds check/discover/read; seconds per connector command */
  verify?: { configFile?: string; timeoutSeconds: number; untagAfter?: boolean };
  progress?: 'auto' | 'tty' | 'plain' | 'quiet';
  /** progress text of the build (default stderr) */
  write?: (text: string) => void;
}

interface Common {
  dir: string;
  /** the image's labels (the Dockerfile's and the OCI ones) and its index/manifest annotations, once rendered */
  labels?: Record<string, string>;
  annotations?: string[];
  steps: StepRecord[];
  durations: Record<string, number>;
  /** lint warnings, or the errors that stopped the run */
  findings: Finding[];
}

export type BuildFlowResult =
  | (Common & { result: 'built' | 'verified'; build: BuildResult; strategy: BuildFacts; report?: VerifyReport; notes: string[] })
  | (Common & FailedStep & { build?: BuildResult; strategy?: BuildFacts; report?: VerifyReport });

export async function runBuild(req: BuildFlowRequest, hooks: FlowHooks = {}): Promise<BuildFlowResult> {
  const log = hooks.log ?? defaultLog;
  const run = new Pipeline(req.verify ? BUILD_STEPS : BUILD_STEPS.slice(0, 3), hooks);
  let findings: Finding[] = [];
  let build: BuildResult | undefined;
  let strategy: BuildFacts | undefined;
  let report: VerifyReport | undefined;
  let image: { labels: Record<string, string>; annotations: string[] } | undefined;
  const common = () => ({ dir: req.dir, steps: run.records, durations: run.durations(), findings, ...(image ?? {}) });
  // the builder's capabilities are probed while render and lint work
  void capabilitiesFor(req.builder);
  const work = await workDir('bc-build-');
  let loaded: string[] = [];
  try {
    const { plan, epoch } = await run.step('render', () => renderStep(req.dir, { baseImage: req.baseImage, platforms: req.platforms, sourceDateEpoch: req.sourceDateEpoch }));
    image = { labels: plan.labels, annotations: plan.annotations ?? [] };
    findings = await run.step('lint', () => lintStep(plan, req.buildArgs));
    const output = req.output ?? { type: 'load' as const };
    const built = await run.step('build', () =>
      buildStep(plan, {
        platforms: plan.platforms,
        goal: output.type === 'oci' ? 'oci' : 'load',
        ...(output.type === 'oci' ? { ociDest: output.dest } : {}),
        work: work.path,
        ...(req.tags ? { tags: req.tags } : {}),
        ...buildKnobs(plan, req),
        ...(req.progress ? { progress: req.progress } : {}),
        ...(req.write ? { write: req.write } : {}),
        sourceDateEpochResolved: Promise.resolve(epoch),
      }),
    );
    build = { ...built.result, lint: { errors: 0, warnings: findings.length, ran: true } };
    strategy = buildFacts(built);
    loaded = req.verify?.untagAfter ? built.result.tags : [];
    const notes = [
      ...(strategy.reproducible ? [] : [`digest not reproducible with this builder: ${strategy.unavailable.find((u) => u.what === 'reproducible-digests')?.why ?? 'images are loaded, not exported'}`]),
      ...(built.strategy.loadAs === 'per-platform' && output.type === 'load' && plan.platforms.length > 1
        ? [`this image store keeps one platform per tag: loaded as ${Object.values(built.local).join(', ')}`]
        : []),
    ];
    if (!req.verify) {
      run.finish('not requested');
      return { ...common(), result: 'built', build, strategy, notes };
    }
    const verifyOpts = req.verify;
    if (output.type === 'oci') {
      await run.step('verify', async () => skip(undefined, 'an OCI archive is verified after loading it: build-connector verify'));
      return { ...common(), result: 'built', build, strategy, notes };
    }
    report = await run.step('verify', () =>
      verifyStep(plan, built, { configFile: verifyOpts.configFile, timeoutSeconds: verifyOpts.timeoutSeconds, name: build?.tags[0] ?? plan.connector.repository, work: work.path, onProgress: log }).catch((err: unknown) => {
        if (err instanceof StepError && err.report) report = err.report;
        throw err;
      }),
    );
    return { ...common(), result: 'verified', build, strategy, report, notes };
  } catch (err) {
    if (!(err instanceof StepFailure)) throw err;
    const e = err.error;
    if (e instanceof StepError && e.findings.length > 0) findings = e.findings;
    const failure = run.failed(err);
    return {
      ...common(),
      ...failure,
      ...(build ? { build } : {}),
      ...(strategy ? { strategy } : {}),
      ...(report ? { report } : {}),
    };
  } finally {
    await untag(loaded);
    await work.remove();
  }
}
