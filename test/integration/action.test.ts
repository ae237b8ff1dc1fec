/**
 * The Action as the runner runs it: `node dist/index.js` (the committed-style
 * bundle, rebuilt here by the repo's own build script) with inputs as
 * INPUT_* variables (dashes kept: INPUT_DRY-RUN), GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY files, GITHUB_EVENT_NAME / GITHUB_REF /
 * GITHUB_WORKSPACE; against the real engine, qemu and loopback registries.
 * A second, independent harness runs it through @github/local-action.
 */
import { cp, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { AUTH_PASSWORD, AUTH_REGISTRY, AUTH_USER, describeEngine, REGISTRY } from '../support/engine.js';
import { buildBase } from '../../src/render/base-image.js';
import { hasStackTrace, repoRoot } from '../support/cli.js';
import { tagDigest, listTags } from '../support/registry.js';
import { VerifyReportSchema } from '../../src/verify/index.js';
import { allowListedEnv } from '../support/env.js';

const DIST = join(repoRoot, 'dist', 'index.js');
const NS = `action-e-${process.pid}`;

interface ActionRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  outputsRaw: string;
  outputs: Record<string, string>;
  summary: string;
  annotations: { level: string; props: Record<string, string>; message: string }[];
  /** every byte a user or a later step can see: the log (minus the runner-consumed add-mask commands), outputs, summary, reports */
  visible: string;
}

/** The runner's GITHUB_OUTPUT file format: `name<<ghadelimiter_UUID`, value lines, the delimiter. */
function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as string;
    if (line === '') {
      i++;
      continue;
    }
    const m = /^([A-Za-z0-9_-]+)<<(ghadelimiter_[0-9a-f-]{36})$/.exec(line);
    if (!m) throw new Error(`GITHUB_OUTPUT line ${i + 1} is not in the runner's heredoc format: ${line}`);
    const end = lines.indexOf(m[2] as string, i + 1);
    if (end < 0) throw new Error(`GITHUB_OUTPUT: delimiter of ${m[1]} never closes`);
    out[m[1] as string] = lines.slice(i + 1, end).join('\n');
    i = end + 1;
  }
  return out;
}

const unescape = (s: string) => s.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');

/** `::error file=F,line=L,title=T::message` lines. */
function parseAnnotations(stdout: string): ActionRun['annotations'] {
  const res: ActionRun['annotations'] = [];
  for (const line of stdout.split('\n')) {
    const m = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) continue;
    const props: Record<string, string> = {};
    for (const kv of (m[2] ?? '').split(',').filter(Boolean)) {
      const eq = kv.indexOf('=');
      props[kv.slice(0, eq)] = unescape(kv.slice(eq + 1));
    }
    res.push({ level: m[1] as string, props, message: unescape(m[3] as string) });
  }
  return res;
}

