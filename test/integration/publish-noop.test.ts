/**
 * The no-op republish (issue 24) against the real loopback registry and
 * engine (containerd store): a published index records its build-input key;
 * an unchanged re-publish builds nothing, verifies nothing and writes
 * nothing; each input that changes the image — a base tag that moved, a
 * changed file, a changed build arg — and --no-cache / --force build again.
 * One repository per run; amd64 only (the key is per platform set, proven
 * on both platforms by the classic-engine test and the bench).
 */
import { execa } from 'execa';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { describeEngine, REGISTRY } from '../support/engine.js';
import { repoRoot, runCli, hasStackTrace } from '../support/cli.js';
import { startFaultProxy } from '../support/fault-proxy.js';
import { tagMap } from '../support/registry.js';
import type { PublishResult } from '../../src/core/result.js';

const FIXTURE = join(repoRoot, 'test/fixtures/publish-source');
const stamp = Date.now().toString(36);
const repo = `d-noop/fixture-${stamp}`;
const baseRepo = `d-noop/base-${stamp}`;
const base = `${REGISTRY}/${baseRepo}:1`;
const KEY = 'io.airbyte.build-connector.inputs';
const AMD64 = ['--platform', 'linux/amd64'];

let work = '';
let dir = '';
let root = '';
let java = '';

interface Run {
  exitCode: number;
  stderr: string;
  json: PublishResult;
}

async function publish(args: string[] = [], registry = REGISTRY): Promise<Run> {
  const r = await runCli(['--json', 'publish', dir, '--base-image', base, '--registry', registry, '--repository', repo, ...AMD64, ...args], { env: { BUILD_CONNECTOR_RETRY_BASE_MS: '50' } });
  expect(hasStackTrace(r.stderr)).toBe(false);
  try {
    return { exitCode: r.exitCode, stderr: r.stderr, json: JSON.parse(r.stdout) as PublishResult };
  } catch {
    throw new Error(`publish printed no JSON (exit ${r.exitCode}):\n${r.stdout}\n${r.stderr.slice(-3000)}`);
  }
}

const stepOf = (r: Run, step: string) => r.json.steps.find((s) => s.step === step);
/** point the base tag at `ref` (registry to registry, nothing in the engine) */
const moveBase = (ref: string) => execa('docker', ['buildx', 'imagetools', 'create', '-t', base, ref]);

async function sameImagesNewIndex(ref: string): Promise<void> {
  const [name, digest] = ref.replace(`${REGISTRY}/`, '').split('@');
  const got = await fetch(`http://${REGISTRY}/v2/${name}/manifests/${digest}`, { headers: { accept: 'application/vnd.docker.distribution.manifest.list.v2+json, application/vnd.oci.image.index.v1+json' } });
  const type = got.headers.get('content-type') ?? '';
  const bytes = Buffer.concat([Buffer.from(await got.arrayBuffer()), Buffer.from('\n')]);
  const put = await fetch(`http://${REGISTRY}/v2/${baseRepo}/manifests/1`, { method: 'PUT', headers: { 'content-type': type }, body: bytes });
  expect(put.status).toBe(201);
}

async function indexAnnotations(digest: string): Promise<Record<string, string>> {
  const res = await fetch(`http://${REGISTRY}/v2/${repo}/manifests/${digest}`, { headers: { accept: 'application/vnd.oci.image.index.v1+json' } });
  return ((await res.json()) as { annotations?: Record<string, string> }).annotations ?? {};
}

