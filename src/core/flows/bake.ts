/**
 * `bake DIR…`: many connectors in ONE BuildKit invocation (`docker buildx
 * bake` with a generated bake file), so shared base layers are pulled and
 * built once and independent steps run in parallel; then each image is
 * verified. A failing connector never hides the others' results:
 *   plan → lint → bake (all good targets) → [if bake failed: each target
 *   without a digest again, alone, to find which failed and why; the others
 *   come from the cache] → verify each built image.
 */
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { docker, parseJson } from '../../docker/cli.js';
import { BcError, toBcError } from '../../errors.js';
import { onCleanup } from '../../cleanup.js';
import { lastLines } from '../../exec.js';
import { loadConnector } from '../../connector/metadata.js';
import type { BuildPlan } from '../../render/types.js';
import { buildStep, lintStep, renderStep, StepError, findingLine, type Rendered } from '../steps.js';
import { buildFailure } from '../../docker/buildx.js';
import { defaultTags } from '../images/prepare.js';
import { capabilitiesFor } from '../images/images.js';
import { chooseStrategy, platformTag, type BuildStrategy } from '../strategy.js';
import { DEFAULT_PLATFORMS } from '../../shared/platforms.js';
import { verifyImage, type VerifyOptions } from '../../verify/index.js';

export interface BakeTarget {
  context: string;
  dockerfile: string;
  platforms: string[];
  tags: string[];
  labels: Record<string, string>;
  args: Record<string, string>;
  attest?: string[];
  /** `id=ID,env=ENV`: BuildKit secrets buildx reads from its environment (a python index URL with credentials) */
  secret?: string[];
  /** 'host' for a python install from a package index on this machine's loopback */
  network?: 'host';
}

export interface BakeFile {
  /** `default`, and one group per connector whose platforms are separate targets */
  group: Record<string, { targets: string[] }>;
  target: Record<string, BakeTarget>;
}

export type BakeStatus = 'verified' | 'built' | 'plan-failed' | 'lint-failed' | 'build-failed' | 'verify-failed';

export interface BakeConnectorResult {
  dir: string;
  connector: string;
  target: string | null;
  image: string | null;
  status: BakeStatus;
  digest: string | null;
  platforms: string[];
  /** what failed: lint findings, the build's last lines, or failed checks */
  problems: string[];
  failedChecks: { id: string; platform: string; message: string; fix?: string }[];
  /** platform → local image, where the image store keeps one platform per tag */
  platformImages?: Record<string, string>;
}

export interface BakeResult {
  ok: boolean;
  bakeFile: BakeFile;
  results: BakeConnectorResult[];
  buildMs: number;
  verifyMs: number;
  /** how the images were built (core/strategy.ts) */
  strategy: { kind: BuildStrategy['kind']; why: string; builder: string; driver: string; store: BuildStrategy['store']; unavailable: BuildStrategy['unavailable'] };
}

export interface BakeOptions {
  /** override every connector's platforms */
  platforms?: string[];
  /** "REF" for all, or language → REF */
  baseImages?: { all?: string; byLanguage: Record<string, string> };
  verify?: boolean;
  /** verify options for every connector (inputs come from each connector's defaults) */
  verifyOptions?: (plan: BuildPlan) => Promise<VerifyOptions>;
  provenance?: 'min' | 'max' | false;
  noCache?: boolean;
  /** buildx builder (default: BUILDX_BUILDER or the current one), e.g. a remote BuildKit */
  builder?: string;
  /** how many connectors are verified at once (each runs its platforms in parallel) */
  verifyConcurrency?: number;
  log?: (line: string) => void;
}

