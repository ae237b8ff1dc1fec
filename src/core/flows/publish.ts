/**
 * publish = resolve → render → lint → build → verify → sbom → push → tag.
 *
 * - resolve is a preflight: registry reachable, credentials accepted, tag
 *   plan computed (every tag valid), signing key / git checked — before the
 *   slow build;
 * - build: whatever the engine (core/strategy.ts), the result is an OCI
 *   layout holding the index and every platform's manifest; the built images
 *   are compared with the published X.Y.Z (immutability, per platform)
 *   before anything else happens;
 * - verify runs every check on every platform of exactly those images;
 * - sbom (when asked) makes a CycloneDX SBOM of each platform image;
 * - push sends them by digest only (no tag), reads the index back and
 *   checks digest and platforms, attaches the SBOMs as OCI referrers of
 *   their platform images, then signs the index;
 * - tag writes the version tag, then aliases and latest — last.
 * A run that stops early (already published, refused, dry run) returns its
 * result as a value; the steps it did not reach are recorded as skipped.
 */
import { rm, stat } from 'node:fs/promises';
import { relative } from 'node:path';
import { badInput } from '../../errors.js';
import { checkInputFile } from '../../fs-util.js';
import { loadConnector } from '../../connector/metadata.js';
import type { Connector } from '../../connector/types.js';
import { signImage } from '../../docker/cosign.js';
import { createAnnotatedTag, headSha, listChangedFiles, pushTag, repoRoot } from '../../git.js';
import { ensureLocalRegistry } from '../../registry/local.js';
import { resolveCredentials, toolAuth } from '../../registry/credentials.js';
import { RegistryClient, registryPreflight } from '../../registry/client.js';
import { newRetryStats, retryPolicy, withRetry, type RetryStats } from '../../registry/retry.js';
import { planTags, type TagPlan } from '../../publish/tag-plan.js';
import { resolveTarget, splitRepository, type ResolvedTarget } from '../../publish/target.js';
import { applyTags, compareImages, indexFactsFromBytes, pushByDigest, readBack, type ApplyContext, type ImageFacts } from '../../publish/apply.js';
import { DEFAULT_GIT_TAG_FORMAT, formatGitTag } from '../../publish/release-plan.js';
import { ATTESTATION_NOTE, type BuildFacts, type PublishResult, type SbomSummary } from '../result.js';
import type { PlatformSbom } from '../../sbom/generate.js';
import type { Generator } from '../../sbom/trivy.js';
import type { PushStats } from '../../publish/push.js';
import { capabilitiesFor, type BuiltImages } from '../images/images.js';
import type { CheckResult } from '../../verify/index.js';
import { Pipeline, StepFailure, done, skip, type StepName } from '../pipeline.js';
import { defaultLog, type FlowHooks, type PublishRequest } from '../request.js';
import { buildFacts, buildKnobs, buildStep, lintStep, renderStep, untag, verifyStep, workDir, StepError } from '../steps.js';

export const PUBLISH_STEPS: readonly StepName[] = ['resolve', 'render', 'lint', 'build', 'verify', 'sbom', 'push', 'tag'];

interface Resolved {
  connector: Connector;
  target: ResolvedTarget;
  client: RegistryClient;
  tagPlan: TagPlan;
  /** the version tag as it is in the registry now */
  existing?: { digest: string; facts: ImageFacts | undefined };
  commit?: string;
  authDir?: string;
  /** --sbom: the generator, found (or installed) before the build */
  generator?: Generator;
  notes: string[];
}

