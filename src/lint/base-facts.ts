/**
 * What the final stage's base image gives, so that lint judges the image a
 * Dockerfile really produces: USER, ENV (AIRBYTE_ENTRYPOINT, HOME),
 * ENTRYPOINT, WORKDIR, the io.airbyte.permitted-write-dirs label and, where
 * it costs one short-lived container, the file system facts the rules need
 * (/etc/passwd, the /airbyte entry, the airbyte user's home).
 *
 * Sources, in order:
 *  1. the local engine: image config from GET /images/REF/json (the docker
 *     CLI when the socket cannot be used); the file system through a
 *     container that is created, never started (src/docker/image.ts
 *     createProbe + copyFromContainer: tar over the engine API, no shell in
 *     the image);
 *  2. the image's registry: the manifest (the host's platform from an index)
 *     and the config blob. No layers are pulled, so the file system facts
 *     come from the bundled table (src/lint/base-table.ts) when it knows the
 *     base, else stay unknown and the rules that need them say so;
 *  3. when neither could read it: the bundled table, for the bases it knows
 *     (Airbyte's, the official python/debian/... families). Else the base
 *     stays unresolved (with the reasons) and lint warns.
 *
 * Results are cached on disk per digest ($BUILD_CONNECTOR_CACHE/lint-base,
 * else a directory under the system temp dir): an image id or a manifest
 * digest names immutable content. A reference pinned by digest is answered
 * from the cache without any engine call. Within one process each reference
 * is resolved once, however many connectors use it.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { engineJson } from '../docker/engine-api.js';
import { createProbe, copyFromContainer, ImageConfigSchema, inspectLocalImage, normalizeConfig, type ImageConfig } from '../docker/image.js';
import { RegistryClient } from '../registry/client.js';
import { retryPolicy } from '../registry/retry.js';
import { normalizeDockerHub, parseImageRef, splitDomain } from '../shared/image-ref.js';
import { AIRBYTE_USER } from './ownership.js';
import type { BaseFacts, BaseFsFacts, BaseUnresolved, PathFacts } from './types.js';
import { parsePasswd } from '../shared/passwd.js';
import type { TarEntry } from '../oci/tar.js';
import { tableFacts, tableFsFacts } from './base-table.js';
import { isDigest } from '../shared/digest.js';

export interface ResolveBaseOptions {
  /** read the local engine (default true) */
  engine?: boolean;
  /** ask the image's registry when the engine does not have it (default true) */
  registry?: boolean;
  /** read /etc/passwd and /airbyte from a created container (default true) */
  fileSystem?: boolean;
  /** platform whose config is read (default: the host's, linux/amd64 or linux/arm64) */
  platform?: string;
  /** cache directory (default $BUILD_CONNECTOR_CACHE/lint-base, else TMPDIR/build-connector-lint-base) */
  cacheDir?: string | false;
  /** per registry request (default 5 s; no retries: lint must not hang on an offline machine) */
  registryTimeoutMs?: number;
  /** use the bundled table when the image cannot be read (default true) */
  table?: boolean;
}

const PathFactsSchema = z.object({ type: z.enum(['file', 'dir', 'symlink', 'hardlink', 'other']), uid: z.number(), gid: z.number(), mode: z.number() });
const BaseFactsSchema = z.object({
  ref: z.string(),
  digest: z.string(),
  from: z.enum(['engine', 'registry']),
  platform: z.string(),
  user: z.string(),
  env: z.record(z.string(), z.string()),
  entrypoint: z.array(z.string()),
  workdir: z.string(),
  labels: z.record(z.string(), z.string()),
  fs: z
    .object({
      passwd: z.array(z.object({ name: z.string(), uid: z.number(), gid: z.number(), home: z.string(), shell: z.string() })).nullable(),
      airbyteDir: PathFactsSchema.nullable(),
      airbyteHome: PathFactsSchema.nullable().optional(),
    })
    .optional(),
});

