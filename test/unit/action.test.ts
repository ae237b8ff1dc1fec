import { mkdtempSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parsePublishConfig, parseBuildConfig, publishRequestOf, buildRequestOf, DEFAULT_PLATFORMS } from '../../src/core/request-schema.js';
import { ACTION_INPUTS, ACTION_ONLY_INPUTS, defaultCommand, readActionInputs, releaseTagOf, secretsToMask, type GithubContext } from '../../src/action/inputs.js';
import { MATRIX_OUTPUTS, outputsFor, OUTPUT_NAMES } from '../../src/action/outputs.js';
import { checksTable, jobSummary } from '../../src/action/summary.js';
import { annotationsFor, workspacePath } from '../../src/action/annotations.js';
import { runAction, type ActionIO, type ConnectorRunner } from '../../src/action/run.js';
import { emptyOutcome, type ConnectorOutcome } from '../../src/action/types.js';
import { BcError } from '../../src/errors.js';
import { repoRoot } from '../support/cli.js';

const ctx = (over: Partial<GithubContext> = {}): GithubContext => ({ eventName: 'pull_request', ref: 'refs/pull/1/merge', workspace: '/ws', sha: 'abc', ...over });
const inputs = (r: Record<string, string>) => (name: string) => r[name] ?? '';

interface ActionYaml {
  inputs: Record<string, { description: string; default?: string; required?: boolean }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
  branding: { icon: string; color: string };
}
const actionYaml = async () => parseYaml(await readFile(join(repoRoot, 'action.yml'), 'utf8')) as ActionYaml;

describe('shared config: CLI flags and Action inputs parse to the same thing', () => {
  it('1. strings (Action) and typed values (CLI) give equal configs', () => {
    const fromInput = parsePublishConfig(
      { connectors: 'a, b\nc', platforms: 'linux/amd64', dryRun: 'true', force: 'False', latest: 'false', buildArgs: 'A=1\nB=x=y', cacheFrom: 'type=gha' },
      'input',
    );
    const fromFlags = parsePublishConfig({ connectors: ['a', 'b', 'c'], platforms: ['linux/amd64'], dryRun: true, force: false, latest: 'false', buildArgs: { A: '1', B: 'x=y' }, cacheFrom: ['type=gha'] });
    expect(fromInput).toEqual(fromFlags);
    expect(fromInput.buildArgs).toEqual({ A: '1', B: 'x=y' });
  });

  it('2. empty values mean "not given" and take the defaults', () => {
    const c = parsePublishConfig({ connectors: '', platforms: '', push: '', latest: '' }, 'input');
    expect(c.connectors).toEqual(['.']);
    expect(c.platforms).toBeUndefined(); // resolvePlan: metadata's own platforms, else DEFAULT_PLATFORMS
    expect(DEFAULT_PLATFORMS).toEqual(['linux/amd64', 'linux/arm64']);
    expect(c.push).toBe(true);
    expect(c.dryRun).toBe(false);
    expect(c.latest).toBe('auto');
    // the request's defaults, applied by the grammar: what the core flows receive
    const req = publishRequestOf('.', c);
    expect([req.provenance, req.retries, req.timeoutSeconds, req.gitTagFormat]).toEqual(['min', 5, 120, '{dir}/v{version}']);
    // the timeout input reaches verify, publish's and command: verify's alike
    const slow = parsePublishConfig({ connectors: '.', timeout: '600' }, 'input');
    expect(publishRequestOf('.', slow).timeoutSeconds).toBe(600);
    expect(buildRequestOf('.', { ...slow, verify: true }).verify?.timeoutSeconds).toBe(600);
    expect(() => parsePublishConfig({ timeout: 'soon' }, 'input')).toThrow('input "timeout": expected a positive number of seconds, got "soon"');
  });

  it('3. errors name the input (Action) or the flag (CLI) the user wrote', () => {
    expect(() => parsePublishConfig({ dryRun: 'yes' }, 'input')).toThrow(/^input "dry-run": expected true or false$/);
    expect(() => parsePublishConfig({ dryRun: 'yes' }, 'flag')).toThrow(/^--dry-run: expected true or false$/);
    expect(() => parseBuildConfig({ platforms: 'linux/amd64,arm64' }, 'input')).toThrow(/input "platforms": "arm64" is not a linux platform/);
    expect(() => parsePublishConfig({ latest: 'always' }, 'input')).toThrow(/input "latest"/);
    expect(() => parsePublishConfig({ registry: 'http://x' }, 'input')).toThrow(/input "registry": "http:\/\/x" is not a registry/);
    expect(() => parsePublishConfig({ repository: 'Airbyte/Foo' }, 'input')).toThrow(/input "repository"/);
    expect(() => parseBuildConfig({ buildArgs: 'NOEQUALS' }, 'input')).toThrow(/input "build-args": "NOEQUALS" is not KEY=VALUE/);
    expect(() => parseBuildConfig({ baseImage: 'a b' }, 'input')).toThrow(/input "base-image"/);
    try {
      parsePublishConfig({ force: 'maybe' }, 'input');
    } catch (e) {
      expect(e).toBeInstanceOf(BcError);
      expect((e as BcError).exitCode).toBe(2);
    }
  });
});

