import { describe, expect, it } from 'vitest';
import { buildFailure, buildxArgs, outputSpec, parseBuildMetadata, type BuildRequest } from '../../src/docker/buildx.js';
import { capabilitiesFrom, unsupportedPlatforms, type CapabilityFacts } from '../../src/docker/buildx-capabilities.js';
import { BcError } from '../../src/errors.js';

const base: BuildRequest = { context: '/ctx', metadataFile: '/tmp/m.json', output: { type: 'load' }, platforms: ['linux/amd64', 'linux/arm64'], provenance: 'min' };
const head = ['buildx', 'build', '--progress', 'plain', '--platform', 'linux/amd64,linux/arm64'];

// A numbered table: input → exact argv after `docker`.
const table: [number, string, BuildRequest, string[]][] = [
  [1, 'both platforms as the plan gives them, provenance min, load', base, [...head, '--metadata-file', '/tmp/m.json', '--provenance=mode=min', '--load', '/ctx']],
  [
    2,
    'dockerfile, one platform, provenance off, tty progress',
    { ...base, dockerfile: '/r/Dockerfile', platforms: ['linux/arm64'], provenance: false, progress: 'tty' },
    ['buildx', 'build', '--progress', 'tty', '--platform', 'linux/arm64', '-f', '/r/Dockerfile', '--metadata-file', '/tmp/m.json', '--provenance=false', '--load', '/ctx'],
  ],
  [
    3,
    'labels and build args sorted by key, tags in order',
    { ...base, labels: { 'io.airbyte.version': '1.0.0', 'io.airbyte.name': 'airbyte/source-x' }, tags: ['a/b:1', 'a/b:dev'], buildArgs: { Z: '1', A: 'x=y' } },
    [
      ...head,
      '--metadata-file',
      '/tmp/m.json',
      '--provenance=mode=min',
      '--label',
      'io.airbyte.name=airbyte/source-x',
      '--label',
      'io.airbyte.version=1.0.0',
      '-t',
      'a/b:1',
      '-t',
      'a/b:dev',
      '--build-arg',
      'A=x=y',
      '--build-arg',
      'Z=1',
      '--load',
      '/ctx',
    ],
  ],
  [
    4,
    'cache passthrough, no-cache, builder, provenance max',
    { ...base, cacheFrom: ['type=registry,ref=r/c'], cacheTo: ['type=inline'], noCache: true, builder: 'ci', provenance: 'max' },
    [
      'buildx',
      'build',
      '--builder',
      'ci',
      '--progress',
      'plain',
      '--platform',
      'linux/amd64,linux/arm64',
      '--metadata-file',
      '/tmp/m.json',
      '--provenance=mode=max',
      '--cache-from',
      'type=registry,ref=r/c',
      '--cache-to',
      'type=inline',
      '--no-cache',
      '--load',
      '/ctx',
    ],
  ],
  [
    5,
    'oci archive with rewrite-timestamp',
    { ...base, output: { type: 'oci', dest: '/out/img.tar', rewriteTimestamp: true } },
    [...head, '--metadata-file', '/tmp/m.json', '--provenance=mode=min', '--output', 'type=oci,dest=/out/img.tar,rewrite-timestamp=true', '/ctx'],
  ],
  [
    6,
    'oci archive path with a comma is CSV-quoted',
    { ...base, output: { type: 'oci', dest: '/out/a,b.tar' } },
    [...head, '--metadata-file', '/tmp/m.json', '--provenance=mode=min', '--output', 'type=oci,"dest=/out/a,b.tar"', '/ctx'],
  ],
  [
    7,
    'push by digest (repository names only)',
    { ...base, output: { type: 'push', names: ['reg:5000/a/b'], pushByDigest: true, rewriteTimestamp: true } },
    [...head, '--metadata-file', '/tmp/m.json', '--provenance=mode=min', '--output', 'type=image,name=reg:5000/a/b,push=true,push-by-digest=true,rewrite-timestamp=true', '/ctx'],
  ],
  [
    8,
    'push with two tags, insecure registry',
    { ...base, output: { type: 'push', names: ['r/a:1', 'r/a:latest'], insecure: true } },
    [...head, '--metadata-file', '/tmp/m.json', '--provenance=mode=min', '--output', 'type=image,"name=r/a:1,r/a:latest",push=true,registry.insecure=true', '/ctx'],
  ],
  [
    10,
    'annotations go to an OCI output (index and manifest), in the given order',
    { ...base, annotations: ['index:org.opencontainers.image.revision=abc', 'manifest:org.opencontainers.image.revision=abc'], output: { type: 'oci', dest: '/o', tar: false } },
    [...head, '--metadata-file', '/tmp/m.json', '--provenance=mode=min', '--annotation', 'index:org.opencontainers.image.revision=abc', '--annotation', 'manifest:org.opencontainers.image.revision=abc', '--output', 'type=oci,dest=/o,tar=false', '/ctx'],
  ],
  [
    11,
    'annotations are not passed to a load (no index is kept)',
    { ...base, annotations: ['index:a=b'] },
    [...head, '--metadata-file', '/tmp/m.json', '--provenance=mode=min', '--load', '/ctx'],
  ],
  [
    9,
    'cache only',
    { ...base, output: { type: 'cacheonly' } },
    [...head, '--metadata-file', '/tmp/m.json', '--provenance=mode=min', '--output', 'type=cacheonly', '/ctx'],
  ],
];