/** Bump when the cached shape or what it means changes. */
const CACHE_VERSION = 1;

export const isResolved = (f: BaseFacts | BaseUnresolved | undefined): f is BaseFacts => f !== undefined && !('unresolved' in f);

export function hostPlatform(): string {
  return `linux/${process.arch === 'arm64' ? 'arm64' : 'amd64'}`;
}

export function defaultCacheDir(): string {
  const root = process.env.BUILD_CONNECTOR_CACHE;
  return root ? join(root, 'lint-base') : join(tmpdir(), 'build-connector-lint-base');
}

export { parsePasswd } from '../shared/passwd.js';

/** `[registry/]repo[:tag][@digest]` → where the distribution API finds it (Docker Hub names normalised). */
export function registryLocation(ref: string): { registry: string; repository: string; reference: string } | undefined {
  const parsed = parseImageRef(ref);
  if (!parsed) return undefined;
  const split = splitDomain(parsed.repository);
  const { domain, path } = normalizeDockerHub(split.domain, split.path);
  return { registry: domain, repository: path, reference: parsed.digest ?? parsed.tag ?? 'latest' };
}

// ---------------------------------------------------------------- cache

const cacheFile = (dir: string, digest: string) => join(dir, `v${CACHE_VERSION}-${digest.replace(/^sha256:/, '')}.json`);

async function readCache(dir: string | false, digest: string | undefined, ref: string): Promise<BaseFacts | undefined> {
  if (dir === false || !digest || !isDigest(digest)) return undefined;
  try {
    const parsed = BaseFactsSchema.safeParse(JSON.parse(await readFile(cacheFile(dir, digest), 'utf8')));
    return parsed.success ? { ...parsed.data, ref } : undefined;
  } catch {
    return undefined;
  }
}

async function writeCache(dir: string | false, digests: (string | undefined)[], facts: BaseFacts): Promise<void> {
  if (dir === false) return;
  try {
    await mkdir(dir, { recursive: true });
    for (const d of new Set(digests)) {
      if (!d || !isDigest(d)) continue;
      const file = cacheFile(dir, d);
      const tmp = `${file}.${process.pid}.tmp`;
      await writeFile(tmp, JSON.stringify(facts));
      await rename(tmp, file);
    }
  } catch {
    // A cache that cannot be written only costs time on the next run.
  }
}

// ---------------------------------------------------------------- engine

const EngineImageSchema = z.object({ Id: z.string(), RepoDigests: z.array(z.string()).nullish(), Config: ImageConfigSchema.nullish() }).loose();

type EngineImage = { id: string; config: ImageConfig } | { missing: true } | { unreachable: string };

async function inspectEngine(ref: string): Promise<EngineImage> {
  // The socket first: one process per base is what the CLI path would cost.
  const api = await engineJson('GET', `/images/${encodeURI(ref)}/json`);
  if (api?.status === 404) return { missing: true };
  if (api?.status === 200) {
    const img = EngineImageSchema.safeParse(api.body);
    if (img.success) return { id: img.data.Id, config: normalizeConfig(img.data.Config) };
  }
  try {
    const local = await inspectLocalImage(ref);
    return local ?? { missing: true };
  } catch (err) {
    return { unreachable: err instanceof Error ? err.message : String(err) };
  }
}

const pathFacts = (e: TarEntry | undefined): PathFacts | null => (e ? { type: e.type, uid: e.uid, gid: e.gid, mode: e.mode } : null);

/** The first entry of `docker cp C:PATH -`: the path itself (a directory's content is not read). */
async function statPath(container: string, path: string): Promise<PathFacts | null> {
  const r = await copyFromContainer(container, path, { keep: () => 0, maxBytes: 64 * 1024 });
  return r.exists ? pathFacts(r.entries[0]) : null;
}

