/**
 * `bake` of three example connectors in one buildx bake, one of them broken
 * (its spec prints a non-JSON line): two verified, the broken one reported
 * with its failing check, exit 1. amd64 only, to keep the file fast (the
 * per-platform path is covered by merge.test.ts on both platforms).
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { describeEngine } from '../support/engine.js';
import { hasStackTrace, repoRoot, runCli } from '../support/cli.js';
import { ensureExampleBases } from '../support/examples.js';

const ID = `bc-f-bake-${process.pid}`;

/** a bake result's failed checks, read from its verify report (`report`) */
const fails = (x: { report?: { checks: { id: string; platform: string; status: string; message: string }[] } } | undefined) => (x?.report?.checks ?? []).filter((c) => c.status === 'fail');

describeEngine('bake: three connectors, one broken', () => {
  let work: string;
  let base: string;
  const dirs: string[] = [];

  beforeAll(async () => {
    base = (await ensureExampleBases(inject('roots'))).python;
    work = await mkdtemp(join(tmpdir(), 'bc-f-bake-'));
    for (const [name, from] of [
      ['source-hello', 'source-hello'],
      ['destination-echo', 'destination-echo'],
      ['source-broken', 'source-hello'],
    ] as const) {
      const dir = join(work, name);
      await cp(join(repoRoot, 'examples', from), dir, { recursive: true });
      // unique local image names in the shared engine
      const meta = await readFile(join(dir, 'metadata.yaml'), 'utf8');
      await writeFile(join(dir, 'metadata.yaml'), meta.replace(/dockerRepository: airbyte\/[a-z-]+/, `dockerRepository: ${ID}/${name}`));
      dirs.push(dir);
    }
    // The broken one talks before its SPEC: a non-JSON line on stdout.
    const run = join(work, 'source-broken', 'source_hello', 'run.py');
    const code = await readFile(run, 'utf8');
    await writeFile(run, code.replace('def emit(message):', 'print("starting up...", flush=True)\n\n\ndef emit(message):'));
  });

  afterAll(async () => {
    const names = ['source-hello', 'destination-echo', 'source-broken'].flatMap((n) => [`${ID}/${n}:0.1.0`, `${ID}/${n}:dev`]);
    await execa('docker', ['image', 'rm', '-f', ...names], { reject: false });
    await rm(work, { recursive: true, force: true });
  });

  it('--print writes a bake file with one target per connector and builds nothing', async () => {
    const wd = join(work, 'print');
    const r = await runCli(['bake', ...dirs, '--print', '--workdir', wd, '--platform', 'linux/amd64', '--base-image', `python=${base}`]);
    expect(r.exitCode, r.stderr).toBe(0);
    const file = JSON.parse(r.stdout) as { group: { default: { targets: string[] } }; target: Record<string, { context: string; dockerfile: string; platforms: string[]; tags: string[] }> };
    expect(file.group.default.targets).toEqual(['source-hello', 'destination-echo', 'source-broken']);
    expect(file.target['destination-echo']?.context).toBe(dirs[1]);
    expect(file.target['destination-echo']?.platforms).toEqual(['linux/amd64']);
    expect(file.target['destination-echo']?.tags).toContain(`${ID}/destination-echo:0.1.0`);
    expect(await readFile(join(wd, 'source-hello', 'Dockerfile.dockerignore'), 'utf8')).toMatch(/^secrets$/m);
    expect(JSON.parse(await readFile(join(wd, 'bake.json'), 'utf8'))).toEqual(file);
  });

  it('two verified, the broken one fails its spec check, exit 1', async () => {
    const r = await runCli(['--json', 'bake', ...dirs, '--platform', 'linux/amd64', '--base-image', `python=${base}`]);
    expect(r.exitCode, r.stderr).toBe(1);
    expect(hasStackTrace(r.stderr + r.stdout)).toBe(false);
    const res = JSON.parse(r.stdout) as { ok: boolean; results: { connector: string; status: string; digest: string | null; report?: { ok: boolean; checks: { id: string; platform: string; status: string; message: string }[] } }[] };
    expect(res.ok).toBe(false);
    const by = Object.fromEntries(res.results.map((x) => [x.connector, x]));
    expect(by['source-hello']?.status).toBe('verified');
    expect(by['destination-echo']?.status).toBe('verified');
    expect(by['source-hello']?.digest).toMatch(/^sha256:/);
    expect(by['source-broken']?.status).toBe('verify-failed');
    expect(fails(by['source-broken']).map((c) => `${c.id}@${c.platform}`)).toContain('spec@linux/amd64');
    expect(fails(by['source-broken']).find((c) => c.id === 'spec')?.message).toContain('starting up...');
  });

  it('a connector that fails to build does not hide the others (human table)', async () => {
    const bad = join(work, 'source-nobuild');
    await cp(dirs[0] as string, bad, { recursive: true });
    const meta = await readFile(join(bad, 'metadata.yaml'), 'utf8');
    await writeFile(join(bad, 'metadata.yaml'), meta.replace(`${ID}/source-hello`, `${ID}/source-nobuild`));
    // invalid python packaging: pip install fails inside the build
    await writeFile(join(bad, 'pyproject.toml'), '[project]\nname = "source-nobuild"\nversion = "not a version"\n[project.scripts]\nsource-nobuild = "source_hello.run:run"\n');
    const r = await runCli(['bake', dirs[0] as string, bad, '--platform', 'linux/amd64', '--base-image', `python=${base}`, '--no-verify']);
    await execa('docker', ['image', 'rm', '-f', `${ID}/source-nobuild:0.1.0`, `${ID}/source-nobuild:dev`], { reject: false });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/^source-hello\s+built\b/m);
    expect(r.stdout).toMatch(/^source-nobuild\s+build-failed\b/m);
    expect(r.stdout).toMatch(/bake: 1 of 2 ok/);
  });
});

