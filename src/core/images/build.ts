/**
 * One buildx invocation: capabilities + SOURCE_DATE_EPOCH → write the
 * Dockerfile and its ignore file → docker buildx build → read the result.
 * The flows (core/) lint first and choose the strategy that calls this.
 *
 * The Dockerfile is always written to a temp dir as `Dockerfile` next to
 * `Dockerfile.dockerignore`: BuildKit reads a Dockerfile-specific ignore file
 * ahead of CONTEXT/.dockerignore (docs.docker.com "Filename-specific ignore
 * files"; checked with buildx 0.13.1 + Engine 26 on this machine), so the
 * plan's ignore rules (secrets/, .git, caches) apply without touching the
 * connector directory. The context stays the connector directory.
 */
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { BcError } from '../../errors.js';
import { onCleanup } from '../../cleanup.js';
import { runBuildx } from '../../docker/buildx.js';
import { detectCapabilities, forgetCapabilities, type BuilderCapabilities } from '../../docker/buildx-capabilities.js';
import { lastCommitTime } from '../../git.js';
import type { BuildPlan } from '../../render/types.js';
import { readOciArchive } from '../../oci/layout.js';
import { prepareBuild, type PreparedBuild } from './prepare.js';
import { progressMode, progressSink } from './progress.js';
import type { BuildOptions, BuildResult } from './result.js';

export async function resolveSourceDateEpoch(
  dir: string,
  flag: number | undefined,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ value: number; from: BuildResult['sourceDateEpochFrom'] }> {
  if (flag !== undefined) return { value: checkEpoch(String(flag), '--source-date-epoch'), from: 'flag' };
  const fromEnv = env.SOURCE_DATE_EPOCH;
  if (fromEnv !== undefined && fromEnv !== '') return { value: checkEpoch(fromEnv, 'SOURCE_DATE_EPOCH'), from: 'env' };
  const t = await lastCommitTime(dir);
  return t === undefined ? { value: 0, from: 'default' } : { value: t, from: 'git' };
}

function checkEpoch(text: string, what: string): number {
  if (!/^\d{1,12}$/.test(text.trim())) throw new BcError('badInput', `${what} must be a non-negative integer (unix seconds), got "${text}"`);
  return Number.parseInt(text.trim(), 10);
}

async function checkOciDest(dest: string): Promise<string> {
  const abs = resolve(dest);
  try {
    if (!(await stat(dirname(abs))).isDirectory()) throw new Error('not a directory');
  } catch {
    throw new BcError('badInput', `--output oci=${dest}: directory ${dirname(abs)} does not exist`);
  }
  return abs;
}

/** Build the plan's image (one buildx invocation). Missing platforms/store stop it before buildx (exit 3). */
export async function buildImage(plan: BuildPlan, opts: BuildOptions): Promise<BuildResult> {
  const t0 = performance.now();
  const write = opts.write ?? ((s: string) => void process.stderr.write(s));
  // the probes (three docker processes, one git) run while lint works
  const capsP = opts.capabilities ?? detectCapabilities(opts.builder, { cache: true });
  const epochP = opts.sourceDateEpochResolved ?? resolveSourceDateEpoch(plan.connector.dir, opts.sourceDateEpoch, opts.env ?? process.env);
  capsP.catch(() => undefined);
  epochP.catch(() => undefined);
  // lint is its own step of every flow (core/steps.ts), before this is called
  const lint = { errors: 0, warnings: 0, ran: false };
  const ociDest = opts.output?.type === 'oci' ? await checkOciDest(opts.output.dest) : undefined;
  let [caps, epoch] = await Promise.all([capsP, epochP]);

  const work = await mkdtemp(join(tmpdir(), 'bc-build-'));
  const removeWork = () => rm(work, { recursive: true, force: true });
  const unregister = onCleanup(removeWork);
  try {
    const dockerfile = join(work, 'Dockerfile');
    await writeFile(dockerfile, plan.dockerfile);
    await writeFile(join(work, 'Dockerfile.dockerignore'), plan.dockerignore);
    const metadataFile = join(work, 'metadata.json');
    const want: BuildOptions = { ...opts, output: ociDest && opts.output?.type === 'oci' ? { ...opts.output, dest: ociDest } : { type: 'load' } };
    let prepared: PreparedBuild;
    try {
      prepared = prepareBuild(plan, want, caps, { dockerfile, metadataFile });
    } catch (err) {
      // a cached answer may only say yes: probe again before refusing
      if (!(err instanceof BcError && err.kind === 'environment' && caps.fromCache)) throw err;
      caps = await detectCapabilities(opts.builder, { cache: true, refresh: true });
      prepared = prepareBuild(plan, want, caps, { dockerfile, metadataFile });
    }
    if (ociDest) await mkdir(dirname(ociDest), { recursive: true });

    const mode = progressMode(opts.progress, process.stderr.isTTY === true, opts.env ?? process.env);
    write(
      `build: ${plan.connector.repository}:${plan.connector.version} for ${prepared.platforms.join(', ')} ` +
        `(builder ${caps.builder}/${caps.driver}, SOURCE_DATE_EPOCH=${epoch.value} from ${epoch.from})\n`,
    );
    const run = await runBuildx(prepared.request, {
      env: { SOURCE_DATE_EPOCH: String(epoch.value) },
      onLine: progressSink(mode, write, t0, prepared.platforms),
    }).catch(async (err: unknown) => {
      if (err instanceof BcError && err.kind === 'environment') await forgetCapabilities(opts.builder).catch(() => undefined);
      throw err;
    });
    const digest = run.metadata.digest;
    if (!digest) throw new BcError('failed', 'buildx reported no image digest', { step: 'build' });

    let manifests: BuildResult['manifests'] = [];
    let attestations: number | null = null;
    if (ociDest) {
      const archive = await readOciArchive(ociDest);
      if (archive.digest !== digest) {
        throw new BcError('failed', `the OCI archive holds ${archive.digest} but buildx reported ${digest}`, { step: 'build', details: [ociDest] });
      }
      manifests = archive.manifests;
      attestations = archive.attestations;
    }
    return resultOf(plan, caps, {
      digest,
      mediaType: run.metadata.mediaType ?? null,
      platforms: prepared.platforms,
      manifests,
      attestations,
      output: ociDest ? 'oci' : 'load',
      imageRef: ociDest ? null : (prepared.tags[0] ?? null),
      tags: prepared.tags,
      ociArchive: ociDest ?? null,
      reproducible: prepared.reproducible,
      sourceDateEpoch: epoch.value,
      sourceDateEpochFrom: epoch.from,
      provenance: prepared.provenance,
      lint,
      durationMs: Math.round(performance.now() - t0),
      buildxMetadata: run.metadata.raw,
    });
  } finally {
    unregister();
    await removeWork();
  }
}

function resultOf(
  plan: BuildPlan,
  caps: BuilderCapabilities,
  r: Omit<BuildResult, 'connector' | 'mode' | 'builder' | 'dockerfile'>,
): BuildResult {
  const c = plan.connector;
  return {
    connector: { name: c.name, repository: c.repository, version: c.version, dir: c.dir },
    mode: plan.mode,
    builder: { name: caps.builder, driver: caps.driver },
    dockerfile: plan.dockerfilePath ?? '(rendered)',
    ...r,
  };
}