describe('buildxArgs', () => {
  it.each(table)('%i. %s', (_n, _what, req, argv) => {
    expect(buildxArgs(req)).toEqual(argv);
  });

  it('refuses a push with no image name', () => {
    expect(() => buildxArgs({ ...base, output: { type: 'push', names: [] } })).toThrow(/at least one image name/);
  });

  it('quotes embedded quotes the CSV way', () => {
    expect(outputSpec([['dest', 'a"b']])).toBe('"dest=a""b"');
  });
});

const D = (c: string) => `sha256:${c.repeat(64)}`;

describe('parseBuildMetadata', () => {
  it('reads the digest, descriptor, names and ref', () => {
    const m = parseBuildMetadata(
      JSON.stringify({
        'buildx.build.ref': 'default/default/abc',
        'containerimage.descriptor': { mediaType: 'application/vnd.oci.image.index.v1+json', digest: D('a'), size: 1607 },
        'containerimage.digest': D('a'),
        'image.name': 'docker.io/a/b:1,docker.io/a/b:dev',
      }),
      { expectDigest: true },
    );
    expect(m.digest).toBe(D('a'));
    expect(m.mediaType).toBe('application/vnd.oci.image.index.v1+json');
    expect(m.imageNames).toEqual(['docker.io/a/b:1', 'docker.io/a/b:dev']);
    expect(m.buildRef).toBe('default/default/abc');
  });

  it('a missing digest is an error when one is expected, and fine otherwise', () => {
    const text = JSON.stringify({ 'buildx.build.ref': 'x' });
    expect(() => parseBuildMetadata(text, { expectDigest: true })).toThrow(/no image digest/);
    expect(parseBuildMetadata(text, { expectDigest: false }).digest).toBeUndefined();
  });

  it('rejects a malformed digest and disagreeing fields', () => {
    expect(() => parseBuildMetadata(JSON.stringify({ 'containerimage.digest': 'sha256:xyz' }), { expectDigest: true })).toThrow(/unexpected shape/);
    expect(() =>
      parseBuildMetadata(
        JSON.stringify({ 'containerimage.digest': D('a'), 'containerimage.descriptor': { mediaType: 'x', digest: D('b'), size: 1 } }),
        { expectDigest: true },
      ),
    ).toThrow(/disagree/);
    expect(() => parseBuildMetadata('not json', { expectDigest: true })).toThrow(/not JSON/);
  });
});

describe('buildFailure', () => {
  const plain = [
    '#9 [linux/arm64 3/3] RUN false',
    '#9 ERROR: process "/bin/sh -c false" did not complete successfully: exit code: 1',
    '------',
    ' > [linux/arm64 3/3] RUN false:',
    'some output of the step',
    '------',
    'Dockerfile:3',
    'ERROR: failed to solve: process "/bin/sh -c false" did not complete successfully: exit code: 1',
  ];

  it('names the failing step and keeps its last lines and the ERROR line (exit 1)', () => {
    const e = buildFailure(plain, 1, 'docker buildx build ...');
    expect(e).toBeInstanceOf(BcError);
    expect(e.exitCode).toBe(1);
    expect(e.message).toBe('build failed at step [linux/arm64 3/3] RUN false');
    expect(e.details).toContain('  some output of the step');
    expect(e.details.some((d) => d.startsWith('ERROR: failed to solve'))).toBe(true);
  });

  it('missing emulation is an environment problem (exit 3) with the fix', () => {
    const e = buildFailure([...plain.slice(0, 4), 'exec /bin/sh: exec format error', ...plain.slice(5)], 1, 'x');
    expect(e.exitCode).toBe(3);
    expect(e.details.join('\n')).toMatch(/update-binfmts --enable qemu-aarch64/);
  });

  it('without a step summary it keeps the last lines', () => {
    const e = buildFailure(['a', 'b', 'ERROR: something'], 17, 'x');
    expect(e.message).toBe('docker buildx build exited with code 17');
    expect(e.details).toContain('  b');
  });
});

