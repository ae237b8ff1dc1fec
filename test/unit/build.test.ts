import { findingLine } from '../../src/core/steps.js';
import { createHash } from 'node:crypto';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareBuild, reproducibility } from '../../src/core/images/prepare.js';
import { ProgressFormatter, progressMode } from '../../src/core/images/progress.js';
import { readOciArchive, writeLayoutTar } from '../../src/oci/layout.js';
import { resolveSourceDateEpoch } from '../../src/core/images/build.js';
import { BuildResultSchema } from '../../src/core/images/result.js';
import { capabilitiesFrom, type CapabilityFacts } from '../../src/docker/buildx-capabilities.js';
import { humanResult } from '../../src/commands/build.js';
import { buildRequestOf, parseBuildCommand } from '../../src/core/request-schema.js';
import { BcError } from '../../src/errors.js';
import type { BuildPlan } from '../../src/render/types.js';
import type { Connector } from '../../src/connector/types.js';

const connector: Connector = {
  dir: '/c/source-x',
  metadataPath: '/c/source-x/metadata.yaml',
  name: 'X',
  dirName: 'source-x',
  type: 'source',
  repository: 'airbyte/source-x',
  version: '1.2.3',
  definitionId: undefined,
  language: 'python',
  baseImage: undefined,
  options: {},
  registryOverrides: {},
  customDockerfile: undefined,
  positionOf: () => undefined,
};
const plan: BuildPlan = {
  connector,
  mode: 'rendered',
  dockerfile: 'FROM scratch\n',
  dockerfilePath: undefined,
  dockerignore: 'secrets/\n',
  context: '/c/source-x',
  baseImage: 'r/b@sha256:' + 'a'.repeat(64),
  entrypoint: ['/usr/local/bin/source-x'],
  labels: { 'io.airbyte.name': 'airbyte/source-x' },
  platforms: ['linux/amd64', 'linux/arm64'],
  permittedWriteDirs: ['/airbyte'],
};
const facts = (over: Partial<CapabilityFacts> = {}): CapabilityFacts => ({
  builder: 'default',
  driver: 'docker',
  nodes: 1,
  platforms: ['linux/amd64', 'linux/amd64/v2', 'linux/arm64'],
  buildxVersion: '0.13.1',
  buildkitVersion: 'v0.0.0+unknown',
  engineVersion: '26.1.5',
  containerdStore: true,
  ...over,
});
const files = { dockerfile: '/w/Dockerfile', metadataFile: '/w/m.json' };
const err = (fn: () => unknown): BcError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof BcError) return e;
    throw e;
  }
  throw new Error('expected a BcError');
};