async function resolve(req: PublishRequest, log: (l: string) => void, stats: RetryStats) {
  if (req.retries !== undefined && (!Number.isInteger(req.retries) || req.retries < 1 || req.retries > 20)) throw badInput(`retries must be an integer 1..20, got ${req.retries}`);
  const connector = await loadConnector(req.dir);
  const registry = req.registry === 'local' ? await ensureLocalRegistry(log) : req.registry;
  const target = resolveTarget(connector, { registry, repository: req.repository, target: req.target, version: req.version });
  const commit = req.dev || req.gitTag ? await headSha(connector.dir) : undefined;
  if (req.gitTag) {
    // The git tag must name the commit that was built: refuse a dirty connector directory.
    const root = await repoRoot(connector.dir);
    const rel = relative(root, connector.dir);
    const dirty = (await listChangedFiles(root, 'HEAD', { includeUncommitted: true })).filter((f) => rel === '' || f === rel || f.startsWith(`${rel}/`));
    if (dirty.length > 0) {
      throw badInput(`git tag: ${rel || '.'} has uncommitted changes, so the image would not be the tagged commit`, [
        ...dirty.slice(0, 5).map((f) => `changed: ${f}`),
        'fix: commit (or stash) the changes first',
      ]);
    }
  }
  // the check/discover/read config is checked now, not after the slow build
  if (req.configFile) await checkInputFile(req.configFile, { kind: 'config JSON', fix: 'fix: pass an existing regular file' });
  if (req.signKey) {
    await stat(req.signKey).catch(() => {
      throw badInput(`signing key ${req.signKey}: file not found`);
    });
  }
  // Registry preflight: reachable, credentials accepted (GET /v2/ through the auth flow).
  const creds = await resolveCredentials(target.registry, { username: req.username, password: req.password });
  const client = new RegistryClient(target.registry, { credentials: creds, retry: retryPolicy(req.retries), stats, onRetry: (l) => log(`registry: ${l}`) });
  await registryPreflight(client);
  const tags = await client.listTags(target.repo);
  const tagPlan = planTags({
    repository: target.reference,
    version: target.version,
    versionSource: target.versionSource,
    existingTags: tags,
    aliases: req.aliases,
    latest: req.latest,
    ...(req.dev && commit ? { dev: { sha: commit } } : {}),
  });
  const versionTag = tagPlan.tags[0]?.tag ?? target.version;
  let existing: Resolved['existing'];
  if (tags.includes(versionTag)) {
    const m = await client.getManifest(target.repo, versionTag);
    if (m) existing = { digest: m.digest, facts: indexFactsFromBytes(m.digest, m.bytes) };
  }
  // the SBOM generator is found (installed on first use) now, not after the slow build
  const generator = req.sbom ? await (await import('../../sbom/trivy.js')).locateGenerator({ log }) : undefined;
  const authDir = req.signKey ? (await toolAuth(target.registry, creds))?.dir : undefined;
  const r: Resolved = { connector, target, client, tagPlan, notes: [...target.notes], ...(existing ? { existing } : {}), ...(commit ? { commit } : {}), ...(authDir ? { authDir } : {}), ...(generator ? { generator } : {}) };
  return done(
    r,
    `${target.reference}:${versionTag}; ${tags.length} tags in the repository${existing ? `; ${versionTag} exists (${existing.digest.slice(0, 19)})` : ''}${creds ? `; credentials from ${creds.source}` : ''}${generator ? `; SBOM generator ${generator.source === 'installed' ? 'installed' : 'found'}` : ''}`,
  );
}

type Immutability = { kind: 'new' } | { kind: 'same'; how: 'index digest' | 'platform images'; pending: string[] } | { kind: 'changed'; why: string };

async function immutability(r: Resolved, built: ImageFacts): Promise<Immutability> {
  if (!r.existing) return { kind: 'new' };
  const same = compareImages(r.existing.facts, r.existing.digest, built);
  if (!same.same) return { kind: 'changed', why: same.why };
  // A publish killed between the version tag and the moving tags left those behind.
  const pending: string[] = [];
  for (const t of r.tagPlan.tags.slice(1)) if ((await r.client.headManifest(r.target.repo, t.tag))?.digest !== r.existing.digest) pending.push(t.tag);
  return { kind: 'same', how: same.how, pending };
}

/** What the sbom and push steps need to describe and attach the SBOMs of some platform images. */
interface SbomJob {
  r: Resolved;
  generator: Generator;
  layout: string;
  work: string;
  created: string;
  log: (line: string) => void;
}

/** One CycloneDX SBOM per platform image (platform → manifest digest). */
async function makeSboms(j: SbomJob, platforms: Record<string, string>): Promise<{ sboms: PlatformSbom[]; summary: SbomSummary }> {
  const { generateSboms } = await import('../../sbom/generate.js');
  const sboms = await generateSboms({
    generator: j.generator,
    layout: j.layout,
    platforms,
    work: j.work,
    repository: j.r.target.reference,
    version: j.r.tagPlan.version,
    created: j.created,
    ...(j.r.connector.license ? { license: j.r.connector.license } : {}),
    log: j.log,
  });
  const summary: SbomSummary = {
    format: 'CycloneDX',
    generator: j.generator.name,
    platforms: Object.fromEntries(sboms.map((x) => [x.platform, { components: x.facts.components, ecosystems: x.facts.ecosystems, bytes: x.bytes.length }])),
  };
  return { sboms, summary };
}

