/**
 * The steps of the publish pipeline (src/pipeline.ts runs them in order).
 * Each returns what it did (a line for the summary) or `{ skip: reason }`;
 * a step ends the run early, without failing, by throwing `Stop` with the
 * result (already published, refused, dry run).
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { loadConnector } from '../connector/metadata.js';
import type { Connector } from '../connector/types.js';
import { resolvePlan } from '../render/plan.js';
import type { BuildPlan } from '../render/types.js';
import { lintDockerfile } from '../lint/lint.js';
import { buildOciArchive, formatFindings } from '../build/build.js';
import { writeLayoutTar } from '../build/oci-archive.js';
import type { BuildResult } from '../build/result.js';
import { verifyImage } from '../verify/index.js';
import { connectorVerifyDefaults } from '../verify/defaults.js';
import { docker } from '../docker/cli.js';
import { signImage } from '../docker/cosign.js';
import { createAnnotatedTag, headSha, listChangedFiles, pushTag, repoRoot } from '../git.js';
import { BcError, badInput, envMissing, toBcError } from '../errors.js';
import { onCleanup } from '../cleanup.js';
import { ensureLocalRegistry } from './local-registry.js';
import { privateAuthFile, resolveCredentials, type Credentials } from './credentials.js';
import { RegistryClient } from './registry-client.js';
import { newRetryStats, retryPolicy, withRetry } from './retry.js';
import { planTags, type TagPlan } from './tag-plan.js';
import { resolveTarget, splitRepository, type ResolvedTarget } from './target.js';
import { applyTags, compareImages, indexFactsFromBytes, pushByDigest, readBack, type ApplyContext, type ImageFacts, type TagOutcome } from './apply.js';
import { DEFAULT_GIT_TAG_FORMAT, formatGitTag } from './release-plan.js';
import type { PublishResult } from './result.js';
import type { PushStats } from './push.js';
import type { PublishHooks, PublishRequest } from '../pipeline.js';

type CommonKeys = 'dir' | 'repository' | 'version' | 'steps' | 'durations' | 'notes' | 'faults';
export type Outcome = PublishResult extends infer R ? (R extends PublishResult ? Omit<R, CommonKeys> : never) : never;

/** Thrown by a step to end the pipeline early with a result that is not a failure. */
export class Stop {
  constructor(readonly result: Outcome) {}
}

export interface State {
  req: PublishRequest;
  log: (line: string) => void;
  hooks: PublishHooks;
  connector?: Connector;
  target?: ResolvedTarget;
  creds?: Credentials;
  client?: RegistryClient;
  tagPlan?: TagPlan;
  /** the version tag as it is in the registry now */
  existing?: { digest: string; facts: ImageFacts | undefined };
  commit?: string;
  plan?: BuildPlan;
  work?: string;
  build?: BuildResult;
  built?: ImageFacts;
  pushStats?: PushStats;
  tags?: TagOutcome[];
  signed: boolean;
  gitTag?: { name: string; created: boolean; pushed: boolean };
  forced: boolean;
  notes: string[];
  authDir?: string;
  stats?: ReturnType<typeof newRetryStats>;
  /** the version is published with these images but moving tags are missing (an interrupted run) */
  resume?: boolean;
}