/**
 * Several manifest-only connectors verified at once on both platforms
 * (BC_VERIFY_CONCURRENCY=3 for four connectors), one of them broken (its
 * manifest's connection_specification is not a schema, so its SPEC is
 * invalid): each connector's line is printed as it finishes, the broken one
 * is reported by name with its failing check on both platforms, the others
 * verify, exit 1, and no verify container of these images is left.
 */
describeEngine('bake: manifest-only connectors verified concurrently, one broken', () => {
  const MID = `bc-f-bakev-${process.pid}`;
  const names = ['source-mf-a', 'source-mf-b', 'source-mf-c', 'source-mf-broken'];
  let work: string;
  let base: string;
  const dirs: string[] = [];

  beforeAll(async () => {
    base = (await ensureExampleBases(inject('roots')))['manifest-only'];
    work = await mkdtemp(join(tmpdir(), 'bc-f-bakev-'));
    for (const name of names) {
      const dir = join(work, name);
      await cp(join(repoRoot, 'examples', 'source-manifest-hello'), dir, { recursive: true });
      const meta = await readFile(join(dir, 'metadata.yaml'), 'utf8');
      await writeFile(join(dir, 'metadata.yaml'), meta.replace('dockerRepository: airbyte/source-manifest-hello', `dockerRepository: ${MID}/${name}`));
      // each image its own manifest layer
      const manifest = await readFile(join(dir, 'manifest.yaml'), 'utf8');
      const broken = manifest.replace(/ {2}connection_specification:[\s\S]*$/, '  connection_specification: not-a-schema\n');
      await writeFile(join(dir, 'manifest.yaml'), `# ${name}\n${name === 'source-mf-broken' ? broken : manifest}`);
      dirs.push(dir);
    }
  });

  afterAll(async () => {
    await execa('docker', ['image', 'rm', '-f', ...names.flatMap((n) => [`${MID}/${n}:0.1.0`, `${MID}/${n}:dev`])], { reject: false });
    await rm(work, { recursive: true, force: true });
  });

  it('the broken one fails spec on both platforms by name, the others verify, exit 1, no container left', async () => {
    const r = await runCli(['--json', 'bake', ...dirs, '--base-image', `manifest-only=${base}`], { env: { BC_VERIFY_CONCURRENCY: '3' } });
    expect(r.exitCode, r.stderr).toBe(1);
    expect(hasStackTrace(r.stderr + r.stdout)).toBe(false);
    const res = JSON.parse(r.stdout) as { ok: boolean; verifyMs: number; results: { connector: string; status: string; platforms: string[]; report?: { ok: boolean; checks: { id: string; platform: string; status: string; message: string }[] } }[] };
    expect(res.ok).toBe(false);
    expect(res.results.map((x) => [x.connector, x.status])).toEqual([
      ['source-mf-a', 'verified'],
      ['source-mf-b', 'verified'],
      ['source-mf-c', 'verified'],
      ['source-mf-broken', 'verify-failed'],
    ]);
    for (const x of res.results) expect(x.platforms).toEqual(['linux/amd64', 'linux/arm64']);
    const broken = res.results.find((x) => x.connector === 'source-mf-broken');
    expect(fails(broken).map((c) => `${c.id}@${c.platform}`).sort()).toEqual(['spec@linux/amd64', 'spec@linux/arm64']);
    expect(fails(broken)[0]?.message).toMatch(/connectionSpecification/);
    // streamed: one line per connector on stderr as it completes, the broken one with its checks
    for (const n of names.slice(0, 3)) expect(r.stderr).toMatch(new RegExp(`^bake: ${n} verified$`, 'm'));
    expect(r.stderr).toMatch(/^bake: source-mf-broken verify-failed: spec \(linux\/(amd|arm)64\), spec \(linux\/(amd|arm)64\)$/m);
    // every verify container of these images is gone (other helpers' verifies may be running: only ours count)
    const ps = await execa('docker', ['ps', '-a', '--filter', 'label=io.build-connector.verify', '--format', '{{.Image}}'], { reject: false });
    expect(ps.exitCode).toBe(0);
    expect(ps.stdout.split('\n').filter((i) => i.includes(MID))).toEqual([]);
  });

  it('a verify concurrency that is not a whole number is refused before any build (exit 2)', async () => {
    const r = await runCli(['bake', ...dirs, '--base-image', `manifest-only=${base}`, '--verify-concurrency', '0']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('--verify-concurrency (or BC_VERIFY_CONCURRENCY): expected a whole number ≥ 1, got "0"');
    expect(r.stderr).not.toMatch(/buildx bake/);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });
});
