/**
 * publish = resolve → render → lint → build → verify → sbom → push → tag.
 *
 * - resolve is a preflight (publish-resolve.ts): registry reachable,
 *   credentials accepted, tag plan computed (every tag valid), signing key /
 *   git checked — before the slow build;
 * - build first keys the build inputs (publish/input-key.ts). When the
 *   version tag already holds an index recording that key, nothing is built:
 *   the step is skipped ("unchanged: …"), verify is not re-run (a publish
 *   pushes only images that passed verify, so the key in a published index
 *   vouches for a verify of those images), and nothing is pushed.
 *   Otherwise, whatever the engine (core/strategy.ts), the result is an OCI
 *   layout holding the index (annotated with the key) and every platform's
 *   manifest; the built images are compared with the published X.Y.Z
 *   (immutability, per platform) before anything else happens;
 * - verify runs every check on every platform of exactly those images;
 * - sbom (when asked) makes a CycloneDX SBOM of each platform image;
 * - push sends them by digest only (no tag), reads the index back and
 *   checks digest and platforms, attaches the SBOMs as OCI referrers of
 *   their platform images, then signs the index;
 * - tag writes the version tag, then aliases and latest — last.
 * A run that stops early (already published, refused, dry run) returns its
 * result as a value; the steps it did not reach are recorded as skipped.
 * runPublish reads as that list: one function per step below it.
 */
import { rm } from 'node:fs/promises';
import { toBcError } from '../../errors.js';
import { signImage } from '../../docker/cosign.js';
import { createAnnotatedTag, pushTag, repoRoot } from '../../git.js';
import { newRetryStats, retryPolicy, withRetry, type RetryStats } from '../../registry/retry.js';
import { splitRepository } from '../../publish/target.js';
import { applyTags, pushByDigest, readBack, type ApplyContext, type ImageFacts, type TagOutcome } from '../../publish/apply.js';
import { formatGitTag } from '../../publish/release-plan.js';
import { INPUTS_ANNOTATION, inputKey, type InputKey } from '../../publish/input-key.js';
import { ATTESTATION_NOTE, type AlreadyPublished, type BuildFacts, type PublishResult, type Refused, type SbomSummary } from '../result.js';
import type { PlatformSbom } from '../../sbom/generate.js';
import type { PushStats } from '../../publish/push.js';
import type { BuildPlan } from '../../render/types.js';
import { capabilitiesFor, type BuiltImages } from '../images/images.js';
import type { VerifyReport } from '../../verify/index.js';
import { Pipeline, StepFailure, done, skip, type StepName, type StepOutcome } from '../pipeline.js';
import { defaultLog, type FlowHooks, type PublishRequest } from '../request.js';
import { buildFacts, buildKnobs, buildStep, lintStep, renderStep, untag, verifyStep, workDir, StepError, type Rendered } from '../steps.js';
import { immutability, pendingTags, publishable, resolve, type Immutability, type Resolved } from './publish-resolve.js';
import { attachSboms, makeSboms, withoutSbom, type SbomJob } from './publish-sbom.js';

const PUBLISH_STEPS: readonly StepName[] = ['resolve', 'render', 'lint', 'build', 'verify', 'sbom', 'push', 'tag'];

/** What every step after render reads. */
interface Run {
  req: PublishRequest;
  hooks: FlowHooks;
  log: (line: string) => void;
  stats: RetryStats;
  pipeline: Pipeline;
  work: string;
  r: Resolved;
  versionTag: string;
  plan: BuildPlan;
  epoch: Rendered['epoch'];
  /** the run-unique name the build loads its images under */
  localName: string;
  ctx: ApplyContext;
}

/** What the steps hand the result: filled in as they run. */
interface Acc {
  notes: string[];
  facts?: BuildFacts;
  /** the verify report, once verify ran (also behind a verify failure) */
  report?: VerifyReport;
  image?: { labels: Record<string, string>; annotations: string[] };
  sbom?: SbomSummary;
  sboms: PlatformSbom[];
  push: PushStats;
  signed: boolean;
  gitTag?: { name: string; created: boolean; pushed: boolean };
}

/** The build step's answer: the images it built and how they compare with the version tag, or the published ones, unchanged. */
type Built = { kind: 'built'; built: BuiltImages; facts: ImageFacts; verdict: Immutability } | { kind: 'unchanged'; facts: ImageFacts; pending: string[] };