export async function resolveStep(s: State, policy: ReturnType<typeof retryPolicy>, stats: ReturnType<typeof newRetryStats>): Promise<string> {
  const { req } = s;
  if (req.retries !== undefined && (!Number.isInteger(req.retries) || req.retries < 1 || req.retries > 20)) throw badInput(`--retries must be an integer 1..20, got ${req.retries}`);
  s.connector = await loadConnector(req.dir);
  const registry = req.registry === 'local' ? await ensureLocalRegistry(s.log) : req.registry;
  s.target = resolveTarget(s.connector, { registry, repository: req.repository, target: req.target, version: req.version });
  s.notes.push(...s.target.notes);
  if (req.dev || req.gitTag) {
    s.commit = await headSha(s.connector.dir);
  }
  if (req.gitTag) {
    // The git tag must name the commit that was built: refuse a dirty connector directory.
    const root = await repoRoot(s.connector.dir);
    const rel = relative(root, s.connector.dir);
    const dirty = (await listChangedFiles(root, 'HEAD', { includeUncommitted: true })).filter((f) => rel === '' || f === rel || f.startsWith(`${rel}/`));
    if (dirty.length > 0) {
      throw badInput(`--git-tag: ${rel || '.'} has uncommitted changes, so the image would not be the tagged commit`, [
        ...dirty.slice(0, 5).map((f) => `changed: ${f}`),
        'fix: commit (or stash) the changes first',
      ]);
    }
  }
  if (req.signKey) {
    await stat(req.signKey).catch(() => {
      throw badInput(`--sign-key ${req.signKey}: file not found`);
    });
  }
  // Registry preflight: reachable, credentials accepted (GET /v2/ through the auth flow).
  s.creds = await resolveCredentials(s.target.registry, { username: req.username, passwordStdin: req.password });
  s.client = new RegistryClient(s.target.registry, {
    credentials: s.creds,
    retry: policy,
    stats,
    onRetry: (l) => s.log(`registry: ${l}`),
  });
  try {
    await s.client.ping();
  } catch (err) {
    const e = toBcError(err);
    if (e.kind === 'environment') throw e;
    throw envMissing(`registry ${s.target.registry} is unreachable: ${e.message}`, ['fix: start the registry, check --registry, or use --registry local']);
  }
  const tags = await s.client.listTags(s.target.repo);
  s.tagPlan = planTags({
    repository: s.target.reference,
    version: s.target.version,
    versionSource: s.target.versionSource,
    existingTags: tags,
    aliases: req.aliases,
    latest: req.latest,
    ...(req.dev && s.commit ? { dev: { sha: s.commit } } : {}),
  });
  const versionTag = s.tagPlan.tags[0]!.tag;
  if (tags.includes(versionTag)) {
    const m = await s.client.getManifest(s.target.repo, versionTag);
    if (m) s.existing = { digest: m.digest, facts: indexFactsFromBytes(m.digest, m.bytes) };
  }
  if (s.creds && req.signKey) s.authDir = (await privateAuthFile(s.target.registry, s.creds)).dir;
  return `${s.target.reference}:${versionTag}; ${tags.length} tags in the repository${s.existing ? `; ${versionTag} exists (${s.existing.digest.slice(0, 19)})` : ''}${s.creds ? `; credentials from ${s.creds.source}` : ''}`;
}

export async function renderStep(s: State): Promise<string> {
  s.plan = await resolvePlan(s.connector!.dir, { baseImage: s.req.baseImage, platforms: s.req.platforms });
  return `${s.plan.mode} Dockerfile, base ${s.plan.baseImage}, platforms ${s.plan.platforms.join(', ')}`;
}

export async function lintStep(s: State): Promise<string | { skip: string }> {
  const plan = s.plan!;
  const file = plan.dockerfilePath ?? join(plan.context, 'Dockerfile (rendered)');
  const findings = lintDockerfile(plan.dockerfile, file, { permittedWriteDirs: plan.permittedWriteDirs, dockerignore: plan.dockerignore, buildArgs: s.req.buildArgs });
  if (findings.length > 0) s.hooks.onLintFindings?.(findings);
  const errors = findings.filter((f) => f.severity === 'error' || f.fatal === true);
  if (errors.length > 0) throw new BcError('failed', `lint: ${errors.length} error(s) in ${file}; nothing was built`, { step: 'lint', details: formatFindings(findings) });
  for (const l of formatFindings(findings)) s.log(`warning: ${l}`);
  return `${findings.length} warning(s)`;
}

