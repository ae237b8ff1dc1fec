/**
 * detectCapabilities parses `docker buildx ls`, `buildx version` and
 * `docker info` output: a fake docker prints canned output (parsing only;
 * the real engine is covered by test/integration/build.test.ts).
 */
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BcError } from '../../src/errors.js';

let dir: string;
const ls = [
  { Name: 'ci', Driver: 'docker-container', Nodes: [{ Name: 'ci0', Status: 'running', Version: 'v0.16.0', Platforms: ['linux/amd64', 'linux/arm64', 'linux/s390x'] }] },
  { Name: 'default', Driver: 'docker', Current: true, Nodes: [{ Name: 'default', Status: 'running', Version: 'v0.0.0+unknown', Platforms: ['linux/amd64', 'linux/amd64/v2'] }] },
];
const info = { ServerVersion: '26.1.5', Driver: 'overlayfs', DriverStatus: [['driver-type', 'io.containerd.snapshotter.v1']] };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bc-fake-docker-'));
  const fake = join(dir, 'docker');
  await writeFile(
    fake,
    [
      '#!/bin/sh',
      `echo "$*" >> ${join(dir, 'calls.log')}`,
      'case "$1 $2" in',
      `  "buildx ls") printf '%s\\n' '${JSON.stringify(ls[0])}' '${JSON.stringify(ls[1])}' ;;`,
      `  "buildx version") echo "github.com/docker/buildx v0.17.1 abc" ;;`,
      `  "info --format") echo '${JSON.stringify(info)}' ;;`,
      '  *) echo "unexpected: $*" >&2; exit 99 ;;',
      'esac',
      '',
    ].join('\n'),
  );
  await chmod(fake, 0o755);
  vi.stubEnv('BUILD_CONNECTOR_DOCKER', fake);
  vi.stubEnv('BUILDX_BUILDER', '');
  vi.stubEnv('XDG_CACHE_HOME', join(dir, 'cache'));
  vi.stubEnv('BUILD_CONNECTOR_PROBE_TTL', '600');
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await rm(dir, { recursive: true, force: true });
});

describe('detectCapabilities (canned docker output)', () => {
  it('1. picks the current builder and reads versions, store and platforms', async () => {
    const { detectCapabilities } = await import('../../src/docker/buildx-capabilities.js');
    const c = await detectCapabilities();
    expect(c).toMatchObject({ builder: 'default', driver: 'docker', buildxVersion: '0.17.1', engineVersion: '26.1.5', containerdStore: true, effectiveBuildkit: '0.13.0' });
    expect(c.platforms).toEqual(['linux/amd64', 'linux/amd64/v2']);
  });

  it('2. --builder NAME selects that builder; its node version counts', async () => {
    const { detectCapabilities } = await import('../../src/docker/buildx-capabilities.js');
    const c = await detectCapabilities('ci');
    expect(c).toMatchObject({ builder: 'ci', driver: 'docker-container', effectiveBuildkit: '0.16.0', pushByDigest: true, multiPlatformLoad: true });
    expect(c.platforms).toContain('linux/s390x');
  });

  it('3. an unknown builder is an environment error (exit 3) listing the builders', async () => {
    const { detectCapabilities } = await import('../../src/docker/buildx-capabilities.js');
    const e = await detectCapabilities('nope').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(BcError);
    expect((e as BcError).exitCode).toBe(3);
    expect((e as BcError).details.join('\n')).toMatch(/builders: ci, default/);
  });

  it('3b. doctor\'s builder (currentBuilder) is the one the capability probe chooses, with the same refusal', async () => {
    const { currentBuilder } = await import('../../src/docker/engine.js');
    expect(await currentBuilder()).toEqual({ name: 'default', driver: 'docker', platforms: ['linux/amd64', 'linux/amd64/v2'] });
    expect((await currentBuilder('ci')).driver).toBe('docker-container');
    const e = await currentBuilder('nope').catch((x: unknown) => x);
    expect([(e as BcError).exitCode, (e as BcError).details[0]]).toEqual([3, 'builders: ci, default']);
  });

  it('4. the probe cache: a second build asks docker nothing; refresh and forget probe again; TTL 0 disables it', async () => {
    const { detectCapabilities, forgetCapabilities } = await import('../../src/docker/buildx-capabilities.js');
    const calls = async () => (await readFile(join(dir, 'calls.log'), 'utf8').catch(() => '')).split('\n').filter((l) => l !== '').length;
    const first = await detectCapabilities('ci', { cache: true });
    expect(first.fromCache).toBeUndefined();
    const n = await calls();
    const second = await detectCapabilities('ci', { cache: true });
    expect(second.fromCache).toBe(true);
    expect(second).toMatchObject({ builder: 'ci', driver: 'docker-container', effectiveBuildkit: '0.16.0' });
    expect(await calls()).toBe(n);
    // another builder is another key
    expect((await detectCapabilities('default', { cache: true })).fromCache).toBeUndefined();
    expect((await detectCapabilities('ci', { cache: true, refresh: true })).fromCache).toBeUndefined();
    await forgetCapabilities('ci');
    expect((await detectCapabilities('ci', { cache: true })).fromCache).toBeUndefined();
    vi.stubEnv('BUILD_CONNECTOR_PROBE_TTL', '0');
    const before = await calls();
    expect((await detectCapabilities('ci', { cache: true })).fromCache).toBeUndefined();
    expect(await calls()).toBeGreaterThan(before);
    vi.stubEnv('BUILD_CONNECTOR_PROBE_TTL', '600');
  });

  it('5. an expired or corrupt entry is ignored', async () => {
    const { capabilitiesCacheKey, readCachedCapabilities, writeCachedCapabilities } = await import('../../src/docker/buildx-cache.js');
    const key = await capabilitiesCacheKey('x');
    await writeCachedCapabilities(key, { a: 1 }, 1_000_000);
    expect(await readCachedCapabilities(key, 1_000_000 + 599_000)).toEqual({ a: 1 });
    expect(await readCachedCapabilities(key, 1_000_000 + 601_000)).toBeUndefined();
    expect((await capabilitiesCacheKey('y')).slot).not.toBe(key.slot);
    // same slot, another state (e.g. a DOCKER_HOST change is another slot; a binfmt change another key)
    await writeCachedCapabilities({ slot: key.slot, key: 'other' }, { a: 2 }, 1_000_000);
    expect(await readCachedCapabilities(key, 1_000_001)).toBeUndefined();
  });
});