/** Attach each SBOM to its platform image (an OCI referrer); the summary learns each referrer. Returns "PLATFORM (how)" lines. */
async function attachSboms(j: SbomJob, sboms: readonly PlatformSbom[], summary: SbomSummary | undefined): Promise<string[]> {
  const { attachReferrer } = await import('../../sbom/referrers.js');
  const { SBOM_FORMAT } = await import('../../sbom/generate.js');
  const attached: string[] = [];
  for (const x of sboms) {
    const a = await attachReferrer(j.r.client, j.r.target.repo, x.subject, {
      artifactType: SBOM_FORMAT.mediaType,
      bytes: x.bytes,
      title: `sbom-${x.platform.replace(/\//g, '-')}.cdx.json`,
      annotations: { 'org.opencontainers.image.created': j.created },
    });
    const entry = summary?.platforms[x.platform];
    if (entry) entry.referrer = { ...a, ref: `${j.r.target.reference}@${a.digest}` };
    attached.push(`${x.platform} (${a.via})`);
  }
  return attached;
}

/** The platform images (of `platforms`) that no CycloneDX SBOM refers to yet. */
async function withoutSbom(r: Resolved, platforms: Record<string, string>): Promise<Record<string, string>> {
  const { findReferrers } = await import('../../sbom/referrers.js');
  const { CYCLONEDX_MEDIA_TYPE } = await import('../../sbom/cyclonedx.js');
  const missing: Record<string, string> = {};
  for (const [p, d] of Object.entries(platforms)) if ((await findReferrers(r.client, r.target.repo, d, CYCLONEDX_MEDIA_TYPE)).length === 0) missing[p] = d;
  return missing;
}

