/**
 * The token-auth loopback registry, as GHCR, Docker Hub and ECR authenticate:
 * distribution's `auth: token` on 127.0.0.1:5002, its token service ours
 * (test/support/token-server.mjs on :5003), both started by
 * scripts/setup-engine.sh. Every command that talks to a registry runs
 * against it with --username/--password-stdin: publish (--sbom, cosign
 * signing), re-publish, verify REF (--sbom, --sign-pub), digest-record +
 * merge. A user whose tokens live 2 s publishes through an expiry at a known
 * point (a slow link holds one answer back longer than a token lives; the
 * client renews it); a user without push scope is refused with exit 3 naming the
 * scope, and nothing reaches the registry. The children see a docker config
 * with no credentials, so only the flags can make them succeed; neither it nor
 * $HOME/.docker/config.json is written, and the password is never printed.
 */
import { execa } from 'execa';
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { AUTH_PASSWORD, describeEngine } from '../support/engine.js';
import { hasStackTrace, repoRoot, runCli, type CliResult } from '../support/cli.js';
import { ensureExampleBases } from '../support/examples.js';
import { credentiallessDockerConfig, snapshot, type BareDockerConfig } from '../support/docker-config.js';
import { DigestRecordSchema } from '../../src/monorepo/digest-record.js';
import { startFaultProxy } from '../support/fault-proxy.js';

const TOKEN_REGISTRY = process.env.BC_TEST_TOKEN_REGISTRY ?? '127.0.0.1:5002';
const TOKEN_SERVER = process.env.BC_TEST_TOKEN_SERVER ?? 'http://127.0.0.1:5003';
const SERVICE = 'build-connector-test';
const STAMP = `${process.pid}${Date.now().toString(36)}`;
const WRONG = 'wrong-pass-t0ken42';
const ACCEPT = 'application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json';

