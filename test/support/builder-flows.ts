/**
 * Every flow on the builders users' CI creates, for real (one test file per
 * builder, builder-remote.test.ts and builder-container.test.ts, so the two
 * run beside other files): a `remote` builder
 * on a buildkitd of its own socket, and a `docker-container` builder whose
 * BuildKit image was made locally (scripts/setup-buildkit.sh builds buildkitd
 * from Debian's sources; nothing is pulled). Both share the one buildkitd
 * binary; the registry is the main loopback one, read back independently.
 *
 * The builder is chosen the ways a user chooses it: BUILDX_BUILDER for the
 * CLI, the `builder` input for the Action; every result reports which
 * builder and strategy ran, and doctor's verdict must match what publish does.
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { REGISTRY } from './engine.js';
import { hasStackTrace, repoRoot, runCli } from './cli.js';
import { indexPlatforms, tagDigest, tagMap } from './registry.js';
import { ensureExampleBases } from './examples.js';
import { allowListedEnv } from './env.js';

export const BUILDERS = [
  { name: process.env.BUILD_CONNECTOR_REMOTE_BUILDER ?? 'bc-remote', driver: 'remote' },
  { name: process.env.BUILD_CONNECTOR_CONTAINER_BUILDER ?? 'bc-container', driver: 'docker-container' },
] as const;

function builderProblem(name: string, driver: string): string | undefined {
  try {
    const out = execFileSync('docker', ['buildx', 'inspect', name], { stdio: 'pipe', timeout: 30_000 }).toString();
    if (!new RegExp(`^Driver:\\s+${driver}$`, 'm').test(out)) return `builder ${name} is not a ${driver} builder`;
    return undefined;
  } catch (err) {
    return `no builder ${name} (${err instanceof Error ? err.message.split('\n')[0] : String(err)}); scripts/setup-buildkit.sh creates it`;
  }
}

/** The index's image platforms; with provenance on, it also lists one attestation manifest (unknown/unknown) per image. */
async function imagePlatforms(repo: string, digest: string): Promise<string[]> {
  const all = await indexPlatforms(REGISTRY, repo, digest);
  expect(all.filter((p) => p === 'unknown/unknown')).toHaveLength(2);
  return all.filter((p) => p !== 'unknown/unknown');
}

const FIXTURE = join(repoRoot, 'test', 'fixtures', 'publish-source');
const stamp = Date.now().toString(36);

interface Strategy {
  strategy?: string;
  kind?: string;
  builder: string;
  driver: string;
  reproducible: boolean;
}

