/**
 * A distributed run simulated locally: two separate processes each build one
 * platform of the same connector, push it by digest (no tag) and verify it
 * (`digest-record`); then `merge` makes one index in the loopback registry.
 * Merging with a platform missing or unverified exits 1 and tags nothing.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { describeEngine, REGISTRY } from '../support/engine.js';
import { hasStackTrace, repoRoot, runCli } from '../support/cli.js';
import { ensureExampleBases } from '../support/examples.js';
import { DigestRecordSchema, type DigestRecord } from '../../src/monorepo/digest-record.js';

const SUFFIX = `${process.pid}${Date.now().toString(36)}`;
const REPO = `bc-f-merge/${SUFFIX}/source-hello`;

async function tagsOf(repo: string): Promise<string[]> {
  const res = await fetch(`http://${REGISTRY}/v2/${repo}/tags/list`);
  if (res.status === 404) return [];
  const j = (await res.json()) as { tags?: string[] | null };
  return (j.tags ?? []).sort();
}

async function manifest(repo: string, ref: string): Promise<{ digest: string; body: { manifests?: { digest: string; platform?: { os: string; architecture: string } }[] } }> {
  const res = await fetch(`http://${REGISTRY}/v2/${repo}/manifests/${ref}`, {
    headers: { accept: 'application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.list.v2+json' },
  });
  expect(res.status, `${repo}:${ref}`).toBe(200);
  return { digest: res.headers.get('docker-content-digest') ?? '', body: (await res.json()) as never };
}

describeEngine('distributed build: digest-record per platform, then merge', () => {
  let work: string;
  let dir: string;
  let base: string;
  const rec: Record<string, string> = {};

  beforeAll(async () => {
    base = (await ensureExampleBases(inject('roots'))).python;
    work = await mkdtemp(join(tmpdir(), 'bc-f-merge-'));
    dir = join(work, 'source-hello');
    await cp(join(repoRoot, 'examples', 'source-hello'), dir, { recursive: true });
  });
  afterAll(async () => {
    // Leave the shared registry as we found it: delete by digest what we pushed (tags go with it).
    const digests = new Set<string>();
    for (const f of Object.values(rec)) {
      const r = await readFile(f, 'utf8').then((t) => DigestRecordSchema.parse(JSON.parse(t)), () => undefined);
      if (r) digests.add(r.digest);
    }
    for (const tag of await tagsOf(REPO)) {
      const h = await fetch(`http://${REGISTRY}/v2/${REPO}/manifests/${tag}`, { method: 'HEAD', headers: { accept: 'application/vnd.oci.image.index.v1+json' } });
      const d = h.headers.get('docker-content-digest');
      if (d) digests.add(d);
    }
    for (const d of digests) await fetch(`http://${REGISTRY}/v2/${REPO}/manifests/${d}`, { method: 'DELETE' }).catch(() => undefined);
    await rm(work, { recursive: true, force: true });
  });

  const common = () => ['--registry', REGISTRY, '--repository', REPO];

  it('two processes build, push by digest and verify amd64 and arm64; no tag exists yet', async () => {
    const job = (platform: string, arch: string) => {
      rec[arch] = join(work, `digest-source-hello-${arch}.json`);
      return runCli(['digest-record', dir, '--platform', platform, ...common(), '--base-image', base, '--out', rec[arch] as string]);
    };
    const [amd, arm] = await Promise.all([job('linux/amd64', 'amd64'), job('linux/arm64', 'arm64')]);
    expect(amd.exitCode, amd.stderr).toBe(0);
    expect(arm.exitCode, arm.stderr).toBe(0);
    for (const arch of ['amd64', 'arm64']) {
      const r = DigestRecordSchema.parse(JSON.parse(await readFile(rec[arch] as string, 'utf8')));
      expect(r.platform).toBe(`linux/${arch}`);
      expect(r.verify.ok).toBe(true);
      expect(r.ref).toBe(`${REGISTRY}/${REPO}@${r.digest}`);
      // pushed by digest: fetchable, but carries no tag
      await manifest(REPO, r.digest);
    }
    expect(await tagsOf(REPO)).toEqual([]);
  });

  it('one platform missing → exit 1, nothing tagged', async () => {
    const r = await runCli(['merge', dir, '--digests', rec.amd64 as string, ...common()]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/merge refused: missing linux\/arm64/);
    expect(r.stderr).toContain('nothing was tagged');
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(await tagsOf(REPO)).toEqual([]);
  });

  it('one platform unverified → exit 1 naming the failed check, nothing tagged', async () => {
    const arm = JSON.parse(await readFile(rec.arm64 as string, 'utf8')) as DigestRecord;
    arm.verify = { ok: false, checks: arm.verify.checks, failed: [{ id: 'spec', message: 'a non-JSON line on stdout', fix: 'print only Airbyte messages' }] };
    const bad = join(work, 'digest-unverified-arm64.json');
    await writeFile(bad, JSON.stringify(arm));
    const r = await runCli(['merge', dir, '--digests', rec.amd64 as string, bad, ...common()]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/unverified linux\/arm64/);
    expect(r.stderr).toContain('spec: a non-JSON line on stdout');
    expect(await tagsOf(REPO)).toEqual([]);
  });

  it('--dry-run with both platforms: prints the index digest and the tags it would write, writes nothing', async () => {
    const r = await runCli(['--json', 'merge', dir, '--digests', rec.amd64 as string, rec.arm64 as string, ...common(), '--dry-run']);
    expect(r.exitCode, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { status: string; digest: string; plan: { tags: { tag: string }[] } };
    expect(out.status).toBe('dry-run');
    expect(out.plan.tags.map((t) => t.tag)).toEqual(['0.1.0', 'latest']);
    expect(await tagsOf(REPO)).toEqual([]);
    const res = await fetch(`http://${REGISTRY}/v2/${REPO}/manifests/${out.digest}`, { method: 'HEAD', headers: { accept: 'application/vnd.oci.image.index.v1+json' } });
    expect(res.status).toBe(404);
  });

  it('both platforms verified → one index with both, tagged 0.1.0 and latest; a re-run is "already published"', async () => {
    const records = await Promise.all(['amd64', 'arm64'].map(async (a) => DigestRecordSchema.parse(JSON.parse(await readFile(rec[a] as string, 'utf8')))));
    const r = await runCli(['--json', 'merge', dir, '--digests', rec.amd64 as string, rec.arm64 as string, ...common()]);
    expect(r.exitCode, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { status: string; digest: string };
    expect(out.status).toBe('published');
    expect(await tagsOf(REPO)).toEqual(['0.1.0', 'latest']);
    const idx = await manifest(REPO, '0.1.0');
    expect(idx.digest).toBe(out.digest);
    const images = (idx.body.manifests ?? []).filter((m) => m.platform && m.platform.os !== 'unknown');
    expect(images.map((m) => `${m.platform?.os}/${m.platform?.architecture}=${m.digest}`).sort()).toEqual(
      records.map((x) => `${x.platform}=${x.manifest}`).sort(),
    );
    expect((await manifest(REPO, 'latest')).digest).toBe(out.digest);

    const again = await runCli(['merge', dir, '--digests', rec.amd64 as string, rec.arm64 as string, ...common()]);
    expect(again.exitCode, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/already published/);
  });
});
