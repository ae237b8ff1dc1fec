/**
 * publish against the real loopback registries, real engine and real qemu.
 * Each test uses its own repository (d-publish/<name>-<time>). Images are
 * tiny (the python root + main.py); the build cache is shared, so after the
 * first build each publish costs mostly the arm64 verify runs.
 */
import { execa } from 'execa';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { AUTH_PASSWORD, AUTH_REGISTRY, AUTH_USER, describeEngine, REGISTRY } from '../support/engine.js';
import { repoRoot, runCli, hasStackTrace, type CliResult } from '../support/cli.js';
import { startFaultProxy } from '../support/fault-proxy.js';
import { tagMap, indexPlatforms, deleteRepository } from '../support/registry.js';
import type { PublishResult } from '../../src/core/result.js';
import { verifySignature } from '../../src/docker/cosign.js';

const FIXTURE = join(repoRoot, 'test/fixtures/publish-source');
const stamp = Date.now().toString(36);
const repoName = (name: string) => `d-publish/${name}-${stamp}`;
const digestRe = /^sha256:[0-9a-f]{64}$/;

let root = '';
let work = '';
/** the child's TMPDIR: a SIGKILLed publish cannot clean its archive; we do */
let childTmp = '';

interface Published extends CliResult {
  json: PublishResult;
}

async function connectorDir(name: string, version: string): Promise<string> {
  const dir = join(work, name, 'publish-source');
  await cp(FIXTURE, dir, { recursive: true });
  await setVersion(dir, version);
  return dir;
}

const AMD64 = ['--platform', 'linux/amd64'];

async function setVersion(dir: string, version: string): Promise<void> {
  const p = join(dir, 'metadata.yaml');
  await writeFile(p, (await readFile(p, 'utf8')).replace(/dockerImageTag: \S+/, `dockerImageTag: ${version}`));
}

async function editMain(dir: string, from: string, to: string): Promise<void> {
  const p = join(dir, 'main.py');
  const text = await readFile(p, 'utf8');
  if (!text.includes(from)) throw new Error(`main.py has no ${from}`);
  await writeFile(p, text.replace(from, to));
}

const childEnv = (extra: Record<string, string> = {}) => ({ TMPDIR: childTmp, BUILD_CONNECTOR_RETRY_BASE_MS: '50', ...extra });

async function publish(dir: string, repo: string, args: string[] = [], o: { registry?: string; env?: Record<string, string>; input?: string } = {}): Promise<Published> {
  const r = await runCli(['--json', 'publish', dir, '--base-image', root, '--registry', o.registry ?? REGISTRY, '--repository', repo, ...args], {
    env: childEnv(o.env),
    ...(o.input !== undefined ? { input: o.input } : {}),
  });
  let json: PublishResult;
  try {
    json = JSON.parse(r.stdout) as PublishResult;
  } catch {
    throw new Error(`publish printed no JSON (exit ${r.exitCode}):\n${r.stdout}\n${r.stderr.slice(-3000)}`);
  }
  expect(hasStackTrace(r.stderr)).toBe(false);
  return { ...r, json };
}

function expectPublished(r: Published): asserts r is Published & { json: Extract<PublishResult, { result: 'published' }> } {
  if (r.json.result !== 'published') throw new Error(`expected published, got ${JSON.stringify(r.json, null, 2)}\n${r.stderr.slice(-2000)}`);
  expect(r.exitCode).toBe(0);
  expect(r.json.digest).toMatch(digestRe);
}