async function readFsFacts(ref: string, platform: string): Promise<BaseFsFacts | undefined> {
  const created = await createProbe(ref, platform, 'never');
  if (!created.ok) return undefined;
  const { probe } = created;
  try {
    const passwdTar = await copyFromContainer(probe.name, '/etc/passwd', { maxBytes: 4 * 1024 * 1024 });
    const entry = passwdTar.entries.find((e) => e.type === 'file');
    // A symlinked /etc/passwd (rare) is reported as unknown rather than guessed.
    const passwd = !passwdTar.exists ? null : entry?.content ? parsePasswd(entry.content.toString('utf8')) : undefined;
    if (passwd === undefined) return undefined;
    const airbyteDir = await statPath(probe.name, '/airbyte');
    const user = passwd?.find((u) => u.name === AIRBYTE_USER);
    const airbyteHome = user ? (user.home === '/airbyte' ? airbyteDir : await statPath(probe.name, user.home)) : undefined;
    return { passwd, airbyteDir, ...(user ? { airbyteHome } : {}) };
  } catch {
    return undefined;
  } finally {
    await probe.remove();
  }
}

// ---------------------------------------------------------------- registry

const DescriptorSchema = z.object({ digest: z.string(), mediaType: z.string().optional(), platform: z.object({ os: z.string(), architecture: z.string(), variant: z.string().optional() }).loose().optional() }).loose();
const ManifestSchema = z.object({ manifests: z.array(DescriptorSchema).optional(), config: DescriptorSchema.optional() }).loose();
const ConfigBlobSchema = z.object({ config: ImageConfigSchema.nullish() }).loose();

async function readRegistry(ref: string, platform: string, timeoutMs: number): Promise<{ digest: string; config: ImageConfig; platform: string } | { unresolved: string }> {
  const loc = registryLocation(ref);
  if (!loc) return { unresolved: `${ref} is not an image reference` };
  const client = new RegistryClient(loc.registry, { retry: retryPolicy(1), timeoutMs });
  try {
    const top = await client.getManifest(loc.repository, loc.reference);
    if (!top) return { unresolved: `${loc.registry} has no ${loc.repository}:${loc.reference}` };
    let manifest = ManifestSchema.parse(JSON.parse(top.bytes.toString('utf8')));
    let chosen = platform;
    if (manifest.manifests) {
      const [os, arch] = platform.split('/');
      const real = manifest.manifests.filter((m) => m.platform && m.platform.os !== 'unknown');
      const pick = real.find((m) => m.platform?.os === os && m.platform?.architecture === arch) ?? real[0];
      if (!pick?.platform) return { unresolved: `${ref}: the index lists no platform image` };
      chosen = [pick.platform.os, pick.platform.architecture, pick.platform.variant].filter(Boolean).join('/');
      const sub = await client.getManifest(loc.repository, pick.digest);
      if (!sub) return { unresolved: `${ref}: ${pick.digest} is listed but missing` };
      manifest = ManifestSchema.parse(JSON.parse(sub.bytes.toString('utf8')));
    }
    if (!manifest.config) return { unresolved: `${ref}: the manifest has no config` };
    const blob = await client.getBlob(loc.repository, manifest.config.digest);
    if (!blob) return { unresolved: `${ref}: config blob ${manifest.config.digest.slice(0, 19)} missing` };
    const cfg = ConfigBlobSchema.parse(JSON.parse(blob.toString('utf8')));
    return { digest: top.digest, config: normalizeConfig(cfg.config), platform: chosen };
  } catch (err) {
    return { unresolved: `registry ${loc.registry} did not answer (${shortReason(err)})` };
  }
}

