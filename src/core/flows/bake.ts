/**
 * bake = resolve → render → lint → write → build → verify, for many
 * connectors at once: ONE BuildKit invocation (`docker buildx bake` with a
 * generated bake file), so shared base layers are pulled and built once and
 * independent steps run in parallel; then every built image is verified,
 * several at once in this process. A failing connector never hides the
 * others' results: each step works on every connector still in the race,
 * and a connector's failure is its result, not the flow's.
 *
 * - resolve: how the engine builds and loads (core/strategy.ts) and how
 *   many connectors are verified at once (bake-verify.ts);
 * - render, lint: each connector's plan, then its lint (plan-failed,
 *   lint-failed);
 * - write: the Dockerfiles and the bake file (all `bake --print` does);
 * - build: the bake, and each connector it could not build alone
 *   (bake-build.ts: build-failed with the failed step's own output);
 * - verify: every check on every platform (verify-failed, with the checks).
 * Each connector's result is handed to `onResult` as soon as it is final.
 */
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toBcError } from '../../errors.js';
import { onCleanup } from '../../cleanup.js';
import { loadConnector } from '../../connector/metadata.js';
import type { BuildPlan } from '../../render/types.js';
import { lintStep, renderStep, StepError, findingLine, type Rendered } from '../steps.js';
import { capabilitiesFor } from '../images/images.js';
import { chooseStrategy, platformTag, type BuildStrategy } from '../strategy.js';
import { DEFAULT_PLATFORMS } from '../../shared/platforms.js';
import { Pipeline, done, skip, unwrapStepFailure, type StepHooks, type StepName, type StepRecord } from '../pipeline.js';
import { defaultLog } from '../request.js';
import { bakeTarget, targetName, type BakeConnectorResult, type BakeFile, type BakeStatus, type Prepared } from './bake-file.js';
import { runBake } from './bake-build.js';
import { verifyBound, verifyConnectors, type VerifyBound } from './bake-verify.js';
import type { Provenance } from '../../shared/modes.js';

export type { BakeConnectorResult, BakeFile, BakeStatus, BakeTarget } from './bake-file.js';
export { verifyBound } from './bake-verify.js';

export const BAKE_STEPS: readonly StepName[] = ['resolve', 'render', 'lint', 'write', 'build', 'verify'];
const PRINT_STEPS: readonly StepName[] = ['resolve', 'render', 'lint', 'write'];

export interface BakeResult {
  ok: boolean;
  bakeFile: BakeFile;
  results: BakeConnectorResult[];
  buildMs: number;
  verifyMs: number;
  /** how the images were built (core/strategy.ts) */
  strategy: { kind: BuildStrategy['kind']; why: string; builder: string; driver: string; store: BuildStrategy['store']; unavailable: BuildStrategy['unavailable'] };
}

export interface BakeOptions extends StepHooks {
  /** override every connector's platforms */
  platforms?: string[];
  /** "REF" for all, or language → REF */
  baseImages?: { all?: string; byLanguage: Record<string, string> };
  verify?: boolean;
  /** seconds per connector command during verify (each connector's other verify options are its defaults, as `verify DIR` takes them) */
  timeoutSeconds: number;
  provenance: Provenance;
  noCache?: boolean;
  /** buildx builder (default: BUILDX_BUILDER or the current one), e.g. a remote BuildKit */
  builder?: string;
  /** how many connectors are verified at once (each runs its platforms in parallel); default: what the machine holds (bake-verify.ts) */
  verifyConcurrency?: number;
  /** each connector's result, as soon as it is final (a failed plan, lint or build, or its verify's end) */
  onResult?: (r: BakeConnectorResult) => void;
  log?: (line: string) => void;
}

/** What planning takes (`bake --print` too): everything but the verify's. */
type PlanOptions = Omit<BakeOptions, 'timeoutSeconds'>;

interface Planned {
  bakeFile: BakeFile;
  /** the bake file on disk */
  file: string;
  prepared: Prepared[];
  strategy: BuildStrategy;
  bound: VerifyBound;
}

