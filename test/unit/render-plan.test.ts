import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DockerfileParser } from 'dockerfile-ast';
import { resolvePlan, planSummary } from '../../src/render/plan.js';
import { dq, execForm, word, image } from '../../src/render/escape.js';
import { readPyproject } from '../../src/render/pyproject.js';
import { listTar } from '../../src/oci/tar-list.js';
import { composeDockerignore, defaultDockerignore } from '../../src/render/dockerignore.js';
import { createEnv, renderTemplate } from '../../src/render/template.js';
import { repoRoot } from '../support/cli.js';

const EX = join(repoRoot, 'examples');
const BASE = `registry.example.com/b:1@sha256:${'b'.repeat(64)}`;
let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'bc-render-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function copyExample(name: string, as = name): Promise<string> {
  const dir = join(work, as);
  await cp(join(EX, name), dir, { recursive: true });
  return dir;
}

async function editMetadata(dir: string, edit: (s: string) => string): Promise<void> {
  const f = join(dir, 'metadata.yaml');
  await writeFile(f, edit(await readFile(f, 'utf8')));
}

describe('Dockerfile-safe escaping', () => {
  it.each([
    ['plain', '"plain"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['back\\slash', '"back\\\\slash"'],
    ['$HOME ${PATH}', '"\\$HOME \\${PATH}"'],
    ["it's", '"it\'s"'],
  ])('dq(%j) = %s', (v, out) => expect(dq(v)).toBe(out));

  it('rejects what cannot be written on one line, or as a bare word', () => {
    expect(() => dq('a\nRUN id')).toThrow(/newlines and control characters/);
    expect(() => dq('a\rb')).toThrow();
    expect(() => word('a b')).toThrow(/only \[A-Za-z0-9/);
    expect(() => word('$x')).toThrow();
    expect(() => execForm(['/bin/sh', '-c', 'rm -rf /'])).toThrow();
    expect(() => execForm([])).toThrow();
    expect(() => image('x:1\nUSER root')).toThrow(/image reference/);
    expect(execForm(['python', '/airbyte/integration_code/main.py'])).toBe('["python", "/airbyte/integration_code/main.py"]');
  });

  it('an escaped LABEL parses back to the original value, as one instruction', () => {
    const value = 'He said "hi" \\ then $HOME, ${X} and it\'s';
    const df = DockerfileParser.parse(`FROM x\nLABEL a=${dq(value)}\nUSER airbyte\n`);
    expect(df.getInstructions().map((i) => i.getKeyword())).toEqual(['FROM', 'LABEL', 'USER']);
  });

  it('templates are strict and do not HTML-escape', () => {
    const env = createEnv();
    expect(() => renderTemplate(env, 'FROM {{nope}}\n', { base: 'x' }, 'T.hbs')).toThrow(/T\.hbs: (template error: "nope" not defined|unknown variable "nope")/);
    expect(() => renderTemplate(env, 'LABEL {{dq a.typo}}\n', { a: { b: 1 } }, 'T.hbs')).toThrow(/T\.hbs: unknown variable "a\.typo"/);
    expect(() => renderTemplate(env, '{{#if a.typo}}x{{/if}}\n', { a: { b: 1 } }, 'T.hbs')).toThrow(/unknown variable "a\.typo"/);
    expect(() => renderTemplate(env, '{{#each xs}}{{dq this.nope}}{{/each}}\n', { xs: [{ k: 1 }] }, 'T.hbs')).toThrow(/unknown variable "xs\.0\.nope"/);
    expect(renderTemplate(env, 'LABEL {{label "a.b" v}}\n', { v: '<&>' }, 'T.hbs')).toBe('LABEL a.b="<&>"\n');
    expect(() => renderTemplate(env, 'RUN echo {{word v}}\n', { v: 'x; rm -rf /' }, 'T.hbs')).toThrow(/T\.hbs: unsafe value/);
  });
});

describe('resolvePlan', () => {
  it('python package: console script from [project.scripts] as an absolute entrypoint', async () => {
    const plan = await resolvePlan(join(EX, 'source-hello'), { baseImage: BASE });
    expect(plan).toMatchObject({
      mode: 'rendered',
      baseImage: BASE,
      entrypoint: ['/usr/local/bin/source-hello'],
      platforms: ['linux/amd64', 'linux/arm64'],
      permittedWriteDirs: ['/airbyte', '/tmp', '/secrets', '/config', '/custom_cache'],
      context: join(EX, 'source-hello'),
      dockerfilePath: undefined,
    });
    expect(plan.labels).toMatchObject({
      'io.airbyte.name': 'airbyte/source-hello',
      'io.airbyte.version': '0.1.0',
      'io.airbyte.permitted-write-dirs': '/airbyte,/tmp,/secrets,/config,/custom_cache',
      'org.opencontainers.image.base.digest': `sha256:${'b'.repeat(64)}`,
    });
    expect(plan.dockerfile).toContain('--no-index --no-build-isolation');
  });

  it('base image: flag > buildConnector.baseImage > connectorBuildOptions.baseImage > base definition root', async () => {
    const dir = await copyExample('source-hello', 'hello-bases');
    const upstream = (await resolvePlan(dir)).baseImage;
    expect(upstream).toMatch(/^docker\.io\/airbyte\/python-connector-base:4\.0\.2@sha256:/);
    await editMetadata(dir, (s) => s.replace(/  connectorBuildOptions:\n.*\n/, ''));
    expect((await resolvePlan(dir)).baseImage).toMatch(/^docker\.io\/library\/python:3\.11\.13-slim-bookworm@sha256:/);
    await editMetadata(dir, (s) => `${s}  buildConnector:\n    baseImage: localhost:5000/own/base:1\n`);
    expect((await resolvePlan(dir)).baseImage).toBe('localhost:5000/own/base:1');
    expect((await resolvePlan(dir, { baseImage: BASE })).baseImage).toBe(BASE);
    await expect(resolvePlan(dir, { baseImage: 'bad ref' })).rejects.toMatchObject({ kind: 'badInput', message: expect.stringContaining('--base-image "bad ref"') });
  });

  it('extraWriteDirs, platforms and offline come from data.buildConnector', async () => {
    const dir = await copyExample('source-hello', 'hello-options');
    await editMetadata(dir, (s) => `${s}  buildConnector:\n    extraWriteDirs: [/var/cache/hello/]\n    platforms: [linux/arm64]\n    offline: false\n`);
    const plan = await resolvePlan(dir);
    expect(plan.permittedWriteDirs).toEqual(['/airbyte', '/tmp', '/secrets', '/config', '/custom_cache', '/var/cache/hello']);
    expect(plan.platforms).toEqual(['linux/arm64']);
    expect(plan.dockerfile).not.toContain('--no-index');
    expect(plan.dockerfile).toContain('io.airbyte.permitted-write-dirs="/airbyte,/tmp,/secrets,/config,/custom_cache,/var/cache/hello"');
    expect((await resolvePlan(dir, { platforms: ['linux/amd64'] })).platforms).toEqual(['linux/amd64']);
  });

  it('python main.py only: python /airbyte/integration_code/main.py', async () => {
    const plan = await resolvePlan(join(EX, 'destination-echo'), { baseImage: BASE });
    expect(plan.entrypoint).toEqual(['python', '/airbyte/integration_code/main.py']);
    expect(plan.dockerfile).not.toContain('pip install');
  });

  it('java: the launcher found inside the distribution tarball', async () => {
    const plan = await resolvePlan(join(EX, 'source-java-hello'), { baseImage: BASE });
    expect(plan.entrypoint).toEqual(['/airbyte/integration_code/bin/source-java-hello']);
    expect(plan.permittedWriteDirs).toContain('/etc/ssl/certs/java');
    expect(plan.dockerignore).toContain('!build/distributions');
  });

  it('java without a tarball names the fix', async () => {
    const dir = await copyExample('source-java-hello', 'java-no-tar');
    await rm(join(dir, 'build'), { recursive: true });
    await expect(resolvePlan(dir, { baseImage: BASE })).rejects.toMatchObject({ kind: 'badInput', message: expect.stringContaining('no distribution tarball') });
  });

  it('manifest-only: entrypoint from the base definition, components.py copied when present', async () => {
    const dir = await copyExample('source-manifest-hello', 'manifest-components');
    expect((await resolvePlan(dir, { baseImage: BASE })).dockerfile).not.toContain('components.py');
    await writeFile(join(dir, 'components.py'), '# custom components\n');
    const plan = await resolvePlan(dir, { baseImage: BASE });
    expect(plan.entrypoint).toEqual(['python', '/airbyte/integration_code/main.py']);
    expect(plan.dockerfile).toContain('COPY --chown=1000:1000 components.py /airbyte/integration_code/source_declarative_manifest/components.py');
  });

  it('custom mode: the Dockerfile as is; --base-image sets ARG BASE_IMAGE', async () => {
    const plan = await resolvePlan(join(EX, 'source-custom'));
    expect(plan.mode).toBe('custom');
    expect(plan.dockerfile).toBe(await readFile(join(EX, 'source-custom', 'Dockerfile'), 'utf8'));
    expect(plan.baseImage).toMatch(/^docker\.io\/airbyte\/python-connector-base:4\.0\.2@sha256:/);
    expect(plan.entrypoint).toEqual(['python', '/airbyte/integration_code/main.py']);
    expect(plan.buildArgs).toEqual({});
    const over = await resolvePlan(join(EX, 'source-custom'), { baseImage: BASE });
    expect(over.baseImage).toBe(BASE);
    expect(over.buildArgs).toEqual({ BASE_IMAGE: BASE });
    const dir = await copyExample('source-custom', 'custom-fixed-from');
    await writeFile(join(dir, 'Dockerfile'), `FROM ${BASE}\nUSER airbyte\n`);
    await expect(resolvePlan(dir, { baseImage: BASE })).rejects.toMatchObject({ kind: 'badInput', message: expect.stringContaining('without ARG BASE_IMAGE') });
  });

  it('a user template folder adds a language without code changes', async () => {
    const templates = join(work, 'my-templates');
    await mkdir(join(templates, 'rust'), { recursive: true });
    await writeFile(
      join(templates, 'rust', 'Dockerfile.hbs'),
      'FROM {{image base.image}}\nUSER root\n{{> ensure-user}}\nCOPY --chown=1000:1000 target/release/{{word connector.dirName}} /airbyte/integration_code/app\n{{> runtime}}\n',
    );
    const dir = await copyExample('destination-echo', 'destination-rusty');
    await editMetadata(dir, (s) => s.replace('language:python', 'language:rust'));
    await expect(resolvePlan(dir, { baseImage: BASE, templatesDir: templates })).rejects.toMatchObject({
      message: expect.stringMatching(/metadata\.yaml:\d+:\d+: data\.buildConnector\.entrypoint: language "rust" has no way to detect the entrypoint/),
    });
    await editMetadata(dir, (s) => `${s}  buildConnector:\n    entrypoint: [/airbyte/integration_code/app]\n`);
    const plan = await resolvePlan(dir, { baseImage: BASE, templatesDir: templates });
    expect(plan.dockerfile).toContain('COPY --chown=1000:1000 target/release/destination-rusty /airbyte/integration_code/app');
    expect(plan.dockerfile).toContain('ENV AIRBYTE_ENTRYPOINT="/airbyte/integration_code/app"');
    expect(plan.dockerfile.trimEnd().endsWith('USER airbyte')).toBe(true);
    // without the folder the language is unknown, and the error lists what exists
    await expect(resolvePlan(dir, { baseImage: BASE })).rejects.toMatchObject({
      message: expect.stringContaining('data.tags.0: unknown language "rust"'),
      details: expect.arrayContaining([expect.stringContaining('java, manifest-only, python')]),
    });
  });

  it('an unknown variable in a user template is an error naming the template', async () => {
    const templates = join(work, 'strict-templates');
    await mkdir(join(templates, 'python'), { recursive: true });
    await writeFile(join(templates, 'python', 'Dockerfile.hbs'), 'FROM {{image base.image}}\nLABEL x={{dq connector.colour}}\n');
    await expect(resolvePlan(join(EX, 'destination-echo'), { baseImage: BASE, templatesDir: templates })).rejects.toMatchObject({
      kind: 'badInput',
      message: expect.stringMatching(/python\/Dockerfile\.hbs: unknown variable "connector\.colour"/),
    });
  });

  it('planSummary is what render --json prints, without connector internals', async () => {
    const s = planSummary(await resolvePlan(join(EX, 'source-hello'), { baseImage: BASE }));
    expect(Object.keys(s)).toEqual(
      expect.arrayContaining(['baseImage', 'entrypoint', 'airbyteEntrypoint', 'labels', 'context', 'platforms', 'permittedWriteDirs', 'dockerfile', 'dockerignore']),
    );
    expect(JSON.stringify(s)).not.toContain('positionOf');
  });
});

describe('helpers', () => {
  it('readPyproject reads [project.scripts] and [tool.poetry.scripts]', () => {
    const text = '[project]\nname = "x"\n[project.scripts]\nsource-x = "source_x.run:run"  # main\n"other" = "a:b"\n[tool.poetry.scripts]\npoetry-x = "p:q"\n[tool.other]\nnot-a-script = 1\n';
    expect(readPyproject(text, 'pyproject.toml').scripts.map((s) => [s.name, s.line])).toEqual([
      ['source-x', 4],
      ['other', 5],
      ['poetry-x', 7],
    ]);
  });

  it('listTar lists the java distribution', async () => {
    expect(await listTar(join(EX, 'source-java-hello', 'build', 'distributions', 'source-java-hello.tar'))).toEqual([
      'source-java-hello/',
      'source-java-hello/bin/',
      'source-java-hello/bin/source-java-hello',
      'source-java-hello/lib/',
      'source-java-hello/lib/source-java-hello.jar',
    ]);
  });

  it('the .dockerignore always excludes secrets, .git and caches, after the connector\'s own lines', async () => {
    const ours = defaultDockerignore('python');
    for (const p of ['secrets', '**/secrets', '.git', '**/__pycache__', '.venv', '.pytest_cache', 'build']) expect(ours.split('\n')).toContain(p);
    const dir = join(work, 'with-ignore');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, '.dockerignore'), '!secrets\ndocs\n');
    const composed = await composeDockerignore(dir, ours);
    expect(composed.indexOf('!secrets')).toBeLessThan(composed.lastIndexOf('\nsecrets\n'));
    expect(composed).toContain('docs');
  });
});
