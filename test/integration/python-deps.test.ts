/**
 * Python connectors with dependencies from a package index, end to end:
 * a fixture library (test/fixtures/python-deps/lib) packed into a wheel here,
 * served by a PEP 503 index on 127.0.0.1 (Basic auth) that this test starts;
 * one PEP 621 (setuptools) and one Poetry (poetry-core) connector that need
 * it are built by the real CLI for linux/amd64 + linux/arm64 with
 * PIP_INDEX_URL set, then pass `verify` on both platforms. The index URL and
 * its credentials reach the build only as a BuildKit secret: they are in
 * neither the image history nor its config. offline: true really is offline.
 *
 * The build backends (setuptools, poetry-core) come from the same index, as
 * on PyPI; their wheels are taken from BC_TEST_WHEELHOUSE (default
 * /opt/pypi/files, the machine's wheel mirror).
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { execa } from 'execa';
import { describeEngine } from '../support/engine.js';
import { repoRoot, runCli } from '../support/cli.js';
import { ensureExampleBases } from '../support/examples.js';
import { buildWheel, serveIndex, wheelProject, type TestIndex } from '../support/pypi.js';

const PLATFORMS = ['linux/amd64', 'linux/arm64'];
const FIXTURES = join(repoRoot, 'test', 'fixtures', 'python-deps');
const WHEELHOUSE = process.env.BC_TEST_WHEELHOUSE ?? '/opt/pypi/files';
const TAG_PREFIX = 'bc-test-python-deps';
const PASSWORD = 's3cret-index-pw';

/** The newest wheel of `project` in the wheelhouse. */
async function wheelFrom(project: string): Promise<{ file: string; data: Buffer }> {
  let files: string[] = [];
  try {
    files = (await readdir(WHEELHOUSE)).filter((f) => f.endsWith('-py3-none-any.whl') && wheelProject(f) === project).sort();
  } catch {
    /* reported below */
  }
  const file = files.at(-1);
  if (!file) throw new Error(`no ${project} wheel in ${WHEELHOUSE}: set BC_TEST_WHEELHOUSE to a folder holding setuptools and poetry-core wheels`);
  return { file, data: await readFile(join(WHEELHOUSE, file)) };
}