describe('action.yml', () => {
  it('4. runs node24 from dist/index.js, has branding, and documents every input and output', async () => {
    const a = await actionYaml();
    expect(a.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    expect(a.branding.icon).toBeTruthy();
    expect(a.branding.color).toBeTruthy();
    expect(Object.keys(a.inputs)).toEqual([...ACTION_INPUTS]);
    expect(Object.keys(a.outputs)).toEqual([...OUTPUT_NAMES, ...MATRIX_OUTPUTS]);
    for (const [name, i] of Object.entries({ ...a.inputs, ...a.outputs })) expect(i.description.length, name).toBeGreaterThan(20);
  });

  it('5. every input maps to a field of the shared schema, and action.yml defaults equal the schema defaults', async () => {
    const a = await actionYaml();
    const asGiven: Record<string, string> = {};
    for (const [name, i] of Object.entries(a.inputs)) if (i.default !== undefined) asGiven[name] = i.default;
    // What the runner passes (action.yml defaults) and what a bare run sees (nothing) give the same config.
    const withDefaults = readActionInputs(inputs(asGiven), ctx());
    const bare = readActionInputs(inputs({}), ctx());
    expect(withDefaults).toEqual(bare);
    // An input the schema does not know would be silently ignored: none exists.
    const fields = new Set(Object.keys(bare.config));
    for (const name of ACTION_INPUTS) {
      if (ACTION_ONLY_INPUTS.includes(name)) continue;
      expect(fields.has(name.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase())), name).toBe(true);
    }
  });
});