export function builderFlows(b: (typeof BUILDERS)[number]): void {
  const problem = builderProblem(b.name, b.driver);
  const suite = problem ? (process.env.CI === 'true' ? describe : describe.skip) : describe;
  const env = { BUILDX_BUILDER: b.name, BUILD_CONNECTOR_RETRY_BASE_MS: '50' };
  const ns = `bk-${b.driver}-${stamp}`;

  suite(`the ${b.driver} driver on a real buildkitd (${b.name})${problem ? ` [${problem}]` : ''}`, () => {
    let work = '';
    let root = '';
    let base = '';

    beforeAll(async () => {
      if (problem) throw new Error(`CI=true but ${problem}`);
      work = await mkdtemp(join(tmpdir(), `bc-${b.driver}-`));
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
      await writeFile(p, (await readFile(p, 'utf8')).replace(/dockerImageTag: \S+/, `dockerImageTag: ${version}`).replace('airbyte/source-publish-fixture\n', `${ns}/${name}\n`));
      return dir;
    }

    async function publish(dir: string, repo: string, extra: string[] = []) {
      const r = await runCli(['--json', 'publish', dir, '--base-image', root, '--registry', REGISTRY, '--repository', repo, ...extra], { env });
      expect(hasStackTrace(r.stderr)).toBe(false);
      return { exitCode: r.exitCode, stderr: r.stderr, json: JSON.parse(r.stdout) as Record<string, unknown> & { result: string; digest?: string; build?: Strategy } };
    }

    let doctorStrategy: Strategy | undefined;

    it('doctor names the builder, its driver and the strategy, with nothing unavailable that publish needs', async () => {
      const r = await runCli(['--json', 'doctor'], { env });
      expect(r.exitCode, r.stdout).toBe(0);
      const j = JSON.parse(r.stdout) as { ok: boolean; facts: { strategy: Strategy & { unavailable: { what: string }[] } } };
      expect(j.ok).toBe(true);
      expect(j.facts.strategy).toMatchObject({ kind: 'oci-layout', builder: b.name, driver: b.driver, reproducible: true, provenance: true });
      expect(j.facts.strategy.unavailable).toEqual([]);
      doctorStrategy = j.facts.strategy;
    });

    it('build of one platform (--load) and of both, then verify DIR: images in the engine, both platforms checked, the builder reported', async () => {
      const tag = `${ns}/hello:amd64`;
      const one = await runCli(['--json', 'build', 'examples/source-hello', '--platform', 'linux/amd64', '--load', '--base-image', base, '--tag', tag], { env });
      expect(one.exitCode, one.stderr.slice(-2000)).toBe(0);
      const j = JSON.parse(one.stdout) as { builder: { name: string; driver: string }; strategy: { strategy: string } };
      expect(j.builder).toMatchObject({ name: b.name, driver: b.driver });
      expect((await execa('docker', ['image', 'inspect', '--format', '{{.Architecture}}', tag])).stdout.trim()).toBe('amd64');

      const dir = await fixture('both', '0.1.0');
      const both = await runCli(['--json', 'build', dir, '--base-image', root], { env });
      expect(both.exitCode, both.stderr.slice(-2000)).toBe(0);
      const bj = JSON.parse(both.stdout) as { builder: { name: string }; platforms: string[] };
      expect(bj.builder.name).toBe(b.name);
      await execa('docker', ['image', 'rm', tag], { reject: false });

      const v = await runCli(['--json', 'verify', dir], { env });
      expect(v.exitCode, v.stdout.slice(-3000)).toBe(0);
      const report = JSON.parse(v.stdout) as { ok: boolean; checks: { platform: string; status: string }[] };
      expect(report.ok).toBe(true);
      expect(new Set(report.checks.filter((c) => c.status === 'pass').map((c) => c.platform))).toEqual(new Set(['linux/amd64', 'linux/arm64']));
    });

    it('publish with --sbom: an index of amd64 and arm64, an SBOM per platform, the strategy doctor named; a re-publish pushes nothing', async () => {
      const dir = await fixture('pub', '1.0.0');
      const repo = `${ns}/pub`;
      const r = await publish(dir, repo, ['--sbom']);
      expect(r.exitCode, r.stderr.slice(-2000)).toBe(0);
      const j = r.json as unknown as { result: string; digest: string; build: Strategy; sbom: { platforms: Record<string, { components: number }> } };
      expect(j.result).toBe('published');
      expect(j.build).toMatchObject({ strategy: doctorStrategy?.kind ?? 'oci-layout', builder: b.name, driver: b.driver, reproducible: true });
      expect(await tagDigest(REGISTRY, repo, '1.0.0')).toBe(j.digest);
      expect(await imagePlatforms(repo, j.digest)).toEqual(['linux/amd64', 'linux/arm64']);
      for (const p of ['linux/amd64', 'linux/arm64']) expect(j.sbom.platforms[p]?.components).toBeGreaterThan(50);

      // reproducible: the same code built again gives the same digest, so nothing is pushed
      const again = await publish(dir, repo);
      expect(again.exitCode, again.stderr.slice(-2000)).toBe(0);
      expect(again.json).toMatchObject({ result: 'already-published', digest: j.digest });
    });

    it('a connector failing verify on arm64 only: exit 1, every tag where it was', async () => {
      // the repository the publish above left at 1.0.0 (version and latest tags)
      const repo = `${ns}/pub`;
      const dir = join(work, 'pub', 'publish-source');
      const before = await tagMap(REGISTRY, repo);
      expect(Object.keys(before)).toEqual(expect.arrayContaining(['1.0.0', 'latest']));
      const p = join(dir, 'metadata.yaml');
      await writeFile(p, (await readFile(p, 'utf8')).replace('dockerImageTag: 1.0.0', 'dockerImageTag: 1.1.0'));
      const main = join(dir, 'main.py');
      await writeFile(main, (await readFile(main, 'utf8')).replace('FAIL_ON_ARCH = ""', 'FAIL_ON_ARCH = "aarch64"'));
      const bad = await publish(dir, repo);
      expect(bad.exitCode).toBe(1);
      // the whole verify report rides on the failed result, under `report` (no parallel `checks`)
      const j = bad.json as unknown as { result: string; step: string; report: { ok: boolean; checks: { platform: string; status: string }[] } };
      expect(j).toMatchObject({ result: 'failed', step: 'verify', report: { ok: false } });
      expect(j).not.toHaveProperty('checks');
      expect(new Set(j.report.checks.filter((c) => c.status === 'fail').map((c) => c.platform))).toEqual(new Set(['linux/arm64']));
      expect(j.report.checks.some((c) => c.platform === 'linux/amd64' && c.status === 'pass')).toBe(true);
      expect(await tagMap(REGISTRY, repo)).toEqual(before);
    });

    it('digest-record of each platform, then merge: one verified index, tagged', async () => {
      const dir = await fixture('dist', '2.0.0');
      const repo = `${ns}/dist`;
      const records: string[] = [];
      for (const platform of ['linux/amd64', 'linux/arm64']) {
        const out = join(work, `rec-${platform.split('/')[1]}.json`);
        const r = await runCli(['--json', 'digest-record', dir, '--platform', platform, '--registry', REGISTRY, '--repository', repo, '--base-image', root, '--out', out], { env });
        expect(r.exitCode, r.stderr.slice(-2000)).toBe(0);
        expect(JSON.parse(r.stdout)).toMatchObject({ strategy: { builder: b.name, driver: b.driver }, record: { platform, verify: { ok: true } } });
        records.push(out);
      }
      const m = await runCli(['--json', 'merge', dir, '--registry', REGISTRY, '--repository', repo, '--digests', ...records], { env });
      expect(m.exitCode, m.stderr.slice(-2000)).toBe(0);
      const digest = await tagDigest(REGISTRY, repo, '2.0.0');
      expect(digest).toMatch(/^sha256:/);
      expect(await imagePlatforms(repo, digest ?? '')).toEqual(['linux/amd64', 'linux/arm64']);
    });

    it('bake of two connectors: each verified on both platforms, on this builder', async () => {
      const a = await fixture('bake-a', '0.1.0');
      const c = await fixture('bake-b', '0.1.0');
      const r = await runCli(['--json', 'bake', a, c, '--base-image', root], { env });
      expect(r.exitCode, r.stderr.slice(-2000)).toBe(0);
      const j = JSON.parse(r.stdout) as { ok: boolean; strategy: { builder: string; driver: string }; results: { status: string }[] };
      expect(j.ok).toBe(true);
      expect(j.strategy).toMatchObject({ builder: b.name, driver: b.driver });
      expect(j.results.map((x) => x.status)).toEqual(['verified', 'verified']);
    });

    it("the Action's verify and publish, the builder given as its `builder` input", async () => {
      const ws = join(work, 'ws');
      await mkdir(join(ws, 'connectors'), { recursive: true });
      await cp(await fixture('action', '3.0.0'), join(ws, 'connectors', 'source-action'), { recursive: true });
      const repo = `${ns}/action`;
      const runAction = async (inputs: Record<string, string>) => {
        const io = await mkdtemp(join(work, 'io-'));
        const outFile = join(io, 'output');
        await writeFile(outFile, '');
        await writeFile(join(io, 'summary.md'), '');
        const inputEnv = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]));
        const res = await execa(process.execPath, [join(repoRoot, 'dist', 'index.js')], {
          cwd: ws,
          extendEnv: false,
          reject: false,
          env: allowListedEnv({ GITHUB_ACTIONS: 'true', GITHUB_OUTPUT: outFile, GITHUB_STEP_SUMMARY: join(io, 'summary.md'), GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main', GITHUB_WORKSPACE: ws, RUNNER_TEMP: io, ...inputEnv }),
        });
        return { exitCode: res.exitCode ?? -1, stdout: String(res.stdout), outputs: await readFile(outFile, 'utf8') };
      };
      const v = await runAction({ command: 'verify', connectors: 'connectors/source-action', 'base-image': root, builder: b.name });
      expect(v.exitCode, v.stdout.slice(-3000)).toBe(0);
      expect(v.outputs).toContain('verified');
      expect(v.stdout).toContain(`${b.name}/${b.driver}`);
      const p = await runAction({ command: 'publish', connectors: 'connectors/source-action', 'base-image': root, registry: REGISTRY, repository: repo, builder: b.name });
      expect(p.exitCode, p.stdout.slice(-3000)).toBe(0);
      expect(p.outputs).toContain('published');
      expect(p.stdout).toContain(`${b.name}/${b.driver}`);
      expect(await imagePlatforms(repo, (await tagDigest(REGISTRY, repo, '3.0.0')) ?? '')).toEqual(['linux/amd64', 'linux/arm64']);
    });
  });
}
