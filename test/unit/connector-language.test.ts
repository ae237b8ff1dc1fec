/**
 * Every real-shaped metadata.yaml renders (test/fixtures/metadata/real/*,
 * shaped after connectors in Airbyte's monorepo), including several
 * language:* tags, with the chosen language and the reason reported; the
 * language rule as a table; pyproject.toml read as TOML; the python
 * install mode (index or offline), its secrets and build network.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { baseFamily, chooseLanguage } from '../../src/connector/language.js';
import { resolvePlan, planSummary, pythonIndexPlan } from '../../src/render/plan.js';
import { needsIndex, readPyproject } from '../../src/render/pyproject.js';
import { configEntrypoint } from '../../src/render/base-image.js';
import { buildxArgs } from '../../src/docker/buildx.js';
import { prepareBuild } from '../../src/core/images/prepare.js';
import { lintDockerfile } from '../../src/lint/lint.js';
import { parseConnectorFacts } from '../../src/monorepo/facts.js';
import { hasStackTrace, repoRoot, runCli } from '../support/cli.js';

const REAL = join(repoRoot, 'test', 'fixtures', 'metadata', 'real');
const DEPS = join(repoRoot, 'test', 'fixtures', 'python-deps');
const Expect = z.object({ language: z.string(), from: z.enum(['tag', 'baseImage', 'files']), entrypoint: z.array(z.string()), offline: z.boolean().optional() }).strict();
const cases = readdirSync(REAL)
  .sort()
  .map((name) => ({ name, dir: join(REAL, name), want: Expect.parse(JSON.parse(readFileSync(join(REAL, name, 'expect.json'), 'utf8'))) }));

describe('real-shaped metadata.yaml corpus renders', () => {
  it('covers manifest-only, python (Poetry) and java, and several language tags decided by the base image and by the files', () => {
    expect(cases.length).toBeGreaterThanOrEqual(7);
    for (const l of ['manifest-only', 'python', 'java']) expect(cases.some((c) => c.want.language === l), l).toBe(true);
    for (const f of ['baseImage', 'files']) expect(cases.some((c) => c.want.from === f), f).toBe(true);
  });

  describe.each(cases)('$name', ({ dir, want }) => {
    it(`renders as ${want.language} (decided by ${want.from}); the plan says so`, async () => {
      const plan = await resolvePlan(dir, { resolveBase: false });
      expect(plan.mode).toBe('rendered');
      expect(plan.connector.language).toBe(want.language);
      expect(plan.languageChoice).toMatchObject({ language: want.language, from: want.from });
      expect(plan.entrypoint).toEqual(want.entrypoint);
      expect(plan.dockerfile).toContain(`(templates/${want.language})`);
      if (want.offline !== undefined) expect(plan.pythonInstall?.offline).toBe(want.offline);
      const s = planSummary(plan);
      expect(s.languageChoice).toMatchObject({ language: want.language, from: want.from });
      const findings = lintDockerfile(plan.dockerfile, 'Dockerfile', { permittedWriteDirs: plan.permittedWriteDirs, dockerignore: plan.dockerignore, buildArgs: plan.buildArgs });
      expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    });
  });

  it('the CLI reports the chosen language and why (text on stderr, --json as languageChoice)', async () => {
    const text = await runCli(['render', '--no-resolve', join(REAL, 'source-tickets')]);
    expect(text.exitCode, text.stderr).toBe(0);
    expect(text.stderr).toContain('language manifest-only: tags language:python, language:manifest-only; the base image source-declarative-manifest is a manifest-only base');
    const json = await runCli(['--json', 'render', '--no-resolve', join(REAL, 'source-forms')]);
    expect(json.exitCode, json.stderr).toBe(0);
    const body = JSON.parse(json.stdout) as { languageChoice: unknown; connector: { language: string } };
    expect(body.connector.language).toBe('manifest-only');
    expect(body.languageChoice).toEqual({
      language: 'manifest-only',
      from: 'files',
      tags: ['manifest-only', 'python'],
      reason: 'tags language:manifest-only, language:python; manifest.yaml is present',
    });
  });
});

describe('the language rule', () => {
  const SDM = 'docker.io/airbyte/source-declarative-manifest:6.51.0@sha256:890b109f243b8b9406f23ea7522de41025f7b3e87f6fc9710bc1e521213a276f';
  const PY = 'docker.io/airbyte/python-connector-base:4.0.2';
  const JAVA = 'docker.io/airbyte/java-connector-base:2.0.1';
  const files = (...present: string[]) => (f: string) => present.includes(f);
  // [n, tags, base, files present, expected language | error at]
  const table: [number, string[], string | undefined, string[], string][] = [
    [1, ['python'], SDM, [], 'python'], // one tag: no second-guessing
    [2, ['python', 'manifest-only'], SDM, ['pyproject.toml', 'manifest.yaml'], 'manifest-only'],
    [3, ['manifest-only', 'python'], PY, ['manifest.yaml'], 'python'], // the base wins over the files
    [4, ['python', 'java'], JAVA, ['pyproject.toml'], 'java'],
    [5, ['python', 'manifest-only'], undefined, ['manifest.yaml', 'main.py'], 'manifest-only'],
    [6, ['java', 'python'], undefined, ['main.py'], 'python'],
    [7, ['java', 'python'], 'localhost:5000/own/base:1', ['build/distributions'], 'java'], // unknown family: files
    [8, ['python', 'java'], SDM, ['main.py'], 'error:baseImage'],
    [9, ['python', 'java'], undefined, [], 'error:tags'],
    [10, ['python', 'python'], undefined, [], 'python'], // a duplicated tag is one language
    [11, ['java', 'python'], 'localhost:5000/test-bases/build-connector/base-python@sha256:' + 'a'.repeat(64), [], 'python'],
  ];
  it.each(table)('%i: tags %j, base %s, files %j → %s', (_n, tags, base, present, want) => {
    const d = chooseLanguage(tags, base, files(...present));
    if (want.startsWith('error:')) {
      expect(d.ok).toBe(false);
      if (!d.ok) expect(d.at).toBe(want.slice('error:'.length));
    } else {
      expect(d.ok && d.choice.language).toBe(want);
    }
  });

  it('monorepo discovery (facts.ts) applies the same rule to the real corpus', () => {
    for (const c of cases) {
      const file = join(c.dir, 'metadata.yaml');
      expect(parseConnectorFacts(readFileSync(file, 'utf8'), file, false).language, c.name).toBe(c.want.language);
    }
    const bad = join(repoRoot, 'test', 'fixtures', 'bad', 'metadata-two-languages-conflict', 'metadata.yaml');
    expect(() => parseConnectorFacts(readFileSync(bad, 'utf8'), bad, false)).toThrow(/more than one language tag/);
  });

  it('baseFamily reads the last path component of the repository', () => {
    expect(baseFamily(SDM)).toBe('manifest-only');
    expect(baseFamily('ghcr.io/acme/mirror/python-connector-base:3@sha256:' + '0'.repeat(64))).toBe('python');
    expect(baseFamily('docker.io/library/python:3.11')).toBeUndefined();
    expect(baseFamily(undefined)).toBeUndefined();
  });
});

describe('pyproject.toml through a TOML library', () => {
  it('PEP 621: quoted keys, inline tables and dotted keys, like tomllib', () => {
    const inline = readPyproject(`[project]\nname = "x"\nscripts = { 'source-x' = "x.run:run", "other-x" = "x:o" }\ndependencies = ["airbyte-cdk>=6,<7"]\n`, 'pyproject.toml');
    expect(inline.scripts.map((s) => [s.name, s.table, s.line])).toEqual([
      ['source-x', 'project.scripts', 3],
      ['other-x', 'project.scripts', 3],
    ]);
    expect(inline.dependencies).toEqual(['airbyte-cdk>=6,<7']);
    const dotted = readPyproject(`project.name = "x"\nproject.scripts."source-x" = "x.run:run"\n`, 'pyproject.toml');
    expect(dotted.scripts.map((s) => s.name)).toEqual(['source-x']);
    const quoted = readPyproject(`[project.scripts]\n'source-hello' = 'source_hello.run:run'\n`, 'pyproject.toml');
    expect(quoted.scripts).toEqual([{ name: 'source-hello', table: 'project.scripts', line: 2 }]);
  });

  it('Poetry: [tool.poetry.scripts], dependencies without python, the poetry-core backend', () => {
    const p = readPyproject(readFileSync(join(DEPS, 'source-deps-poetry', 'pyproject.toml'), 'utf8'), 'pyproject.toml');
    expect(p.scripts).toEqual([{ name: 'source-deps-poetry', table: 'tool.poetry.scripts', line: 21 }]);
    expect(p.dependencies).toEqual(['bc-deps-greeting']);
    expect(p.buildBackend).toBe('poetry.core.masonry.api');
    expect(needsIndex(p)).toMatchObject({ needed: true });
  });

  it('needsIndex: dependencies or a backend other than setuptools need an index; a stdlib setuptools project does not', () => {
    const mk = (deps: string[], backend: string | null, requires: string[]) => needsIndex({ scripts: [], dependencies: deps, buildBackend: backend, buildRequires: requires });
    expect(mk([], 'setuptools.build_meta', ['setuptools>=61']).needed).toBe(false);
    expect(mk([], null, []).needed).toBe(false);
    expect(mk(['requests'], 'setuptools.build_meta', ['setuptools>=61']).needed).toBe(true);
    expect(mk([], 'hatchling.build', ['hatchling']).needed).toBe(true);
    expect(mk([], 'setuptools.build_meta', ['setuptools>=61', 'setuptools-scm']).needed).toBe(true);
  });

  describe('invalid TOML: exit 2 naming pyproject.toml:LINE:COL, no stack trace', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'bc-toml-'));
      await cp(join(repoRoot, 'examples', 'source-hello'), dir, { recursive: true });
      const text = await readFile(join(dir, 'pyproject.toml'), 'utf8');
      await writeFile(join(dir, 'pyproject.toml'), text.replace('[project.scripts]\n', '[project.scripts]\nsource-hello = \n'));
    });
    afterAll(() => rm(dir, { recursive: true, force: true }));
    it('render', async () => {
      const r = await runCli(['render', '--no-resolve', dir]);
      expect(r.exitCode).toBe(2);
      expect(r.stderr.split('\n')[0]).toMatch(/pyproject\.toml:12:\d+: invalid TOML: /);
      expect(hasStackTrace(r.stderr)).toBe(false);
    });
  });
});

describe('python install: from an index by default when needed, offline on request', () => {
  const install = { offline: false, why: 'x', dependencies: ['bc-deps-greeting'], buildBackend: null };

  it('the deps fixtures install from the index; source-hello (no dependencies) stays offline; offline: true wins', async () => {
    for (const name of ['source-deps-pep621', 'source-deps-poetry']) {
      const plan = await resolvePlan(join(DEPS, name), { resolveBase: false, env: {} });
      expect(plan.pythonInstall).toMatchObject({ offline: false, index: "pip's default index (PyPI), or the base's pip.conf" });
      expect(plan.pythonInstall?.why).toContain('bc-deps-greeting');
      expect(plan.dockerfile).not.toContain('--no-index');
      expect(plan.dockerfile).toContain('RUN --mount=type=secret,id=pip-index-url --mount=type=secret,id=pip-extra-index-url --mount=type=secret,id=pip-trusted-host \\');
      expect(plan.buildSecrets).toEqual([]);
      expect(plan.buildNetwork).toBe('default');
      expect(lintDockerfile(plan.dockerfile, 'Dockerfile', { permittedWriteDirs: plan.permittedWriteDirs, dockerignore: plan.dockerignore }).filter((f) => f.severity === 'error')).toEqual([]);
    }
    const hello = await resolvePlan(join(repoRoot, 'examples', 'source-hello'), { resolveBase: false, env: { PIP_INDEX_URL: 'https://mirror.example.com/simple' } });
    expect(hello.pythonInstall).toMatchObject({ offline: true, index: null });
    expect(hello.pythonInstall?.why).toContain('no dependencies');
    expect(hello.buildSecrets).toEqual([]);
    expect(hello.dockerfile).toContain('--no-index --no-build-isolation');

    const dir = await mkdtemp(join(tmpdir(), 'bc-offline-'));
    try {
      await cp(join(DEPS, 'source-deps-poetry'), dir, { recursive: true });
      await writeFile(join(dir, 'metadata.yaml'), `${await readFile(join(dir, 'metadata.yaml'), 'utf8')}  buildConnector:\n    offline: true\n`);
      const plan = await resolvePlan(dir, { resolveBase: false, env: { PIP_INDEX_URL: 'http://127.0.0.1:1/simple' } });
      expect(plan.pythonInstall).toMatchObject({ offline: true, why: 'data.buildConnector.offline: true' });
      expect(plan.dockerfile).toContain('--no-index');
      expect(plan.buildSecrets).toEqual([]);
      expect(plan.buildNetwork).toBe('default');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('secrets only for the variables that are set; never their values; host network only for a loopback index', () => {
    const a = pythonIndexPlan(install, { PIP_INDEX_URL: 'http://user:pw@127.0.0.1:8080/simple', PIP_TRUSTED_HOST: '' });
    expect(a.secrets).toEqual([{ id: 'pip-index-url', env: 'PIP_INDEX_URL' }]);
    expect(a.network).toBe('host');
    expect(JSON.stringify(a)).not.toContain('pw');
    const b = pythonIndexPlan(install, { PIP_INDEX_URL: 'https://user:pw@mirror.example.com/simple', PIP_EXTRA_INDEX_URL: 'http://localhost:9/simple', PIP_TRUSTED_HOST: 'mirror.example.com' });
    expect(b.secrets.map((x) => x.id)).toEqual(['pip-index-url', 'pip-extra-index-url', 'pip-trusted-host']);
    expect(b.network).toBe('host');
    const c = pythonIndexPlan(install, { PIP_INDEX_URL: 'https://mirror.example.com/simple' });
    expect(c.network).toBe('default');
    expect(pythonIndexPlan({ ...install, offline: true }, { PIP_INDEX_URL: 'http://127.0.0.1/simple' })).toMatchObject({ secrets: [], network: 'default' });
  });

  it('the build request carries them: --network host and --secret id=…,env=… (no value in argv)', async () => {
    const plan = await resolvePlan(join(DEPS, 'source-deps-pep621'), { resolveBase: false, env: { PIP_INDEX_URL: 'http://u:secret@127.0.0.1:8080/simple' } });
    const caps = {
      builder: 'default',
      driver: 'docker',
      platforms: ['linux/amd64', 'linux/arm64'],
      multiPlatformBuild: true,
      multiPlatformLoad: true,
      ociOutput: true,
      rewriteTimestamp: { oci: true, image: false },
      notes: [],
      effectiveBuildkit: '0.13.2',
    } as unknown as Parameters<typeof prepareBuild>[2];
    const prepared = prepareBuild(plan, { provenance: 'min' }, caps, { dockerfile: '/tmp/D', metadataFile: '/tmp/m.json' });
    const argv = buildxArgs(prepared.request);
    expect(argv.slice(argv.indexOf('--network'), argv.indexOf('--network') + 2)).toEqual(['--network', 'host']);
    expect(argv).toContain('--secret');
    expect(argv[argv.indexOf('--secret') + 1]).toBe('id=pip-index-url,env=PIP_INDEX_URL');
    expect(argv.join(' ')).not.toContain('secret@');
    const hello = prepareBuild(await resolvePlan(join(repoRoot, 'examples', 'source-hello'), { resolveBase: false }), { provenance: 'min' }, caps, { dockerfile: '/tmp/D', metadataFile: '/tmp/m.json' });
    expect(buildxArgs(hello.request)).not.toContain('--network');
    expect(buildxArgs(hello.request)).not.toContain('--secret');
  });
});

describe('base facts', () => {
  it('configEntrypoint: the exec ENTRYPOINT, else AIRBYTE_ENTRYPOINT, else null', () => {
    expect(configEntrypoint({ Entrypoint: ['python', '/x/main.py'], Env: ['AIRBYTE_ENTRYPOINT=other'] })).toEqual(['python', '/x/main.py']);
    expect(configEntrypoint({ Entrypoint: null, Env: ['PATH=/bin', 'AIRBYTE_ENTRYPOINT=python /y/main.py'] })).toEqual(['python', '/y/main.py']);
    expect(configEntrypoint({ Env: ['PATH=/bin'] })).toBeNull();
  });

  it('an unresolvable base falls back to base.yaml, and says so', async () => {
    const plan = await resolvePlan(join(repoRoot, 'examples', 'source-manifest-hello'), { baseImage: 'registry.invalid/nowhere/base:1@sha256:' + '1'.repeat(64) });
    expect(plan.baseFacts).toEqual({ source: 'base.yaml', resolved: null, entrypoint: ['python', '/airbyte/integration_code/main.py'], user: null });
    expect(plan.entrypoint).toEqual(['python', '/airbyte/integration_code/main.py']);
  });
});
