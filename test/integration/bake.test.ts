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
    const res = JSON.parse(r.stdout) as { ok: boolean; results: { connector: string; status: string; digest: string | null; failedChecks: { id: string; platform: string; message: string }[] }[] };
    expect(res.ok).toBe(false);
    const by = Object.fromEntries(res.results.map((x) => [x.connector, x]));
    expect(by['source-hello']?.status).toBe('verified');
    expect(by['destination-echo']?.status).toBe('verified');
    expect(by['source-hello']?.digest).toMatch(/^sha256:/);
    expect(by['source-broken']?.status).toBe('verify-failed');
    expect(by['source-broken']?.failedChecks.map((c) => `${c.id}@${c.platform}`)).toContain('spec@linux/amd64');
    expect(by['source-broken']?.failedChecks.find((c) => c.id === 'spec')?.message).toContain('starting up...');
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