/** A bake target name from a directory name: [a-zA-Z0-9_-], unique. */
export function targetName(dirName: string, taken: ReadonlySet<string>): string {
  const base = dirName.replace(/[^a-zA-Z0-9_-]/g, '_') || 'connector';
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}_${i}`;
  return name;
}

/** The bake target of one plan (pure). */
export function bakeTarget(plan: BuildPlan, dockerfile: string, opts: { platforms?: string[]; epoch: number; provenance?: 'min' | 'max' | false }): BakeTarget {
  const provenance = opts.provenance ?? 'min';
  return {
    context: plan.context,
    dockerfile,
    platforms: opts.platforms ?? plan.platforms,
    // the same local names `build` loads, so `verify DIR` finds them too
    tags: defaultTags(plan, 'load'),
    labels: plan.labels,
    args: { ...(plan.buildArgs ?? {}), SOURCE_DATE_EPOCH: String(opts.epoch) },
    ...(provenance === false ? {} : { attest: [`type=provenance,mode=${provenance}`] }),
    // the same secrets and network as `build` (core/images/prepare.ts): never the values, only where buildx finds them
    ...(plan.buildSecrets && plan.buildSecrets.length > 0 ? { secret: plan.buildSecrets.map((x) => `id=${x.id},env=${x.env}`) } : {}),
    ...(plan.buildNetwork === 'host' ? { network: 'host' as const } : {}),
  };
}

const MetadataSchema = z.record(z.string(), z.object({ 'containerimage.digest': z.string().optional() }).loose());

interface Prepared {
  dir: string;
  plan?: BuildPlan;
  /** what bake is asked to build for this connector (a target, or a group of per-platform targets) */
  target?: string;
  /** the bake targets whose digests say it was built: platform → target */
  targets?: Record<string, string>;
  /** SOURCE_DATE_EPOCH the render step resolved (for a connector built alone) */
  epoch?: number;
  result: BakeConnectorResult;
}

export async function bakeConnectors(dirs: readonly string[], opts: BakeOptions = {}): Promise<BakeResult> {
  const log = opts.log ?? ((l: string) => void process.stderr.write(`${l}\n`));
  const work = await mkdtemp(join(tmpdir(), 'bc-bake-'));
  const unregister = onCleanup(() => rm(work, { recursive: true, force: true }));
  try {
    const { bakeFile, prepared, strategy } = await prepareBake(dirs, work, opts);
    const result = (p: Prepared) => p.result;
    const buildable = prepared.filter((p) => p.target);
    const t0 = performance.now();
    if (buildable.length > 0) await runBake(work, bakeFile, buildable, opts, log);
    const buildMs = Math.round(performance.now() - t0);

    const t1 = performance.now();
    if (opts.verify !== false) await verifyAll(prepared.filter((p) => p.result.status === 'built'), opts, log);
    const verifyMs = Math.round(performance.now() - t1);
    const results = prepared.map(result);
    const good: BakeStatus = opts.verify === false ? 'built' : 'verified';
    const { kind, why, builder, driver, store, unavailable } = strategy;
    return { ok: results.every((r) => r.status === good), bakeFile, results, buildMs, verifyMs, strategy: { kind, why, builder, driver, store, unavailable } };
  } finally {
    unregister();
    await rm(work, { recursive: true, force: true });
  }
}

/** Plans, lint and the bake file (also what `bake --print` prints). */
export async function prepareBake(dirs: readonly string[], work: string, opts: BakeOptions): Promise<{ bakeFile: BakeFile; prepared: Prepared[]; strategy: BuildStrategy }> {
  const taken = new Set<string>();
  const defaultGroup: { targets: string[] } = { targets: [] };
  const bakeFile: BakeFile = { group: { default: defaultGroup }, target: {} };
  // one platform per local tag where the engine's store cannot hold an index (core/strategy.ts)
  const strategy = chooseStrategy(await capabilitiesFor(opts.builder), { platforms: opts.platforms ?? [...DEFAULT_PLATFORMS], goal: 'load', provenance: opts.provenance });
  const split = strategy.loadAs === 'per-platform';
  const prepared: Prepared[] = [];
  for (const dir of dirs) {
    const result: BakeConnectorResult = { dir, connector: dir, target: null, image: null, status: 'plan-failed', digest: null, platforms: [], problems: [], failedChecks: [] };
    const p: Prepared = { dir, result };
    prepared.push(p);
    let plan: BuildPlan;
    let epoch: Rendered['epoch'];
    try {
      ({ plan, epoch } = await renderFor(dir, opts));
    } catch (err) {
      const e = toBcError(err);
      result.problems = [e.message, ...e.details];
      continue;
    }
    p.plan = plan;
    p.epoch = epoch.value;
    result.connector = plan.connector.dirName;
    result.platforms = opts.platforms ?? plan.platforms;
    try {
      await lintStep(plan, plan.buildArgs);
    } catch (err) {
      if (!(err instanceof StepError)) throw err;
      result.status = 'lint-failed';
      result.problems = err.findings.filter((f) => f.severity === 'error' || f.fatal === true).map(findingLine);
      continue;
    }
    const name = targetName(plan.connector.dirName, taken);
    taken.add(name);
    // Dockerfile + Dockerfile.dockerignore side by side: BuildKit reads the
    // Dockerfile-specific ignore file (secrets/, .git, caches stay out).
    const tdir = join(work, name);
    await mkdir(tdir, { recursive: true });
    await writeFile(join(tdir, 'Dockerfile'), plan.dockerfile);
    await writeFile(join(tdir, 'Dockerfile.dockerignore'), plan.dockerignore);
    const target = bakeTarget(plan, join(tdir, 'Dockerfile'), { platforms: opts.platforms, epoch: epoch.value, provenance: strategy.provenance });
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
      result.platformImages = images;
    } else {
      bakeFile.target[name] = target;
      p.targets = Object.fromEntries(target.platforms.map((pl) => [pl, name]));
    }
    defaultGroup.targets.push(name);
    p.target = name;
    result.target = name;
    result.image = `${plan.connector.repository}:${plan.connector.version}`;
    result.status = 'built'; // provisional: set to build-failed if bake does not produce it
  }
  return { bakeFile, prepared, strategy };
}

/** `bake --print`: write the Dockerfiles and bake.json into `workdir` (kept) and return the bake file. */
export async function printBake(dirs: readonly string[], workdir: string, opts: BakeOptions = {}): Promise<{ bakeFile: BakeFile; file: string; results: BakeConnectorResult[] }> {
  await mkdir(workdir, { recursive: true });
  const { bakeFile, prepared } = await prepareBake(dirs, workdir, opts);
  const file = join(workdir, 'bake.json');
  await writeFile(file, `${JSON.stringify(bakeFile, null, 2)}\n`);
  return { bakeFile, file, results: prepared.filter((p) => !p.target).map((p) => p.result) };
}

/** The render step of every flow, with the base image chosen by the connector's language. */
async function renderFor(dir: string, opts: BakeOptions): Promise<Rendered> {
  let baseImage: string | undefined;
  if (opts.baseImages) {
    const c = await loadConnector(dir);
    baseImage = (c.language ? opts.baseImages.byLanguage[c.language] : undefined) ?? opts.baseImages.all;
  }
  return (await renderStep(dir, { platforms: opts.platforms, baseImage })).value;
}

export function bakeArgs(file: string, metadata: string, targets: readonly string[], o: Pick<BakeOptions, 'noCache' | 'builder'> = {}): string[] {
  return [
    'buildx',
    'bake',
    ...(o.builder ? ['--builder', o.builder] : []),
    '-f',
    file,
    '--metadata-file',
    metadata,
    '--load',
    '--progress',
    'plain',
    ...(o.noCache ? ['--no-cache'] : []),
    ...targets,
  ];
}

async function readMetadata(file: string): Promise<Record<string, string | undefined>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return {};
  }
  const m = parseJson(MetadataSchema, text, 'buildx bake metadata file');
  return Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v['containerimage.digest']]));
}

/**
 * The targets whose `network` this buildx's bake drops (it keeps only the
 * attributes it knows; `--print` shows what it will build): the connectors
 * that need the host network (a package index on 127.0.0.1) are then built
 * alone, as `build` builds them, instead of failing inside the bake.
 */
async function networkDropped(file: string, bakeFile: BakeFile, targets: readonly string[], opts: BakeOptions): Promise<Set<string>> {
  const wanted = targets.filter((t) => bakeFile.target[t]?.network === 'host');
  if (wanted.length === 0) return new Set();
  const res = await docker(['buildx', 'bake', ...(opts.builder ? ['--builder', opts.builder] : []), '-f', file, '--print', ...wanted], { allowFailure: true, step: 'bake --print', timeoutMs: 60_000 });
  // an answer that is not the printed definition keeps every target in the bake (its own error says why)
  let printed: z.infer<typeof PrintedSchema> | undefined;
  try {
    printed = parseJson(PrintedSchema, res.stdout, 'bake --print');
  } catch {
    return new Set();
  }
  const kept = (t: string) => printed?.target[t]?.network === 'host';
  return new Set(wanted.filter((t) => !kept(t)));
}

const PrintedSchema = z.object({ target: z.record(z.string(), z.object({ network: z.string().optional() }).loose()) }).loose();

/** A connector bake cannot build as asked: the build step, as `build` runs it, with the same tags. */
async function buildAlone(p: Prepared, opts: BakeOptions, log: (l: string) => void): Promise<void> {
  const plan = p.plan as BuildPlan;
  try {
    const built = await buildStep(plan, {
      platforms: p.result.platforms,
      goal: 'load',
      tags: defaultTags(plan, 'load'),
      ...(opts.builder ? { builder: opts.builder } : {}),
      ...(opts.noCache ? { noCache: true } : {}),
      ...(opts.provenance !== undefined ? { provenance: opts.provenance } : {}),
      ...(p.epoch !== undefined ? { sourceDateEpoch: p.epoch } : {}),
      progress: 'plain',
      write: () => undefined,
    });
    p.result.digest = built.value.digest;
    if (built.value.strategy.loadAs === 'per-platform') p.result.platformImages = { ...built.value.local };
  } catch (err) {
    const e = toBcError(err);
    p.result.status = 'build-failed';
    p.result.problems = [e.message, ...e.details];
    log(`bake: ${p.result.connector} failed to build`);
  }
}

async function runBake(work: string, bakeFile: BakeFile, all: Prepared[], opts: BakeOptions, log: (l: string) => void): Promise<void> {
  const file = join(work, 'bake.json');
  await writeFile(file, `${JSON.stringify(bakeFile, null, 2)}\n`);
  const metaFile = join(work, 'metadata.json');
  const dropped = await networkDropped(file, bakeFile, Object.keys(bakeFile.target), opts);
  const aloneOf = (p: Prepared) => Object.values(p.targets ?? {}).some((t) => dropped.has(t));
  const alone = all.filter(aloneOf);
  for (const p of alone) {
    log(`bake: ${p.result.connector} is built alone: this buildx's bake drops the target's network setting, which its package index on this machine's loopback needs`);
    await buildAlone(p, opts, log);
  }
  const buildable = all.filter((p) => !aloneOf(p));
  if (buildable.length === 0) return;
  log(`bake: ${buildable.length} connector(s) in one buildx bake`);
  const res = await docker(bakeArgs(file, metaFile, buildable.map((p) => p.target as string), opts), {
    allowFailure: true,
    step: 'bake',
    timeoutMs: 60 * 60_000,
  });
  environmentCheck(res.exitCode, res.stderr);
  const digests = await readMetadata(metaFile);
  const digestOf = (p: Prepared, d: Record<string, string | undefined>) => {
    const ts = Object.values(p.targets ?? {});
    if (ts.length === 0 || ts.some((t) => !d[t])) return null;
    return d[p.targets?.['linux/amd64'] ?? ts[0] ?? ''] ?? null;
  };
  const missing = buildable.filter((p) => !digestOf(p, digests));
  for (const p of buildable) p.result.digest = digestOf(p, digests);
  if (res.exitCode === 0 && missing.length === 0) return;

  // One failure cancels the whole bake. Build each unfinished target alone:
  // the healthy ones come from the cache, the broken one shows its own error.
  log(`bake failed; building ${missing.length} target(s) one at a time to find which`);
  for (const p of missing) {
    const one = join(work, `metadata-${p.target}.json`);
    const r = await docker(bakeArgs(file, one, [p.target as string], opts), { allowFailure: true, step: `bake ${p.target}`, timeoutMs: 30 * 60_000 });
    environmentCheck(r.exitCode, r.stderr);
    const d = digestOf(p, await readMetadata(one));
    if (r.exitCode === 0 && d) {
      p.result.digest = d;
    } else {
      p.result.status = 'build-failed';
      // the failed step's own output (pip's error, a compiler's), not only buildx's last lines
      const f = buildFailure(r.stderr.split('\n'), r.exitCode, `docker ${bakeArgs(file, one, [p.target as string], opts).join(' ')}`);
      p.result.problems = [f.message, ...f.details];
      log(`bake: ${p.result.connector} failed to build`);
    }
  }
}