export async function buildStep(s: State): Promise<string> {
  const { req } = s;
  s.work = await mkdtemp(join(tmpdir(), 'bc-publish-'));
  const work = s.work;
  onCleanup(() => rm(work, { recursive: true, force: true }));
  // A layout directory, not a tarball: a cached build then takes ~2 s instead
  // of ~4.5 s (the tarball goes through the builder session slowly); the tar
  // `docker load` needs is written only when verify runs.
  const archive = join(s.work, 'image.oci');
  s.build = await buildOciArchive(s.plan!, archive, {
    platforms: s.plan!.platforms,
    buildArgs: { ...s.plan!.buildArgs, ...req.buildArgs },
    cacheFrom: req.cacheFrom,
    cacheTo: req.cacheTo,
    provenance: req.provenance ?? 'min',
    // tags inside the archive: what `docker load` names the image for verify
    tags: [verifyRef(s)],
    lint: false,
    progress: 'plain',
    write: (text) => {
      for (const line of text.split('\n')) if (line.trim() !== '') s.log(line);
    },
    ...(req.sourceDateEpoch !== undefined ? { sourceDateEpoch: req.sourceDateEpoch } : {}),
  }, 'dir');
  const b = s.build;
  s.built = {
    digest: b.digest,
    platforms: Object.fromEntries(b.manifests.map((m) => [m.platform, m.digest])),
    attestations: b.attestations ?? 0,
  };
  if (!b.reproducible.manifests) s.notes.push(`digests are not reproducible with this builder: ${b.reproducible.reason}; re-publishing unchanged code will be refused as "changed"`);
  const missing = s.plan!.platforms.filter((p) => !s.built!.platforms[p]);
  if (missing.length > 0) throw new BcError('failed', `the build lacks ${missing.join(', ')}`, { step: 'build' });

  // Immutability: the version tag may only ever point at one image.
  const versionTag = s.tagPlan!.tags[0]!.tag;
  if (s.existing) {
    const same = compareImages(s.existing.facts, s.existing.digest, s.built);
    if (same.same) {
      if (same.how === 'platform images') s.notes.push('the per-platform images are identical; only the provenance record differs (it records the build id)');
      // A publish killed between the version tag and the moving tags left
      // those behind: finish them (no push, no re-verify) instead of stopping.
      const pending: string[] = [];
      for (const t of s.tagPlan!.tags.slice(1)) {
        if ((await s.client!.headManifest(s.target!.repo, t.tag))?.digest !== s.existing.digest) pending.push(t.tag);
      }
      if (pending.length === 0) throw new Stop({ result: 'already-published', digest: s.existing.digest, sameBy: same.how, builtDigest: b.digest });
      s.resume = true;
      s.built = s.existing.facts ?? s.built;
      s.notes.push(`resumed an interrupted publish: ${versionTag} already is ${s.existing.digest}; finishing ${pending.join(', ')}`);
      return `same images as the published ${versionTag}; ${pending.join(', ')} still to tag`;
    }
    const reason = `version ${versionTag} already published as ${s.existing.digest}; bump dockerImageTag or pass --force`;
    if (!req.force) {
      if (req.dryRun) s.notes.push(`a real run would be refused: ${reason}`);
      else throw new Stop({ result: 'refused', reason, existingDigest: s.existing.digest, builtDigest: b.digest });
    } else {
      s.forced = true;
      s.log('');
      s.log(`!!! --force: ${s.target!.reference}:${versionTag} (${s.existing.digest}) WILL BE OVERWRITTEN with ${b.digest} (${same.why}) !!!`);
      s.log('');
      s.notes.push(`--force: ${versionTag} was ${s.existing.digest} (${same.why})`);
    }
  }
  return `${b.digest} (${b.platforms.join(', ')}; SOURCE_DATE_EPOCH=${b.sourceDateEpoch} from ${b.sourceDateEpochFrom}; ${b.reproducible.index ? 'reproducible' : b.reproducible.manifests ? 'per-platform images reproducible' : 'not reproducible'})`;
}

function verifyRef(s: State): string {
  return `build-connector-publish/${s.connector!.dirName}:${process.pid}-${Date.now().toString(36)}`.toLowerCase();
}

