import { describe, expect, it } from 'vitest';
import { compareImages, indexFactsFromBytes } from '../../src/publish/apply.js';
import { resolveTarget, splitRepository } from '../../src/publish/target.js';
import { formatGitTag, parseGitTag } from '../../src/publish/release-plan.js';
import { parseFields } from '../../src/core/request-fields.js';
import { credentialsFromConfig, resolveCredentials } from '../../src/registry/credentials.js';
import { exitCodeOf, type PublishResult } from '../../src/core/result.js';
import { formatResult } from '../../src/commands/publish-format.js';
import type { Connector } from '../../src/connector/types.js';

const d = (c: string) => `sha256:${c.repeat(64)}`;

function index(entries: { digest: string; platform?: [string, string]; attestation?: boolean }[]): Buffer {
  return Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: entries.map((e) => ({
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        digest: e.digest,
        size: 1,
        platform: e.platform ? { os: e.platform[0], architecture: e.platform[1] } : { os: 'unknown', architecture: 'unknown' },
        ...(e.attestation ? { annotations: { 'vnd.docker.reference.type': 'attestation-manifest', 'vnd.docker.reference.digest': d('f') } } : {}),
      })),
    }),
  );
}

describe('immutability: compareImages', () => {
  const built = { digest: d('1'), platforms: { 'linux/amd64': d('a'), 'linux/arm64': d('b') }, attestations: 2 };
  const published = (entries: Parameters<typeof index>[0]) => indexFactsFromBytes(d('9'), index(entries));

  it('1. same index digest → same', () => {
    expect(compareImages(undefined, d('1'), built)).toEqual({ same: true, how: 'index digest' });
  });
  it('2. other index digest but the same image per platform (provenance differs) → same', () => {
    const f = published([{ digest: d('a'), platform: ['linux', 'amd64'] }, { digest: d('b'), platform: ['linux', 'arm64'] }, { digest: d('c'), attestation: true }]);
    expect(f?.attestations).toBe(1);
    expect(compareImages(f, d('9'), built)).toEqual({ same: true, how: 'platform images' });
  });
  it('3. one platform differs → different, naming it', () => {
    const f = published([{ digest: d('a'), platform: ['linux', 'amd64'] }, { digest: d('e'), platform: ['linux', 'arm64'] }]);
    expect(compareImages(f, d('9'), built)).toEqual({ same: false, why: 'different image for linux/arm64' });
  });
  it('4. a platform missing in the published index → different', () => {
    const f = published([{ digest: d('a'), platform: ['linux', 'amd64'] }]);
    expect(compareImages(f, d('9'), built).same).toBe(false);
  });
  it('5. a published single-platform manifest → different', () => {
    expect(compareImages(undefined, d('9'), built)).toEqual({ same: false, why: 'the published image is a single manifest, not a multi-platform index' });
  });
  it('6. not JSON → not an index', () => {
    expect(indexFactsFromBytes(d('9'), Buffer.from('nope'))).toBeUndefined();
  });
});

function connector(over: Partial<Connector> = {}): Connector {
  return {
    dir: '/x/source-foo',
    metadataPath: '/x/source-foo/metadata.yaml',
    name: 'Foo',
    dirName: 'source-foo',
    type: 'source',
    repository: 'airbyte/source-foo',
    version: '1.2.3',
    definitionId: undefined,
    language: 'python',
    baseImage: undefined,
    options: {},
    registryOverrides: { cloud: { dockerRepository: 'airbyte/source-foo-strict-encrypt', dockerImageTag: '1.2.4' }, oss: {} },
    customDockerfile: undefined,
    positionOf: (p: string) => (p === 'data.dockerImageTag' ? { file: '/x/source-foo/metadata.yaml', line: 7, column: 19 } : p.endsWith('.dockerImageTag') ? { file: '/x/source-foo/metadata.yaml', line: 14, column: 23 } : undefined),
    ...over,
  } as Connector;
}

describe('resolveTarget', () => {
  it('1. Docker Hub by default', () => {
    const t = resolveTarget(connector(), {});
    expect([t.registry, t.repo, t.reference, t.version]).toEqual(['docker.io', 'airbyte/source-foo', 'docker.io/airbyte/source-foo', '1.2.3']);
    expect(t.versionSource).toMatch(/metadata\.yaml:7:19 data\.dockerImageTag$/);
  });
  it('2. --registry replaces the host', () => {
    const t = resolveTarget(connector({ repository: 'ghcr.io/org/source-foo' }), { registry: 'localhost:5000' });
    expect(t.reference).toBe('localhost:5000/org/source-foo');
  });
  it('3. --target cloud uses registryOverrides.cloud (repository and version)', () => {
    const t = resolveTarget(connector(), { target: 'cloud', registry: 'localhost:5000' });
    expect([t.repo, t.version]).toEqual(['airbyte/source-foo-strict-encrypt', '1.2.4']);
    expect(t.versionSource).toContain('data.registryOverrides.cloud.dockerImageTag');
  });
  it('4. --target oss without overrides falls back, with a note', () => {
    const t = resolveTarget(connector(), { target: 'oss' });
    expect(t.repo).toBe('airbyte/source-foo');
    expect(t.notes.join()).toMatch(/no data\.registryOverrides\.oss/);
  });
  it('5. --repository and --release-version win', () => {
    const t = resolveTarget(connector(), { repository: 'me/thing', version: '9.9.9', target: 'cloud' });
    expect([t.repo, t.version, t.versionSource]).toEqual(['me/thing', '9.9.9', '--release-version']);
  });
  it('6. single-name Docker Hub repositories live under library/', () => {
    expect(resolveTarget(connector({ repository: 'thing' }), {}).repo).toBe('library/thing');
  });
  it('7. splitRepository', () => {
    expect(splitRepository('localhost:5000/a/b')).toEqual({ registry: 'localhost:5000', path: 'a/b' });
    expect(splitRepository('airbyte/source-foo')).toEqual({ registry: undefined, path: 'airbyte/source-foo' });
  });
});

