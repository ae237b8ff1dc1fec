/**
 * Applying a publish, in the only order that never shows a tag on an
 * unverified or partial image:
 *
 *   1. push by digest (push.ts): every blob, then every manifest and the
 *      index by digest — the content lands in the repository, but no tag
 *      refers to it;
 *   2. read back: GET the index by digest and check it is byte-for-byte the
 *      verified one (digest) with every requested platform;
 *   3. (optional) sign the index digest;
 *   4. tags: PUT the same manifest bytes under each tag of the plan, the
 *      version first and the moving tags (aliases, latest) last.
 *
 * A run killed before 4 leaves only untagged content (garbage collection
 * removes it; a re-run reuses it). Distribution can delete only by digest,
 * which would remove every tag on that digest — so no staging tag is ever
 * created.
 */
import { z } from 'zod';
import { BcError } from '../errors.js';
import { pushArchiveByDigest, type PushStats } from './push.js';
import { ManifestMismatch, type RegistryClient, type Manifest } from '../registry/client.js';
import type { TagPlan } from './tag-plan.js';
import type { RetryPolicy, RetryStats } from '../registry/retry.js';

const IndexSchema = z
  .object({
    mediaType: z.string().optional(),
    manifests: z.array(
      z
        .object({
          digest: z.string(),
          platform: z.object({ os: z.string(), architecture: z.string(), variant: z.string().optional() }).loose().optional(),
          annotations: z.record(z.string(), z.string()).optional(),
        })
        .loose(),
    ),
    annotations: z.record(z.string(), z.string()).optional(),
  })
  .loose();

export interface ImageFacts {
  /** the index digest */
  digest: string;
  /** platform → manifest digest of the real images (attestations excluded) */
  platforms: Record<string, string>;
  attestations: number;
  /** the index's own annotations (as read from a registry) */
  annotations?: Record<string, string>;
}

/** Facts of an index from its JSON bytes; undefined when it is not an index (a single image). */
export function indexFactsFromBytes(digest: string, bytes: Buffer): ImageFacts | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
  const parsed = IndexSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const platforms: Record<string, string> = {};
  let attestations = 0;
  for (const m of parsed.data.manifests) {
    const p = m.platform;
    const name = p ? [p.os, p.architecture, p.variant].filter(Boolean).join('/') : 'unknown/unknown';
    if (name === 'unknown/unknown' || m.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest') attestations++;
    else platforms[name] = m.digest;
  }
  return { digest, platforms, attestations, ...(parsed.data.annotations ? { annotations: parsed.data.annotations } : {}) };
}

type Sameness = { same: true; how: 'index digest' | 'platform images' } | { same: false; why: string };

/**
 * Is what the registry holds for X.Y.Z the image this build produced?
 * Same index digest, or — because provenance attestations record a build
 * id and differ on every build — the same image manifest per platform.
 */
export function compareImages(existing: ImageFacts | undefined, existingDigest: string, built: ImageFacts): Sameness {
  if (existingDigest === built.digest) return { same: true, how: 'index digest' };
  if (!existing) return { same: false, why: 'the published image is a single manifest, not a multi-platform index' };
  const a = Object.entries(existing.platforms).sort();
  const b = Object.entries(built.platforms).sort();
  if (a.length === b.length && a.every(([p, d], i) => b[i]?.[0] === p && b[i]?.[1] === d)) return { same: true, how: 'platform images' };
  const diff = b.filter(([p, d]) => existing.platforms[p] !== d).map(([p]) => p);
  return { same: false, why: diff.length > 0 ? `different image for ${diff.join(', ')}` : 'different platform set' };
}

export interface ApplyContext {
  client: RegistryClient;
  registry: string;
  /** repository path without the registry, e.g. airbyte/source-hello */
  repo: string;
  retry: RetryPolicy;
  stats: RetryStats;
  log: (line: string) => void;
}

export async function pushByDigest(ctx: ApplyContext, archive: string, digest: string, mountFrom: string[] = []): Promise<PushStats> {
  return pushArchiveByDigest(ctx.client, ctx.repo, archive, digest, { mountFrom, log: ctx.log });
}

