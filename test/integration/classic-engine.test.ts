/**
 * The key flows on a second, real dockerd with the CLASSIC image store
 * (overlay2, no containerd snapshotter, the docker driver): what stock CI
 * runners and default Docker installs have. scripts/setup-engine.sh starts it
 * beside the main engine (its own socket, data-root, exec-root and bridge).
 *
 * Each flow runs once, on small images; the builds share the classic
 * engine's cache (the base is pulled once). The registry is the main
 * loopback registry, read back independently (test/support/registry.ts).
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { REGISTRY } from '../support/engine.js';
import { hasStackTrace, repoRoot, runCli } from '../support/cli.js';
import { indexPlatforms, tagDigest, tagMap } from '../support/registry.js';
import { ensureExampleBases } from '../support/examples.js';
import { loadImages, type BuiltImages } from '../../src/core/images/images.js';
import { chooseStrategy } from '../../src/core/strategy.js';
import { capabilitiesFrom } from '../../src/docker/buildx-capabilities.js';
import { readOciArchive } from '../../src/oci/layout.js';

export const CLASSIC_HOST = process.env.BUILD_CONNECTOR_CLASSIC_HOST ?? `unix://${process.env.BUILD_CONNECTOR_CLASSIC_DIR ?? '/run/build-connector-classic'}/docker.sock`;

function classicProblem(): string | undefined {
  try {
    const driver = execFileSync('docker', ['info', '--format', '{{.Driver}} {{json .DriverStatus}}'], { env: { ...process.env, DOCKER_HOST: CLASSIC_HOST }, stdio: 'pipe', timeout: 20_000 }).toString();
    if (driver.includes('io.containerd.snapshotter')) return `the engine at ${CLASSIC_HOST} uses the containerd store, not the classic one`;
    return undefined;
  } catch (err) {
    return `no classic engine at ${CLASSIC_HOST} (${err instanceof Error ? err.message.split('\n')[0] : String(err)}); scripts/setup-engine.sh starts one`;
  }
}

const problem = classicProblem();
const suite = problem ? (process.env.CI === 'true' ? describe : describe.skip) : describe;
const stamp = Date.now().toString(36);
const FIXTURE = join(repoRoot, 'test', 'fixtures', 'publish-source');
const env = { DOCKER_HOST: CLASSIC_HOST, BUILD_CONNECTOR_RETRY_BASE_MS: '50' };
const classicDocker = (args: string[]) => execa('docker', args, { env: { ...process.env, DOCKER_HOST: CLASSIC_HOST }, reject: false });

suite(`the classic image store with the docker driver${problem ? ` [${problem}]` : ''}`, () => {
  let work = '';
  let root = '';
  let base = '';

  beforeAll(async () => {
    if (problem) throw new Error(`CI=true but ${problem}`);
    work = await mkdtemp(join(tmpdir(), 'bc-classic-'));
    root = inject('roots').python ?? '';
    base = (await ensureExampleBases(inject('roots'))).python;
  });
  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  async function fixture(name: string, version: string): Promise<string> {
    const dir = join(work, name, 'publish-source');
    await cp(FIXTURE, dir, { recursive: true });
    const p = join(dir, 'metadata.yaml');
    await writeFile(p, (await readFile(p, 'utf8')).replace(/dockerImageTag: \S+/, `dockerImageTag: ${version}`).replace('airbyte/source-publish-fixture\n', `classic-${stamp}/${name}\n`));
    return dir;
  }

  it('doctor names the per-platform strategy and what is unavailable; its verdict is that publish works', async () => {
    const r = await runCli(['--json', 'doctor'], { env });
    const j = JSON.parse(r.stdout) as { ok: boolean; facts: { strategy: { kind: string; store: string; reproducible: boolean; provenance: boolean; unavailable: { what: string }[] } } };
    expect(r.exitCode).toBe(0);
    expect(j.ok).toBe(true);
    expect(j.facts.strategy).toMatchObject({ kind: 'per-platform', store: 'classic', reproducible: false, provenance: false });
    expect(j.facts.strategy.unavailable.map((u) => u.what)).toEqual(expect.arrayContaining(['provenance', 'reproducible-digests', 'multi-platform-image']));
  });

  it('build --platform linux/amd64 --load: one image in the classic store, provenance reported unavailable (not a failure)', async () => {
    const r = await runCli(['--json', 'build', 'examples/source-hello', '--platform', 'linux/amd64', '--load', '--base-image', base, '--tag', `classic-${stamp}/hello:amd64`], { env });
    expect(r.exitCode, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as { strategy: { strategy: string; provenance: { attached: boolean; reason?: string } }; tags: string[] };
    expect(j.strategy.strategy).toBe('per-platform');
    expect(j.strategy.provenance.attached).toBe(false);
    expect((await classicDocker(['image', 'inspect', '--format', '{{.Architecture}}', `classic-${stamp}/hello:amd64`])).stdout.trim()).toBe('amd64');
  });

  it('build of both platforms loads one image per platform; verify DIR checks each platform on its own image', async () => {
    const dir = await fixture('both', '0.1.0');
    const b = await runCli(['--json', 'build', dir, '--base-image', root], { env });
    expect(b.exitCode, b.stderr).toBe(0);
    const repo = `classic-${stamp}/both`;
    for (const [tag, arch] of [['0.1.0', 'amd64'], ['0.1.0-amd64', 'amd64'], ['0.1.0-arm64', 'arm64']] as const) {
      expect((await classicDocker(['image', 'inspect', '--format', '{{.Architecture}}', `${repo}:${tag}`])).stdout.trim(), tag).toBe(arch);
    }
    const v = await runCli(['--json', 'verify', dir], { env });
    const report = JSON.parse(v.stdout) as { ok: boolean; checks: { platform: string; status: string }[] };
    expect(v.exitCode, v.stdout).toBe(0);
    expect(report.ok).toBe(true);
    expect(new Set(report.checks.filter((c) => c.status === 'pass').map((c) => c.platform))).toEqual(new Set(['linux/amd64', 'linux/arm64']));
  });

  it('publish of both platforms (with --sbom): an index with amd64 and arm64 by digest, an SBOM per platform, then tags; a re-publish pushes nothing', async () => {
    const dir = await fixture('pub', '1.0.0');
    const repo = `classic-${stamp}/pub`;
    const r = await runCli(['--json', 'publish', dir, '--base-image', root, '--registry', REGISTRY, '--repository', repo, '--sbom'], { env });
    expect(r.exitCode, r.stderr.slice(-2000)).toBe(0);
    const j = JSON.parse(r.stdout) as {
      result: string;
      digest: string;
      platformDigests: Record<string, string>;
      build: { strategy: string; provenance: { attached: boolean } };
      sbom: { platforms: Record<string, { components: number; referrer?: { digest: string } }> };
    };
    expect(j.result).toBe('published');
    // the SBOMs of images pushed from `docker save` (uncompressed layers): the OS packages are found, each attached to its platform image
    for (const p of ['linux/amd64', 'linux/arm64']) {
      expect(j.sbom.platforms[p]?.components).toBeGreaterThan(50);
      const tagged = (await (await fetch(`http://${REGISTRY}/v2/${repo}/manifests/${(j.platformDigests[p] ?? '').replace(':', '-')}`, { headers: { accept: 'application/vnd.oci.image.index.v1+json' } })).json()) as { manifests: { digest: string }[] };
      expect(tagged.manifests.map((m) => m.digest)).toContain(j.sbom.platforms[p]?.referrer?.digest);
    }
    expect(j.build.strategy).toBe('per-platform');
    expect(j.build.provenance.attached).toBe(false);
    expect(await tagDigest(REGISTRY, repo, '1.0.0')).toBe(j.digest);
    expect(await indexPlatforms(REGISTRY, repo, j.digest)).toEqual(['linux/amd64', 'linux/arm64']);
    // the index this tool assembles carries the OCI annotations too (the saved manifests stay the engine's)
    const index = (await (await fetch(`http://${REGISTRY}/v2/${repo}/manifests/${j.digest}`, { headers: { accept: 'application/vnd.oci.image.index.v1+json' } })).json()) as { annotations?: Record<string, string> };
    expect(index.annotations?.['org.opencontainers.image.created']).toMatch(/^\d{4}-\d\d-\d\dT/);
    // nothing of the run is left in the classic store under its run-unique names
    expect((await classicDocker(['image', 'ls', '--format', '{{.Repository}}', 'build-connector-publish/*'])).stdout.trim()).toBe('');

    const again = await runCli(['--json', 'publish', dir, '--base-image', root, '--registry', REGISTRY, '--repository', repo], { env });
    expect(again.exitCode, again.stderr.slice(-2000)).toBe(0);
    // the index records its build inputs: the re-publish builds nothing (per-platform path: the index is ours, and carries the key)
    expect(index.annotations?.['io.airbyte.build-connector.inputs']).toMatch(/^sha256:[0-9a-f]{64}$/);
    const a = JSON.parse(again.stdout) as { steps: { step: string; status: string; reason?: string }[] };
    expect(a).toMatchObject({ result: 'already-published', digest: j.digest, sameBy: 'build inputs', platformDigests: j.platformDigests });
    expect(a.steps.find((s) => s.step === 'build')).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/^unchanged: .*:1\.0\.0 already holds sha256:/) });
  });

  it('a connector failing verify on arm64 only: exit 1, every tag where it was', async () => {
    const dir = await fixture('armfail', '1.0.0');
    const repo = `classic-${stamp}/armfail`;
    const ok = await runCli(['--json', 'publish', dir, '--base-image', root, '--registry', REGISTRY, '--repository', repo], { env });
    expect(ok.exitCode, ok.stderr.slice(-2000)).toBe(0);
    const before = await tagMap(REGISTRY, repo);
    const p = join(dir, 'metadata.yaml');
    await writeFile(p, (await readFile(p, 'utf8')).replace('dockerImageTag: 1.0.0', 'dockerImageTag: 1.1.0'));
    const main = join(dir, 'main.py');
    await writeFile(main, (await readFile(main, 'utf8')).replace('FAIL_ON_ARCH = ""', 'FAIL_ON_ARCH = "aarch64"'));
    const bad = await runCli(['--json', 'publish', dir, '--base-image', root, '--registry', REGISTRY, '--repository', repo], { env });
    expect(bad.exitCode).toBe(1);
    const j = JSON.parse(bad.stdout) as { result: string; step: string; report: { ok: boolean; checks: { platform: string; status: string }[] } };
    expect(j).toMatchObject({ result: 'failed', step: 'verify', report: { ok: false } });
    expect(j).not.toHaveProperty('checks');
    expect(new Set(j.report.checks.filter((c) => c.status === 'fail').map((c) => c.platform))).toEqual(new Set(['linux/arm64']));
    expect(hasStackTrace(bad.stderr)).toBe(false);
    expect(await tagMap(REGISTRY, repo)).toEqual(before);
  });

  it('digest-record of each platform, then merge: one verified index, tagged', async () => {
    const dir = await fixture('dist', '2.0.0');
    const repo = `classic-${stamp}/dist`;
    const records: string[] = [];
    for (const platform of ['linux/amd64', 'linux/arm64']) {
      const out = join(work, `rec-${platform.split('/')[1]}.json`);
      const r = await runCli(['--json', 'digest-record', dir, '--platform', platform, '--registry', REGISTRY, '--repository', repo, '--base-image', root, '--out', out], { env });
      expect(r.exitCode, r.stderr.slice(-2000)).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ strategy: { strategy: 'per-platform' }, record: { platform, verify: { ok: true } } });
      records.push(out);
    }
    const m = await runCli(['--json', 'merge', dir, '--registry', REGISTRY, '--repository', repo, '--digests', ...records], { env });
    expect(m.exitCode, m.stderr.slice(-2000)).toBe(0);
    const digest = await tagDigest(REGISTRY, repo, '2.0.0');
    expect(digest).toMatch(/^sha256:/);
    expect(await indexPlatforms(REGISTRY, repo, digest ?? '')).toEqual(['linux/amd64', 'linux/arm64']);
  });

  it('bake of two connectors: per-platform targets, each connector verified on both platforms', async () => {
    const a = await fixture('bake-a', '0.1.0');
    const b = await fixture('bake-b', '0.1.0');
    const r = await runCli(['--json', 'bake', a, b, '--base-image', root], { env });
    expect(r.exitCode, r.stderr.slice(-2000)).toBe(0);
    const j = JSON.parse(r.stdout) as { ok: boolean; results: { status: string; platformImages?: Record<string, string> }[] };
    expect(j.ok).toBe(true);
    expect(j.results.map((x) => x.status)).toEqual(['verified', 'verified']);
    expect(Object.keys(j.results[0]?.platformImages ?? {}).sort()).toEqual(['linux/amd64', 'linux/arm64']);
  });

  it("the Action's verify and publish run on the classic store", async () => {
    const ws = join(work, 'ws');
    await mkdir(join(ws, 'connectors'), { recursive: true });
    const dir = await fixture('action', '3.0.0');
    await cp(dir, join(ws, 'connectors', 'source-action'), { recursive: true });
    const repo = `classic-${stamp}/action`;
    const runAction = async (inputs: Record<string, string>) => {
      const io = await mkdtemp(join(work, 'io-'));
      const outFile = join(io, 'output');
      await writeFile(outFile, '');
      await writeFile(join(io, 'summary.md'), '');
      const inputEnv = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]));
      const res = await execa(process.execPath, [join(repoRoot, 'dist', 'index.js')], {
        cwd: ws,
        reject: false,
        env: { ...env, GITHUB_ACTIONS: 'true', GITHUB_OUTPUT: outFile, GITHUB_STEP_SUMMARY: join(io, 'summary.md'), GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main', GITHUB_WORKSPACE: ws, RUNNER_TEMP: io, ...inputEnv },
      });
      return { exitCode: res.exitCode ?? -1, stdout: String(res.stdout), outputs: await readFile(outFile, 'utf8') };
    };
    const v = await runAction({ command: 'verify', connectors: 'connectors/source-action', 'base-image': root });
    expect(v.exitCode, v.stdout.slice(-3000)).toBe(0);
    expect(v.outputs).toContain('verified');
    const p = await runAction({ command: 'publish', connectors: 'connectors/source-action', 'base-image': root, registry: REGISTRY, repository: repo });
    expect(p.exitCode, p.stdout.slice(-3000)).toBe(0);
    expect(p.outputs).toContain('published');
    expect(await indexPlatforms(REGISTRY, repo, (await tagDigest(REGISTRY, repo, '3.0.0')) ?? '')).toEqual(['linux/amd64', 'linux/arm64']);
  });

  it('a docker-container builder on a classic store: each platform carved from the OCI layout loads alone (the layout written by the main engine)', async () => {
    const ctx = join(work, 'carve');
    await mkdir(ctx, { recursive: true });
    await writeFile(join(ctx, 'f'), 'carved\n');
    await writeFile(join(ctx, 'Dockerfile'), 'FROM scratch\nCOPY f /f\n');
    const layout = join(work, 'carve.oci');
    // the main engine (containerd store) writes the two-platform layout a docker-container builder would
    await execa('docker', ['buildx', 'build', '--platform', 'linux/amd64,linux/arm64', '--provenance=false', '--output', `type=oci,dest=${layout},tar=false`, ctx]);
    const facts = await readOciArchive(layout);
    const strategy = chooseStrategy(
      capabilitiesFrom({ builder: 'b', driver: 'docker-container', nodes: 1, platforms: ['linux/amd64', 'linux/arm64'], buildxVersion: 'v0.13.1', buildkitVersion: 'v0.18.0', engineVersion: '26.1.5', containerdStore: false }),
      { platforms: ['linux/amd64', 'linux/arm64'], goal: 'push', provenance: false },
    );
    expect(strategy.loadAs).toBe('per-platform');
    const built = { strategy, layout, digest: facts.digest, platforms: Object.fromEntries(facts.manifests.map((m) => [m.platform, m.digest])), attestations: 0, local: {} } as unknown as BuiltImages;
    const saved = process.env.DOCKER_HOST;
    process.env.DOCKER_HOST = CLASSIC_HOST;
    try {
      const loaded = await loadImages(built, `classic-${stamp}/carved:1`, work);
      expect(loaded.sort()).toEqual([`classic-${stamp}/carved:1-amd64`, `classic-${stamp}/carved:1-arm64`]);
    } finally {
      if (saved === undefined) delete process.env.DOCKER_HOST;
      else process.env.DOCKER_HOST = saved;
    }
    for (const arch of ['amd64', 'arm64']) {
      expect((await classicDocker(['image', 'inspect', '--format', '{{.Architecture}}', `classic-${stamp}/carved:1-${arch}`])).stdout.trim()).toBe(arch);
    }
    await classicDocker(['image', 'rm', `classic-${stamp}/carved:1-amd64`, `classic-${stamp}/carved:1-arm64`]);
  });
});