describeEngine('publish: the no-op republish', () => {
  let published = '';

  beforeAll(async () => {
    root = inject('roots').python ?? '';
    java = inject('roots').java ?? '';
    if (!root || !java) throw new Error('the python and java roots are not available (global setup)');
    work = await mkdtemp(join(tmpdir(), 'bc-noop-'));
    dir = join(work, 'publish-source');
    await cp(FIXTURE, dir, { recursive: true });
    await moveBase(root);
    const first = await publish();
    if (first.json.result !== 'published') throw new Error(`first publish: ${JSON.stringify(first.json, null, 2)}\n${first.stderr.slice(-2000)}`);
    published = first.json.digest;
  }, 600_000);
  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('1. the published index records the build-input key', async () => {
    expect((await indexAnnotations(published))[KEY]).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('2. unchanged: build skipped with its reason, verify not re-run, 0 bytes and 0 manifests written; outputs as a publish', async () => {
    const counter = await startFaultProxy(); // pass-through: counts requests
    try {
      const r = await publish([], counter.host);
      expect(r.exitCode).toBe(0);
      expect(r.json).toMatchObject({ result: 'already-published', digest: published, sameBy: 'build inputs', platforms: ['linux/amd64'] });
      if (r.json.result !== 'already-published') return;
      expect(r.json.tags.map((t) => `${t.tag}:${t.action}`)).toEqual(['1.0.0:unchanged', 'latest:unchanged']);
      expect(stepOf(r, 'build')).toMatchObject({ status: 'skipped', reason: expect.stringMatching(new RegExp(`^unchanged: .*:1\\.0\\.0 already holds ${published}`)) });
      expect(stepOf(r, 'verify')).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/^not re-run: /) });
      expect(stepOf(r, 'push')?.status).toBe('skipped');
      expect(r.json.build).toBeUndefined();
      expect(counter.counts.blobUploads).toBe(0);
      expect(counter.counts.manifestPuts).toBe(0);
    } finally {
      await counter.close();
    }
    // the text output says so too
    const text = await runCli(['publish', dir, '--base-image', base, '--registry', REGISTRY, '--repository', repo, ...AMD64]);
    expect(text.exitCode).toBe(0);
    expect(text.stdout).toContain(`already published: ${REGISTRY}/${repo}:1.0.0 is ${published} (same build inputs); nothing pushed`);
    expect(text.stdout).toContain(`tag ${REGISTRY}/${repo}:1.0.0 (unchanged)`);
  });

  it('3. --no-cache and --force build again (the same images: nothing pushed)', async () => {
    for (const flag of ['--no-cache', '--force']) {
      const r = await publish([flag]);
      expect(stepOf(r, 'build')?.status, flag).toBe('done');
      // the same images; the index digest too unless the provenance record differs
      expect(r.json).toMatchObject({ result: 'already-published', digest: published, sameBy: expect.stringMatching(/^(index digest|platform images)$/) });
    }
  });

  it('4. a changed build arg builds again (an unused ARG: same platform images, nothing pushed)', async () => {
    const r = await publish(['--build-arg', 'UNUSED=1']);
    expect(stepOf(r, 'build')?.status).toBe('done');
    expect(r.json).toMatchObject({ result: 'already-published', digest: published, sameBy: 'platform images' });
    expect(await tagMap(REGISTRY, repo)).toMatchObject({ '1.0.0': published });
  });

  it('5. the base tag moved: built again; another base is refused as changed, the same platform images under a new index are not', async () => {
    await moveBase(java);
    const other = await publish();
    expect(stepOf(other, 'build')?.status).toBe('done');
    expect(other.exitCode).toBe(4);
    expect(other.json.result).toBe('refused');
    // the same root under another index digest (its bytes plus a newline): the key moves, the images do not
    await sameImagesNewIndex(root);
    const same = await publish();
    expect(stepOf(same, 'build')?.status).toBe('done');
    expect(same.json).toMatchObject({ result: 'already-published', sameBy: 'platform images' });
    await moveBase(root);
    expect((await publish()).json).toMatchObject({ result: 'already-published', sameBy: 'build inputs' });
  });

  it('6. a changed file builds again (refused as changed), --force pushes it, and the next unchanged run is a no-op again', async () => {
    const p = join(dir, 'main.py');
    await writeFile(p, `${await readFile(p, 'utf8')}\n# changed ${stamp}\n`);
    const changed = await publish();
    expect(stepOf(changed, 'build')?.status).toBe('done');
    expect(changed.exitCode).toBe(4);
    const forced = await publish(['--force']);
    expect(forced.json.result, forced.stderr.slice(-2000)).toBe('published');
    if (forced.json.result !== 'published') return;
    expect(forced.json.push.blobsUploaded).toBeGreaterThan(0);
    expect(forced.json.digest).not.toBe(published);
    const again = await publish();
    expect(again.json).toMatchObject({ result: 'already-published', digest: forced.json.digest, sameBy: 'build inputs' });
  });
});