describeEngine('python connectors with dependencies from a package index on 127.0.0.1', () => {
  let base: string;
  let work: string;
  let index: TestIndex;
  const images: string[] = [];
  const figures: string[] = [];

  beforeAll(async () => {
    base = (await ensureExampleBases(inject('roots'))).python;
    work = await mkdtemp(join(tmpdir(), 'bc-python-deps-'));
    const lib = await buildWheel({ name: 'bc-deps-greeting', version: '1.2.0', pkgDir: join(FIXTURES, 'lib', 'bc_deps_greeting'), summary: 'fixture library' });
    index = await serveIndex([lib, await wheelFrom('setuptools'), await wheelFrom('poetry-core')], { user: 'bc', password: PASSWORD });
  }, 20 * 60_000);

  afterAll(async () => {
    if (figures.length) console.log(`[python-deps] ${figures.join('; ')}`);
    await index?.close();
    if (images.length) await execa('docker', ['image', 'rm', '-f', ...images], { reject: false });
    if (work) await rm(work, { recursive: true, force: true });
  });

  /** The host's own pip settings must not leak into the build: only what the test names. */
  const indexEnv = () => ({ PIP_INDEX_URL: index.url, PIP_EXTRA_INDEX_URL: '', PIP_TRUSTED_HOST: '' });

  for (const name of ['source-deps-pep621', 'source-deps-poetry']) {
    it(`${name}: render says it installs from the index; build for both platforms fetches the library; verify passes on both; no credential in history or config`, async () => {
      const dir = join(work, name);
      await cp(join(FIXTURES, name), dir, { recursive: true });

      const rendered = await runCli(['--json', 'render', dir, '--base-image', base], { env: indexEnv() });
      expect(rendered.exitCode, rendered.stderr).toBe(0);
      const plan = JSON.parse(rendered.stdout) as {
        pythonInstall: { offline: boolean; why: string; index: string };
        buildSecrets: { id: string; env: string }[];
        buildNetwork: string;
        dockerfile: string;
      };
      expect(plan.pythonInstall.offline).toBe(false);
      expect(plan.pythonInstall.why).toContain('bc-deps-greeting');
      expect(plan.buildSecrets).toEqual([{ id: 'pip-index-url', env: 'PIP_INDEX_URL' }]);
      expect(plan.buildNetwork).toBe('host');
      expect(rendered.stdout).not.toContain(PASSWORD);
      expect(plan.dockerfile).not.toContain('--no-index');

      const before = index.requests.length;
      const tag = `${TAG_PREFIX}/${name}:test`;
      images.push(tag);
      const t0 = Date.now();
      const b = await runCli(['--json', 'build', dir, '--base-image', base, '--platform', PLATFORMS.join(','), '--tag', tag, '--progress', 'plain', '--no-cache'], {
        // --no-cache: pip runs on every test run, so the index requests below prove the fetch
        env: indexEnv(),
        timeoutMs: 20 * 60_000,
      });
      figures.push(`${name} build ${PLATFORMS.join('+')}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      expect(b.exitCode, b.stderr.split('\n').slice(-30).join('\n')).toBe(0);
      expect(b.stdout + b.stderr).not.toContain(PASSWORD);
      // both platforms' pip fetched the library (and the build backend) from our index, with the credentials
      const fetched = index.requests.slice(before);
      expect(fetched.filter((p) => p === '/files/bc_deps_greeting-1.2.0-py3-none-any.whl').length).toBe(PLATFORMS.length);
      if (name.endsWith('poetry')) expect(fetched).toContain('/simple/poetry-core/');

      // the URL, its password and its port are nowhere in the image's history or config
      const history = await execa('docker', ['history', '--no-trunc', '--format', '{{json .}}', tag]);
      const config = await execa('docker', ['image', 'inspect', tag]);
      for (const text of [history.stdout, config.stdout]) {
        expect(text).not.toContain(PASSWORD);
        expect(text).not.toContain(`127.0.0.1:${index.port}`);
        expect(text).not.toMatch(/PIP_INDEX_URL=(?!\\?")/); // only the script's own `PIP_INDEX_URL="$(cat …)"` (JSON-escaped)
      }
      // the pip step records one build argument (SOURCE_DATE_EPOCH), not the index
      const pipStep = history.stdout.split('\n').find((l) => l.includes('pip install'));
      expect(pipStep).toContain('RUN |1 SOURCE_DATE_EPOCH=0 ');
      expect(pipStep).toContain('cat /run/secrets/pip-index-url');

      const inputs = join(dir, 'integration_tests');
      const v = await runCli(['--json', 'verify', dir, '--image', tag, '--platform', PLATFORMS.join(','), '--config', join(inputs, 'sample_config.json'), '--catalog', join(inputs, 'configured_catalog.json')], {
        timeoutMs: 15 * 60_000,
      });
      const report = JSON.parse(v.stdout) as { ok: boolean; checks: { id: string; platform: string; status: string; message: string }[] };
      expect(report.checks.filter((c) => c.status === 'fail').map((c) => `${c.id}@${c.platform}: ${c.message}`), v.stderr.slice(-1500)).toEqual([]);
      expect(v.exitCode).toBe(0);
      for (const id of ['spec', 'check', 'discover', 'read']) {
        for (const p of PLATFORMS) expect(report.checks.some((c) => c.id === id && c.platform === p && c.status === 'pass'), `${id}@${p}`).toBe(true);
      }
      // the spec comes from the library: proof the dependency, not a stub, is what runs
      for (const p of PLATFORMS) {
        const spec = await execa('docker', ['run', '--rm', '--network', 'none', '--platform', p, tag, 'spec']);
        expect(spec.stdout).toContain(`${name} (bc-deps-greeting 1.2.0)`);
      }
    });
  }

  it('bake takes the same index: the secret reaches its target, the host network too (or it is built alone where this buildx\'s bake drops network), the library is fetched, the connector verifies (amd64)', async () => {
    const dir = join(work, 'bake', 'source-deps-pep621');
    await cp(join(FIXTURES, 'source-deps-pep621'), dir, { recursive: true });
    const before = index.requests.length;
    const b = await runCli(['--json', 'bake', dir, '--base-image', base, '--platform', 'linux/amd64', '--no-cache'], { env: indexEnv(), timeoutMs: 20 * 60_000 });
    expect(b.stdout + b.stderr).not.toContain(PASSWORD);
    const out = JSON.parse(b.stdout) as { results: { status: string; image: string | null; problems: string[] }[] };
    expect(out.results.map((c) => `${c.status} ${c.problems.join('; ')}`.trim()), b.stderr.split('\n').slice(-30).join('\n')).toEqual(['verified']);
    expect(b.exitCode).toBe(0);
    if (out.results[0]?.image) images.push(out.results[0].image);
    expect(index.requests.slice(before)).toContain('/files/bc_deps_greeting-1.2.0-py3-none-any.whl');
  });

  it('offline: true installs with --no-index: the same connector then fails to build (exit 1, pip names the missing library) and the index sees no request', async () => {
    const dir = join(work, 'offline');
    await cp(join(FIXTURES, 'source-deps-pep621'), dir, { recursive: true });
    const meta = await readFile(join(dir, 'metadata.yaml'), 'utf8');
    await writeFile(join(dir, 'metadata.yaml'), `${meta}  buildConnector:\n    offline: true\n`);
    const before = index.requests.length;
    const tag = `${TAG_PREFIX}/offline:test`;
    images.push(tag);
    const b = await runCli(['build', dir, '--base-image', base, '--platform', 'linux/amd64', '--tag', tag, '--progress', 'plain', '--no-cache'], { env: indexEnv() });
    expect(b.exitCode).toBe(1);
    expect(b.stderr).toMatch(/bc-deps-greeting/);
    expect(index.requests.length).toBe(before);
  });
});