describe('prepareBuild', () => {
  it('1. default: load both platforms, tags REPO:VERSION and REPO:dev, labels from the plan', () => {
    const p = prepareBuild(plan, { provenance: 'min' }, capabilitiesFrom(facts()), files);
    expect(p.platforms).toEqual(['linux/amd64', 'linux/arm64']);
    expect(p.tags).toEqual(['airbyte/source-x:1.2.3', 'airbyte/source-x:dev']);
    expect(p.request).toMatchObject({
      context: '/c/source-x',
      dockerfile: '/w/Dockerfile',
      output: { type: 'load' },
      provenance: 'min',
      labels: { 'io.airbyte.name': 'airbyte/source-x' },
      metadataFile: '/w/m.json',
    });
    expect(p.reproducible).toMatchObject({ index: false, manifests: false });
  });

  it('2. --tag replaces the default tags; oci output gets rewrite-timestamp where supported', () => {
    const p = prepareBuild(plan, { provenance: 'min', tags: ['me/x:t'], output: { type: 'oci', dest: '/o/x.tar' } }, capabilitiesFrom(facts()), files);
    expect(p.tags).toEqual(['me/x:t']);
    expect(p.request.output).toEqual({ type: 'oci', dest: '/o/x.tar', rewriteTimestamp: true });
    expect(p.reproducible).toMatchObject({ index: false, manifests: true });
    const np = prepareBuild(plan, { output: { type: 'oci', dest: '/o/x.tar' }, provenance: false }, capabilitiesFrom(facts()), files);
    expect(np.reproducible).toMatchObject({ index: true, manifests: true });
    // publish's layout directory: tar=false, nothing else changes
    const dir = prepareBuild(plan, { provenance: 'min', output: { type: 'oci', dest: '/o/x.oci', layout: 'dir' } }, capabilitiesFrom(facts()), files);
    expect(dir.request.output).toEqual({ type: 'oci', dest: '/o/x.oci', rewriteTimestamp: true, tar: false });
  });

  it('3. an unsupported platform is an environment error (exit 3) naming what the builder can do', () => {
    const e = err(() => prepareBuild(plan, { provenance: 'min', platforms: ['linux/amd64', 'linux/s390x'] }, capabilitiesFrom(facts()), files));
    expect(e.exitCode).toBe(3);
    expect(e.message).toMatch(/cannot build linux\/s390x/);
    expect(e.details.join('\n')).toMatch(/it can build: linux\/amd64/);
  });

  it('4. arm64 without emulation names the binfmt fix', () => {
    const e = err(() => prepareBuild(plan, { provenance: 'min' }, capabilitiesFrom(facts({ platforms: ['linux/amd64'] })), files));
    expect(e.exitCode).toBe(3);
    expect(e.details.join('\n')).toMatch(/update-binfmts --enable qemu-aarch64/);
  });

  it('5. multi-platform --load without the containerd store: exit 3 with both fixes', () => {
    const e = err(() => prepareBuild(plan, { provenance: 'min' }, capabilitiesFrom(facts({ driver: 'docker-container', buildkitVersion: 'v0.13.1', containerdStore: false })), files));
    expect(e.exitCode).toBe(3);
    expect(e.message).toMatch(/cannot --load a 2-platform image/);
    expect(e.details.join('\n')).toMatch(/containerd-snapshotter/);
    expect(e.details.join('\n')).toMatch(/--output oci=FILE/);
    // one platform is fine there
    expect(prepareBuild(plan, { provenance: 'min', platforms: ['linux/amd64'] }, capabilitiesFrom(facts({ driver: 'docker-container', containerdStore: false })), files).platforms).toEqual(['linux/amd64']);
  });

  it('6. docker driver on the classic store cannot build two platforms or write OCI', () => {
    const caps = capabilitiesFrom(facts({ containerdStore: false }));
    expect(err(() => prepareBuild(plan, { provenance: 'min' }, caps, files)).message).toMatch(/cannot build several platforms/);
    expect(err(() => prepareBuild(plan, { provenance: 'min', platforms: ['linux/amd64'], output: { type: 'oci', dest: '/x' } }, caps, files)).message).toMatch(/cannot write an OCI archive/);
  });

  it('7. a malformed platform is bad input (exit 2)', () => {
    expect(err(() => prepareBuild(plan, { provenance: 'min', platforms: ['amd64'] }, capabilitiesFrom(facts()), files)).exitCode).toBe(2);
  });

  it('8. reproducibility reasons', () => {
    expect(reproducibility('oci', false, 'min', { driver: 'docker-container', effectiveBuildkit: '0.12.0' }).reason).toMatch(/needs >= 0.13/);
    expect(reproducibility('load', false, false, { driver: 'docker-container', effectiveBuildkit: '0.13.0' }).index).toBe(false);
  });
});

describe('progress', () => {
  it('plain: elapsed time, platform carried from the step header to its later lines', () => {
    const f = new ProgressFormatter('plain');
    expect(f.format('#9 [linux/arm64 3/3] RUN make', 1234)).toBe('   1.2s linux/arm64 #9 [linux/arm64 3/3] RUN make');
    expect(f.format('#9 0.512 compiling', 2000)).toBe('   2.0s linux/arm64 #9 0.512 compiling');
    expect(f.format('#9 DONE 0.6s', 2500)).toBe('   2.5s linux/arm64 #9 DONE 0.6s');
    expect(f.format('#6 [internal] load build context', 3000)).toBe('   3.0s             #6 [internal] load build context');
    expect(f.format('   ', 3000)).toBeUndefined();
  });

  it('single-platform builds: "[2/3]" is not a platform; the one platform is shown', () => {
    const f = new ProgressFormatter('plain', 'linux/amd64');
    expect(f.format('#4 [2/3] RUN make', 1000)).toBe('   1.0s linux/amd64 #4 [2/3] RUN make');
    expect(f.format('#1 [internal] load build definition from Dockerfile', 1000)).toBe('   1.0s             #1 [internal] load build definition from Dockerfile');
    expect(new ProgressFormatter('plain').format('#4 [stage-1 2/3] RUN make', 0)).toBe('   0.0s             #4 [stage-1 2/3] RUN make');
  });

  it('tty: internal steps are dropped unless they fail; quiet prints nothing', () => {
    const f = new ProgressFormatter('tty');
    expect(f.format('#6 [internal] load build context', 0)).toBeUndefined();
    expect(f.format('#6 DONE 0.0s', 0)).toBeUndefined();
    expect(f.format('#6 ERROR: failed to read', 0)).toMatch(/ERROR/);
    expect(f.format('#7 [linux/amd64 2/3] COPY . /app', 0)).toMatch(/linux\/amd64/);
    expect(new ProgressFormatter('quiet').format('#1 x', 0)).toBeUndefined();
  });

  it('mode: tty only in a terminal outside CI', () => {
    expect(progressMode('auto', true, {})).toBe('tty');
    expect(progressMode('auto', true, { CI: 'true' })).toBe('plain');
    expect(progressMode(undefined, false, {})).toBe('plain');
    expect(progressMode('quiet', true, {})).toBe('quiet');
  });
});