/**
 * How long a manifest the registry accepted may stay invisible: registries
 * on eventually consistent storage (S3-backed distribution, some mirrors)
 * answer 404 for a few seconds after a successful PUT.
 */
const READ_BACK_WAITS_MS = [250, 500, 1000, 2000, 4000, 8000];

/**
 * Read the pushed index back by digest and check it is exactly what was
 * verified. A 404 right after the push is waited out (READ_BACK_WAITS_MS);
 * an answer with other bytes is never retried: it stops the publish before
 * any tag is written.
 */
export async function readBack(ctx: ApplyContext, built: ImageFacts, platforms: readonly string[], waits: readonly number[] = READ_BACK_WAITS_MS): Promise<Manifest> {
  let m: Manifest | undefined;
  for (let i = 0; ; i++) {
    try {
      m = await ctx.client.getManifest(ctx.repo, built.digest);
    } catch (err) {
      if (err instanceof ManifestMismatch) {
        throw new BcError('failed', `read back: ${ctx.registry} answered ${ctx.repo}@${built.digest.slice(0, 19)} with another manifest (${err.got.slice(0, 19)}); nothing was tagged`, {
          step: 'push',
          details: ['the registry (or a proxy or cache in front of it) does not serve what was pushed; a publish never tags what it cannot read back', 'fix: check the registry and any caching proxy, then run publish again (it reuses what was pushed)'],
        });
      }
      throw err;
    }
    const wait = waits[i];
    if (m || wait === undefined) break;
    ctx.log(`read back: ${built.digest.slice(0, 19)} not visible yet (HTTP 404 after a successful push), waiting ${(wait / 1000).toFixed(2)} s`);
    await new Promise((r) => setTimeout(r, wait));
  }
  if (!m) {
    const total = waits.reduce((a, b) => a + b, 0);
    throw new BcError('failed', `read back: ${ctx.registry}/${ctx.repo}@${built.digest} is not in the registry ${(total / 1000).toFixed(1)} s after the push; nothing was tagged`, {
      step: 'push',
      details: ['fix: run publish again: it reuses what was pushed'],
    });
  }
  const facts = indexFactsFromBytes(m.digest, m.bytes);
  if (!facts) throw new BcError('failed', `read back: ${built.digest} is not a multi-platform index`, { step: 'push' });
  const missing = platforms.filter((p) => !facts.platforms[p]);
  if (missing.length > 0) throw new BcError('failed', `read back: the pushed index lacks ${missing.join(', ')}`, { step: 'push' });
  for (const [p, d] of Object.entries(built.platforms)) {
    if (facts.platforms[p] !== d) throw new BcError('failed', `read back: ${p} is ${facts.platforms[p] ?? 'missing'} in the registry, ${d} was verified`, { step: 'push' });
  }
  return m;
}

export interface TagOutcome {
  tag: string;
  action: 'created' | 'moved' | 'unchanged';
}

/** Write the plan's tags (in plan order: version, aliases, latest) onto the verified manifest. */
export async function applyTags(ctx: ApplyContext, plan: TagPlan, manifest: Manifest): Promise<TagOutcome[]> {
  const out: TagOutcome[] = [];
  for (const t of plan.tags) {
    const now = await ctx.client.headManifest(ctx.repo, t.tag);
    if (now?.digest === manifest.digest) {
      out.push({ tag: t.tag, action: 'unchanged' });
      continue;
    }
    const written = await ctx.client.putManifest(ctx.repo, t.tag, manifest);
    if (written !== manifest.digest) throw new BcError('failed', `tag ${t.tag}: the registry stored ${written}, expected ${manifest.digest}`, { step: 'tag' });
    out.push({ tag: t.tag, action: now ? 'moved' : 'created' });
    ctx.log(`tag ${ctx.registry}/${ctx.repo}:${t.tag} → ${manifest.digest.slice(0, 19)} (${now ? 'moved' : 'new'}; ${t.reason})`);
  }
  return out;
}