describeEngine('GitHub Action: dist/index.js run as the runner runs it', () => {
  let ws: string;
  let base: string;
  let remote: string;
  const scratch: string[] = [];

  beforeAll(async () => {
    // The bundle under test is the committed dist/index.js; scripts/run-tests.sh
    // rebuilds dist/ before the suites (CI first checks it equals the commit).
    await stat(DIST).catch(() => {
      throw new Error(`${DIST} is missing: run npm run build`);
    });
    // Only the python base is needed: the same content-addressed build as
    // ensureExampleBases (test/support/examples.ts), so the image is shared.
    const root = inject('roots').python;
    if (!root) throw new Error('global setup provides no python root image');
    base = (await buildBase({ name: 'python', rootImage: root, registry: `${REGISTRY}/test-bases`, push: true, platforms: ['linux/amd64', 'linux/arm64'] })).ref;
    ws = await mkdtemp(join(tmpdir(), 'bc-action-ws-'));
    scratch.push(ws);
    await mkdir(join(ws, 'connectors'));
    await cp(join(repoRoot, 'examples', 'source-hello'), join(ws, 'connectors', 'source-hello'), { recursive: true });
    // A connector that prints a non-JSON line: builds and lints clean, fails the spec check.
    const broken = join(ws, 'connectors', 'source-broken');
    await cp(join(repoRoot, 'examples', 'source-hello'), broken, { recursive: true });
    const runPy = join(broken, 'source_hello', 'run.py');
    await writeFile(runPy, `print("starting up (not an Airbyte message)")\n${await readFile(runPy, 'utf8')}`);
    // A custom-mode connector whose Dockerfile breaks lint rules on known lines.
    const lintbad = join(ws, 'connectors', 'source-lintbad');
    await cp(join(repoRoot, 'examples', 'source-hello'), lintbad, { recursive: true });
    await writeFile(
      join(lintbad, 'Dockerfile'),
      [
        `FROM ${REGISTRY}/test-bases/anything@sha256:${'0'.repeat(64)}`,
        'COPY . /airbyte/integration_code',
        'ENV AIRBYTE_ENTRYPOINT="python3 /airbyte/integration_code/main.py"',
        'ENTRYPOINT ["python3", "/airbyte/integration_code/main.py"]',
        'USER root',
        '',
      ].join('\n'),
    );
    const git = (...a: string[]) => execa('git', a, { cwd: ws, env: { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t', GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z' } });
    await git('init', '-q', '-b', 'main');
    await git('add', '.');
    await git('commit', '-qm', 'connectors');
    // a remote to push release tags to (git-tag: true)
    remote = join(ws, '..', `${ws.split('/').pop()}-origin.git`);
    scratch.push(remote);
    await execa('git', ['init', '-q', '--bare', remote]);
    await git('remote', 'add', 'origin', remote);
  });

  /** what the tests pushed: deleted by digest afterwards (the loopback registries allow deletes) */
  const pushed: { registry: string; repo: string; digest: string; auth?: string }[] = [];

  afterAll(async () => {
    for (const d of scratch) await rm(d, { recursive: true, force: true });
    for (const p of pushed) {
      await fetch(`http://${p.registry}/v2/${p.repo}/manifests/${p.digest}`, { method: 'DELETE', headers: p.auth ? { authorization: p.auth } : {} }).catch(() => undefined);
    }
  });

  async function runAction(inputs: Record<string, string>, env: Record<string, string> = {}): Promise<ActionRun> {
    const io = await mkdtemp(join(tmpdir(), 'bc-action-io-'));
    scratch.push(io);
    const outFile = join(io, 'output');
    const summaryFile = join(io, 'summary.md');
    await writeFile(outFile, '');
    await writeFile(summaryFile, '');
    const inputEnv: Record<string, string> = {};
    // The runner upper-cases the name and keeps dashes: INPUT_DRY-RUN.
    for (const [k, v] of Object.entries(inputs)) inputEnv[`INPUT_${k.replace(/ /g, '_').toUpperCase()}`] = v;
    const res = await execa(process.execPath, [DIST], {
      cwd: ws,
      extendEnv: false,
      reject: false,
      env: allowListedEnv({
        GITHUB_ACTIONS: 'true',
        GITHUB_OUTPUT: outFile,
        GITHUB_STEP_SUMMARY: summaryFile,
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_REF: 'refs/pull/7/merge',
        GITHUB_WORKSPACE: ws,
        GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
        RUNNER_TEMP: io,
        ...env,
        ...inputEnv,
      }),
    });
    const stdout = String(res.stdout);
    const stderr = String(res.stderr);
    const outputsRaw = await readFile(outFile, 'utf8');
    const summary = await readFile(summaryFile, 'utf8');
    const reports: string[] = [];
    for (const d of await readdir(io)) {
      if (!d.startsWith('build-connector-')) continue;
      const dir = join(io, d, 'reports');
      for (const f of await readdir(dir).catch(() => [])) reports.push(await readFile(join(dir, f), 'utf8'));
    }
    const log = stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n');
    return {
      exitCode: res.exitCode ?? -1,
      stdout,
      stderr,
      outputsRaw,
      outputs: parseOutputFile(outputsRaw),
      summary,
      annotations: parseAnnotations(stdout),
      visible: [log, stderr, outputsRaw, summary, ...reports].join('\n'),
    };
  }

  /** Secrets are masked before anything else is printed. */
  function expectMaskedFirst(r: ActionRun, ...secrets: string[]): void {
    const lines = r.stdout.split('\n');
    const firstOther = lines.findIndex((l) => !l.startsWith('::add-mask::'));
    const masks = lines.slice(0, firstOther);
    for (const s of secrets) expect(masks, `::add-mask:: for a secret before any other output`).toContain(`::add-mask::${s}`);
    expect(lines.slice(firstOther).some((l) => l.startsWith('::add-mask::'))).toBe(false);
  }

  it('PR flow: verify (the default off a tag) on both platforms; outputs, summary, masked config and password', async () => {
    const config = JSON.stringify({ name: 'world', count: 2, api_token: 'cfg-token-8d41c2' });
    const r = await runAction({
      connectors: 'connectors/source-hello',
      'base-image': base,
      config,
      // given but not needed by verify: it must still never appear
      password: 'pr-canary-pw-5e1f',
    });
    expect(r.exitCode, r.visible.slice(-3000)).toBe(0);
    expectMaskedFirst(r, 'pr-canary-pw-5e1f', config, 'cfg-token-8d41c2');
    expect(r.stdout).toContain('build-connector: command verify (event "pull_request" is not a release tag push)');
    // Outputs in the runner's heredoc format, one connector = plain values.
    expect(Object.keys(r.outputs).sort()).toEqual(['annotations', 'digest', 'image', 'json', 'labels', 'platforms', 'report', 'result', 'sbom', 'tags']);
    expect(r.outputs.result).toBe('verified');
    expect(r.outputs.platforms).toBe('linux/amd64,linux/arm64');
    expect(r.outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(r.outputs.image).toBe(''); // nothing pushed
    expect(r.outputs.tags).toBe('');
    const report = JSON.parse(await readFile(r.outputs.report as string, 'utf8')) as { result: string; checks: { id: string; platform: string; status: string }[]; raw: { verify: unknown } };
    expect(report.result).toBe('verified');
    // the core's own verify report is kept whole, in its published schema
    const verify = VerifyReportSchema.parse(report.raw.verify);
    expect(verify.ok).toBe(true);
    expect(verify.platforms).toEqual(['linux/amd64', 'linux/arm64']);
    // check/discover/read ran with the config on both platforms.
    for (const p of ['linux/amd64', 'linux/arm64']) {
      for (const id of ['spec', 'check', 'discover', 'read', 'user', 'airbyte-dir']) {
        expect(report.checks.find((c) => c.id === id && c.platform === p)?.status, `${id} on ${p}`).toBe('pass');
      }
    }
    // The summary table: checks × platforms.
    expect(r.summary).toContain('### source-hello 0.1.0 — ✅ verified');
    expect(r.summary).toContain('| check | linux/amd64 | linux/arm64 |');
    expect(r.summary).toContain('| `spec` | ✓ | ✓ |');
    expect(r.summary).toContain('| `read` | ✓ | ✓ |');
    expect(r.summary).toMatch(/\| durations \| render [\d.]+ (ms|s) · lint [\d.]+ (ms|s) · build [\d.]+ (ms|s) · verify [\d.]+ (ms|s) \|/);
    expect(r.annotations.filter((a) => a.level === 'error')).toEqual([]);
    for (const secret of ['pr-canary-pw-5e1f', 'cfg-token-8d41c2', config]) expect(r.visible).not.toContain(secret);
    expect(hasStackTrace(r.visible)).toBe(false);
  });

  it('a failing check next to a passing connector: exit 1, an error annotation naming the fix, ✗ in the summary, outputs keyed by connector', async () => {
    const r = await runAction({ connectors: 'connectors/source-hello, connectors/source-broken', command: 'verify', platforms: 'linux/amd64', 'base-image': base });
    expect(r.exitCode).toBe(1);
    // Several connectors: every output is a JSON object keyed by connector; one failing hides nothing.
    expect(JSON.parse(r.outputs.result as string)).toEqual({ 'source-hello': 'verified', 'source-broken': 'failed' });
    const digests = JSON.parse(r.outputs.digest as string) as Record<string, string>;
    expect(digests['source-hello']).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(JSON.parse(r.outputs.platforms as string)).toEqual({ 'source-hello': ['linux/amd64'], 'source-broken': ['linux/amd64'] });
    const spec = r.annotations.find((a) => a.level === 'error' && a.props.title === 'source-broken: check spec failed on linux/amd64');
    expect(spec, r.stdout.split('\n').filter((l) => l.startsWith('::error')).join('\n')).toBeDefined();
    expect(spec?.message).toMatch(/starting up \(not an Airbyte message\)/);
    expect(spec?.message).toMatch(/\nfix: /);
    expect(spec?.props.file).toBe('connectors/source-broken/metadata.yaml');
    expect(r.annotations.filter((a) => a.level === 'error' && a.props.title?.startsWith('source-hello'))).toEqual([]);
    expect(r.summary).toContain('## build-connector: 1/2 connectors succeeded');
    expect(r.summary).toContain('### source-hello 0.1.0 — ✅ verified');
    expect(r.summary).toContain('### source-broken 0.1.0 — ❌ failed');
    expect(r.summary).toMatch(/\| `spec` \| ✗ \|/);
    expect(r.summary).toMatch(/- ✗ `spec` on linux\/amd64: .*fix: /);
    expect(hasStackTrace(r.visible)).toBe(false);
  });

  it('lint findings of a custom Dockerfile: error annotations at Dockerfile:LINE:COL, exit 1, nothing built', async () => {
    const r = await runAction({ connectors: 'connectors/source-lintbad', command: 'build', platforms: 'linux/amd64' });
    expect(r.exitCode).toBe(1);
    expect(r.outputs.result).toBe('failed');
    const at = (level: string, line: string) => r.annotations.find((a) => a.level === level && a.props.file === 'connectors/source-lintbad/Dockerfile' && a.props.line === line);
    const user = at('error', '5');
    expect(user, r.stdout.split('\n').filter((l) => /^::(error|warning)/.test(l)).join('\n')).toBeDefined();
    expect(user?.props.title).toBe('source-lintbad: lint user-root');
    expect(user?.props.col).toBe('6');
    expect(user?.message).toMatch(/; fix: USER airbyte$/); // the finding's fix field, after its message
    // the base is not read in the build's lint step: /airbyte ownership is a warning naming it (verify decides)
    expect(at('warning', '1')?.props.title).toBe('source-lintbad: lint airbyte-dir-not-owned');
    expect(r.summary).toContain('**Lint findings**');
    expect(r.summary).toMatch(/✗ `user-root` .*Dockerfile:5:6/);
    expect(r.stdout).not.toMatch(/exporting to image/); // lint stops the build before buildx
  });

  it('release tag with a version metadata.yaml does not have: exit 2, annotation on the dockerImageTag line, nothing built', async () => {
    const meta = await readFile(join(ws, 'connectors', 'source-hello', 'metadata.yaml'), 'utf8');
    const line = meta.split('\n').findIndex((l) => /^\s*dockerImageTag:/.test(l)) + 1;
    const r = await runAction(
      { connectors: 'connectors', registry: REGISTRY, repository: `${NS}/source-hello`, 'base-image': base },
      { GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/tags/source-hello/v9.9.9' },
    );
    expect(r.exitCode).toBe(2);
    expect(r.outputs.result).toBe('failed');
    const a = r.annotations.find((x) => x.level === 'error' && x.props.file === 'connectors/source-hello/metadata.yaml');
    expect(a, r.stdout).toBeDefined();
    expect(a?.props.line).toBe(String(line));
    expect(a?.message).toMatch(/data\.dockerImageTag is 0\.1\.0, but release tag source-hello\/v9\.9\.9 says 9\.9\.9/);
    expect(a?.message).toMatch(/fix: /);
    expect(r.stdout).not.toMatch(/::group::/); // no connector ran
    expect(await listTags(REGISTRY, `${NS}/source-hello`)).toEqual([]);
  });

  it('release tag source-hello/v0.1.0 pushed: publish is the default, the tag picks the connector, tags land in the registry', async () => {
    const repo = `${NS}/source-hello`;
    const r = await runAction(
      // the release routing does not depend on the platforms (both are published in the next case)
      { connectors: 'connectors', registry: REGISTRY, repository: repo, 'base-image': base, platforms: 'linux/amd64' },
      { GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/tags/source-hello/v0.1.0' },
    );
    expect(r.exitCode, r.visible.slice(-3000)).toBe(0);
    expect(r.stdout).toContain('build-connector: command publish (release tag source-hello/v0.1.0 pushed)');
    expect(r.outputs.result).toBe('published');
    const digest = r.outputs.digest as string;
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(r.outputs.image).toBe(`${REGISTRY}/${repo}@${digest}`);
    expect(r.outputs.tags?.split('\n')).toEqual(expect.arrayContaining([`${REGISTRY}/${repo}:0.1.0`, `${REGISTRY}/${repo}:latest`]));
    pushed.push({ registry: REGISTRY, repo, digest });
    expect(await tagDigest(REGISTRY, repo, '0.1.0')).toBe(digest);
    expect(await tagDigest(REGISTRY, repo, 'latest')).toBe(digest);
    expect(r.summary).toContain('### source-hello 0.1.0 — ✅ published');
    expect(r.summary).toMatch(/\*\*Tags written:\*\* .*`[^`]*:0\.1\.0`/);
  });

  it('a single-connector repository: a pushed v0.2.0 publishes the connector at the root (publish is the default), with an SBOM per platform', async () => {
    const single = await mkdtemp(join(tmpdir(), 'bc-action-single-'));
    scratch.push(single);
    await cp(join(repoRoot, 'examples', 'source-hello'), single, { recursive: true });
    // released as 0.2.0: metadata.yaml says so, the tag v0.2.0 names it
    const meta = join(single, 'metadata.yaml');
    await writeFile(meta, (await readFile(meta, 'utf8')).replace(/dockerImageTag: .*/, 'dockerImageTag: 0.2.0'));
    const git = (...a: string[]) => execa('git', a, { cwd: single, env: { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
    await git('init', '-q', '-b', 'main');
    await git('add', '.');
    await git('commit', '-qm', 'one connector');
    const repo = `${NS}/single-hello`;
    const r = await runAction({ registry: REGISTRY, repository: repo, 'base-image': base, sbom: 'true' }, { GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/tags/v0.2.0', GITHUB_WORKSPACE: single });
    expect(r.exitCode, r.visible.slice(-3000)).toBe(0);
    expect(r.stdout).toContain('build-connector: command publish (release tag v0.2.0 pushed)');
    expect(r.outputs.result).toBe('published');
    const digest = r.outputs.digest as string;
    pushed.push({ registry: REGISTRY, repo, digest });
    expect(await tagDigest(REGISTRY, repo, '0.2.0')).toBe(digest);
    // sbom: true attached one SBOM per platform image, named in the output and the summary
    const sbom = (r.outputs.sbom ?? '').split('\n');
    expect(sbom.map((l) => l.split('=')[0])).toEqual(['linux/amd64', 'linux/arm64']);
    for (const l of sbom) expect(l).toMatch(new RegExp(`=${REGISTRY}/${repo}@sha256:[0-9a-f]{64}$`));
    expect(r.summary).toMatch(/\| SBOM linux\/arm64 \| \d+ components/);
  });

  it('git-tag: after publishing, the release tag <dir>/v<version> is created at the built commit and pushed', async () => {
    const repo = `${NS}/source-hello-gittag`;
    const r = await runAction({ command: 'publish', connectors: 'connectors/source-hello', platforms: 'linux/amd64', registry: REGISTRY, repository: repo, 'git-tag': 'true', 'base-image': base });
    expect(r.exitCode, r.visible.slice(-3000)).toBe(0);
    expect(r.outputs.result).toBe('published');
    pushed.push({ registry: REGISTRY, repo, digest: r.outputs.digest as string });
    const head = (await execa('git', ['rev-parse', 'HEAD'], { cwd: ws })).stdout.trim();
    const remoteTags = (await execa('git', ['ls-remote', '--tags', remote])).stdout;
    // annotated tag: the peeled ^{} line names the commit
    expect(remoteTags).toContain(`${head}\trefs/tags/source-hello/v0.1.0^{}`);
    expect(r.summary).toMatch(/git tag source-hello\/v0\.1\.0 created and pushed/);
  });

  it('publish to the htpasswd registry with username/password: the password never appears, the image is there', async () => {
    const repo = `${NS}/source-hello-auth`;
    const r = await runAction({
      command: 'publish',
      connectors: 'connectors/source-hello',
      platforms: 'linux/amd64',
      registry: AUTH_REGISTRY,
      repository: repo,
      username: AUTH_USER,
      password: AUTH_PASSWORD,
      'base-image': base,
    });
    expect(r.exitCode, r.visible.slice(-3000)).toBe(0);
    expectMaskedFirst(r, AUTH_PASSWORD);
    expect(r.visible).not.toContain(AUTH_PASSWORD);
    expect(r.outputs.result).toBe('published');
    const auth = `Basic ${Buffer.from(`${AUTH_USER}:${AUTH_PASSWORD}`).toString('base64')}`;
    const head = await fetch(`http://${AUTH_REGISTRY}/v2/${repo}/manifests/0.1.0`, {
      method: 'HEAD',
      headers: { authorization: auth, accept: 'application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.list.v2+json' },
    });
    expect(head.status).toBe(200);
    expect(head.headers.get('docker-content-digest')).toBe(r.outputs.digest);
    pushed.push({ registry: AUTH_REGISTRY, repo, digest: r.outputs.digest as string, auth });
  });

  it('a wrong password: exit 3, the wrong password never appears either', async () => {
    const wrong = 'not-the-password-3f9a';
    const r = await runAction({
      command: 'publish',
      connectors: 'connectors/source-hello',
      platforms: 'linux/amd64',
      registry: AUTH_REGISTRY,
      repository: `${NS}/source-hello-auth`,
      username: AUTH_USER,
      password: wrong,
      'base-image': base,
    });
    expect(r.exitCode).toBe(3);
    expect(r.outputs.result).toBe('failed');
    expect(r.visible).not.toContain(wrong);
    expect(r.annotations.some((a) => a.level === 'error' && /login|credentials|unauthorized/i.test(a.message))).toBe(true);
  });

  it('invalid input: exit 2, one annotation naming the input, result=failed', async () => {
    const r = await runAction({ connectors: 'connectors/source-hello', 'dry-run': 'perhaps', password: 'bad-input-pw-1' });
    expect(r.exitCode).toBe(2);
    expect(r.outputs.result).toBe('failed');
    expect(r.annotations[0]?.message).toBe('input "dry-run": expected true or false');
    expect(r.visible).not.toContain('bad-input-pw-1');
  });

  it('command changed: the matrix of connectors affected since a ref, in the runner output format', async () => {
    const git = (...a: string[]) => execa('git', a, { cwd: ws, env: { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
    const readme = join(ws, 'connectors', 'source-broken', 'README.md');
    await writeFile(readme, 'docs only\n');
    await writeFile(join(ws, 'connectors', 'source-broken', 'source_hello', 'extra.py'), 'X = 1\n');
    await git('add', '.');
    await git('commit', '-qm', 'touch source-broken');
    const r = await runAction({ command: 'changed', 'changed-since': 'HEAD~1' });
    expect(r.exitCode, r.visible.slice(-2000)).toBe(0);
    expect(JSON.parse(r.outputs.matrix as string)).toEqual({
      include: [{ connector: 'connectors/source-broken', name: 'source-broken', platforms: 'linux/amd64,linux/arm64' }],
    });
    const pm = JSON.parse(r.outputs['platform-matrix'] as string) as { include: { platform: string; runner: string }[] };
    expect(pm.include.map((e) => `${e.platform} ${e.runner}`)).toEqual(['linux/amd64 ubuntu-24.04', 'linux/arm64 ubuntu-24.04-arm']);
    expect(r.outputs.changed).toBe('connectors/source-broken');
    expect(r.stdout).not.toMatch(/::group::/); // nothing built
    expect(r.summary).toContain('1 connector affected since `HEAD~1`');
  });

  it('second harness: @github/local-action runs the entry (src/action.ts) with a dotenv file', async () => {
    const io = await mkdtemp(join(tmpdir(), 'bc-action-la-'));
    scratch.push(io);
    const summary = join(io, 'summary.md');
    await writeFile(summary, '');
    const dotenv = join(io, '.env');
    await writeFile(
      dotenv,
      [
        'INPUT_CONNECTORS=connectors/source-hello',
        'INPUT_PLATFORMS=linux/amd64',
        `INPUT_BASE-IMAGE=${base}`,
        'INPUT_PASSWORD=la-canary-pw-4b2d',
        `GITHUB_WORKSPACE=${ws}`,
        'GITHUB_EVENT_NAME=pull_request',
        `GITHUB_STEP_SUMMARY=${summary}`,
        `RUNNER_TEMP=${io}`,
        '',
      ].join('\n'),
    );
    const res = await execa('npx', ['local-action', 'run', repoRoot, 'src/action.ts', dotenv], {
      cwd: repoRoot,
      reject: false,
      env: { FORCE_COLOR: '0', NO_COLOR: '1' },
    });
    const out = `${String(res.stdout)}\n${String(res.stderr)}`;
    expect(res.exitCode, out.slice(-3000)).toBe(0);
    expect(out).toContain('::set-output name=result::verified');
    expect(out).toMatch(/'result'\s*│\s*'verified'/);
    expect(out).toContain('::set-output name=platforms::linux/amd64');
    expect(out).not.toContain('la-canary-pw-4b2d');
    expect(await readFile(summary, 'utf8')).toContain('| `spec` | ✓ |');
  });
});