describe('inputs', () => {
  it('6. command defaults to publish on a release tag push, verify otherwise', () => {
    expect(defaultCommand(ctx({ eventName: 'push', ref: 'refs/tags/source-foo/v1.2.3' })).command).toBe('publish');
    expect(defaultCommand(ctx({ eventName: 'push', ref: 'refs/heads/main' })).command).toBe('verify');
    // a single-connector repository's release tag (issue 15): publish too
    expect(defaultCommand(ctx({ eventName: 'push', ref: 'refs/tags/v1.2.3' })).command).toBe('publish');
    expect(defaultCommand(ctx({ eventName: 'push', ref: 'refs/tags/nightly' })).command).toBe('verify');
    expect(defaultCommand(ctx({ eventName: 'pull_request', ref: 'refs/tags/source-foo/v1.2.3' })).command).toBe('verify');
    expect(releaseTagOf(ctx({ eventName: 'push', ref: 'refs/tags/destination-bar/v0.1.0-rc.1' }))).toBe('destination-bar/v0.1.0-rc.1');
    expect(readActionInputs(inputs({ command: 'build' }), ctx()).command).toBe('build');
    expect(() => readActionInputs(inputs({ command: 'deploy' }), ctx())).toThrow('input "command": expected build, verify, publish or changed, got "deploy"');
    expect(() => readActionInputs(inputs({ command: 'changed' }), ctx())).toThrow(/changed needs input "changed-since"/);
    expect(() => readActionInputs(inputs({ 'changed-since': '--output=/etc/x' }), ctx())).toThrow('input "changed-since": expected a git ref, got "--output=/etc/x"');
    expect(readActionInputs(inputs({ command: 'changed', 'changed-since': 'origin/main' }), ctx()).changedSince).toBe('origin/main');
  });

  it('7. an invalid config input is refused without echoing its (secret) content', () => {
    const secret = '{"api_key": "hunter2-very-secret"';
    let msg = '';
    try {
      readActionInputs(inputs({ config: secret }), ctx());
    } catch (e) {
      msg = [(e as BcError).message, ...(e as BcError).details].join('\n');
    }
    expect(msg).toMatch(/input "config": is not valid JSON/);
    expect(msg).toMatch(/fix: pass the connector config as a JSON object/);
    expect(msg).not.toContain('hunter2');
    expect(() => readActionInputs(inputs({ config: '[1,2]' }), ctx())).toThrow(/must be a JSON object/);
  });

  it('8. secrets to mask: password, the config text, its lines and its secret-looking values', () => {
    const cfg = '{\n  "api_key": "k-123456",\n  "host": "localhost",\n  "nested": {"credentials": {"user": "bob", "pw": "t0k"}},\n  "long": "abcdefghijklmnopqrstuvwxyz"\n}';
    const s = secretsToMask(inputs({ password: 'pw-secret', config: cfg, username: 'alice' }));
    expect(s).toContain('pw-secret');
    expect(s).toContain(cfg);
    expect(s).toContain('k-123456');
    expect(s).toContain('bob');
    expect(s).toContain('t0k');
    expect(s).toContain('abcdefghijklmnopqrstuvwxyz');
    expect(s).toContain('"api_key": "k-123456",');
    // plain values stay visible: the runner drops any output containing a masked string
    expect(s).not.toContain('localhost');
    expect(s).not.toContain('alice');
  });
});

function outcome(over: Partial<ConnectorOutcome>): ConnectorOutcome {
  return { ...emptyOutcome('source-foo', '/ws/source-foo', 'publish'), ...over };
}

describe('outputs', () => {
  const a = outcome({ result: 'published', repository: 'localhost:5000/x/source-foo', digest: 'sha256:aa', tags: ['localhost:5000/x/source-foo:1.0.0', 'localhost:5000/x/source-foo:latest'], platforms: ['linux/amd64', 'linux/arm64'], reportPath: '/r/a.json' });
  it('9. one connector: plain values, tags one per line', () => {
    const o = outputsFor([a]);
    expect(o).toEqual({
      digest: 'sha256:aa',
      image: 'localhost:5000/x/source-foo@sha256:aa',
      tags: 'localhost:5000/x/source-foo:1.0.0\nlocalhost:5000/x/source-foo:latest',
      platforms: 'linux/amd64,linux/arm64',
      report: '/r/a.json',
      result: 'published',
      labels: '',
      annotations: '',
      json: expect.any(String),
      sbom: '',
    });
  });
  it('9b. labels, annotations and json as docker/metadata-action shapes them', () => {
    const labelled = outcome({
      ...a,
      labels: { 'io.airbyte.name': 'x/source-foo', 'org.opencontainers.image.revision': 'abc' },
      annotations: ['index:org.opencontainers.image.revision=abc', 'manifest:org.opencontainers.image.revision=abc'],
    });
    const o = outputsFor([labelled]);
    expect(o.labels).toBe('io.airbyte.name=x/source-foo\norg.opencontainers.image.revision=abc');
    expect(o.annotations).toBe('index:org.opencontainers.image.revision=abc\nmanifest:org.opencontainers.image.revision=abc');
    const json = JSON.parse(o.json) as Record<string, unknown>;
    expect(json).toMatchObject({ result: 'published', image: 'localhost:5000/x/source-foo@sha256:aa', tags: a.tags, labels: labelled.labels, annotations: labelled.annotations, platforms: a.platforms });
    const two = outputsFor([labelled, outcome({ key: 'source-bar', result: 'failed', error: { message: 'boom', details: [], exitCode: 3 } })]);
    expect(JSON.parse(two.labels)).toEqual({ 'source-foo': labelled.labels, 'source-bar': {} });
    expect(JSON.parse(two.json)['source-bar']).toMatchObject({ result: 'failed', error: { message: 'boom', exitCode: 3 } });
  });
  it('9c. after command build, image and tags are the references the image was loaded under', () => {
    const built = outcome({ command: 'build', result: 'built', repository: 'airbyte/source-foo', version: '1.0.0', digest: 'sha256:bb' });
    expect(outputsFor([built])).toMatchObject({ image: 'airbyte/source-foo:1.0.0', tags: 'airbyte/source-foo:1.0.0\nairbyte/source-foo:dev' });
    const tagged = outcome({ ...built, loadedTags: ['my/img:test'] });
    expect(outputsFor([tagged])).toMatchObject({ image: 'my/img:test', tags: 'my/img:test' });
    // verify: the run tag is removed after the checks, nothing stays to reference
    expect(outputsFor([outcome({ ...built, command: 'verify', result: 'verified' })])).toMatchObject({ image: '', tags: '' });
  });
  it('10. several connectors: every output a JSON object keyed by connector', () => {
    const b = outcome({ key: 'source-bar', result: 'failed' });
    const o = outputsFor([a, b]);
    expect(JSON.parse(o.result)).toEqual({ 'source-foo': 'published', 'source-bar': 'failed' });
    expect(JSON.parse(o.tags)).toEqual({ 'source-foo': a.tags, 'source-bar': [] });
    expect(JSON.parse(o.image)).toEqual({ 'source-foo': 'localhost:5000/x/source-foo@sha256:aa', 'source-bar': '' });
    expect(JSON.parse(o.platforms)['source-foo']).toEqual(['linux/amd64', 'linux/arm64']);
  });
});

