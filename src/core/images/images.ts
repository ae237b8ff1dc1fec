/**
 * The build step's engine work, whatever the strategy (core/strategy.ts):
 * run buildx once or once per platform, and hand back one shape — the
 * per-platform manifest digests, an OCI layout holding the index to push
 * (goal push), and the local image of each platform for verify.
 *
 * Each temp file has one owner: the layout and scratch files live under the
 * `work` directory the flow created (and removes, also on Ctrl-C).
 */
import { join } from 'node:path';
import { mkdir, rm } from 'node:fs/promises';
import { BcError } from '../../errors.js';
import { docker } from '../../docker/cli.js';
import { detectCapabilities, type BuilderCapabilities } from '../../docker/buildx-capabilities.js';
import { buildImage, resolveSourceDateEpoch } from './build.js';
import { defaultTags } from './prepare.js';
import { ociAnnotations } from '../../render/oci-labels.js';
import { writeLayoutTar } from '../../oci/layout.js';
import type { BuildOptions, BuildResult } from './result.js';
import type { BuildPlan } from '../../render/types.js';
import { REQUIRED_PLATFORM } from '../../shared/platforms.js';
import { importSaved, writeIndex, writeLoadableTar, type PlatformManifest } from '../../oci/compose.js';
import { chooseStrategy, platformTag, type BuildGoal, type BuildStrategy } from '../strategy.js';

export interface ImagesRequest extends Omit<BuildOptions, 'output' | 'platforms' | 'capabilities'> {
  platforms: string[];
  goal: BuildGoal;
  /** goal oci: the archive file */
  ociDest?: string;
  /** scratch directory owned by the caller (goal push) */
  work?: string;
}

export interface BuiltImages {
  strategy: BuildStrategy;
  /** the build result (the last invocation's for per-platform builds), with the joined facts below */
  result: BuildResult;
  /** index digest (goal push / oci / multi-platform load), else the required platform's image digest */
  digest: string;
  /** platform → image manifest digest */
  platforms: Record<string, string>;
  attestations: number;
  /** goal push: the OCI layout directory holding `digest` */
  layout?: string;
  /** platform → a local image reference (goal load / per-platform builds); empty until loaded */
  local: Record<string, string>;
}

const probes = new Map<string, Promise<BuilderCapabilities>>();

/**
 * Capabilities, probed once per process and builder (the probe cache covers
 * separate runs). Flows start this before render so it overlaps their work.
 */
export function capabilitiesFor(builder: string | undefined): Promise<BuilderCapabilities> {
  const key = `${builder ?? ''}|${process.env.DOCKER_HOST ?? ''}|${process.env.DOCKER_CONTEXT ?? ''}`;
  let p = probes.get(key);
  if (!p) {
    p = detectCapabilities(builder, { cache: true });
    p.catch(() => probes.delete(key));
    probes.set(key, p);
  }
  return p;
}

/** Refuse, before any build, what the setup cannot do at all (exit 3 with the fix). */
export function checkGoal(strategy: BuildStrategy, goal: BuildGoal): void {
  const oci = strategy.unavailable.find((u) => u.what === 'oci-output');
  if (goal === 'oci' && oci) {
    throw new BcError('environment', `cannot write an OCI archive here: ${oci.why}`, { step: 'preflight', details: oci.fix ? [`fix: ${oci.fix}`] : [] });
  }
}

export async function buildImages(plan: BuildPlan, req: ImagesRequest): Promise<BuiltImages> {
  const capsP = capabilitiesFor(req.builder);
  const epoch = req.sourceDateEpochResolved ?? resolveSourceDateEpoch(plan.connector.dir, req.sourceDateEpoch, req.env ?? process.env);
  const caps = await capsP;
  const strategy = chooseStrategy(caps, { platforms: req.platforms, goal: req.goal, provenance: req.provenance });
  checkGoal(strategy, req.goal);
  const common: BuildOptions = { ...req, capabilities: capsP, sourceDateEpochResolved: epoch, provenance: strategy.provenance };
  const tags = req.tags && req.tags.length > 0 ? req.tags : defaultTags(plan, 'load');

  if (strategy.invocations === 'one') {
    if (req.goal === 'load' && strategy.loadAs === 'index') {
      const result = await buildImage(plan, { ...common, platforms: req.platforms, output: { type: 'load' }, tags });
      const local = Object.fromEntries(req.platforms.map((p) => [p, result.tags[0] ?? tags[0] ?? '']));
      return { strategy, result, digest: result.digest, platforms: {}, attestations: result.attestations ?? 0, local };
    }
    const dest = req.goal === 'oci' ? req.ociDest : req.work ? join(req.work, 'image.oci') : undefined;
    if (!dest) throw new BcError('failed', 'internal error: an OCI build needs a destination', { step: 'build' });
    const result = await buildImage(plan, { ...common, platforms: req.platforms, output: { type: 'oci', dest, layout: req.goal === 'oci' ? 'tar' : 'dir' }, tags });
    const platforms = Object.fromEntries(result.manifests.map((m) => [m.platform, m.digest]));
    const built: BuiltImages = { strategy, result, digest: result.digest, platforms, attestations: result.attestations ?? 0, local: {}, ...(req.goal === 'push' ? { layout: dest } : {}) };
    if (req.goal === 'load') {
      // a builder that cannot load several platforms at once: each one, carved from the layout
      if (!req.work) throw new BcError('failed', 'internal error: loading a layout needs a work directory', { step: 'build' });
      const loaded = await loadImages(built, tags[0] ?? plan.connector.repository, req.work);
      built.layout = undefined;
      // the layout was scratch: what the user has now is the loaded images
      built.result = { ...built.result, output: 'load', ociArchive: null, tags: loaded, imageRef: built.local[REQUIRED_PLATFORM] ?? loaded[0] ?? null };
    }
    return built;
  }

  // per-platform: one build and one local image per platform (the classic store)
  const primary = tags[0] ?? `${plan.connector.repository}:${plan.connector.version}`;
  const results = await Promise.all(
    req.platforms.map((p) => {
      const own = tags.map((t) => platformTag(t, p));
      // the required platform also gets the plain tags, so `docker run REPO:VERSION` works
      const names = req.platforms.length === 1 || p === REQUIRED_PLATFORM ? [...tags, ...(req.platforms.length === 1 ? [] : own)] : own;
      return buildImage(plan, { ...common, platforms: [p], output: { type: 'load' }, tags: names }).then((r) => ({ platform: p, result: r, ref: req.platforms.length === 1 ? primary : platformTag(primary, p) }));
    }),
  );
  const local = Object.fromEntries(results.map((r) => [r.platform, r.ref]));
  const last = results[results.length - 1];
  if (!last) throw new BcError('badInput', 'no platform to build');
  const platforms = Object.fromEntries(results.map((r) => [r.platform, r.result.digest]));
  const required = results.find((r) => r.platform === REQUIRED_PLATFORM) ?? last;
  const joined: BuildResult = {
    ...last.result,
    platforms: req.platforms,
    tags: results.flatMap((r) => r.result.tags),
    imageRef: required.result.imageRef,
    manifests: results.map((r) => ({ platform: r.platform, digest: r.result.digest })),
    durationMs: Math.max(...results.map((r) => r.result.durationMs)),
  };
  const built: BuiltImages = { strategy, result: joined, digest: required.result.digest, platforms, attestations: 0, local };
  if (req.goal === 'push') {
    if (!req.work) throw new BcError('failed', 'internal error: a push build needs a work directory', { step: 'build' });
    await saveToLayout(built, req.platforms, req.work, { ...ociAnnotations(plan.labels), ...indexAnnotations(plan.annotations) });
  }
  return built;
}