export async function bakeConnectors(dirs: readonly string[], opts: BakeOptions): Promise<BakeResult> {
  const log = opts.log ?? defaultLog;
  const emit = (p: Prepared) => opts.onResult?.(p.result);
  const work = await mkdtemp(join(tmpdir(), 'bc-bake-'));
  const unregister = onCleanup(() => rm(work, { recursive: true, force: true }));
  try {
    return await unwrapStepFailure(async () => {
      const pipe = new Pipeline(BAKE_STEPS, opts);
      const { bakeFile, file, prepared, strategy, bound } = await planSteps(pipe, dirs, work, opts, emit);
      await pipe.step('build', async () => {
        const buildable = prepared.filter((p) => p.target);
        if (buildable.length === 0) return skip(undefined, 'no connector to build');
        await runBake(work, file, bakeFile, buildable, opts, log);
        for (const p of buildable) if (p.result.status === 'build-failed' || opts.verify === false) emit(p);
        return done(undefined, `${buildable.filter((p) => p.result.status === 'built').length} of ${buildable.length} built`);
      });
      await pipe.step('verify', async () => {
        if (opts.verify === false) return skip(undefined, 'not asked (--no-verify)');
        const built = prepared.filter((p) => p.result.status === 'built');
        if (built.length === 0) return skip(undefined, 'nothing built');
        await verifyConnectors(built, { concurrency: bound.value, timeoutSeconds: opts.timeoutSeconds, onResult: opts.onResult });
        return done(undefined, `${built.filter((p) => p.result.status === 'verified').length} of ${built.length} verified, ${bound.value} at once: ${bound.why}`);
      });
      const results = prepared.map((p) => p.result);
      const good: BakeStatus = opts.verify === false ? 'built' : 'verified';
      const ms = (s: StepName) => Math.round(pipe.records.find((r: StepRecord) => r.step === s && r.status === 'done')?.durationMs ?? 0);
      const { kind, why, builder, driver, store, unavailable } = strategy;
      return { ok: results.every((r) => r.status === good), bakeFile, results, buildMs: ms('build'), verifyMs: ms('verify'), strategy: { kind, why, builder, driver, store, unavailable } };
    });
  } finally {
    unregister();
    await rm(work, { recursive: true, force: true });
  }
}

/** `bake --print`: write the Dockerfiles and bake.json into `workdir` (kept) and return the bake file. */
export async function printBake(dirs: readonly string[], workdir: string, opts: PlanOptions): Promise<{ bakeFile: BakeFile; file: string; results: BakeConnectorResult[] }> {
  await mkdir(workdir, { recursive: true });
  const { bakeFile, file, prepared } = await unwrapStepFailure(() => planSteps(new Pipeline(PRINT_STEPS, opts), dirs, workdir, { ...opts, verify: false }, () => undefined));
  return { bakeFile, file, results: prepared.filter((p) => !p.target).map((p) => p.result) };
}

/** resolve → render → lint → write: the plans, their lint, and the bake file in `work`. */
async function planSteps(pipe: Pipeline, dirs: readonly string[], work: string, opts: PlanOptions, emit: (p: Prepared) => void): Promise<Planned> {
  const platforms = opts.platforms ?? [...DEFAULT_PLATFORMS];
  const { strategy, bound } = await pipe.step('resolve', async () => {
    // one platform per local tag where the engine's store cannot hold an index (core/strategy.ts)
    const s = chooseStrategy(await capabilitiesFor(opts.builder), { platforms, goal: 'load', provenance: opts.provenance });
    const b = verifyBound({ platforms: platforms.length, connectors: dirs.length, given: opts.verifyConcurrency });
    return done({ strategy: s, bound: b }, `${s.kind} strategy on ${s.builder}/${s.driver}${opts.verify === false ? '' : `; verify ${b.value} connector(s) at once`}`);
  });
  const prepared = await pipe.step('render', async () => {
    const out: Prepared[] = [];
    for (const dir of dirs) {
      const p = await renderOne(dir, opts);
      out.push(p);
      if (!p.plan) emit(p);
    }
    return done(out, `${out.filter((p) => p.plan).length} of ${dirs.length} rendered`);
  });
  await pipe.step('lint', async () => {
    const planned = prepared.filter((p) => p.plan);
    if (planned.length === 0) return skip(undefined, 'no plan to lint');
    for (const p of planned) if (!(await lintOne(p))) emit(p);
    return done(undefined, `${prepared.filter((p) => p.result.status === 'built').length} of ${planned.length} pass`);
  });
  const bakeFile = await pipe.step('write', async () => {
    const b = await writeTargets(prepared.filter((p) => p.result.status === 'built'), work, opts, strategy);
    await writeFile(join(work, 'bake.json'), `${JSON.stringify(b, null, 2)}\n`);
    return done(b, `${Object.keys(b.target).length} target(s) in ${join(work, 'bake.json')}`);
  });
  return { bakeFile, file: join(work, 'bake.json'), prepared, strategy, bound };
}

