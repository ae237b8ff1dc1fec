/**
 * Registry misbehaviours behind the loopback fault proxy, in front of the
 * real registry on 127.0.0.1:5000: push by digest, read back, tag — the
 * apply half of publish (apply.ts), on a hand-made two-platform layout so no
 * build or verify is needed. Each fault ends either published correctly or
 * with every tag where it was, and a re-run completes.
 *
 * Prints one "[registry faults]" line per case (fault, injections, outcome).
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { hasStackTrace, repoRoot, runCli } from '../support/cli.js';
import { AUTH_PASSWORD, AUTH_REGISTRY, AUTH_USER, describeEngine, REGISTRY } from '../support/engine.js';
import { startFaultProxy, type FaultProxy, type FaultProxyOptions } from '../support/fault-proxy.js';
import { makeLayout, type TestLayout } from '../support/oci-layout.js';
import { deleteRepository, tagMap } from '../support/registry.js';
import { applyTags, pushByDigest, readBack, type ApplyContext, type TagOutcome } from '../../src/publish/apply.js';
import { RegistryClient } from '../../src/registry/client.js';
import { newRetryStats, type RetryPolicy, type RetryStats } from '../../src/registry/retry.js';
import { planTags } from '../../src/publish/tag-plan.js';
import type { Credentials } from '../../src/registry/credentials.js';
import { BcError } from '../../src/errors.js';

const UPSTREAM = `http://${REGISTRY.replace(/^localhost/, '127.0.0.1')}`;
const stamp = Date.now().toString(36);
const repos: string[] = [];
const repoName = (name: string) => {
  const r = `d-registry-faults/${name}-${stamp}`;
  repos.push(r);
  return r;
};
const policy: RetryPolicy = { attempts: 5, baseMs: 20, capMs: 200, maxRetryAfterMs: 2000 };
const CREDS: Credentials = { username: 'fault-user', password: 'fault-pass-9d1e', source: 'test' };

let work = '';
const layouts: TestLayout[] = [];
const table: string[] = [];

interface Run {
  ok: boolean;
  tags?: TagOutcome[];
  error?: BcError;
  stats: RetryStats;
  log: string[];
}

/** The apply half of publish: preflight, plan, push by digest, read back, tag (as the publish and tag steps do). */
async function apply(host: string, repo: string, layout: TestLayout, version: string, credentials?: Credentials): Promise<Run> {
  const stats = newRetryStats();
  const log: string[] = [];
  const client = new RegistryClient(host, { retry: policy, stats, onRetry: (l) => log.push(l), ...(credentials ? { credentials } : {}) });
  const ctx: ApplyContext = { client, registry: host, repo, retry: policy, stats, log: (l) => log.push(l) };
  try {
    await client.ping();
    const plan = planTags({ latest: 'auto', repository: `${host}/${repo}`, version, existingTags: await client.listTags(repo) });
    await pushByDigest(ctx, layout.dir, layout.digest);
    await readBack(ctx, layout.facts, Object.keys(layout.facts.platforms));
    // the tag step reads back again before tagging
    const manifest = await readBack(ctx, layout.facts, Object.keys(layout.facts.platforms));
    return { ok: true, tags: await applyTags(ctx, plan, manifest), stats, log };
  } catch (err) {
    if (!(err instanceof BcError)) throw err;
    return { ok: false, error: err, stats, log };
  }
}

async function withProxy<T>(o: FaultProxyOptions, fn: (p: FaultProxy) => Promise<T>): Promise<T> {
  const p = await startFaultProxy({ target: UPSTREAM, ...o });
  try {
    return await fn(p);
  } finally {
    await p.close();
  }
}

/** A repository with 1.0.0 and latest on layout A, published without faults. */
async function seeded(name: string): Promise<{ repo: string; a: TestLayout; before: Record<string, string> }> {
  const repo = repoName(name);
  const a = layouts[0]!;
  const r = await apply(REGISTRY, repo, a, '1.0.0');
  expect(r.ok, r.error?.message).toBe(true);
  const before = await tagMap(REGISTRY, repo);
  expect(before).toEqual({ '1.0.0': a.digest, latest: a.digest });
  return { repo, a, before };
}