const facts = (over: Partial<CapabilityFacts>): CapabilityFacts => ({
  builder: 'default',
  driver: 'docker',
  nodes: 1,
  platforms: ['linux/amd64', 'linux/amd64/v2', 'linux/arm64'],
  buildxVersion: '0.13.1',
  buildkitVersion: 'v0.0.0+unknown',
  engineVersion: '26.1.5+dfsg1',
  containerdStore: true,
  ...over,
});

describe('capabilitiesFrom', () => {
  const cases: [number, string, Partial<CapabilityFacts>, { mpLoad: boolean; oci: boolean; pbd: boolean; rtOci: boolean; rtImage: boolean; mpBuild: boolean }][] = [
    [1, 'docker driver, containerd store, engine 26 (this machine)', {}, { mpBuild: true, mpLoad: true, oci: true, pbd: false, rtOci: true, rtImage: false }],
    [2, 'docker driver, classic store', { containerdStore: false }, { mpBuild: false, mpLoad: false, oci: false, pbd: false, rtOci: false, rtImage: false }],
    [3, 'docker driver, containerd store, engine 25 (BuildKit 0.12)', { engineVersion: '25.0.3' }, { mpBuild: true, mpLoad: true, oci: true, pbd: false, rtOci: false, rtImage: false }],
    [4, 'docker-container, BuildKit 0.13, containerd store', { driver: 'docker-container', buildkitVersion: 'v0.13.2' }, { mpBuild: true, mpLoad: true, oci: true, pbd: true, rtOci: true, rtImage: true }],
    [5, 'docker-container, classic store', { driver: 'docker-container', buildkitVersion: 'v0.16.0', containerdStore: false }, { mpBuild: true, mpLoad: false, oci: true, pbd: true, rtOci: true, rtImage: true }],
    [6, 'remote, BuildKit 0.12, no local engine', { driver: 'remote', buildkitVersion: 'v0.12.5', containerdStore: undefined }, { mpBuild: true, mpLoad: false, oci: true, pbd: true, rtOci: false, rtImage: false }],
    [7, 'docker-container, two nodes', { driver: 'docker-container', buildkitVersion: 'v0.15.0', nodes: 2 }, { mpBuild: true, mpLoad: false, oci: true, pbd: true, rtOci: true, rtImage: true }],
    [8, 'docker-container, buildx 0.10', { driver: 'docker-container', buildkitVersion: 'v0.13.0', buildxVersion: '0.10.4' }, { mpBuild: true, mpLoad: false, oci: true, pbd: true, rtOci: true, rtImage: true }],
  ];
  it.each(cases)('%i. %s', (_n, _w, over, want) => {
    const c = capabilitiesFrom(facts(over));
    expect({
      mpBuild: c.multiPlatformBuild,
      mpLoad: c.multiPlatformLoad,
      oci: c.ociOutput,
      pbd: c.pushByDigest,
      rtOci: c.rewriteTimestamp.oci,
      rtImage: c.rewriteTimestamp.image,
    }).toEqual(want);
    if (!want.mpLoad) expect(c.notes.join('\n')).toMatch(/load|classic/);
  });

  it('annotations need buildx >= 0.12 and BuildKit >= 0.11 (said in the notes otherwise)', () => {
    expect(capabilitiesFrom(facts({})).annotations).toBe(true);
    expect(capabilitiesFrom(facts({ driver: 'docker-container', buildkitVersion: 'v0.10.6' })).annotations).toBe(false);
    const old = capabilitiesFrom(facts({ driver: 'docker-container', buildkitVersion: 'v0.13.0', buildxVersion: '0.11.2' }));
    expect(old.annotations).toBe(false);
    expect(old.notes.join('\n')).toMatch(/no OCI annotations/);
  });

  it('platform variants count; s390x is unsupported', () => {
    const c = capabilitiesFrom(facts({ platforms: ['linux/amd64/v2', 'linux/arm64'] }));
    expect(unsupportedPlatforms(c, ['linux/amd64', 'linux/arm64', 'linux/s390x'])).toEqual(['linux/s390x']);
  });
});