export async function runPublish(req: PublishRequest, hooks: FlowHooks = {}): Promise<PublishResult> {
  const log = hooks.log ?? defaultLog;
  const stats = newRetryStats();
  const run = new Pipeline(PUBLISH_STEPS, hooks);
  const notes: string[] = [];
  let resolved: Resolved | undefined;
  let facts: BuildFacts | undefined;
  let checks: CheckResult[] | undefined;
  let image: { labels: Record<string, string>; annotations: string[] } | undefined;
  let sbom: SbomSummary | undefined;
  const common = () => ({
    dir: resolved?.connector.dir ?? req.dir,
    repository: resolved?.target.reference ?? '',
    version: resolved?.tagPlan.version ?? resolved?.target.version ?? '',
    steps: run.records,
    durations: run.durations(),
    notes,
    faults: { total: stats.total, byReason: stats.retried },
    ...(facts ? { build: facts } : {}),
    ...(checks ? { checks } : {}),
    ...(image ?? {}),
    ...(sbom ? { sbom } : {}),
  });
  // the builder's capabilities are probed while render and lint work
  void capabilitiesFor(req.builder);
  const work = await workDir('bc-publish-');
  try {
    const r = await run.step('resolve', () => resolve(req, log, stats));
    resolved = r;
    notes.push(...r.notes);
    const versionTag = r.tagPlan.tags[0]?.tag ?? r.target.version;
    const { plan, epoch } = await run.step('render', () => renderStep(r.connector.dir, { baseImage: req.baseImage, platforms: req.platforms, sourceDateEpoch: req.sourceDateEpoch }));
    image = { labels: plan.labels, annotations: plan.annotations ?? [] };
    const warnings = await run.step('lint', () => lintStep(plan, req.buildArgs));
    if (warnings.length > 0) hooks.onLintFindings?.(warnings);
    const localName = `build-connector-publish/${r.connector.dirName}:${process.pid}-${Date.now().toString(36)}`.toLowerCase();

    // build, then immutability: the version tag may only ever point at one image
    let verdict = { kind: 'new' } as Immutability;
    const built = await run.step('build', async () => {
      const out = await buildStep(plan, {
        platforms: plan.platforms,
        goal: 'push',
        work: work.path,
        tags: [localName],
        ...buildKnobs(plan, req),
        progress: 'plain',
        write: (text) => {
          for (const line of text.split('\n')) if (line.trim() !== '') log(line);
        },
        sourceDateEpochResolved: Promise.resolve(epoch),
      });
      const b = out.value;
      facts = buildFacts(b);
      if (!b.strategy.reproducible) notes.push(`digests are not reproducible with this builder (${b.strategy.kind} build on ${b.strategy.driver}); re-publishing unchanged code from another machine will be refused as "changed"`);
      verdict = await immutability(r, { digest: b.digest, platforms: b.platforms, attestations: b.attestations });
      return out;
    });
    const builtFacts: ImageFacts = { digest: built.digest, platforms: built.platforms, attestations: built.attestations };
    // per-platform builds loaded their images under run-unique tags: untag them once verified (layers stay cached)
    const cleanupLocal = () => untag(built.strategy.pushFrom === 'saved-images' ? built.result.tags : []);

    const created = new Date(epoch.value * 1000).toISOString();
    const sbomJob = (): SbomJob | undefined =>
      r.generator && built.layout ? { r, generator: r.generator, layout: built.layout, work: work.path, created, log } : undefined;

    let resume = false;
    if (verdict.kind === 'same') {
      const existing = r.existing?.digest ?? built.digest;
      if (verdict.how === 'platform images') notes.push('the per-platform images are identical; only the provenance record differs (it records the build id)');
      if (verdict.pending.length === 0) {
        await cleanupLocal();
        // --sbom on a version published without one: the same platform images, so their SBOMs are added now
        const job = sbomJob();
        const missing = job && !req.dryRun ? await withoutSbom(r, built.platforms) : {};
        if (job && Object.keys(missing).length > 0) {
          await run.step('verify', async () => skip(undefined, `same images as the published ${r.tagPlan.version}, verified when it was published`));
          const made = await run.step('sbom', async () => {
            const m = await makeSboms(job, missing);
            return done(m, `CycloneDX by ${job.generator.name} for the published images: ${m.sboms.map((x) => `${x.platform} ${x.facts.components} components`).join(', ')}`);
          });
          sbom = made.summary;
          await run.step('push', async () => done(undefined, `SBOM attached to ${(await attachSboms(job, made.sboms, sbom)).join(', ')}; the images were already there`));
          notes.push(`${versionTag} had no SBOM for ${Object.keys(missing).join(', ')}: attached now`);
        } else if (job) notes.push(`the published images already have their SBOMs${req.dryRun ? ' (or a real run would add them)' : ''}`);
        run.finish(`already published as ${existing}`);
        return { ...common(), result: 'already-published', digest: existing, sameBy: verdict.how, builtDigest: built.digest };
      }
      resume = true;
      notes.push(`resumed an interrupted publish: ${versionTag} already is ${existing}; finishing ${verdict.pending.join(', ')}`);
    }
    let forced = false;
    if (verdict.kind === 'changed') {
      const existing = r.existing?.digest ?? '';
      const reason = `version ${versionTag} already published as ${existing}; bump dockerImageTag or force the overwrite`;
      if (!req.force) {
        if (req.dryRun) notes.push(`a real run would be refused: ${reason}`);
        else {
          await cleanupLocal();
          run.finish('refused');
          return { ...common(), result: 'refused', reason, existingDigest: existing, builtDigest: built.digest };
        }
      } else {
        forced = true;
        log('');
        log(`!!! force: ${r.target.reference}:${versionTag} (${existing}) WILL BE OVERWRITTEN with ${built.digest} (${verdict.why}) !!!`);
        log('');
        notes.push(`forced: ${versionTag} was ${existing} (${verdict.why})`);
      }
    }

    const ctx: ApplyContext = { client: r.client, registry: r.target.registry, repo: r.target.repo, retry: retryPolicy(req.retries), stats, log };
    const published = resume && r.existing?.facts ? r.existing.facts : builtFacts;
    try {
      await run.step('verify', async () => {
        if (resume) return skip(undefined, `same images as the published ${r.tagPlan.version}, verified when it was published`);
        const out = await verifyStep(plan, built, { configFile: req.configFile, name: localName, work: work.path, onProgress: log }).catch((err: unknown) => {
          if (err instanceof StepError && err.report) hooks.onVerifyReport?.(err.report);
          throw err;
        });
        checks = out.value.checks;
        hooks.onVerifyReport?.(out.value);
        return out;
      });
    } finally {
      await cleanupLocal();
    }
    let sboms: PlatformSbom[] = [];
    await run.step('sbom', async () => {
      if (!r.generator) return skip(undefined, 'not asked (--sbom)');
      if (resume) return skip(undefined, 'attached when these images were first pushed');
      const job = sbomJob();
      if (!job) throw new StepError('failed', 'internal error: the build left no layout to describe', { step: 'sbom' });
      const m = await makeSboms(job, built.platforms);
      sboms = m.sboms;
      sbom = m.summary;
      return done(undefined, `CycloneDX by ${job.generator.name}: ${sboms.map((x) => `${x.platform} ${x.facts.components} components`).join(', ')}`);
    });

    if (req.dryRun) {
      run.finish('dry run');
      const wouldBe = verdict.kind === 'changed' && !forced ? 'refused' : 'published';
      return { ...common(), result: 'dry-run', digest: built.digest, platforms: Object.keys(built.platforms), platformDigests: built.platforms, plan: r.tagPlan, wouldBe };
    }

    let pushStats: PushStats = { blobsUploaded: 0, blobsMounted: 0, blobsPresent: 0, bytesUploaded: 0, manifestsWritten: 0, manifestsPresent: 0 };
    let signed = false;
    await run.step('push', async () => {
      if (resume) return skip(undefined, `already in the registry as ${published.digest}`);
      const layout = built.layout;
      if (!layout) throw new StepError('failed', 'internal error: the build left nothing to push', { step: 'push' });
      const base = splitRepository(plan.baseImage.split('@')[0]?.replace(/:[^/]*$/, '') ?? '');
      const mountFrom = base.registry === r.target.registry ? [base.path] : [];
      pushStats = await pushByDigest(ctx, layout, built.digest, mountFrom);
      await readBack(ctx, builtFacts, plan.platforms);
      const job = sbomJob();
      const attached = job && sboms.length > 0 ? await attachSboms(job, sboms, sbom) : [];
      if (req.signKey) {
        const ref = `${r.target.reference}@${built.digest}`;
        const key = req.signKey;
        await withRetry(() => signImage({ ref, keyFile: key, ...(r.authDir ? { dockerConfigDir: r.authDir } : {}) }), {
          what: `sign ${ref}`,
          policy: ctx.retry,
          stats,
          onRetry: ({ attempt, fault, delayMs }) => log(`sign: ${fault.reason}, retry ${attempt} in ${(delayMs / 1000).toFixed(1)} s`),
        });
        signed = true;
      }
      const p = pushStats;
      return done(undefined, `pushed by digest (${p.blobsUploaded} uploaded, ${p.blobsMounted} mounted, ${p.blobsPresent} present; ${p.manifestsWritten} manifests); read back: digest and ${plan.platforms.length} platforms match${attached.length ? `; SBOM attached to ${attached.join(', ')}` : ''}${signed ? '; signed' : ''}`);
    });

    let gitTag: { name: string; created: boolean; pushed: boolean } | undefined;
    const tags = await run.step('tag', async () => {
      const manifest = await readBack(ctx, published, plan.platforms);
      const outcome = await applyTags(ctx, r.tagPlan, manifest);
      if (req.gitTag && r.commit) {
        const name = formatGitTag(req.gitTagFormat ?? DEFAULT_GIT_TAG_FORMAT, r.connector.dirName, r.tagPlan.version);
        const root = await repoRoot(r.connector.dir);
        const created = await createAnnotatedTag(root, name, `${r.target.reference}:${r.tagPlan.version}\n\n${published.digest}`, { sha: r.commit });
        if (req.pushGitTag) await pushTag(root, name, req.gitRemote ?? 'origin');
        gitTag = { name, created: created === 'created', pushed: req.pushGitTag === true };
      }
      return done(outcome, outcome.map((x) => `${x.tag} ${x.action}`).join(', ') + (gitTag ? `; git tag ${gitTag.name}` : ''));
    });
    if (built.attestations > 0) notes.push(ATTESTATION_NOTE);
    return {
      ...common(),
      result: 'published',
      digest: published.digest,
      platforms: Object.keys(published.platforms),
      platformDigests: published.platforms,
      attestations: published.attestations,
      tags: tags.map((t) => ({ ...t, ref: `${r.target.reference}:${t.tag}` })),
      skippedTags: r.tagPlan.skipped,
      push: pushStats,
      signed,
      ...(gitTag ? { gitTag } : {}),
      forced,
    };
  } catch (err) {
    if (!(err instanceof StepFailure)) throw err;
    const e = err.error;
    const failure = run.failed(err);
    return {
      ...common(),
      ...failure,
      ...(e instanceof StepError ? { findings: e.findings, ...(e.checks.length > 0 ? { checks: e.checks } : {}) } : {}),
    };
  } finally {
    await work.remove();
    if (resolved?.authDir) await rm(resolved.authDir, { recursive: true, force: true });
  }
}