describe('readOciArchive', () => {
  let dir: string;
  const blobs = new Map<string, string>();
  const put = (obj: unknown) => {
    const text = JSON.stringify(obj);
    const d = `sha256:${createHash('sha256').update(text).digest('hex')}`;
    blobs.set(d, text);
    return { digest: d, size: text.length };
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bc-oci-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function archive(name: string, index: unknown): Promise<string> {
    const root = join(dir, name);
    await mkdir(join(root, 'blobs', 'sha256'), { recursive: true });
    for (const [d, text] of blobs) await writeFile(join(root, 'blobs', 'sha256', d.slice(7)), text);
    await writeFile(join(root, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
    await writeFile(join(root, 'index.json'), JSON.stringify(index));
    const tar = join(dir, `${name}.tar`);
    await execa('tar', ['-cf', tar, '-C', root, 'oci-layout', 'blobs', 'index.json']);
    return tar;
  }

  it('multi-platform index: per-platform manifests, attestations counted apart, names', async () => {
    const amd = put({ config: { mediaType: 'c', digest: `sha256:${'1'.repeat(64)}`, size: 1 } });
    const arm = put({ config: { mediaType: 'c', digest: `sha256:${'2'.repeat(64)}`, size: 1 } });
    const att = put({ config: { mediaType: 'c', digest: `sha256:${'3'.repeat(64)}`, size: 1 } });
    const M = 'application/vnd.oci.image.manifest.v1+json';
    const idx = put({
      schemaVersion: 2,
      manifests: [
        { mediaType: M, ...amd, platform: { os: 'linux', architecture: 'amd64' } },
        { mediaType: M, ...arm, platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } },
        { mediaType: M, ...att, platform: { os: 'unknown', architecture: 'unknown' } },
      ],
    });
    const tar = await archive('multi', {
      schemaVersion: 2,
      manifests: [{ mediaType: 'application/vnd.oci.image.index.v1+json', ...idx, annotations: { 'io.containerd.image.name': 'docker.io/a/b:1' } }],
    });
    const facts = await readOciArchive(tar);
    expect(facts.digest).toBe(idx.digest);
    expect(facts.manifests).toEqual([
      { platform: 'linux/amd64', digest: amd.digest },
      { platform: 'linux/arm64/v8', digest: arm.digest },
    ]);
    expect(facts.attestations).toBe(1);
    expect(facts.names).toEqual(['docker.io/a/b:1']);
    // the layout directory (publish: tar=false) reads the same
    expect(await readOciArchive(join(dir, 'multi'))).toEqual(facts);
    // and written back as a tarball (for docker load), tar and we read it alike
    const again = join(dir, 'multi-again.tar');
    await writeLayoutTar(join(dir, 'multi'), again);
    expect(await readOciArchive(again)).toEqual(facts);
    const listed = (await execa('tar', ['-tf', again])).stdout.split('\n').sort();
    expect(listed).toEqual(['blobs/sha256/' + idx.digest.slice(7), 'index.json', 'oci-layout', ...[amd, arm, att].map((m) => `blobs/sha256/${m.digest.slice(7)}`)].sort());
  });

  it('single-platform image: platform from the config', async () => {
    const cfg = put({ os: 'linux', architecture: 'arm64' });
    const man = put({ config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...cfg } });
    const tar = await archive('single', { manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', ...man }] });
    const facts = await readOciArchive(tar);
    expect(facts.manifests).toEqual([{ platform: 'linux/arm64', digest: man.digest }]);
  });

  it('a missing or broken archive is a failed build step, not a crash', async () => {
    await expect(readOciArchive(join(dir, 'nope.tar'))).rejects.toThrow(/was not written/);
    await writeFile(join(dir, 'garbage.tar'), 'x'.repeat(2000));
    await expect(readOciArchive(join(dir, 'garbage.tar'))).rejects.toBeInstanceOf(BcError);
  });
});

describe('SOURCE_DATE_EPOCH and flags', () => {
  it('flag > env > git > 0', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'bc-sde-'));
    try {
      expect(await resolveSourceDateEpoch(outside, 42, { SOURCE_DATE_EPOCH: '7' })).toEqual({ value: 42, from: 'flag' });
      expect(await resolveSourceDateEpoch(outside, undefined, { SOURCE_DATE_EPOCH: '7' })).toEqual({ value: 7, from: 'env' });
      expect(await resolveSourceDateEpoch(outside, undefined, {})).toEqual({ value: 0, from: 'default' });
      await expect(resolveSourceDateEpoch(outside, undefined, { SOURCE_DATE_EPOCH: 'yesterday' })).rejects.toThrow(/non-negative integer/);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it('output / provenance / epoch flags: one grammar in the core, each error names the flag', () => {
    const build = (flags: Record<string, unknown>) => buildRequestOf('.', parseBuildCommand({ connectors: ['.'], ...flags }));
    expect(build({}).output).toBeUndefined(); // load
    expect(build({ output: 'oci=/tmp/x.tar' }).output).toEqual({ type: 'oci', dest: '/tmp/x.tar' });
    expect(build({ output: 'type=oci,dest=x.tar' }).output).toEqual({ type: 'oci', dest: 'x.tar' });
    expect(() => build({ output: 'type=registry' })).toThrow(/^--output: expected oci=FILE \(pushing is done by `build-connector publish`/);
    expect(() => build({ output: 'oci=x', load: true })).toThrow(/--load: cannot go with --output/);
    expect(() => build({ configFile: 'c.json' })).toThrow(/--config: is used by --verify only/);
    expect(build({ verify: true, configFile: 'c.json' }).verify).toEqual({ configFile: 'c.json', timeoutSeconds: 120 });
    expect(build({ verify: true, timeout: '30' }).verify).toEqual({ configFile: undefined, timeoutSeconds: 30 });
    expect(() => build({ timeout: '30' })).toThrow(/^--timeout: is used by --verify only/);
    expect(() => build({ verify: true, timeout: '0' })).toThrow('--timeout: expected a positive number of seconds, got "0"');
    expect(build({}).provenance).toBe('min');
    expect(build({ provenance: 'mode=max' }).provenance).toBe('max');
    expect(build({ provenance: 'false' }).provenance).toBe(false);
    expect(build({ provenance: 'none' }).provenance).toBe(false); // build and publish take the same words
    expect(() => build({ provenance: 'maybe' })).toThrow('--provenance: expected min, max or false, got "maybe"');
    expect(build({ sourceDateEpoch: '0' }).sourceDateEpoch).toBe(0);
    expect(() => build({ sourceDateEpoch: '-1' })).toThrow(/--source-date-epoch: expected unix seconds/);
    expect(() => build({ progress: 'fancy' })).toThrow('--progress: expected auto, tty, plain or quiet, got "fancy"');
    expect(build({ progress: 'plain' }).progress).toBe('plain');
  });

  it('lint findings print as FILE:LINE:COL', () => {
    expect([{ ruleId: 'user-root', severity: 'error' as const, file: 'Dockerfile', line: 3, column: 1, message: 'runs as root' }].map(findingLine)).toEqual([
      'Dockerfile:3:1 error [user-root] runs as root',
    ]);
    // the fix field follows the message, as in lint's own lines
    expect(findingLine({ ruleId: 'user-root', severity: 'error', file: 'Dockerfile', line: 3, column: 1, message: 'runs as root', fix: 'USER airbyte' })).toBe(
      'Dockerfile:3:1 error [user-root] runs as root; fix: USER airbyte',
    );
  });

  it('the result schema accepts what humanResult prints from', () => {
    const r = BuildResultSchema.parse({
      connector: { name: 'X', repository: 'airbyte/source-x', version: '1.2.3', dir: '/c' },
      mode: 'rendered',
      digest: `sha256:${'a'.repeat(64)}`,
      mediaType: null,
      platforms: ['linux/amd64'],
      manifests: [{ platform: 'linux/amd64', digest: `sha256:${'b'.repeat(64)}` }],
      attestations: 1,
      output: 'oci',
      imageRef: null,
      tags: ['airbyte/source-x:1.2.3'],
      ociArchive: '/o/x.tar',
      reproducible: { index: false, manifests: true, reason: 'r' },
      sourceDateEpoch: 0,
      sourceDateEpochFrom: 'default',
      provenance: 'min',
      builder: { name: 'default', driver: 'docker' },
      dockerfile: '(rendered)',
      lint: { errors: 0, warnings: 0, ran: true },
      durationMs: 1000,
      buildxMetadata: {},
    });
    const strategy = {
      strategy: 'multi-platform' as const,
      why: 'containerd image store with the docker driver',
      builder: 'default',
      driver: 'docker',
      store: 'containerd' as const,
      reproducible: true,
      provenance: { attached: true as const, mode: 'min' as const },
      unavailable: [{ what: 'push-by-digest', why: 'the docker driver cannot push by digest' }],
    };
    const text = humanResult({ dir: '/c', steps: [], durations: {}, findings: [], result: 'built', build: r, strategy, notes: [] });
    expect(text).toMatch(/strategy\s+multi-platform: containerd image store/);
    expect(text).toMatch(/unavailable\s+push-by-digest/);
    expect(text).toMatch(/OCI archive\s+\/o\/x.tar/);
    expect(text).toMatch(/linux\/amd64\s+sha256:b{64}/);
    expect(text).toMatch(/per-platform manifests: yes/);
  });
});