/** The render step of every flow, with the base image chosen by the connector's language. */
async function renderOne(dir: string, opts: PlanOptions): Promise<Prepared> {
  const result: BakeConnectorResult = { dir, connector: dir, target: null, image: null, status: 'plan-failed', digest: null, platforms: [], problems: [] };
  let rendered: Rendered;
  try {
    let baseImage: string | undefined;
    if (opts.baseImages) {
      const c = await loadConnector(dir);
      baseImage = (c.language ? opts.baseImages.byLanguage[c.language] : undefined) ?? opts.baseImages.all;
    }
    rendered = (await renderStep(dir, { platforms: opts.platforms, baseImage })).value;
  } catch (err) {
    const e = toBcError(err);
    result.problems = [e.message, ...e.details];
    return { dir, result };
  }
  const { plan, epoch } = rendered;
  result.connector = plan.connector.dirName;
  result.platforms = plan.platforms;
  // provisional: the lint, build and verify steps say otherwise if it fails there
  result.status = 'built';
  return { dir, plan, epoch: epoch.value, result };
}

/** false when lint stops the connector (its errors become its problems). */
async function lintOne(p: Prepared): Promise<boolean> {
  const plan = p.plan as BuildPlan;
  try {
    await lintStep(plan, plan.buildArgs);
    return true;
  } catch (err) {
    if (!(err instanceof StepError)) throw err;
    p.result.status = 'lint-failed';
    p.result.problems = err.findings.filter((f) => f.severity === 'error' || f.fatal === true).map(findingLine);
    return false;
  }
}

/** Each connector's Dockerfile (and its ignore file) under `work`, and its bake target(s). */
async function writeTargets(ready: readonly Prepared[], work: string, opts: PlanOptions, strategy: BuildStrategy): Promise<BakeFile> {
  const taken = new Set<string>();
  const defaultGroup: { targets: string[] } = { targets: [] };
  const bakeFile: BakeFile = { group: { default: defaultGroup }, target: {} };
  const split = strategy.loadAs === 'per-platform';
  for (const p of ready) {
    const plan = p.plan as BuildPlan;
    const name = targetName(plan.connector.dirName, taken);
    taken.add(name);
    // Dockerfile + Dockerfile.dockerignore side by side: BuildKit reads the
    // Dockerfile-specific ignore file (secrets/, .git, caches stay out).
    const tdir = join(work, name);
    await mkdir(tdir, { recursive: true });
    await writeFile(join(tdir, 'Dockerfile'), plan.dockerfile);
    await writeFile(join(tdir, 'Dockerfile.dockerignore'), plan.dockerignore);
    const target = bakeTarget(plan, join(tdir, 'Dockerfile'), { epoch: p.epoch ?? 0, provenance: strategy.provenance });
    if (split) {
      // the classic store: each platform its own target, loaded under its own tag; the group builds them all
      const images: Record<string, string> = {};
      p.targets = {};
      for (const platform of target.platforms) {
        const t = `${name}_${platform.split('/').slice(1).join('_')}`;
        const tags = target.tags.map((x) => platformTag(x, platform));
        bakeFile.target[t] = { ...target, platforms: [platform], tags: platform === 'linux/amd64' ? [...target.tags, ...tags] : tags };
        p.targets[platform] = t;
        images[platform] = tags[0] ?? '';
      }
      bakeFile.group[name] = { targets: Object.values(p.targets) };
      p.result.platformImages = images;
    } else {
      bakeFile.target[name] = target;
      p.targets = Object.fromEntries(target.platforms.map((pl) => [pl, name]));
    }
    defaultGroup.targets.push(name);
    p.target = name;
    p.result.target = name;
    p.result.image = `${plan.connector.repository}:${plan.connector.version}`;
  }
  return bakeFile;
}