/** "read X failed: unknown host — GET https://…" → "unknown host" */
export function shortReason(err: unknown): string {
  const msg = (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
  const m = /failed: (.*?)(?: — |$)/.exec(msg);
  return (m?.[1] ?? msg).slice(0, 160);
}

// ---------------------------------------------------------------- resolve

const memo = new Map<string, Promise<BaseFacts | BaseUnresolved>>();

/** Forget what this process resolved (tests). */
export function clearBaseFactsMemo(): void {
  memo.clear();
}

/**
 * The facts of `ref` for lint, or why they are unknown. Never throws: an
 * unreachable engine or registry is a reason, and lint then warns.
 */
export function resolveBaseFacts(ref: string, opts: ResolveBaseOptions = {}): Promise<BaseFacts | BaseUnresolved> {
  const key = JSON.stringify([ref, opts.engine ?? true, opts.registry ?? true, opts.fileSystem ?? true, opts.platform ?? '', opts.cacheDir ?? '', opts.table ?? true]);
  let p = memo.get(key);
  if (!p) {
    p = resolveUncached(ref, opts)
      .catch((err: unknown): BaseUnresolved => ({ unresolved: err instanceof Error ? err.message : String(err), ref }))
      .then((r) => (opts.table === false ? r : withTable(r, ref, opts.platform ?? hostPlatform())));
    memo.set(key, p);
  }
  return p;
}

/**
 * What was read, completed by the bundled table: an unread base takes the
 * table's facts (when it has an entry); a config-only (registry) answer takes
 * the table's file system facts. What was read is never overridden. Applied
 * after the cache, so the cache only ever holds facts that were read.
 */
export function withTable(r: BaseFacts | BaseUnresolved, ref: string, platform: string): BaseFacts | BaseUnresolved {
  if ('unresolved' in r) return tableFacts(ref, platform, r.unresolved) ?? r;
  if (r.fs || r.from !== 'registry') return r;
  const t = tableFsFacts(ref);
  return t ? { ...r, fs: t.fs, fsFrom: 'table', table: { entry: t.entry, unread: 'the registry gives the config, not the file system' } } : r;
}

async function resolveUncached(ref: string, opts: ResolveBaseOptions): Promise<BaseFacts | BaseUnresolved> {
  const platform = opts.platform ?? hostPlatform();
  const cacheDir = opts.cacheDir === undefined ? defaultCacheDir() : opts.cacheDir;
  const pinned = parseImageRef(ref)?.digest;
  const readFs = opts.fileSystem ?? true;
  const reasons: string[] = [];

  // Pinned by digest: the cache may answer without asking anything.
  const cachedPinned = await readCache(cacheDir, pinned, ref);
  if (cachedPinned && (cachedPinned.fs || !readFs)) return cachedPinned;

  if (opts.engine ?? true) {
    const img = await inspectEngine(ref);
    if ('id' in img) {
      const cached = await readCache(cacheDir, img.id, ref);
      if (cached && (cached.fs || !readFs)) return cached;
      const fs = readFs ? await readFsFacts(ref, platform) : undefined;
      const c = img.config;
      const facts: BaseFacts = { ref, digest: img.id, from: 'engine', platform, user: c.user, env: c.env, entrypoint: c.entrypoint, workdir: c.workdir, labels: c.labels, ...(fs ? { fs } : {}) };
      if (fs || !readFs) await writeCache(cacheDir, [img.id, pinned], facts);
      return facts;
    }
    reasons.push('unreachable' in img ? 'the docker engine is not reachable' : 'not in the local engine');
  }
  if (cachedPinned) return cachedPinned;
  if (opts.registry ?? true) {
    const r = await readRegistry(ref, platform, opts.registryTimeoutMs ?? 5_000);
    if (!('unresolved' in r)) {
      const c = r.config;
      const facts: BaseFacts = { ref, digest: r.digest, from: 'registry', platform: r.platform, user: c.user, env: c.env, entrypoint: c.entrypoint, workdir: c.workdir, labels: c.labels };
      await writeCache(cacheDir, [r.digest, pinned], facts);
      return facts;
    }
    reasons.push(r.unresolved);
  }
  return { unresolved: reasons.join('; ') || 'resolution turned off', ref };
}