/** The engine itself missing is not a connector's failure: exit 3 for all. */
function environmentCheck(exitCode: number, stderr: string): void {
  if (exitCode === 0) return;
  if (/Cannot connect to the Docker daemon|is the docker daemon running|unknown command "bake"|'bake' is not a docker command/i.test(stderr)) {
    throw new BcError('environment', 'docker buildx bake is not available', {
      step: 'bake',
      details: [...lastLines(stderr, 3), 'fix: start the engine and install buildx ≥ 0.10 (scripts/setup-engine.sh), then build-connector doctor'],
    });
  }
}

async function verifyAll(built: Prepared[], opts: BakeOptions, log: (l: string) => void): Promise<void> {
  const queue = [...built];
  const worker = async () => {
    for (let p = queue.shift(); p; p = queue.shift()) {
      const plan = p.plan as BuildPlan;
      const image = p.result.image as string;
      log(`verify ${p.result.connector}: ${image} (${p.result.platforms.join(', ')})`);
      try {
        const vopts = opts.verifyOptions ? await opts.verifyOptions(plan) : {};
        const report = await verifyImage(image, { ...vopts, platforms: p.result.platforms, ...(p.result.platformImages ? { platformImages: p.result.platformImages } : {}) });
        const failedChecks = report.checks
          .filter((c) => c.status === 'fail')
          .map((c) => ({ id: c.id, platform: c.platform, message: c.message, ...(c.fix ? { fix: c.fix } : {}) }));
        p.result.failedChecks = failedChecks;
        p.result.status = report.ok ? 'verified' : 'verify-failed';
      } catch (err) {
        const e = toBcError(err);
        if (e.kind === 'environment') throw e;
        p.result.status = 'verify-failed';
        p.result.problems = [e.message, ...e.details];
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.verifyConcurrency ?? 2, built.length)) }, worker));
}
