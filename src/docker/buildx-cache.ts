/**
 * A short-lived cache of builder capabilities, so a warm build does not pay
 * for three docker probes (five Go processes) every time.
 *
 * Safe by construction:
 * - the key covers everything that changes what a builder can do locally:
 *   the docker binary, DOCKER_HOST / DOCKER_CONTEXT / DOCKER_CONFIG, the
 *   builder asked for, buildx's builder state (`buildx use` writes
 *   DOCKER_CONFIG/buildx/current, `create/rm` touch instances/), the CLI config (current
 *   context), the engine's pid file (a daemon restart, e.g. after switching
 *   the image store) and the binfmt_misc registrations (arm64 emulation on/off);
 * - entries expire after BUILD_CONNECTOR_PROBE_TTL seconds (default 600; 0
 *   disables the cache);
 * - a cached answer is only trusted to say "yes": before refusing a build
 *   (exit 3) the caller probes again (build.ts), and an environment failure
 *   of buildx drops the entry.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile, rename } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { DOCKER } from './cli.js';
import { userCacheDir } from '../shared/cache-dir.js';

const BINFMT = '/proc/sys/fs/binfmt_misc';

export function probeTtlSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const v = Number.parseInt(env.BUILD_CONNECTOR_PROBE_TTL ?? '', 10);
  return Number.isFinite(v) && v >= 0 ? v : 600;
}

const cacheDir = (env: NodeJS.ProcessEnv = process.env): string => userCacheDir(env);

const content = async (p: string) => readFile(p, 'utf8').catch(() => null);
const mtime = async (p: string) => {
  try {
    return (await stat(p)).mtimeMs;
  } catch {
    return null;
  }
};

async function binfmtState(): Promise<string[]> {
  try {
    const names = (await readdir(BINFMT)).filter((n) => n !== 'register').sort();
    return await Promise.all(names.map(async (n) => `${n}=${(await readFile(join(BINFMT, n), 'utf8').catch(() => '')).split('\n')[0] ?? ''}`));
  } catch {
    return [];
  }
}

/** `slot` names the cache file (one per builder selection), `key` must match its content. */
export interface CacheKey {
  slot: string;
  key: string;
}

const hash = (v: unknown) => createHash('sha256').update(JSON.stringify(v)).digest('hex').slice(0, 24);

export async function capabilitiesCacheKey(builderName: string | undefined, env: NodeJS.ProcessEnv = process.env): Promise<CacheKey> {
  const cfg = env.DOCKER_CONFIG ?? join(homedir(), '.docker');
  const parts = {
    v: 1,
    docker: DOCKER,
    builder: builderName ?? env.BUILDX_BUILDER ?? '',
    host: env.DOCKER_HOST ?? '',
    context: env.DOCKER_CONTEXT ?? '',
    cfg,
    // buildx rewrites `current` on every command: its content, not its mtime
    current: await content(join(cfg, 'buildx', 'current')),
    instances: await mtime(join(cfg, 'buildx', 'instances')),
    config: await mtime(join(cfg, 'config.json')),
    dockerd: await mtime('/var/run/docker.pid'),
    binfmt: await binfmtState(),
  };
  return { slot: hash([parts.docker, parts.builder, parts.host, parts.context, parts.cfg]), key: hash(parts) };
}

const fileOf = (k: CacheKey, env?: NodeJS.ProcessEnv) => join(cacheDir(env), `buildx-capabilities-${k.slot}.json`);

/** The cached value (unvalidated: the caller parses it with its schema), or undefined. */
export async function readCachedCapabilities(key: CacheKey, now = Date.now(), env: NodeJS.ProcessEnv = process.env): Promise<unknown> {
  const ttl = probeTtlSeconds(env);
  if (ttl === 0) return undefined;
  try {
    const raw: unknown = JSON.parse(await readFile(fileOf(key, env), 'utf8'));
    if (typeof raw !== 'object' || raw === null) return undefined;
    const { savedAt, value, key: stored } = raw as { savedAt?: unknown; value?: unknown; key?: unknown };
    if (stored !== key.key || typeof savedAt !== 'number' || now - savedAt > ttl * 1000 || now < savedAt) return undefined;
    return value;
  } catch {
    return undefined;
  }
}

export async function writeCachedCapabilities(key: CacheKey, value: unknown, now = Date.now(), env: NodeJS.ProcessEnv = process.env): Promise<void> {
  if (probeTtlSeconds(env) === 0) return;
  try {
    await mkdir(cacheDir(env), { recursive: true });
    const tmp = `${fileOf(key, env)}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify({ key: key.key, savedAt: now, value }));
    await rename(tmp, fileOf(key, env)); // atomic: parallel builds never read half a file
  } catch {
    // a read-only home is fine: no cache
  }
}

export async function dropCachedCapabilities(key: CacheKey, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  await rm(fileOf(key, env), { force: true });
}