describe('release tags', () => {
  it.each([
    ['refs/tags/source-foo/v1.2.3', '{dir}/v{version}', { dir: 'source-foo', version: '1.2.3', tag: 'source-foo/v1.2.3' }],
    ['source-foo/v1.2.3-rc.1', '{dir}/v{version}', { dir: 'source-foo', version: '1.2.3-rc.1', tag: 'source-foo/v1.2.3-rc.1' }],
    ['refs/tags/release-source-foo-1.0.0', 'release-{dir}-{version}', { dir: 'source-foo', version: '1.0.0', tag: 'release-source-foo-1.0.0' }],
    ['refs/tags/v2.0.0', 'v{version}', { dir: undefined, version: '2.0.0', tag: 'v2.0.0' }],
  ])('parses %s with %s', (ref, format, want) => {
    expect(parseGitTag(ref, format)).toEqual(want);
  });
  it.each([['refs/tags/source-foo'], ['refs/heads/main'], ['source-foo/1.2.3']])('%s is not a release tag', (ref) => {
    expect(parseGitTag(ref, '{dir}/v{version}')).toBeUndefined();
  });
  it('formats and round-trips', () => {
    expect(formatGitTag('{dir}/v{version}', 'source-foo', '1.2.3')).toBe('source-foo/v1.2.3');
    // a format without {version} is refused where the flag is read (core/request-fields.ts)
    expect(() => parseFields({ gitTagFormat: '{dir}' })).toThrow(/^--git-tag-format: expected a tag format containing \{version\}/);
    expect(parseFields({ gitTagFormat: undefined }).gitTagFormat).toBe('{dir}/v{version}');
  });
});

describe('credentials', () => {
  const auth = Buffer.from('bob:s3cr:et').toString('base64');
  it('1. auths entry (password may contain ":")', () => {
    expect(credentialsFromConfig(JSON.stringify({ auths: { 'localhost:5001': { auth } } }), 'localhost:5001')).toEqual({ username: 'bob', password: 's3cr:et', source: 'docker config' });
  });
  it('2. Docker Hub legacy key', () => {
    expect(credentialsFromConfig(JSON.stringify({ auths: { 'https://index.docker.io/v1/': { auth } } }), 'docker.io')).toMatchObject({ username: 'bob' });
  });
  it('3. a credential helper wins over auths; credsStore is the fallback', () => {
    expect(credentialsFromConfig(JSON.stringify({ credHelpers: { 'ghcr.io': 'gh' }, auths: { 'ghcr.io': { auth } } }), 'ghcr.io')).toEqual({ helper: 'gh' });
    expect(credentialsFromConfig(JSON.stringify({ credsStore: 'desktop' }), 'ghcr.io')).toEqual({ helper: 'desktop' });
  });
  it('4. nothing for another registry; garbage is ignored', () => {
    expect(credentialsFromConfig(JSON.stringify({ auths: { 'a.io': { auth } } }), 'b.io')).toBeUndefined();
    expect(credentialsFromConfig('{', 'b.io')).toBeUndefined();
  });
  it('5. explicit username + BUILD_CONNECTOR_PASSWORD; a username without a password is bad input', async () => {
    await expect(resolveCredentials('r.io', { username: 'u', env: { BUILD_CONNECTOR_PASSWORD: 'p' } })).resolves.toEqual({ username: 'u', password: 'p', source: 'BUILD_CONNECTOR_PASSWORD' });
    await expect(resolveCredentials('r.io', { username: 'u', env: { DOCKER_CONFIG: '/nonexistent' } })).rejects.toThrow(/without a password/);
    await expect(resolveCredentials('r.io', { password: 'p', env: {} })).rejects.toThrow(/a password was given without a username/);
  });
});

describe('result union', () => {
  const common = { dir: '/d', repository: 'localhost:5000/a', version: '1.0.0', steps: [], durations: {}, notes: [], faults: { total: 0, byReason: {} } };
  it('exit codes: already-published is success, refused is 4, failed keeps its code', () => {
    const rs: [PublishResult, number][] = [
      [{ ...common, result: 'already-published', digest: d('1'), sameBy: 'index digest', builtDigest: d('1'), platforms: [], platformDigests: {}, tags: [] }, 0],
      [{ ...common, result: 'refused', reason: 'x', existingDigest: d('1'), builtDigest: d('2') }, 4],
      [{ ...common, result: 'failed', step: 'resolve', reason: 'login', details: [], exitCode: 3 }, 3],
    ];
    for (const [r, code] of rs) expect(exitCodeOf(r)).toBe(code);
  });
  it('the refused text is the exact policy message', () => {
    const reason = `version 1.0.0 already published as ${d('1')}; bump dockerImageTag or pass --force`;
    expect(formatResult({ ...common, result: 'refused', reason, existingDigest: d('1'), builtDigest: d('2') })).toContain(`refused: ${reason}`);
  });
});
