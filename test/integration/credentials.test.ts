/**
 * The login flags on every command that talks to a registry, against the
 * loopback htpasswd registry (AUTH_REGISTRY): digest-record, merge, verify
 * REF --sbom and doctor --registry with --username/--password-stdin. The
 * children run with a docker config that holds no credentials at all, so
 * only the flags can make them succeed; a wrong password exits 3 and is never
 * printed; no command writes the docker config (doctor's login check is one
 * authenticated request, not `docker login`).
 */
import { cp, lstat, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { AUTH_PASSWORD, AUTH_REGISTRY, AUTH_USER, describeEngine } from '../support/engine.js';
import { hasStackTrace, repoRoot, runCli, type CliResult } from '../support/cli.js';
import { ensureExampleBases } from '../support/examples.js';
import { credentiallessDockerConfig, snapshot, type BareDockerConfig } from '../support/docker-config.js';
import { deleteRepository } from '../support/registry.js';
import { DigestRecordSchema } from '../../src/monorepo/digest-record.js';

const STAMP = `${process.pid}${Date.now().toString(36)}`;
const WRONG = 'wrong-pass-c0ffee42';
const AUTH = { username: AUTH_USER, password: AUTH_PASSWORD };
const authHeader = `Basic ${Buffer.from(`${AUTH_USER}:${AUTH_PASSWORD}`).toString('base64')}`;
const ACCEPT = 'application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json';

/** The tags of a repository of the htpasswd registry, read with the test's own login. */
async function tagsOf(repo: string): Promise<string[]> {
  const res = await fetch(`http://${AUTH_REGISTRY}/v2/${repo}/tags/list`, { headers: { authorization: authHeader } });
  if (res.status === 404) return [];
  return (((await res.json()) as { tags?: string[] | null }).tags ?? []).sort();
}

describeEngine('credentials on every registry command (htpasswd registry)', () => {
  let work = '';
  let dir = '';
  let base = '';
  /** a docker config without any credentials: what the children see */
  let cfg: BareDockerConfig = { dir: '', env: {} };
  let cfgBefore: Record<string, string> = {};
  const repos: string[] = [];
  const repo = (name: string) => {
    const r = `bc-cred/${STAMP}/${name}`;
    repos.push(r);
    return r;
  };

  beforeAll(async () => {
    base = (await ensureExampleBases(inject('roots'))).python;
    work = await mkdtemp(join(tmpdir(), 'bc-credentials-'));
    dir = join(work, 'source-hello');
    await cp(join(repoRoot, 'examples', 'source-hello'), dir, { recursive: true });
    // The engine and the plugins stay those of the user's config; its credentials do not come along.
    cfg = await credentiallessDockerConfig(work);
    cfgBefore = await snapshot(cfg.dir);
  });
  afterAll(async () => {
    for (const r of repos) await deleteRepository(AUTH_REGISTRY, r, AUTH).catch(() => 0);
    if (work) await rm(work, { recursive: true, force: true });
  });

  /** The CLI with the credential-less docker config (buildx keeps the suite's builders). */
  const cli = async (args: string[], o: { input?: string; env?: Record<string, string> } = {}): Promise<CliResult> => {
    const r = await runCli(args, {
      env: {
        ...cfg.env,
        ...o.env,
      },
      ...(o.input !== undefined ? { input: o.input } : {}),
    });
    expect(hasStackTrace(r.stdout + r.stderr), r.stderr.slice(-1500)).toBe(false);
    return r;
  };
  const login = ['--username', AUTH_USER, '--password-stdin'];

  it('digest-record and merge log in with --username/--password-stdin; a wrong password exits 3 before the build, never printed', async () => {
    const target = repo('source-hello');
    const common = ['--registry', AUTH_REGISTRY, '--repository', target];
    const out = join(work, 'digest-source-hello-amd64.json');
    const record = ['digest-record', dir, '--platform', 'linux/amd64', ...common, '--base-image', base, '--out', out];

    const bad = await cli([...record, ...login], { input: `${WRONG}\n` });
    expect(bad.exitCode, bad.stderr.slice(-1500)).toBe(3);
    expect(bad.stderr).toMatch(/^error: .*(refused the credentials|credentials were refused)/m);
    expect(bad.stdout + bad.stderr).not.toContain(WRONG);
    // refused in the preflight: no build ran, no record was written
    expect(bad.stderr).not.toMatch(/#\d+ \[/);
    await expect(lstat(out)).rejects.toThrow(/ENOENT/);

    const ok = await cli([...record, ...login], { input: `${AUTH_PASSWORD}\n` });
    expect(ok.exitCode, ok.stderr.slice(-2000)).toBe(0);
    expect(ok.stdout + ok.stderr).not.toContain(AUTH_PASSWORD);
    const rec = DigestRecordSchema.parse(JSON.parse(await readFile(out, 'utf8')));
    expect(rec.verify.ok).toBe(true);
    expect(rec.ref).toBe(`${AUTH_REGISTRY}/${target}@${rec.digest}`);
    expect(await tagsOf(target)).toEqual([]);

    const merge = ['--json', 'merge', dir, '--digests', out, '--platform', 'linux/amd64', ...common];
    // without a login the registry refuses: the docker config really holds no credentials
    const anonymous = await cli(merge);
    expect(anonymous.exitCode).toBe(3);
    expect(anonymous.stderr).toMatch(/requires a login and no credentials were found/);

    const wrongMerge = await cli([...merge, ...login], { input: WRONG });
    expect(wrongMerge.exitCode).toBe(3);
    expect(wrongMerge.stdout + wrongMerge.stderr).not.toContain(WRONG);
    expect(await tagsOf(target)).toEqual([]);

    const merged = await cli([...merge, ...login], { input: AUTH_PASSWORD });
    expect(merged.exitCode, merged.stderr.slice(-2000)).toBe(0);
    expect(merged.stdout + merged.stderr).not.toContain(AUTH_PASSWORD);
    expect((JSON.parse(merged.stdout) as { status: string }).status).toBe('published');
    expect(await tagsOf(target)).toEqual(['0.1.0', 'latest']);

    expect(await snapshot(cfg.dir)).toEqual(cfgBefore);
  });

  it('verify REF --sbom reads the image, its referrers and the SBOM with --username/--password-stdin; a wrong password exits 3, never printed', async () => {
    const target = repo('sbom');
    const published = await cli(['--json', 'publish', dir, '--base-image', base, '--registry', AUTH_REGISTRY, '--repository', target, '--platform', 'linux/amd64', '--sbom', ...login], {
      input: AUTH_PASSWORD,
    });
    expect(published.exitCode, published.stderr.slice(-2000)).toBe(0);
    const head = await fetch(`http://${AUTH_REGISTRY}/v2/${target}/manifests/0.1.0`, { method: 'HEAD', headers: { accept: ACCEPT, authorization: authHeader } });
    const ref = `${AUTH_REGISTRY}/${target}@${head.headers.get('docker-content-digest') ?? ''}`;
    const verify = ['--json', 'verify', ref, '--platform', 'linux/amd64', '--sbom'];

    const ok = await cli([...verify, ...login], { input: AUTH_PASSWORD });
    expect(ok.exitCode, ok.stdout.slice(-2000)).toBe(0);
    const checks = (JSON.parse(ok.stdout) as { checks: { id: string; platform: string; status: string }[] }).checks;
    expect(checks.filter((c) => c.id === 'sbom').map((c) => `${c.platform} ${c.status}`)).toEqual(['linux/amd64 pass']);
    expect(ok.stdout + ok.stderr).not.toContain(AUTH_PASSWORD);

    const bad = await cli([...verify, ...login], { input: WRONG });
    expect(bad.exitCode).toBe(3);
    expect(bad.stdout + bad.stderr).not.toContain(WRONG);

    // the same command without a login cannot read the image
    const anonymous = await cli(verify);
    expect(anonymous.exitCode).not.toBe(0);

    expect(await snapshot(cfg.dir)).toEqual(cfgBefore);
  });

  it('doctor --registry checks the login with one authenticated request and leaves DOCKER_CONFIG untouched', async () => {
    const doctorCfg = join(work, 'doctor-config');
    await mkdir(doctorCfg);
    await writeFile(join(doctorCfg, 'config.json'), '{"auths":{}}\n');
    // buildx keeps its own state apart from the docker config under test
    const buildxState = join(work, 'doctor-buildx');
    await mkdir(buildxState);
    const before = await snapshot(doctorCfg);
    const doctor = (extra: string[], o: { input?: string; env?: Record<string, string> }) =>
      cli(['--json', 'doctor', '--registry', AUTH_REGISTRY, '--platform', 'linux/amd64', ...extra], { ...o, env: { DOCKER_CONFIG: doctorCfg, BUILDX_CONFIG: buildxState, ...o.env } });
    const loginItem = (r: CliResult) => (JSON.parse(r.stdout) as { items: { id: string; status: string; detail: string }[] }).items.find((i) => i.id === 'registry-login');

    const ok = await doctor(login, { input: AUTH_PASSWORD });
    expect(loginItem(ok), ok.stdout).toMatchObject({ status: 'ok', detail: `${AUTH_REGISTRY} accepts ${AUTH_USER} (credentials from the given password)` });
    expect(ok.stdout + ok.stderr).not.toContain(AUTH_PASSWORD);

    const bad = await doctor(login, { input: WRONG });
    expect(bad.exitCode).toBe(3);
    expect(loginItem(bad)).toMatchObject({ status: 'missing', detail: expect.stringMatching(/refused bc-test .*HTTP 401/) });
    expect(bad.stdout + bad.stderr).not.toContain(WRONG);

    const none = await doctor([], {});
    expect(loginItem(none)).toMatchObject({ status: 'warn', detail: `${AUTH_REGISTRY} requires a login and no credentials were given` });

    expect(await snapshot(doctorCfg)).toEqual(before);

    // credentials docker login left earlier: read, checked, and the file is not rewritten
    await writeFile(join(doctorCfg, 'config.json'), JSON.stringify({ auths: { [AUTH_REGISTRY]: { auth: authHeader.slice('Basic '.length) } } }));
    const saved = await snapshot(doctorCfg);
    const fromConfig = await doctor([], {});
    expect(loginItem(fromConfig)).toMatchObject({ status: 'ok', detail: `${AUTH_REGISTRY} accepts ${AUTH_USER} (credentials from docker config)` });
    expect(await snapshot(doctorCfg)).toEqual(saved);
  });
});