/** After the build: what verify, sbom, push and tag work on. */
interface Go {
  /** the images the tags will point at */
  published: ImageFacts;
  /** the version tag already holds them: only the moving tags are left to write */
  resume: boolean;
  forced: boolean;
  built?: BuiltImages;
  wouldBe: 'published' | 'refused';
}

const NO_PUSH: PushStats = { blobsUploaded: 0, blobsMounted: 0, blobsPresent: 0, bytesUploaded: 0, manifestsWritten: 0, manifestsPresent: 0 };

export async function runPublish(req: PublishRequest, hooks: FlowHooks = {}): Promise<PublishResult> {
  const log = hooks.log ?? defaultLog;
  const stats = newRetryStats();
  const pipeline = new Pipeline(PUBLISH_STEPS, hooks);
  const acc: Acc = { notes: [], sboms: [], push: NO_PUSH, signed: false };
  let resolved: Resolved | undefined;
  const common = () => ({
    dir: resolved?.connector.dir ?? req.dir,
    repository: resolved?.target.reference ?? '',
    version: resolved?.tagPlan.version ?? resolved?.target.version ?? '',
    steps: pipeline.records,
    durations: pipeline.durations(),
    notes: acc.notes,
    faults: { total: stats.total, byReason: stats.retried },
    ...(acc.facts ? { build: acc.facts } : {}),
    ...(acc.report ? { report: acc.report } : {}),
    ...(acc.image ?? {}),
    ...(acc.sbom ? { sbom: acc.sbom } : {}),
  });
  // the builder's capabilities are probed while render and lint work
  void capabilitiesFor(req.builder);
  const work = await workDir('bc-publish-');
  try {
    const r = await pipeline.step('resolve', () => resolve(req, log, stats));
    resolved = r;
    acc.notes.push(...r.notes);
    const { plan, epoch } = await pipeline.step('render', async () => publishable(await renderStep(r.connector.dir, { baseImage: req.baseImage, platforms: req.platforms, sourceDateEpoch: req.sourceDateEpoch }), req.platforms !== undefined));
    acc.image = { labels: plan.labels, annotations: plan.annotations ?? [] };
    const warnings = await pipeline.step('lint', () => lintStep(plan, req.buildArgs));
    if (warnings.length > 0) hooks.onLintFindings?.(warnings);
    const run: Run = {
      req,
      hooks,
      log,
      stats,
      pipeline,
      work: work.path,
      r,
      versionTag: r.tagPlan.tags[0]?.tag ?? r.target.version,
      plan,
      epoch,
      localName: `build-connector-publish/${r.connector.dirName}:${process.pid}-${Date.now().toString(36)}`.toLowerCase(),
      ctx: { client: r.client, registry: r.target.registry, repo: r.target.repo, retry: retryPolicy(req.retries), stats, log },
    };

    const b = await pipeline.step('build', () => build(run, acc));
    const go = await decide(run, acc, b);
    if (go.kind === 'stop') return { ...common(), ...go.result };
    await verify(run, acc, go);
    await pipeline.step('sbom', () => sbom(run, acc, go));
    if (req.dryRun) {
      pipeline.finish('dry run');
      const { digest, platforms } = go.built ?? go.published;
      return { ...common(), result: 'dry-run', digest, platforms: Object.keys(platforms), platformDigests: platforms, plan: r.tagPlan, wouldBe: go.wouldBe };
    }
    await pipeline.step('push', () => push(run, acc, go));
    const tags = await pipeline.step('tag', () => tag(run, acc, go));
    if ((go.built?.attestations ?? 0) > 0) acc.notes.push(ATTESTATION_NOTE);
    const p = go.published;
    return {
      ...common(),
      result: 'published',
      digest: p.digest,
      platforms: Object.keys(p.platforms),
      platformDigests: p.platforms,
      attestations: p.attestations,
      tags: tags.map((t) => ({ ...t, ref: `${r.target.reference}:${t.tag}` })),
      skippedTags: r.tagPlan.skipped,
      push: acc.push,
      signed: acc.signed,
      ...(acc.gitTag ? { gitTag: acc.gitTag } : {}),
      forced: go.forced,
    };
  } catch (err) {
    if (!(err instanceof StepFailure)) throw err;
    const e = err.error;
    const failure = pipeline.failed(err);
    return {
      ...common(),
      ...failure,
      ...(e instanceof StepError ? { findings: e.findings } : {}),
    };
  } finally {
    await work.remove();
    if (resolved?.authDir) await rm(resolved.authDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- build

/** Key the inputs; answer "unchanged" when the version tag records the same key, else build (the index records the key). */
async function build(run: Run, acc: Acc): Promise<StepOutcome<Built>> {
  const { req, r, plan, epoch, log } = run;
  const knobs = buildKnobs(plan, req);
  const key: InputKey = await inputKey({ plan, buildArgs: knobs.buildArgs ?? {}, provenance: String(knobs.provenance), epoch: epoch.value }).catch((err: unknown) => ({ key: undefined, why: toBcError(err).message }));
  const unchanged = await unchangedImages(run, key);
  if (unchanged) return skip(unchanged, `unchanged: ${r.target.reference}:${run.versionTag} already holds ${unchanged.facts.digest}, built from the same inputs (${key.key}); nothing rebuilt`);
  if (key.key === undefined) log(`build inputs not keyed (${key.why}): a re-publish of this version will rebuild`);
  const annotated: BuildPlan = key.key ? { ...plan, annotations: [...(plan.annotations ?? []), `index:${INPUTS_ANNOTATION}=${key.key}`] } : plan;
  const out = await buildStep(annotated, {
    platforms: plan.platforms,
    goal: 'push',
    work: run.work,
    tags: [run.localName],
    ...knobs,
    progress: 'plain',
    write: (text) => {
      for (const line of text.split('\n')) if (line.trim() !== '') log(line);
    },
    sourceDateEpochResolved: Promise.resolve(epoch),
  });
  const b = out.value;
  acc.facts = buildFacts(b);
  if (!b.strategy.reproducible) acc.notes.push(`digests are not reproducible with this builder (${b.strategy.kind} build on ${b.strategy.driver}); re-publishing unchanged code from another machine will be refused as "changed"`);
  const facts: ImageFacts = { digest: b.digest, platforms: b.platforms, attestations: b.attestations };
  // immutability: the version tag may only ever point at one image
  const verdict = await immutability(r, facts);
  return done({ kind: 'built', built: b, facts, verdict }, out.status === 'done' ? out.summary : out.reason);
}

/** The published images, when the version tag's index records this build's input key (and nothing forces a build). */
async function unchangedImages(run: Run, key: InputKey): Promise<Extract<Built, { kind: 'unchanged' }> | undefined> {
  const { req, r, plan } = run;
  const facts = r.existing?.facts;
  if (!key.key || !facts || req.noCache || req.force) return undefined;
  if (facts.annotations?.[INPUTS_ANNOTATION] !== key.key || plan.platforms.some((p) => !facts.platforms[p])) return undefined;
  // --sbom on a version published without one: build, so the SBOMs are made from the images
  if (r.generator && !req.dryRun && Object.keys(await withoutSbom(r, facts.platforms)).length > 0) return undefined;
  return { kind: 'unchanged', facts, pending: await pendingTags(r, facts.digest) };
}

// ---------------------------------------------------------------- decide

type Decision = ({ kind: 'go' } & Go) | { kind: 'stop'; result: StopResult };
/** what runPublish's common() adds to every result */
type CommonKey = 'dir' | 'repository' | 'version' | 'steps' | 'durations' | 'notes' | 'faults';
type StopResult = Omit<AlreadyPublished, CommonKey> | Omit<Refused, CommonKey>;

const verifiedOnce = (r: Resolved) => `same images as the published ${r.tagPlan.version}, verified when it was published`;
const cleanupLocal = (built: BuiltImages | undefined) => untag(built?.strategy.pushFrom === 'saved-images' ? built.result.tags : []);

function alreadyPublished(r: Resolved, facts: ImageFacts, sameBy: 'index digest' | 'platform images' | 'build inputs', builtDigest: string): StopResult {
  const tags = r.tagPlan.tags.map((t): TagOutcome & { ref: string } => ({ tag: t.tag, action: 'unchanged', ref: `${r.target.reference}:${t.tag}` }));
  return { result: 'already-published', digest: facts.digest, sameBy, builtDigest, platforms: Object.keys(facts.platforms), platformDigests: facts.platforms, tags };
}

/** Already published (stop), refused (stop), resumed, forced or new (go). */
async function decide(run: Run, acc: Acc, b: Built): Promise<Decision> {
  const { req, r, pipeline, versionTag, log } = run;
  if (b.kind === 'unchanged') {
    if (b.pending.length === 0) {
      await pipeline.step('verify', async () => skip(undefined, `not re-run: ${verifiedOnce(r)} (a publish pushes only verified images, and the index records their build inputs)`));
      if (r.generator) acc.notes.push(`the published images already have their SBOMs${req.dryRun ? ' (or a real run would add them)' : ''}`);
      pipeline.finish(`already published as ${b.facts.digest}`);
      return { kind: 'stop', result: alreadyPublished(r, b.facts, 'build inputs', b.facts.digest) };
    }
    acc.notes.push(`resumed an interrupted publish: ${versionTag} already is ${b.facts.digest}; finishing ${b.pending.join(', ')}`);
    return { kind: 'go', published: b.facts, resume: true, forced: false, wouldBe: 'published' };
  }
  const { built, facts, verdict } = b;
  if (verdict.kind === 'same') {
    const existing = r.existing?.facts ?? facts;
    if (verdict.how === 'platform images') acc.notes.push('the per-platform images are identical; only the provenance record differs (it records the build id)');
    if (verdict.pending.length === 0) {
      await cleanupLocal(built);
      await sbomsForPublished(run, acc, built);
      pipeline.finish(`already published as ${existing.digest}`);
      return { kind: 'stop', result: alreadyPublished(r, existing, verdict.how, built.digest) };
    }
    acc.notes.push(`resumed an interrupted publish: ${versionTag} already is ${existing.digest}; finishing ${verdict.pending.join(', ')}`);
    return { kind: 'go', published: existing, resume: true, forced: false, built, wouldBe: 'published' };
  }
  if (verdict.kind === 'changed') {
    const existing = r.existing?.digest ?? '';
    const reason = `version ${versionTag} already published as ${existing}; bump dockerImageTag or force the overwrite`;
    if (!req.force) {
      if (req.dryRun) {
        acc.notes.push(`a real run would be refused: ${reason}`);
        return { kind: 'go', published: facts, resume: false, forced: false, built, wouldBe: 'refused' };
      }
      await cleanupLocal(built);
      pipeline.finish('refused');
      return { kind: 'stop', result: { result: 'refused', reason, existingDigest: existing, builtDigest: built.digest } };
    }
    log('');
    log(`!!! force: ${r.target.reference}:${versionTag} (${existing}) WILL BE OVERWRITTEN with ${built.digest} (${verdict.why}) !!!`);
    log('');
    acc.notes.push(`forced: ${versionTag} was ${existing} (${verdict.why})`);
    return { kind: 'go', published: facts, resume: false, forced: true, built, wouldBe: 'published' };
  }
  return { kind: 'go', published: facts, resume: false, forced: false, built, wouldBe: 'published' };
}

/** The SBOM job of what this run built (needs its layout), when --sbom. */
function sbomJob(run: Run, built: BuiltImages | undefined): SbomJob | undefined {
  const { r } = run;
  const created = new Date(run.epoch.value * 1000).toISOString();
  return r.generator && built?.layout ? { r, generator: r.generator, layout: built.layout, work: run.work, created, log: run.log } : undefined;
}

/** --sbom on a version published without one: the same platform images, so their SBOMs are added now. */
async function sbomsForPublished(run: Run, acc: Acc, built: BuiltImages): Promise<void> {
  const { req, r, pipeline, versionTag } = run;
  const job = sbomJob(run, built);
  if (!job) return;
  const missing = req.dryRun ? {} : await withoutSbom(r, built.platforms);
  if (Object.keys(missing).length === 0) {
    acc.notes.push(`the published images already have their SBOMs${req.dryRun ? ' (or a real run would add them)' : ''}`);
    return;
  }
  await pipeline.step('verify', async () => skip(undefined, verifiedOnce(r)));
  const made = await pipeline.step('sbom', async () => {
    const m = await makeSboms(job, missing);
    return done(m, `CycloneDX by ${job.generator.name} for the published images: ${m.sboms.map((x) => `${x.platform} ${x.facts.components} components`).join(', ')}`);
  });
  acc.sbom = made.summary;
  await pipeline.step('push', async () => done(undefined, `SBOM attached to ${(await attachSboms(job, made.sboms, acc.sbom)).join(', ')}; the images were already there`));
  acc.notes.push(`${versionTag} had no SBOM for ${Object.keys(missing).join(', ')}: attached now`);
}

// ---------------------------------------------------------------- verify, sbom

async function verify(run: Run, acc: Acc, go: Go): Promise<void> {
  const { req, r, plan } = run;
  try {
    await run.pipeline.step('verify', async () => {
      if (go.resume || !go.built) return skip(undefined, verifiedOnce(r));
      const out = await verifyStep(plan, go.built, { configFile: req.configFile, timeoutSeconds: req.timeoutSeconds, name: run.localName, work: run.work, onProgress: run.log }).catch((err: unknown) => {
        // a failed check: the result carries the whole report too
        if (err instanceof StepError && err.report) acc.report = err.report;
        throw err;
      });
      acc.report = out.value;
      return out;
    });
  } finally {
    // per-platform builds loaded their images under run-unique tags: untag them once verified (layers stay cached)
    await cleanupLocal(go.built);
  }
}

async function sbom(run: Run, acc: Acc, go: Go): Promise<StepOutcome<void>> {
  if (!run.r.generator) return skip(undefined, 'not asked (--sbom)');
  if (go.resume) return skip(undefined, 'attached when these images were first pushed');
  const job = sbomJob(run, go.built);
  if (!job || !go.built) throw new StepError('failed', 'internal error: the build left no layout to describe', { step: 'sbom' });
  const m = await makeSboms(job, go.built.platforms);
  acc.sboms = m.sboms;
  acc.sbom = m.summary;
  return done(undefined, `CycloneDX by ${job.generator.name}: ${m.sboms.map((x) => `${x.platform} ${x.facts.components} components`).join(', ')}`);
}

// ---------------------------------------------------------------- push, tag

async function push(run: Run, acc: Acc, go: Go): Promise<StepOutcome<void>> {
  const { req, r, plan, ctx } = run;
  if (go.resume) return skip(undefined, `already in the registry as ${go.published.digest}`);
  const built = go.built;
  const layout = built?.layout;
  if (!built || !layout) throw new StepError('failed', 'internal error: the build left nothing to push', { step: 'push' });
  const base = splitRepository(plan.baseImage.split('@')[0]?.replace(/:[^/]*$/, '') ?? '');
  const mountFrom = base.registry === r.target.registry ? [base.path] : [];
  acc.push = await pushByDigest(ctx, layout, built.digest, mountFrom);
  await readBack(ctx, go.published, plan.platforms);
  const job = sbomJob(run, built);
  const attached = job && acc.sboms.length > 0 ? await attachSboms(job, acc.sboms, acc.sbom) : [];
  if (req.signKey) {
    const ref = `${r.target.reference}@${built.digest}`;
    const key = req.signKey;
    await withRetry(() => signImage({ ref, keyFile: key, ...(r.authDir ? { dockerConfigDir: r.authDir } : {}) }), {
      what: `sign ${ref}`,
      policy: ctx.retry,
      stats: run.stats,
      onRetry: ({ attempt, fault, delayMs }) => run.log(`sign: ${fault.reason}, retry ${attempt} in ${(delayMs / 1000).toFixed(1)} s`),
    });
    acc.signed = true;
  }
  const p = acc.push;
  return done(undefined, `pushed by digest (${p.blobsUploaded} uploaded, ${p.blobsMounted} mounted, ${p.blobsPresent} present; ${p.manifestsWritten} manifests); read back: digest and ${plan.platforms.length} platforms match${attached.length ? `; SBOM attached to ${attached.join(', ')}` : ''}${acc.signed ? '; signed' : ''}`);
}

async function tag(run: Run, acc: Acc, go: Go): Promise<StepOutcome<TagOutcome[]>> {
  const { req, r, plan, ctx } = run;
  const manifest = await readBack(ctx, go.published, plan.platforms);
  const outcome = await applyTags(ctx, r.tagPlan, manifest);
  if (req.gitTag && r.commit) {
    const name = formatGitTag(req.gitTagFormat, r.connector.dirName, r.tagPlan.version);
    const root = await repoRoot(r.connector.dir);
    const created = await createAnnotatedTag(root, name, `${r.target.reference}:${r.tagPlan.version}\n\n${go.published.digest}`, { sha: r.commit });
    if (req.pushGitTag) await pushTag(root, name, req.gitRemote ?? 'origin');
    acc.gitTag = { name, created: created === 'created', pushed: req.pushGitTag === true };
  }
  return done(outcome, outcome.map((x) => `${x.tag} ${x.action}`).join(', ') + (acc.gitTag ? `; git tag ${acc.gitTag.name}` : ''));
}