/** The plan's `index:KEY=VALUE` annotations as a map (the index we write carries them as buildx would). */
function indexAnnotations(annotations: readonly string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of annotations ?? []) {
    const m = /^index:([^=]+)=(.*)$/s.exec(a);
    if (m?.[1] !== undefined && m[2] !== undefined) out[m[1]] = m[2];
  }
  return out;
}

/**
 * Per-platform images in the engine → one OCI layout: `docker save` each,
 * merge the blobs, write the index. The manifest digests are the engine's
 * own (the same bytes a `docker push` would send).
 */
async function saveToLayout(built: BuiltImages, platforms: readonly string[], work: string, annotations: Record<string, string>): Promise<void> {
  const layout = join(work, 'image.oci');
  await mkdir(layout, { recursive: true });
  // every platform's save at once: the daemon's tar of each image dominates
  const manifests: PlatformManifest[] = await Promise.all(
    platforms.map(async (p) => {
      const ref = built.local[p];
      if (!ref) throw new BcError('failed', `no local ${p} image to push`, { step: 'build' });
      const tar = join(work, `save-${p.replace(/\//g, '-')}.tar`);
      await docker(['save', '-o', tar, ref], { step: `build: docker save ${p}`, timeoutMs: 20 * 60_000 });
      const m = await importSaved(tar, layout, work);
      await rm(tar, { force: true });
      if (m.platform !== p && !m.platform.startsWith(`${p}/`)) {
        throw new BcError('failed', `the ${p} build holds a ${m.platform} image`, { step: 'build', details: [ref] });
      }
      return { ...m, platform: p };
    }),
  );
  // the engine's own manifests stay as saved (their digests are what was verified); the index we write carries the annotations
  const index = await writeIndex(layout, manifests, annotations);
  built.layout = layout;
  built.digest = index.digest;
  built.platforms = Object.fromEntries(manifests.map((m) => [m.platform, m.digest]));
  built.result = { ...built.result, digest: index.digest, manifests: manifests.map((m) => ({ platform: m.platform, digest: m.digest })), output: 'oci', ociArchive: layout };
}

/**
 * Make every platform of `built` available to the engine for verify, under
 * names derived from `name`; returns what to remove afterwards. Already
 * loaded images (goal load, per-platform builds) are used as they are.
 */
export async function loadImages(built: BuiltImages, name: string, work: string): Promise<string[]> {
  if (Object.keys(built.local).length > 0) return [];
  const layout = built.layout ?? built.result.ociArchive ?? undefined;
  if (!layout) throw new BcError('failed', 'internal error: nothing to load', { step: 'verify' });
  const loaded: string[] = [];
  if (built.strategy.loadAs === 'index') {
    const tar = join(work, 'load.tar');
    await writeLayoutTar(layout, tar);
    const out = await docker(['load', '-i', tar], { step: 'verify: docker load', timeoutMs: 20 * 60_000 });
    await rm(tar, { force: true });
    const ref = /Loaded image:\s*(\S+)/.exec(out.stdout)?.[1] ?? name;
    loaded.push(ref);
    for (const p of Object.keys(built.platforms)) built.local[p] = ref;
    return loaded;
  }
  for (const [p, digest] of Object.entries(built.platforms)) {
    const ref = platformTag(name, p);
    const tar = join(work, `load-${p.replace(/\//g, '-')}.tar`);
    await writeLoadableTar(layout, digest, ref, tar, work);
    await docker(['load', '-i', tar], { step: `verify: docker load ${p}`, timeoutMs: 20 * 60_000 });
    await rm(tar, { force: true });
    built.local[p] = ref;
    loaded.push(ref);
  }
  return loaded;
}
