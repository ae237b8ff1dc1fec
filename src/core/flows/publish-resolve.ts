/**
 * publish's resolve step (a preflight before the slow build: registry
 * reachable, credentials accepted, tag plan computed, what the version tag
 * holds now, signing key / git / SBOM generator checked) and the
 * immutability rule the build is judged by.
 */
import { stat } from 'node:fs/promises';
import { relative } from 'node:path';
import { badInput } from '../../errors.js';
import { checkInputFile } from '../../fs-util.js';
import { loadConnector } from '../../connector/metadata.js';
import type { Connector } from '../../connector/types.js';
import { headSha, listChangedFiles, repoRoot } from '../../git.js';
import { ensureLocalRegistry } from '../../registry/local.js';
import { resolveCredentials, toolAuth } from '../../registry/credentials.js';
import { RegistryClient, registryPreflight } from '../../registry/client.js';
import { retryPolicy, type RetryStats } from '../../registry/retry.js';
import { planTags, type TagPlan } from '../../publish/tag-plan.js';
import { resolveTarget, type ResolvedTarget } from '../../publish/target.js';
import { compareImages, indexFactsFromBytes, type ImageFacts } from '../../publish/apply.js';
import type { Generator } from '../../sbom/trivy.js';
import { done, type StepOutcome } from '../pipeline.js';
import { REQUIRED_PLATFORM } from '../../shared/platforms.js';
import type { PublishRequest } from '../request.js';

export interface Resolved {
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

export async function resolve(req: PublishRequest, log: (l: string) => void, stats: RetryStats) {
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
    versionAt: target.versionAt,
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

export type Immutability = { kind: 'new' } | { kind: 'same'; how: 'index digest' | 'platform images'; pending: string[] } | { kind: 'changed'; why: string };

export async function immutability(r: Resolved, built: ImageFacts): Promise<Immutability> {
  if (!r.existing) return { kind: 'new' };
  const same = compareImages(r.existing.facts, r.existing.digest, built);
  if (!same.same) return { kind: 'changed', why: same.why };
  return { kind: 'same', how: same.how, pending: await pendingTags(r, r.existing.digest) };
}

/** The moving tags not on `digest`: what a publish killed between the version tag and the moving tags left behind. */
export async function pendingTags(r: Resolved, digest: string): Promise<string[]> {
  const pending: string[] = [];
  for (const t of r.tagPlan.tags.slice(1)) if ((await r.client.headManifest(r.target.repo, t.tag))?.digest !== digest) pending.push(t.tag);
  return pending;
}

/**
 * A published connector image must have linux/amd64 (the Airbyte platform
 * runs it): a platform list without it is refused after render, before the
 * build, not by verify after it. (`build` may make an arm64-only image.)
 */
export function publishable<T extends { plan: { platforms: string[] } }>(rendered: StepOutcome<T>, fromRequest: boolean): StepOutcome<T> {
  const platforms = rendered.value.plan.platforms;
  if (platforms.includes(REQUIRED_PLATFORM)) return rendered;
  throw badInput(`${REQUIRED_PLATFORM} is required of every published connector image (the Airbyte platform runs it); the platforms are ${platforms.join(', ')}`, [
    fromRequest ? `fix: add ${REQUIRED_PLATFORM} to the platforms asked for` : `fix: add ${REQUIRED_PLATFORM} to data.buildConnector.platforms in metadata.yaml`,
  ]);
}