const note = (fault: string, injected: number, outcome: string) => {
  const line = `${fault} | ${injected} | ${outcome}`;
  table.push(line);
  console.log(`[registry faults] ${line}`);
};

describeEngine('registry faults (fault proxy in front of the loopback registry)', () => {
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'bc-registry-faults-'));
    for (let i = 0; i < 7; i++) layouts.push(await makeLayout(join(work, `layout-${i}`)));
  });
  afterAll(async () => {
    for (const r of repos) await deleteRepository(REGISTRY, r).catch(() => 0);
    if (work) await rm(work, { recursive: true, force: true });
    console.log(`[registry faults] table:\n${table.join('\n')}`);
  });

  it('(a) read-back answers another manifest: stops before any tag (exit 1, not retried); the re-run publishes', async () => {
    const { repo, a, before } = await seeded('swap');
    const b = layouts[1]!;
    const r = await withProxy({ substituteIndex: a.indexBytes }, async (p) => {
      const run = await apply(p.host, repo, b, '1.1.0');
      expect(p.counts.substituted).toBe(1); // read once, never retried
      expect(p.counts.manifestPuts).toBe(3); // two images and the index, by digest; no tag
      note('read-back answers another manifest', p.counts.substituted, `exit ${run.error?.exitCode}, step ${run.error?.step}, tags unchanged`);
      return run;
    });
    expect(r.ok).toBe(false);
    expect(r.error?.exitCode).toBe(1);
    expect(r.error?.step).toBe('push');
    expect(r.error?.message).toMatch(/read back: .* with another manifest .*nothing was tagged/);
    expect(r.stats.total).toBe(0);
    expect(await tagMap(REGISTRY, repo)).toEqual(before);

    const again = await apply(REGISTRY, repo, b, '1.1.0');
    expect(again.ok, again.error?.message).toBe(true);
    expect(await tagMap(REGISTRY, repo)).toEqual({ '1.0.0': a.digest, '1.1.0': b.digest, latest: b.digest });
  });

  it('(b) blob bytes damaged on the way (DIGEST_INVALID, local bytes right): the upload is retried and published', async () => {
    const { repo, a } = await seeded('damaged');
    const b = layouts[2]!;
    const r = await withProxy({ corruptUploads: 2 }, async (p) => {
      const run = await apply(p.host, repo, b, '1.1.0');
      note('blob bytes damaged in transit (DIGEST_INVALID)', p.counts.corrupted, run.ok ? `published (${run.stats.total} retries)` : `failed: ${run.error?.message}`);
      expect(p.counts.corrupted).toBe(2);
      return run;
    });
    expect(r.ok, r.error?.message).toBe(true);
    expect(r.stats.retried['blob damaged in transit']).toBe(2);
    expect(await tagMap(REGISTRY, repo)).toEqual({ '1.0.0': a.digest, '1.1.0': b.digest, latest: b.digest });
    const again = await apply(REGISTRY, repo, b, '1.1.0');
    expect(again.tags?.map((t) => t.action)).toEqual(['unchanged', 'unchanged']);
  });

  it('(b) a local blob whose bytes do not match its digest: stops at once, nothing tagged; a sound layout publishes', async () => {
    const { repo, before } = await seeded('corrupt');
    const bad = layouts[3]!;
    const original = await readFile(bad.layerFile);
    const damaged = Buffer.from(original);
    damaged[100] = (damaged[100] ?? 0) ^ 0x01;
    await writeFile(bad.layerFile, damaged);
    const r = await withProxy({}, async (p) => {
      const run = await apply(p.host, repo, bad, '1.1.0');
      note('local blob bytes do not match its digest', 1, `exit ${run.error?.exitCode}, step ${run.error?.step}, tags unchanged, ${p.counts.manifestPuts} manifest PUTs`);
      expect(p.counts.manifestPuts).toBe(0);
      return run;
    });
    expect(r.ok).toBe(false);
    expect(r.error?.exitCode).toBe(1);
    expect(r.error?.message).toMatch(/the local blob hashes to .*: the OCI layout is corrupt/);
    expect(r.stats.total).toBe(0);
    expect(await tagMap(REGISTRY, repo)).toEqual(before);

    await writeFile(bad.layerFile, original);
    const again = await apply(REGISTRY, repo, bad, '1.1.0');
    expect(again.ok, again.error?.message).toBe(true);
    expect((await tagMap(REGISTRY, repo))['1.1.0']).toBe(bad.digest);
  });

  it('(c) token expired in the middle of the push (401 on an upload): a new token, the upload restarted, published', async () => {
    const repo = repoName('token');
    const a = layouts[4]!;
    const r = await withProxy({ tokenAuth: CREDS, expireTokensOnUpload: 2 }, async (p) => {
      const run = await apply(p.host, repo, a, '2.0.0', CREDS);
      note('401 mid-push (token expired), new token', p.counts.expired401, run.ok ? `published; ${p.counts.tokensIssued} tokens issued` : `failed: ${run.error?.message}`);
      expect(p.counts.expired401).toBe(1);
      expect(p.counts.tokensIssued).toBeGreaterThanOrEqual(2);
      // a re-run through the same token registry: nothing to do
      const again = await apply(p.host, repo, a, '2.0.0', CREDS);
      expect(again.tags?.map((t) => t.action)).toEqual(['unchanged', 'unchanged']);
      return run;
    });
    expect(r.ok, r.error?.message).toBe(true);
    expect(r.stats.retried['HTTP 401 mid-push, new token']).toBe(1);
    expect(await tagMap(REGISTRY, repo)).toEqual({ '2.0.0': a.digest, latest: a.digest });
  });

  it('(c) 401 mid-push on the htpasswd registry (127.0.0.1:5001): Basic credentials sent again, published', async () => {
    const repo = `d-registry-faults/basic-${stamp}`;
    const auth = { username: AUTH_USER, password: AUTH_PASSWORD, source: 'test' };
    const a = layouts[4]!;
    try {
      const r = await withProxy({ target: `http://${AUTH_REGISTRY.replace(/^localhost/, '127.0.0.1')}`, expireTokensOnUpload: 3 }, async (p) => {
        const run = await apply(p.host, repo, a, '2.1.0', auth);
        note('401 mid-push on the htpasswd registry', p.counts.expired401, run.ok ? 'published' : `failed: ${run.error?.message}`);
        expect(p.counts.expired401).toBe(1);
        return run;
      });
      expect(r.ok, r.error?.message).toBe(true);
      const check = new RegistryClient(AUTH_REGISTRY, { credentials: auth, retry: policy });
      expect((await check.listTags(repo)).sort()).toEqual(['2.1.0', 'latest']);
      expect((await check.headManifest(repo, '2.1.0'))?.digest).toBe(a.digest);
    } finally {
      await deleteRepository(AUTH_REGISTRY, repo, auth).catch(() => 0);
    }
  });

  it('(c) wrong credentials at the token service: exit 3 at the preflight, nothing uploaded', async () => {
    const repo = repoName('token-wrong');
    await withProxy({ tokenAuth: CREDS }, async (p) => {
      const run = await apply(p.host, repo, layouts[4]!, '2.0.0', { ...CREDS, password: 'not-it' });
      expect(run.error?.exitCode).toBe(3);
      expect(p.counts.blobUploads).toBe(0);
      expect(JSON.stringify(run.error?.details)).not.toContain('not-it');
    });
    expect(await tagMap(REGISTRY, repo)).toEqual({});
  });

  it('(d) uploads redirected to an object store on another loopback host: published, no credentials sent there', async () => {
    const repo = repoName('redirect');
    const a = layouts[5]!;
    const r = await withProxy({ tokenAuth: CREDS, redirectUploads: true }, async (p) => {
      const run = await apply(p.host, repo, a, '3.0.0', CREDS);
      note(`blob uploads redirected (${p.objectStore()})`, p.counts.redirected, run.ok ? `published; ${p.counts.objectStoreRequests} requests to the object store, ${p.counts.objectStoreAuthHeaders} with credentials` : `failed: ${run.error?.message}`);
      expect(p.counts.redirected).toBe(4); // 2 configs + 2 layers
      expect(p.counts.objectStoreRequests).toBe(4);
      expect(p.counts.objectStoreAuthHeaders).toBe(0);
      return run;
    });
    expect(r.ok, r.error?.message).toBe(true);
    expect(await tagMap(REGISTRY, repo)).toEqual({ '3.0.0': a.digest, latest: a.digest });
  });

  it('(e) manifest PUT accepted, then 404 for 3 s (eventual consistency): read-back waits, published; a re-run completes', async () => {
    const repo = repoName('eventual');
    const a = layouts[6]!;
    const t0 = Date.now();
    const r = await withProxy({ hideManifestsMs: 3000 }, async (p) => {
      const run = await apply(p.host, repo, a, '4.0.0');
      note('manifest PUT accepted, then 404 for 3 s', p.counts.hidden404, run.ok ? `published after ${((Date.now() - t0) / 1000).toFixed(1)} s` : `failed: ${run.error?.message}`);
      expect(p.counts.hidden404).toBeGreaterThan(0);
      const again = await apply(p.host, repo, a, '4.0.0');
      expect(again.ok, again.error?.message).toBe(true);
      return run;
    });
    expect(r.ok, r.error?.message).toBe(true);
    expect(r.log.join('\n')).toMatch(/not visible yet/);
    expect(await tagMap(REGISTRY, repo)).toEqual({ '4.0.0': a.digest, latest: a.digest });
  });

  it('end to end: `publish` through a registry that swaps the read-back, then one that hides manifests for 3 s', async () => {
    const root = inject('roots').python;
    if (!root) throw new Error('the python root image is not available (global setup)');
    const dir = join(work, 'e2e', 'publish-source');
    await cp(join(repoRoot, 'test/fixtures/publish-source'), dir, { recursive: true });
    const repo = repoName('e2e');
    const publish = async (host: string, version: string) => {
      const meta = join(dir, 'metadata.yaml');
      await writeFile(meta, (await readFile(meta, 'utf8')).replace(/dockerImageTag: \S+/, `dockerImageTag: ${version}`));
      const r = await runCli(['--json', 'publish', dir, '--base-image', root, '--platform', 'linux/amd64', '--registry', host, '--repository', repo], {
        env: { BUILD_CONNECTOR_RETRY_BASE_MS: '20' },
      });
      expect(hasStackTrace(r.stdout + r.stderr)).toBe(false);
      return { ...r, json: JSON.parse(r.stdout) as { result: string; digest?: string; step?: string; reason?: string } };
    };
    const first = await publish(REGISTRY, '1.0.0');
    expect(first.json.result, first.stderr.slice(-1500)).toBe('published');
    const before = await tagMap(REGISTRY, repo);
    const old = await fetch(`${UPSTREAM}/v2/${repo}/manifests/${first.json.digest}`, { headers: { accept: 'application/vnd.oci.image.index.v1+json' } });
    const oldIndex = Buffer.from(await old.arrayBuffer());

    await withProxy({ substituteIndex: oldIndex }, async (p) => {
      const r = await publish(p.host, '1.1.0');
      note('publish CLI: read-back answers another manifest', p.counts.substituted, `exit ${r.exitCode}, ${r.json.result} at ${r.json.step}`);
      expect(r.exitCode).toBe(1);
      expect(r.json).toMatchObject({ result: 'failed', step: 'push' }); // the core's name of the push-by-digest + read-back step
      expect(r.json.reason).toMatch(/another manifest/);
      expect(p.counts.substituted).toBe(1);
    });
    expect(await tagMap(REGISTRY, repo)).toEqual(before);

    await withProxy({ hideManifestsMs: 3000 }, async (p) => {
      const r = await publish(p.host, '1.1.0');
      note('publish CLI: manifests 404 for 3 s after PUT (re-run of the failed 1.1.0)', p.counts.hidden404, `exit ${r.exitCode}, ${r.json.result}`);
      expect(r.json.result, r.stderr.slice(-1500)).toBe('published');
      expect(p.counts.hidden404).toBeGreaterThan(0);
      expect(await tagMap(REGISTRY, repo)).toEqual({ ...before, '1.1.0': r.json.digest, latest: r.json.digest });
    });
  });
});