describe('summary', () => {
  it('11. checks × platforms table with ✓/✗, tags written and not written, digests, durations', () => {
    const md = jobSummary([
      outcome({
        result: 'failed',
        version: '1.2.0',
        digest: 'sha256:bb',
        platformDigests: { 'linux/amd64': 'sha256:a1', 'linux/arm64': 'sha256:a2' },
        checks: [
          { id: 'spec', platform: 'linux/amd64', status: 'pass' },
          { id: 'spec', platform: 'linux/arm64', status: 'fail', message: 'no SPEC message', fix: 'print a SPEC message' },
          { id: 'user', platform: 'linux/amd64', status: 'pass' },
          { id: 'user', platform: 'linux/arm64', status: 'skip' },
        ],
        skippedTags: [{ tag: 'latest', reason: 'latest not moved: 1.2.0 > 1.1.5' }],
        findings: [{ ruleId: 'user-root', severity: 'error', file: '/ws/source-foo/Dockerfile', line: 7, column: 6, message: 'the final USER is root', fix: 'USER airbyte' }],
        durations: { build: 12_300, verify: 800 },
      }),
    ]);
    expect(md).toContain('| check | linux/amd64 | linux/arm64 |');
    expect(md).toContain('| `spec` | ✓ | ✗ |');
    expect(md).toContain('| `user` | ✓ | – |');
    expect(md).toContain('- ✗ `spec` on linux/arm64: no SPEC message — fix: print a SPEC message');
    expect(md).toContain('- ✗ `user-root` /ws/source-foo/Dockerfile:7:6 the final USER is root; fix: USER airbyte');
    expect(md).toContain('**Tags written:** none');
    expect(md).toContain('- `latest`: latest not moved: 1.2.0 > 1.1.5');
    expect(md).toContain('| image digest | `sha256:bb` |');
    expect(md).toContain('| linux/arm64 | `sha256:a2` |');
    expect(md).toContain('build 12.3 s · verify 800 ms');
    expect(md).toContain('source-foo 1.2.0 — ❌ failed');
    expect(md).toMatch(/^## build-connector: 0\/1 connector succeeded/);
  });
  it('12. a pipe or newline in a message cannot break the table', () => {
    expect(checksTable([{ id: 'a|b', platform: 'linux/amd64', status: 'pass' }])).toContain('`a\\|b`');
  });
});

describe('annotations', () => {
  it('13. lint findings at file:line relative to the workspace; failed checks name the fix', () => {
    const o = outcome({
      metadataPath: '/ws/source-foo/metadata.yaml',
      findings: [{ ruleId: 'user-airbyte', severity: 'error', file: '/ws/source-foo/Dockerfile', line: 7, column: 1, message: 'final USER is root' }],
      checks: [{ id: 'airbyte-dir', platform: 'linux/arm64', status: 'fail', message: '/airbyte owned by root', fix: 'chown -R airbyte /airbyte' }],
    });
    const a = annotationsFor(o, '/ws');
    expect(a[0]).toEqual({ level: 'error', title: 'source-foo: lint user-airbyte', message: 'final USER is root', file: 'source-foo/Dockerfile', line: 7, column: 1 });
    expect(a[1]).toMatchObject({ level: 'error', title: 'source-foo: check airbyte-dir failed on linux/arm64', message: '/airbyte owned by root\nfix: chown -R airbyte /airbyte', file: 'source-foo/metadata.yaml' });
  });
  it('13b. a finding in the rendered Dockerfile, which no repository file holds, names its line in the message and no file', () => {
    const finding = { ruleId: 'writes-outside', severity: 'warning' as const, file: '/ws/source-foo/Dockerfile (rendered)', line: 4, column: 1, message: 'RUN writes /opt' };
    const [rendered] = annotationsFor(outcome({ findings: [{ ...finding, rendered: true }] }), '/ws');
    expect(rendered).toEqual({ level: 'warning', title: 'source-foo: lint writes-outside', message: 'rendered Dockerfile line 4: RUN writes /opt' });
    // the flag decides, not the file's name
    const [named] = annotationsFor(outcome({ findings: [finding] }), '/ws');
    expect(named?.file).toBe('source-foo/Dockerfile (rendered)');
  });
  it('13c. a finding\'s fix field follows its message in the annotation, as in lint\'s text', () => {
    const finding = { ruleId: 'user-root', severity: 'error' as const, file: '/ws/source-foo/Dockerfile', line: 7, column: 6, message: 'the final USER is root', fix: 'USER airbyte' };
    const [inFile, inRendered] = annotationsFor(outcome({ findings: [finding, { ...finding, rendered: true }] }), '/ws');
    expect(inFile).toEqual({ level: 'error', title: 'source-foo: lint user-root', message: 'the final USER is root; fix: USER airbyte', file: 'source-foo/Dockerfile', line: 7, column: 6 });
    expect(inRendered?.message).toBe('rendered Dockerfile line 7: the final USER is root; fix: USER airbyte');
  });
  it('14. a path outside the workspace stays as it is', () => {
    expect(workspacePath('/elsewhere/x', '/ws')).toBe('/elsewhere/x');
  });
});

const noChanged: ConnectorRunner['changed'] = async () => {
  throw new Error('changed must not be called');
};

describe('runAction with a recording IO', () => {
  const made: string[] = [];
  // Every run keeps its reports under RUNNER_TEMP (the `report` output); this suite owns that directory.
  let runnerTemp = '';
  afterAll(async () => {
    for (const d of made) await rm(d, { recursive: true, force: true });
  });

  function recorder(inp: Record<string, string>, env: Record<string, string> = {}) {
    if (!runnerTemp) {
      runnerTemp = mkdtempSync(join(tmpdir(), 'bc-action-unit-'));
      made.push(runnerTemp);
    }
    const log: string[] = [];
    const outputs: Record<string, string> = {};
    let summary = '';
    const io: ActionIO = {
      env: { GITHUB_WORKSPACE: '/ws', GITHUB_EVENT_NAME: 'pull_request', RUNNER_TEMP: runnerTemp, ...env },
      getInput: inputs(inp),
      setSecret: (v) => log.push(`mask ${v}`),
      info: (l) => log.push(`info ${l}`),
      group: async (name, fn) => {
        log.push(`group ${name}`);
        return fn();
      },
      setOutput: (n, v) => {
        outputs[n] = v;
      },
      annotate: (a) => log.push(`annotate ${a.level} ${a.file ?? ''}:${a.line ?? ''} ${a.message}`),
      writeSummary: async (md) => {
        summary += md;
      },
    };
    return { io, log, outputs, summary: () => summary };
  }

  it('15. masks before anything else; the config reaches the core as a 0600 file, removed afterwards', async () => {
    const tmp = await mkdtemp(join(tmpdir(), 'bc-action-unit-'));
    made.push(tmp);
    const r = recorder({ password: 'pw-123456', config: '{"token":"value-123"}', connectors: 'a' }, { RUNNER_TEMP: tmp });
    let seen: { path?: string; mode?: number; text?: string } = {};
    const runner: ConnectorRunner = {
      changed: noChanged,
      async run(dir, c) {
        const p = c.config.configFile as string;
        seen = { path: p, mode: (await stat(p)).mode & 0o777, text: await readFile(p, 'utf8') };
        c.log('using pw-123456 and value-123');
        return outcome({ key: 'a', dir, command: c.command, result: 'verified' });
      },
      releasePlan: async () => {
        throw new Error('not used');
      },
    };
    expect(await runAction(r.io, runner)).toBe(0);
    const firstNonMask = r.log.findIndex((l) => !l.startsWith('mask '));
    expect(r.log.slice(0, firstNonMask)).toEqual(expect.arrayContaining(['mask pw-123456', 'mask {"token":"value-123"}', 'mask value-123']));
    expect(seen.mode).toBe(0o600);
    expect(seen.text).toBe('{"token":"value-123"}');
    await expect(stat(seen.path as string)).rejects.toThrow(/ENOENT/);
    expect(r.log.join('\n')).not.toMatch(/pw-123456.*value-123/);
    expect(r.log).toContain('info using *** and ***');
    expect(r.outputs.result).toBe('verified');
    const report = JSON.parse(await readFile(r.outputs.report as string, 'utf8')) as ConnectorOutcome;
    expect(report.result).toBe('verified');
  });

  it('16. one failing connector does not hide the others; exit code is the failure kind', async () => {
    const r = recorder({ connectors: 'source-a\nsource-b', command: 'publish' });
    const runner: ConnectorRunner = {
      changed: noChanged,
      async run(dir, c) {
        if (dir.endsWith('source-a')) throw new BcError('refused', 'version 1.0.0 already published as sha256:cc', { step: 'publish', details: ['fix: bump dockerImageTag'] });
        return outcome({ key: 'source-b', dir, command: c.command, result: 'published', digest: 'sha256:dd', repository: 'r/source-b' });
      },
      releasePlan: async () => ({ dir: '', version: '' }),
    };
    expect(await runAction(r.io, runner)).toBe(4);
    expect(JSON.parse(r.outputs.result as string)).toEqual({ 'source-a': 'failed', 'source-b': 'published' });
    expect(r.log).toContain('group source-a: publish');
    expect(r.log).toContain('group source-b: publish');
    expect(r.log.some((l) => l.startsWith('annotate error') && l.includes('already published') && l.includes('fix: bump dockerImageTag'))).toBe(true);
    expect(r.summary()).toContain('## build-connector: 1/2 connectors succeeded');
  });

  it('14. an error is placed where the core says it is, never where its text seems to point', async () => {
    const placed = new BcError('badInput', 'source-foo/metadata.yaml:12:5: data.dockerImageTag: expected semver', {
      at: { file: '/ws/source-foo/metadata.yaml', line: 12, column: 5, key: 'data.dockerImageTag', problem: 'expected semver' },
    });
    const onlyText = new BcError('badInput', 'see /ws/source-foo/metadata.yaml:3:1 for the old value');
    const annotations = async (e: BcError) => {
      const r = recorder({ connectors: 'source-foo', command: 'build' });
      await runAction(r.io, { changed: noChanged, releasePlan: async () => { throw new Error('no release'); }, run: async () => { throw e; } });
      return r.log.filter((l) => l.startsWith('annotate error'));
    };
    expect(await annotations(placed)).toEqual(['annotate error source-foo/metadata.yaml:12 source-foo/metadata.yaml:12:5: data.dockerImageTag: expected semver']);
    expect(await annotations(onlyText)).toEqual(['annotate error : see /ws/source-foo/metadata.yaml:3:1 for the old value']);
  });

  it('17. release tag: the plan picks the connector; a mismatch is annotated at metadata.yaml:LINE', async () => {
    const env = { GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/tags/source-foo/v2.0.0' };
    const picked: string[] = [];
    const ok: ConnectorRunner = {
      changed: noChanged,
      releasePlan: async () => ({ dir: '/ws/connectors/source-foo', version: '2.0.0' }),
      async run(dir, c) {
        picked.push(`${dir} ${c.command} ${c.releaseVersion}`);
        return outcome({ dir, result: 'published' });
      },
    };
    const r1 = recorder({ connectors: 'connectors' }, env);
    expect(await runAction(r1.io, ok)).toBe(0);
    expect(picked).toEqual(['/ws/connectors/source-foo publish 2.0.0']);

    const bad: ConnectorRunner = {
      changed: noChanged,
      releasePlan: async () => {
        const problem = 'data.dockerImageTag is 1.0.0, but release tag source-foo/v2.0.0 says 2.0.0';
        throw new BcError('badInput', `/ws/connectors/source-foo/metadata.yaml:6:19: ${problem}`, { at: { file: '/ws/connectors/source-foo/metadata.yaml', line: 6, column: 19, problem } });
      },
      run: async () => {
        throw new Error('must not run');
      },
    };
    const r2 = recorder({ connectors: 'connectors' }, env);
    expect(await runAction(r2.io, bad)).toBe(2);
    expect(r2.log.some((l) => l.startsWith('annotate error connectors/source-foo/metadata.yaml:6 /ws/connectors'))).toBe(true);
    expect(r2.outputs.result).toBe('failed');
  });

  it('19. changed-since: the affected set replaces the connectors; matrix outputs; command changed builds nothing', async () => {
    const set = {
      connectors: [{ connector: 'connectors/source-b', name: 'source-b', platforms: ['linux/amd64'], why: 'own files changed' }],
      matrix: '{"include":[{"connector":"connectors/source-b","name":"source-b","platforms":"linux/amd64"}]}',
      platformMatrix: '{"include":[]}',
    };
    const ran: string[] = [];
    const runner: ConnectorRunner = {
      changed: async (since, roots) => {
        ran.push(`changed ${since} ${roots === undefined ? 'default-roots' : roots.join(',')}`);
        return set;
      },
      run: async (dir, c) => {
        ran.push(`run ${dir}`);
        return outcome({ key: 'source-b', dir, command: c.command, result: 'verified' });
      },
      releasePlan: async () => ({ dir: '', version: '' }),
    };
    const r1 = recorder({ command: 'changed', 'changed-since': 'origin/main' });
    expect(await runAction(r1.io, runner)).toBe(0);
    expect(ran).toEqual(['changed origin/main default-roots']);
    expect(r1.outputs.matrix).toBe(set.matrix);
    expect(r1.outputs.changed).toBe('connectors/source-b');
    expect(r1.summary()).toContain('| `connectors/source-b` | linux/amd64 | own files changed |');

    ran.length = 0;
    const r2 = recorder({ connectors: 'connectors', 'changed-since': 'abc123' });
    expect(await runAction(r2.io, runner)).toBe(0);
    expect(ran).toEqual(['changed abc123 /ws/connectors', 'run /ws/connectors/source-b']);
    expect(r2.outputs.result).toBe('verified');
  });

  it('18. invalid input: annotation, summary, result=failed, exit 2, nothing runs', async () => {
    const r = recorder({ 'dry-run': 'perhaps' });
    const runner: ConnectorRunner = {
      changed: noChanged,
      run: async () => {
        throw new Error('must not run');
      },
      releasePlan: async () => ({ dir: '', version: '' }),
    };
    expect(await runAction(r.io, runner)).toBe(2);
    expect(r.outputs.result).toBe('failed');
    expect(r.log.some((l) => l.includes('input "dry-run": expected true or false'))).toBe(true);
  });
});