export async function verifyStep(s: State): Promise<string | { skip: string }> {
  if (s.resume) {
    if (s.req.dryRun) throw new Stop({ result: 'dry-run', digest: s.built!.digest, platforms: Object.keys(s.built!.platforms), plan: s.tagPlan!, wouldBe: 'published' });
    return { skip: `same images as the published ${s.tagPlan!.version}, verified when it was published` };
  }
  const layout = s.build!.ociArchive!;
  // Load the very layout that will be pushed: verify what ships, both platforms.
  const archive = `${layout}.tar`;
  await writeLayoutTar(layout, archive);
  const loaded = await docker(['load', '-i', archive], { step: 'verify', timeoutMs: 20 * 60_000 });
  await rm(archive, { force: true });
  const name = /Loaded image:\s*(\S+)/.exec(loaded.stdout)?.[1] ?? s.build!.tags[0];
  if (!name) throw new BcError('failed', 'docker load did not name the loaded image', { step: 'verify', details: [loaded.stdout.trim()] });
  try {
    const defaults = await connectorVerifyDefaults(s.connector!, { config: s.req.configFile });
    const report = await verifyImage(name, {
      ...defaults,
      platforms: s.plan!.platforms,
      // a custom Dockerfile need not carry our labels
      expectedLabels: s.plan!.mode === 'rendered' ? defaults.expectedLabels : undefined,
      onProgress: (l) => s.log(l),
    });
    s.hooks.onVerifyReport?.(report);
    const failedChecks = report.checks.filter((c) => c.status === 'fail');
    if (failedChecks.length > 0) {
      throw new BcError('failed', `verify: ${failedChecks.length} check(s) failed; nothing was pushed`, {
        step: 'verify',
        details: failedChecks.map((c) => `${c.platform} ${c.id}: ${c.message}${c.fix ? ` (fix: ${c.fix})` : ''}`),
      });
    }
    const passed = report.checks.filter((c) => c.status === 'pass').length;
    if (s.req.dryRun) {
      const wouldBe = s.existing && !s.forced ? 'refused' : 'published';
      throw new Stop({
        result: 'dry-run',
        digest: s.built!.digest,
        platforms: Object.keys(s.built!.platforms),
        plan: s.tagPlan!,
        wouldBe,
      });
    }
    return `${passed} checks passed on ${report.platforms.join(', ')}`;
  } finally {
    await docker(['image', 'rm', name], { allowFailure: true });
  }
}

export async function publishStep(s: State): Promise<string | { skip: string }> {
  if (s.resume) return { skip: `already in the registry as ${s.built!.digest}` };
  const ctx = applyContext(s);
  const t = s.target!;
  const base = splitRepository(s.plan!.baseImage.split('@')[0]!.replace(/:[^/]*$/, ''));
  const mountFrom = base.registry === t.registry ? [base.path] : [];
  s.pushStats = await pushByDigest(ctx, s.build!.ociArchive!, s.built!.digest, mountFrom);
  await readBack(ctx, s.built!, s.plan!.platforms);
  if (s.req.signKey) {
    const ref = `${t.reference}@${s.built!.digest}`;
    await withRetry(() => signImage({ ref, keyFile: s.req.signKey!, ...(s.authDir ? { dockerConfigDir: s.authDir } : {}) }), {
      what: `sign ${ref}`,
      policy: ctx.retry,
      stats: ctx.stats,
      onRetry: ({ attempt, fault, delayMs }) => s.log(`sign: ${fault.reason}, retry ${attempt} in ${(delayMs / 1000).toFixed(1)} s`),
    });
    s.signed = true;
  }
  const p = s.pushStats;
  return `pushed by digest (${p.blobsUploaded} uploaded, ${p.blobsMounted} mounted, ${p.blobsPresent} present; ${p.manifestsWritten} manifests); read back: digest and ${s.plan!.platforms.length} platforms match${s.signed ? '; signed' : ''}`;
}

export async function tagStep(s: State): Promise<string> {
  const ctx = applyContext(s);
  const manifest = await readBack(ctx, s.built!, s.plan!.platforms);
  s.tags = await applyTags(ctx, s.tagPlan!, manifest);
  if (s.req.gitTag) {
    const c = s.connector!;
    const name = formatGitTag(s.req.gitTagFormat ?? DEFAULT_GIT_TAG_FORMAT, c.dirName, s.tagPlan!.version);
    const root = await repoRoot(c.dir);
    const created = await createAnnotatedTag(root, name, `${t(s)}:${s.tagPlan!.version}\n\n${s.built!.digest}`, { sha: s.commit! });
    let pushed = false;
    if (s.req.pushGitTag) {
      await pushTag(root, name, s.req.gitRemote ?? 'origin');
      pushed = true;
    }
    s.gitTag = { name, created: created === 'created', pushed };
  }
  return s.tags.map((x) => `${x.tag} ${x.action}`).join(', ') + (s.gitTag ? `; git tag ${s.gitTag.name}` : '');
}

const t = (s: State) => s.target!.reference;

function applyContext(s: State): ApplyContext {
  return {
    client: s.client!,
    registry: s.target!.registry,
    repo: s.target!.repo,
    retry: retryPolicy(s.req.retries),
    stats: s.stats ?? newRetryStats(),
    log: s.log,
  };
}
