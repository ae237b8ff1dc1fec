/**
 * The metadata-action labels reach the built image (read from the OCI archive
 * the real build writes), and they keep builds reproducible: two builds of the
 * same commit give the same per-platform manifest digest. amd64 only (the
 * labels do not depend on the platform; qemu is slow).
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { describeEngine, REGISTRY } from '../support/engine.js';
import { repoRoot, runCli } from '../support/cli.js';

const gitEnv = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid', GIT_CONFIG_NOSYSTEM: '1', HOME: '/nonexistent-home-for-git-test' };
const g = async (cwd: string, ...args: string[]) => (await execa('git', args, { cwd, env: { ...gitEnv, GIT_AUTHOR_DATE: '@1700000000 +0000', GIT_COMMITTER_DATE: '@1700000000 +0000' } })).stdout.trim();

interface Descriptor {
  mediaType: string;
  digest: string;
  platform?: { os: string; architecture: string };
}

async function blob(tar: string, digest: string): Promise<unknown> {
  const { stdout } = await execa('tar', ['-xOf', tar, `blobs/sha256/${digest.replace('sha256:', '')}`]);
  return JSON.parse(stdout);
}

/** The amd64 manifest digest and its config's labels, walking index.json → (index →) manifest → config. */
async function amd64Image(tar: string): Promise<{ manifest: string; labels: Record<string, string> }> {
  const { stdout } = await execa('tar', ['-xOf', tar, 'index.json']);
  let list = (JSON.parse(stdout) as { manifests: Descriptor[] }).manifests;
  for (;;) {
    const d = list.find((m) => m.platform?.architecture === 'amd64') ?? list.find((m) => !m.platform || m.platform.os !== 'unknown');
    if (!d) throw new Error(`no amd64 manifest in ${tar}`);
    const doc = (await blob(tar, d.digest)) as { manifests?: Descriptor[]; config?: Descriptor };
    if (doc.manifests) {
      list = doc.manifests;
      continue;
    }
    const config = (await blob(tar, doc.config?.digest ?? '')) as { config?: { Labels?: Record<string, string> } };
    return { manifest: d.digest, labels: config.config?.Labels ?? {} };
  }
}

describeEngine('OCI labels on the built image', () => {
  let root: string;
  let work: string;
  let dir: string;
  let revision: string;

  beforeAll(async () => {
    root = inject('roots').python ?? '';
    expect(root, 'global setup provides the python root image').toMatch(/@sha256:[0-9a-f]{64}$/);
    work = await mkdtemp(join(tmpdir(), 'bc-labels-it-'));
    dir = join(work, 'source-hello');
    await cp(join(repoRoot, 'examples', 'source-hello'), dir, { recursive: true });
    await g(work, 'init', '-q', '-b', 'main');
    await g(work, 'remote', 'add', 'origin', 'git@github.com:acme/connectors.git');
    await g(work, 'add', '.');
    await g(work, 'commit', '-q', '-m', 'connector');
    revision = await g(work, 'rev-parse', 'HEAD');
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('source, revision, created, licenses and url are on the image; two builds give the same manifest digest', async () => {
    const build = async (n: number) => {
      const out = join(work, `image-${n}.tar`);
      const r = await runCli(['--json', 'build', dir, '--platform', 'linux/amd64', '--base-image', root, '--output', `oci=${out}`, '--progress', 'plain'], {
        env: { SOURCE_DATE_EPOCH: '' },
      });
      expect(r.exitCode, r.stderr.slice(-2000)).toBe(0);
      return amd64Image(out);
    };
    const first = await build(1);
    expect(first.labels).toMatchObject({
      'org.opencontainers.image.source': 'https://github.com/acme/connectors',
      'org.opencontainers.image.revision': revision,
      'org.opencontainers.image.created': '2023-11-14T22:13:20.000Z',
      'org.opencontainers.image.licenses': 'MIT',
      'org.opencontainers.image.url': 'https://docs.airbyte.com/integrations/sources/hello',
      'io.airbyte.name': 'airbyte/source-hello',
    });
    const second = await build(2);
    expect(second.manifest).toBe(first.manifest);
  });

  it('a published image carries them in the registry (read back over the registry API)', async () => {
    const repo = `labels-${Date.now().toString(36)}/source-hello`;
    const r = await runCli(['--json', 'publish', dir, '--platform', 'linux/amd64', '--base-image', root, '--registry', REGISTRY, '--repository', repo], { env: { SOURCE_DATE_EPOCH: '' } });
    expect(r.exitCode, r.stderr.slice(-2000)).toBe(0);
    const accept = 'application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json';
    const get = async (path: string) => {
      const res = await fetch(`http://${REGISTRY}/v2/${repo}/${path}`, { headers: { accept } });
      expect(res.status, path).toBe(200);
      return (await res.json()) as { manifests?: Descriptor[]; config?: Descriptor };
    };
    const index = (await get('manifests/0.1.0')) as { manifests?: Descriptor[]; annotations?: Record<string, string> };
    const amd64 = index.manifests?.find((m) => m.platform?.architecture === 'amd64');
    expect(amd64).toBeDefined();
    const manifest = (await get(`manifests/${amd64?.digest ?? ''}`)) as { config?: Descriptor; annotations?: Record<string, string> };
    // the same keys as OCI annotations, on the index and on the platform manifest (metadata-action's `annotations`)
    const oci = { 'org.opencontainers.image.source': 'https://github.com/acme/connectors', 'org.opencontainers.image.revision': revision, 'org.opencontainers.image.created': '2023-11-14T22:13:20.000Z' };
    expect(index.annotations).toMatchObject(oci);
    expect(manifest.annotations).toMatchObject(oci);
    const config = (await get(`blobs/${manifest.config?.digest ?? ''}`)) as { config?: { Labels?: Record<string, string> } };
    expect(config.config?.Labels).toMatchObject({
      'org.opencontainers.image.source': 'https://github.com/acme/connectors',
      'org.opencontainers.image.revision': revision,
      'org.opencontainers.image.created': '2023-11-14T22:13:20.000Z',
      'org.opencontainers.image.licenses': 'MIT',
    });
  });
});