/** A token for these scopes from the token service itself (the test's own reads, as bc-test). */
async function tokenFor(...scopes: string[]): Promise<string> {
  const q = new URLSearchParams({ service: SERVICE });
  for (const s of scopes) q.append('scope', s);
  const res = await fetch(`${TOKEN_SERVER}/token?${q}`, { headers: { authorization: `Basic ${Buffer.from(`bc-test:${AUTH_PASSWORD}`).toString('base64')}` } });
  if (!res.ok) throw new Error(`token service: HTTP ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

async function api(path: string, scope: string, init: RequestInit = {}): Promise<Response> {
  const token = await tokenFor(scope);
  return fetch(`http://${TOKEN_REGISTRY}${path}`, { ...init, headers: { accept: ACCEPT, ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` } });
}

async function tagsOf(repo: string): Promise<string[]> {
  const res = await api(`/v2/${repo}/tags/list`, `repository:${repo}:pull`);
  if (res.status === 404) return [];
  return (((await res.json()) as { tags?: string[] | null }).tags ?? []).sort();
}

async function catalog(): Promise<string[]> {
  const res = await api('/v2/_catalog?n=10000', 'registry:catalog:*');
  return ((await res.json()) as { repositories?: string[] }).repositories ?? [];
}

async function deleteRepository(repo: string): Promise<void> {
  const scope = `repository:${repo}:pull,delete`;
  for (const t of await tagsOf(repo)) {
    const h = await api(`/v2/${repo}/manifests/${t}`, scope, { method: 'HEAD' });
    const d = h.headers.get('docker-content-digest');
    if (d) await api(`/v2/${repo}/manifests/${d}`, scope, { method: 'DELETE' });
  }
}

interface Issued {
  user: string;
  access: { type: string; name: string; actions: string[] }[];
}
async function issued(): Promise<Issued[]> {
  return ((await (await fetch(`${TOKEN_SERVER}/stats`)).json()) as { issued: Issued[] }).issued;
}

const homeConfig = join(homedir(), '.docker', 'config.json');
const readHomeConfig = () => readFile(homeConfig, 'utf8').catch(() => '<absent>');

describeEngine('the token-auth registry (Bearer tokens per scope, distribution auth: token)', () => {
  let work = '';
  let dir = '';
  let base = '';
  let cfg: BareDockerConfig = { dir: '', env: {} };
  let cfgBefore: Record<string, string> = {};
  let homeBefore = '';
  let cosign = true;
  let keyDir = '';
  const repos: string[] = [];
  const repo = (name: string) => {
    const r = `bc-token/${STAMP}/${name}`;
    repos.push(r);
    return r;
  };

  beforeAll(async () => {
    const health = await fetch(`${TOKEN_SERVER}/healthz`).catch((err: unknown) => err);
    if (!(health instanceof Response) || !health.ok) throw new Error(`the token server does not answer on ${TOKEN_SERVER}: run scripts/setup-engine.sh`);
    base = (await ensureExampleBases(inject('roots'))).python;
    work = await mkdtemp(join(tmpdir(), 'bc-token-auth-'));
    dir = join(work, 'source-hello');
    await cp(join(repoRoot, 'examples', 'source-hello'), dir, { recursive: true });
    // The engine and the plugins stay those of the user's config; its credentials do not come along.
    cfg = await credentiallessDockerConfig(work);
    cfgBefore = await snapshot(cfg.dir);
    homeBefore = await readHomeConfig();
    try {
      await execa('cosign', ['version']);
    } catch {
      cosign = false;
    }
    if (!cosign && process.env.CI === 'true') throw new Error('CI=true but cosign is not installed');
    keyDir = join(work, 'keys');
    if (cosign) {
      await mkdir(keyDir);
      await execa('cosign', ['generate-key-pair'], { cwd: keyDir, env: { COSIGN_PASSWORD: 'key-pass' } });
    }
  });
  afterAll(async () => {
    for (const r of repos) await deleteRepository(r).catch(() => undefined);
    if (work) await rm(work, { recursive: true, force: true });
  });

  /** The CLI with the credential-less docker config; checks what every run must hold. */
  const cli = async (args: string[], password: string): Promise<CliResult> => {
    const r = await runCli(args, {
      env: {
        ...cfg.env,
        COSIGN_PASSWORD: 'key-pass',
      },
      input: `${password}\n`,
    });
    expect(hasStackTrace(r.stdout + r.stderr), r.stderr.slice(-1500)).toBe(false);
    expect(r.stdout + r.stderr).not.toContain(password);
    return r;
  };
  const login = (user: string) => ['--username', user, '--password-stdin'];
  /** --json unless `human` (a refusal is read as the user reads it: the error: line on stderr) */
  const publishArgs = (target: string, user: string, extra: string[] = [], human = false, connector = dir) => [
    ...(human ? [] : ['--json']), 'publish', connector, '--registry', TOKEN_REGISTRY, '--repository', target, '--platform', 'linux/amd64', '--base-image', base, ...login(user), ...extra,
  ];

  it('publish --sbom --sign-key, re-publish, verify REF --sbom --sign-pub: all through the token service; a wrong password exits 3', async () => {
    const target = repo('source-hello');
    const bad = await cli(publishArgs(target, 'bc-test', [], true), WRONG);
    expect(bad.exitCode, bad.stderr.slice(-1500)).toBe(3);
    expect(bad.stderr).toMatch(/^error: .*credentials were refused/m);
    expect(bad.stderr).not.toMatch(/#\d+ \[/); // refused in the preflight, before any build

    const sign = cosign ? ['--sign-key', join(keyDir, 'cosign.key')] : [];
    const first = await cli(publishArgs(target, 'bc-test', ['--sbom', ...sign]), AUTH_PASSWORD);
    expect(first.exitCode, first.stderr.slice(-2500)).toBe(0);
    const json = JSON.parse(first.stdout) as { result: string; digest: string; signed?: boolean };
    expect(json.result).toBe('published');
    if (cosign) expect(json.signed).toBe(true);
    const tags = await tagsOf(target);
    expect(tags).toEqual(expect.arrayContaining(['0.1.0', 'latest']));

    const again = await cli(publishArgs(target, 'bc-test', ['--sbom', ...sign]), AUTH_PASSWORD);
    expect(again.exitCode, again.stderr.slice(-2000)).toBe(0);
    expect((JSON.parse(again.stdout) as { result: string }).result).toBe('already-published');
    expect(await tagsOf(target)).toEqual(tags);

    const ref = `${TOKEN_REGISTRY}/${target}@${json.digest}`;
    const verify = await cli(['--json', 'verify', ref, '--platform', 'linux/amd64', '--sbom', ...(cosign ? ['--sign-pub', join(keyDir, 'cosign.pub')] : []), ...login('bc-test')], AUTH_PASSWORD);
    expect(verify.exitCode, verify.stdout.slice(-2000) + verify.stderr.slice(-1000)).toBe(0);
    const checks = (JSON.parse(verify.stdout) as { checks: { id: string; status: string }[] }).checks;
    expect(checks.filter((c) => c.id === 'sbom').map((c) => c.status)).toEqual(['pass']);
    if (cosign) expect(checks.filter((c) => c.id === 'signature').map((c) => c.status)).toEqual(['pass']);

    expect(await snapshot(cfg.dir)).toEqual(cfgBefore);
    expect(await readHomeConfig()).toBe(homeBefore);
  });

  it('digest-record, then merge, through the token service', async () => {
    const target = repo('merged');
    const out = join(work, 'digest-amd64.json');
    const common = ['--registry', TOKEN_REGISTRY, '--repository', target];
    const rec = await cli(['digest-record', dir, '--platform', 'linux/amd64', ...common, '--base-image', base, '--out', out, ...login('bc-test')], AUTH_PASSWORD);
    expect(rec.exitCode, rec.stderr.slice(-2000)).toBe(0);
    const record = DigestRecordSchema.parse(JSON.parse(await readFile(out, 'utf8')));
    expect(record.ref).toBe(`${TOKEN_REGISTRY}/${target}@${record.digest}`);
    expect(await tagsOf(target)).toEqual([]);

    const merged = await cli(['--json', 'merge', dir, '--digests', out, '--platform', 'linux/amd64', ...common, ...login('bc-test')], AUTH_PASSWORD);
    expect(merged.exitCode, merged.stderr.slice(-2000)).toBe(0);
    expect((JSON.parse(merged.stdout) as { status: string }).status).toBe('published');
    expect(await tagsOf(target)).toEqual(['0.1.0', 'latest']);

    expect(await snapshot(cfg.dir)).toEqual(cfgBefore);
    expect(await readHomeConfig()).toBe(homeBefore);
  });

  it('tokens that live 2 s expire mid-push: the client renews them, the publish completes and nothing is lost', async () => {
    // bc-expiring's tokens are accepted for 2–3 s. A slow link (the fault
    // proxy in pass-through, in front of the token registry) holds back the
    // registry's answer to the first blob upload for 3.5 s, so whatever the
    // machine's speed, the token the client holds has expired when it makes
    // its next request: the registry itself refuses it (401 invalid_token)
    // and the client must ask the token service again and carry on.
    const target = repo('expiring');
    const before = (await issued()).length;
    const link = await startFaultProxy({ target: `http://${TOKEN_REGISTRY}`, holdUploadAnswer: { nth: 1, ms: 3500 } });
    try {
      const sign = cosign ? ['--sign-key', join(keyDir, 'cosign.key')] : [];
      const args = publishArgs(target, 'bc-expiring', ['--sbom', ...sign]).map((a) => (a === TOKEN_REGISTRY ? link.host : a));
      const r = await cli(args, AUTH_PASSWORD);
      expect(r.exitCode, r.stderr.slice(-2500)).toBe(0);
      const json = JSON.parse(r.stdout) as { result: string; digest: string };
      expect(json.result).toBe('published');
      expect(link.counts.held).toBe(1);
      // Our client asks for a scope again only after the registry refused its
      // token. It asks "pull,push"; cosign (go-containerregistry) asks "push,pull".
      const push = (await issued())
        .slice(before)
        .filter((t) => t.user === 'bc-expiring' && t.access.some((a) => a.name === target && a.actions.join(',') === 'pull,push'));
      expect(push.length, JSON.stringify(push)).toBeGreaterThanOrEqual(2);
      // nothing lost: both tags, and every blob the published index names is there
      expect(await tagsOf(target)).toEqual(expect.arrayContaining(['0.1.0', 'latest']));
      const scope = `repository:${target}:pull`;
      const index = (await (await api(`/v2/${target}/manifests/${json.digest}`, scope)).json()) as { manifests: { digest: string; platform?: { os: string } }[] };
      const images = index.manifests.filter((m) => m.platform?.os === 'linux');
      expect(images.length).toBe(1);
      for (const m of images) {
        const manifest = (await (await api(`/v2/${target}/manifests/${m.digest}`, scope)).json()) as { config: { digest: string }; layers: { digest: string }[] };
        for (const b of [manifest.config, ...manifest.layers]) {
          expect((await api(`/v2/${target}/blobs/${b.digest}`, scope, { method: 'HEAD' })).status, b.digest).toBe(200);
        }
      }
    } finally {
      await link.close();
    }
  });

  it('a user whose token carries no push scope: exit 3 naming the scope and the registry, nothing written', async () => {
    const target = repo('pull-only');
    const r = await cli(publishArgs(target, 'bc-pull', [], true), AUTH_PASSWORD);
    expect(r.exitCode, r.stderr.slice(-2000)).toBe(3);
    expect(r.stderr).toMatch(new RegExp(`^error: .*${TOKEN_REGISTRY.replace(/\./g, '\\.')} did not grant repository:${target.replace(/\//g, '\\/')}:\\S*push\\S* to bc-pull`, 'm'));
    expect(r.stderr).toMatch(/nothing was written/);
    expect(await tagsOf(target)).toEqual([]);
    expect(await catalog()).not.toContain(target);
    expect(await snapshot(cfg.dir)).toEqual(cfgBefore);
    expect(await readHomeConfig()).toBe(homeBefore);
  });
});