describeEngine('publish (loopback registry)', () => {
  beforeAll(async () => {
    root = inject('roots').python ?? '';
    if (!root) throw new Error('the python root image is not available (global setup)');
    work = await mkdtemp(join(tmpdir(), 'bc-d-publish-'));
    childTmp = join(work, 'tmp');
    await execa('mkdir', ['-p', childTmp]);
  });
  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
    // the registries are shared with other test files: leave no tagged image behind
    await deleteRepository(REGISTRY, seq).catch(() => 0);
    await deleteRepository(AUTH_REGISTRY, repoName('auth'), { username: AUTH_USER, password: AUTH_PASSWORD }).catch(() => 0);
  });

  const seq = repoName('seq');
  let dir = '';
  const digests: Record<string, string> = {};

  it('1.0.0 → 0.9.0 → 1.1.0-rc.1 → (dry run) → 1.1.0: latest never moves backwards', async () => {
    dir = await connectorDir('seq', '1.0.0');
    // --registry local reuses the registry already on localhost:5000
    const r1 = await publish(dir, seq, [], { registry: 'local' });
    expectPublished(r1);
    digests['1.0.0'] = r1.json.digest;
    expect(r1.json.platforms.sort()).toEqual(['linux/amd64', 'linux/arm64']);
    expect(r1.json.steps.map((s) => `${s.step}:${s.status}`)).toEqual(['resolve:done', 'render:done', 'lint:done', 'build:done', 'verify:done', 'sbom:skipped', 'push:done', 'tag:done']);
    expect(r1.json.notes.join('\n')).toMatch(/unknown\/unknown/);
    // the verify report, whole, under `report` (the one verify field of every result)
    expect(r1.json.report).toMatchObject({ ok: true, platforms: ['linux/amd64', 'linux/arm64'] });
    expect(new Set(r1.json.report?.checks.filter((c) => c.id === 'spec' && c.status === 'pass').map((c) => c.platform))).toEqual(new Set(['linux/amd64', 'linux/arm64']));
    expect(r1.json).not.toHaveProperty('checks');
    expect(await tagMap(REGISTRY, seq)).toEqual({ '1.0.0': digests['1.0.0'], latest: digests['1.0.0'] });
    expect(await indexPlatforms(REGISTRY, seq, '1.0.0')).toEqual(expect.arrayContaining(['linux/amd64', 'linux/arm64']));

    await setVersion(dir, '0.9.0');
    // the tag plan does not depend on the platforms: the in-between versions are amd64 only
    const r2 = await publish(dir, seq, AMD64);
    expectPublished(r2);
    digests['0.9.0'] = r2.json.digest;
    expect(r2.json.skippedTags).toEqual([{ tag: 'latest', reason: 'latest not moved: 1.0.0 > 0.9.0' }]);
    expect(await tagMap(REGISTRY, seq)).toEqual({ '0.9.0': digests['0.9.0'], '1.0.0': digests['1.0.0'], latest: digests['1.0.0'] });

    await setVersion(dir, '1.1.0-rc.1');
    const r3 = await publish(dir, seq, AMD64);
    expectPublished(r3);
    digests['1.1.0-rc.1'] = r3.json.digest;
    expect(r3.json.skippedTags.map((s) => s.tag)).toEqual(['latest']);
    expect(await tagMap(REGISTRY, seq)).toEqual({ '0.9.0': digests['0.9.0'], '1.0.0': digests['1.0.0'], '1.1.0-rc.1': digests['1.1.0-rc.1'], latest: digests['1.0.0'] });

    await setVersion(dir, '1.1.0');
    const before = await tagMap(REGISTRY, seq);
    const dry = await publish(dir, seq, ['--dry-run', ...AMD64]);
    expect(dry.exitCode).toBe(0);
    expect(dry.json.result).toBe('dry-run');
    if (dry.json.result === 'dry-run') expect(dry.json.plan.tags.map((t) => t.tag)).toEqual(['1.1.0', 'latest']);
    expect(dry.json.steps.filter((s) => s.status === 'skipped').map((s) => s.step)).toEqual(['sbom', 'push', 'tag']);
    expect(await tagMap(REGISTRY, seq)).toEqual(before);

    const r4 = await publish(dir, seq);
    expectPublished(r4);
    digests['1.1.0'] = r4.json.digest;
    expect(new Set(Object.values(digests)).size).toBe(4);
    expect(await tagMap(REGISTRY, seq)).toEqual({
      '0.9.0': digests['0.9.0'],
      '1.0.0': digests['1.0.0'],
      '1.1.0-rc.1': digests['1.1.0-rc.1'],
      '1.1.0': digests['1.1.0'],
      latest: digests['1.1.0'],
    });

    // tags (the pure plan) agrees with what happened, and --target reads registryOverrides
    const plan = await runCli(['--json', 'tags', dir, '--registry', REGISTRY, '--repository', seq, '--release-version', '1.0.5', '--aliases']);
    expect(plan.exitCode).toBe(0);
    expect(JSON.parse(plan.stdout)).toMatchObject({
      tags: [{ tag: '1.0.5' }, { tag: '1.0', reason: 'highest release of the 1.0 line' }],
      skipped: [{ tag: '1', reason: '1 not moved: 1.1.0 > 1.0.5' }, { tag: 'latest', reason: 'latest not moved: 1.1.0 > 1.0.5' }],
    });
    const cloud = await runCli(['--json', 'tags', dir, '--registry', REGISTRY, '--target', 'cloud']);
    expect(JSON.parse(cloud.stdout).repository).toBe(`${REGISTRY}/airbyte/source-publish-fixture-cloud`);
  });

  it('a run killed between the version tag and latest is finished by the re-run (no push, no re-verify)', async () => {
    expect(digests['1.1.0']).toMatch(digestRe);
    // the state such a kill leaves: 1.1.0 written, latest still on 1.0.0
    const old = await fetch(`http://${REGISTRY}/v2/${seq}/manifests/${digests['1.0.0']}`, { headers: { accept: 'application/vnd.oci.image.index.v1+json' } });
    const put = await fetch(`http://${REGISTRY}/v2/${seq}/manifests/latest`, { method: 'PUT', headers: { 'content-type': 'application/vnd.oci.image.index.v1+json' }, body: Buffer.from(await old.arrayBuffer()) });
    expect(put.status).toBe(201);
    expect((await tagMap(REGISTRY, seq)).latest).toBe(digests['1.0.0']);

    const counter = await startFaultProxy();
    try {
      const r = await publish(dir, seq, [], { registry: counter.host });
      expectPublished(r);
      expect(r.json.tags.map((t) => `${t.tag}:${t.action}`)).toEqual(['1.1.0:unchanged', 'latest:moved']);
      // the index records its build inputs: nothing is rebuilt either (issue 24)
      expect(r.json.steps.filter((x) => x.status === 'skipped').map((x) => x.step)).toEqual(['build', 'verify', 'sbom', 'push']);
      expect(counter.counts.blobUploads).toBe(0);
      expect(counter.counts.manifestPuts).toBe(1);
    } finally {
      await counter.close();
    }
    expect((await tagMap(REGISTRY, seq)).latest).toBe(digests['1.1.0']);
  });

  it('re-publishing 1.0.0 unchanged: exit 0, nothing uploaded; changed code: exit 4; --force: overwritten', async () => {
    expect(digests['1.0.0']).toMatch(digestRe);
    await setVersion(dir, '1.0.0');
    const counter = await startFaultProxy(); // pass-through: counts requests
    try {
      const same = await publish(dir, seq, [], { registry: counter.host });
      expect(same.exitCode).toBe(0);
      expect(same.json.result).toBe('already-published');
      expect(counter.counts.blobUploads).toBe(0);
      expect(counter.counts.manifestPuts).toBe(0);
      expect(same.json.steps.find((s) => s.step === 'verify')?.status).toBe('skipped');
      // verify did not run: no report
      expect(same.json).not.toHaveProperty('report');
    } finally {
      await counter.close();
    }

    await editMain(dir, 'REVISION = 1', 'REVISION = 2');
    const changed = await publish(dir, seq);
    expect(changed.exitCode).toBe(4);
    expect(changed.json.result).toBe('refused');
    if (changed.json.result === 'refused') {
      expect(changed.json.reason).toBe(`version 1.0.0 already published as ${digests['1.0.0']}; bump dockerImageTag or force the overwrite`);
    }
    expect((await tagMap(REGISTRY, seq))['1.0.0']).toBe(digests['1.0.0']);

    const forced = await publish(dir, seq, ['--force']);
    expectPublished(forced);
    expect(forced.json.forced).toBe(true);
    expect(forced.stderr).toMatch(/force: .*:1\.0\.0 .* WILL BE OVERWRITTEN/);
    const after = await tagMap(REGISTRY, seq);
    expect(after['1.0.0']).toBe(forced.json.digest);
    expect(after['1.0.0']).not.toBe(digests['1.0.0']);
    expect(after.latest).toBe(digests['1.1.0']); // 1.0.0 < 1.1.0: latest stays
  });

  it('an image failing verify on arm64 only: exit 1, repository tags exactly as before', async () => {
    await setVersion(dir, '1.2.0');
    await editMain(dir, 'FAIL_ON_ARCH = ""', 'FAIL_ON_ARCH = "aarch64"');
    const before = await tagMap(REGISTRY, seq);
    const r = await publish(dir, seq);
    expect(r.exitCode).toBe(1);
    expect(r.json.result).toBe('failed');
    if (r.json.result === 'failed') {
      expect(r.json.step).toBe('verify');
      expect(r.json.details.join('\n')).toMatch(/linux\/arm64 spec/);
      expect(r.json.details.join('\n')).not.toMatch(/linux\/amd64 spec/);
    }
    expect(await tagMap(REGISTRY, seq)).toEqual(before);
    await editMain(dir, 'FAIL_ON_ARCH = "aarch64"', 'FAIL_ON_ARCH = ""');
  });

  it('SIGKILL mid-push: tags unchanged; the re-run, through a fault-injecting proxy (30 % 503, 429 bursts, drops), completes', async () => {
    await setVersion(dir, '1.3.0');
    const before = await tagMap(REGISTRY, seq);
    const counter = await startFaultProxy();
    let killedAt = '';
    const child = execa(
      process.execPath,
      ['--import', 'tsx', `${repoRoot}src/cli.ts`, '--json', 'publish', dir, '--base-image', root, '--registry', counter.host, '--repository', seq],
      { cwd: repoRoot, env: { ...childEnv(), FORCE_COLOR: '0' }, reject: false, timeout: 10 * 60_000 },
    );
    counter.onRequest = (method, url) => {
      // the first blob body on its way: the push has started, no tag written yet
      if (!killedAt && method === 'PUT' && url.includes('/blobs/uploads/')) {
        killedAt = `${method} ${url.split('?')[0]}`;
        child.kill('SIGKILL');
      }
    };
    const res = await child;
    await counter.close();
    expect(killedAt).not.toBe('');
    expect(res.signal).toBe('SIGKILL');
    expect(await tagMap(REGISTRY, seq)).toEqual(before);

    const proxy = await startFaultProxy({ rate503: 0.3, rate429Burst: 0.03, burstLength: 2, retryAfterSec: 1, rateDrop: 0.04, seed: 7, maxConsecutive: 4 });
    let again: Published;
    try {
      again = await publish(dir, seq, ['--retries', '8'], { registry: proxy.host });
    } finally {
      await proxy.close();
    }
    expectPublished(again);
    const c = proxy.counts;
    console.log(
      `[publish faults] survived ${proxy.injected()} injected faults (${c.injected503}×503, ${c.injected429}×429, ${c.dropped} dropped) over ${c.requests} requests; ` +
        `client retried ${again.json.faults.total}: ${JSON.stringify(again.json.faults.byReason)}`,
    );
    expect(c.injected503).toBeGreaterThan(0);
    expect(c.injected429 + c.dropped).toBeGreaterThan(0);
    expect(again.json.faults.total).toBeGreaterThan(0);
    expect(await tagMap(REGISTRY, seq)).toEqual({ ...before, '1.3.0': again.json.digest, latest: again.json.digest });
  });

  it('login against the htpasswd registry: wrong password → exit 3, never printed; right → published, signed, git-tagged', async () => {
    const adir = await connectorDir('auth', '3.0.0');
    const repo = repoName('auth');
    const wrong = 'wrong-pass-7f3a9c';
    const bad = await publish(adir, repo, ['--username', AUTH_USER, '--password-stdin'], { registry: AUTH_REGISTRY, input: `${wrong}\n` });
    expect(bad.exitCode).toBe(3);
    expect(bad.json.result).toBe('failed');
    if (bad.json.result === 'failed') {
      expect(bad.json.step).toBe('resolve');
      expect(bad.json.reason).toMatch(/refused the credentials|login .* failed/);
    }
    expect(`${bad.stdout}\n${bad.stderr}`).not.toContain(wrong);
    // the human form too
    const human = await runCli(['publish', adir, '--base-image', root, '--registry', AUTH_REGISTRY, '--repository', repo, '--username', AUTH_USER, '--password-stdin'], { input: wrong, env: childEnv() });
    expect(human.exitCode).toBe(3);
    expect(human.stderr).toMatch(/error: .*credentials/);
    expect(`${human.stdout}\n${human.stderr}`).not.toContain(wrong);

    // git: the connector in a repository with an origin, for --git-tag / --push-git-tag
    const gitRoot = join(work, 'auth');
    const origin = join(work, 'origin.git');
    const git = (cwd: string, ...args: string[]) => execa('git', ['-c', 'user.email=t@example.invalid', '-c', 'user.name=t', ...args], { cwd });
    await git(work, 'init', '-q', '--bare', origin);
    await git(gitRoot, 'init', '-q');
    await git(gitRoot, 'add', '.');
    await git(gitRoot, 'commit', '-q', '-m', 'fixture');
    await git(gitRoot, 'remote', 'add', 'origin', origin);

    let cosign = true;
    try {
      await execa('cosign', ['version']);
    } catch {
      cosign = false;
    }
    // scripts/setup-engine.sh installs cosign: under CI its absence is a failure, not a skip.
    if (!cosign && process.env.CI === 'true') throw new Error('CI=true but cosign is not installed');
    const keyDir = join(work, 'keys');
    const extra: string[] = [];
    if (cosign) {
      await execa('mkdir', ['-p', keyDir]);
      await execa('cosign', ['generate-key-pair'], { cwd: keyDir, env: { COSIGN_PASSWORD: 'key-pass' } });
      extra.push('--sign-key', join(keyDir, 'cosign.key'));
    } else {
      console.log('[publish] cosign not installed: signing round trip not exercised (run scripts/setup-engine.sh)');
    }
    const good = await publish(adir, repo, ['--username', AUTH_USER, '--git-tag', '--push-git-tag', ...extra], {
      registry: AUTH_REGISTRY,
      env: { BUILD_CONNECTOR_PASSWORD: AUTH_PASSWORD, COSIGN_PASSWORD: 'key-pass' },
    });
    expectPublished(good);
    expect(`${good.stdout}\n${good.stderr}`).not.toContain(AUTH_PASSWORD);
    expect(good.json.gitTag).toEqual({ name: 'publish-source/v3.0.0', created: true, pushed: true });
    expect((await git(gitRoot, 'cat-file', '-t', 'publish-source/v3.0.0')).stdout.trim()).toBe('tag');
    expect((await git(origin, 'tag', '--list')).stdout.trim()).toBe('publish-source/v3.0.0');

    const tags = await fetch(`http://${AUTH_REGISTRY}/v2/${repo}/tags/list`, { headers: { authorization: `Basic ${Buffer.from(`${AUTH_USER}:${AUTH_PASSWORD}`).toString('base64')}` } });
    const listed = ((await tags.json()) as { tags: string[] }).tags;
    expect(listed).toEqual(expect.arrayContaining(['3.0.0', 'latest']));

    if (cosign) {
      expect(good.json.signed).toBe(true);
      const cfgDir = join(work, 'dockercfg');
      await execa('mkdir', ['-p', cfgDir]);
      await writeFile(join(cfgDir, 'config.json'), JSON.stringify({ auths: { [AUTH_REGISTRY]: { auth: Buffer.from(`${AUTH_USER}:${AUTH_PASSWORD}`).toString('base64') } } }));
      const ref = `${AUTH_REGISTRY}/${repo}@${good.json.digest}`;
      const ok = await verifySignature(ref, join(keyDir, 'cosign.pub'), { dockerConfigDir: cfgDir });
      expect(ok).toMatchObject({ ok: true, digests: [good.json.digest] });
      // another key does not verify
      const other = join(work, 'other-keys');
      await execa('mkdir', ['-p', other]);
      await execa('cosign', ['generate-key-pair'], { cwd: other, env: { COSIGN_PASSWORD: 'x' } });
      const no = await verifySignature(ref, join(other, 'cosign.pub'), { dockerConfigDir: cfgDir });
      expect(no.ok).toBe(false);
      // the CLI: verify REF --sign-pub adds a signature check to the report
      const signed = await runCli(['--json', 'verify', ref, '--platform', 'linux/amd64', '--sign-pub', join(keyDir, 'cosign.pub')], {
        env: { DOCKER_CONFIG: cfgDir },
      });
      const report = JSON.parse(signed.stdout) as { ok: boolean; checks: { id: string; status: string; platform: string }[] };
      expect(report.checks.filter((c) => c.id === 'signature').map((c) => c.status), signed.stderr).toEqual(['pass']);
      expect(signed.exitCode).toBe(0);
      const unsigned = await runCli(['--json', 'verify', ref, '--platform', 'linux/amd64', '--sign-pub', join(other, 'cosign.pub')], {
        env: { DOCKER_CONFIG: cfgDir },
      });
      expect(unsigned.exitCode).toBe(1);
      const bad = JSON.parse(unsigned.stdout) as { checks: { id: string; status: string }[] };
      expect(bad.checks.filter((c) => c.id === 'signature').map((c) => c.status)).toEqual(['fail']);
    }
  });
});
