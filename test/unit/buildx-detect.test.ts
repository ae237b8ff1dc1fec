/**
 * detectCapabilities parses `docker buildx ls`, `buildx version` and
 * `docker info` output: a fake docker prints canned output (parsing only;
 * the real engine is covered by test/integration/build.test.ts).
 */
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
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
});
