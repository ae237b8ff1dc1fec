/**
 * Registry credentials, the parts every command shares: which combinations
 * of a login make credentials (explicitCredentials), the login flags
 * (loginFromFlags: the password comes from stdin only), the private docker
 * config the tools get (the user's own is never written), and doctor's
 * login check — one authenticated request against a local HTTP server
 * answering 401 + WWW-Authenticate: Basic, then 200.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { lstat, mkdir, mkdtemp, readdir, readFile, readlink, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { explicitCredentials, privateConfigJson, resolveCredentials, storedCredentials, toolAuth } from '../../src/registry/credentials.js';
import { loginFromFlags } from '../../src/commands/common.js';
import { checkRegistryLogin } from '../../src/core/doctor.js';
import { runCleanups } from '../../src/cleanup.js';
import { BcError } from '../../src/errors.js';

const basic = (u: string, p: string) => `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`;

async function thrown(p: Promise<unknown> | (() => unknown)): Promise<BcError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    if (e instanceof BcError) return e;
    throw e;
  }
  throw new Error('expected a BcError');
}

/** Every file under a directory, with its bytes (symlinks as their target): what "unchanged" means. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (d: string) => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isSymbolicLink()) out[p] = `-> ${await readlink(p)}`;
      else if (e.isDirectory()) {
        out[`${p}/`] = '';
        await walk(p);
      } else out[p] = await readFile(p, 'utf8');
    }
  };
  await walk(dir);
  return out;
}

let work = '';
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'bc-credentials-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('explicitCredentials: which logins make credentials', () => {
  const noEnv = {};
  it.each([
    ['username + password', { username: 'u', password: 'p', env: noEnv }, { username: 'u', password: 'p', source: 'the given password' }],
    ['username + BUILD_CONNECTOR_PASSWORD', { username: 'u', env: { BUILD_CONNECTOR_PASSWORD: 'e' } }, { username: 'u', password: 'e', source: 'BUILD_CONNECTOR_PASSWORD' }],
    ['BUILD_CONNECTOR_USERNAME + password', { password: 'p', env: { BUILD_CONNECTOR_USERNAME: 'eu' } }, { username: 'eu', password: 'p', source: 'the given password' }],
    ['both from the environment', { env: { BUILD_CONNECTOR_USERNAME: 'eu', BUILD_CONNECTOR_PASSWORD: 'e' } }, { username: 'eu', password: 'e', source: 'BUILD_CONNECTOR_PASSWORD' }],
    ['the given password wins over BUILD_CONNECTOR_PASSWORD', { username: 'u', password: 'p', env: { BUILD_CONNECTOR_PASSWORD: 'e' } }, { username: 'u', password: 'p', source: 'the given password' }],
    ['nothing: the docker config decides', { env: noEnv }, undefined],
    ['only BUILD_CONNECTOR_PASSWORD: the docker config decides', { env: { BUILD_CONNECTOR_PASSWORD: 'e' } }, undefined],
    ['empty variables count as unset', { env: { BUILD_CONNECTOR_USERNAME: '', BUILD_CONNECTOR_PASSWORD: '' } }, undefined],
  ])('%s', (_name, input, want) => {
    expect(explicitCredentials(input)).toEqual(want);
  });

  it('a password without any username is bad input naming the username', async () => {
    const e = await thrown(() => explicitCredentials({ password: 'p', env: noEnv }));
    expect(e.exitCode).toBe(2);
    expect(e.message).toBe('a password was given without a username');
    expect(e.details.join('\n')).toMatch(/--username or BUILD_CONNECTOR_USERNAME/);
  });

  it('a username without any password is bad input saying how to give one', async () => {
    const e = await thrown(() => explicitCredentials({ username: 'alice', env: noEnv }));
    expect(e.exitCode).toBe(2);
    expect(e.message).toBe('username alice given without a password');
    expect(e.details.join('\n')).toMatch(/--password-stdin, or BUILD_CONNECTOR_PASSWORD/);
  });
});

describe("a base image's registry gets the docker config's login only", () => {
  it('BUILD_CONNECTOR_USERNAME / _PASSWORD (the publish login) are not used for another registry', async () => {
    const cfgDir = join(work, 'stored-docker-config');
    await mkdir(cfgDir, { recursive: true });
    await writeFile(join(cfgDir, 'config.json'), JSON.stringify({ auths: { 'mirror.example:5000': { auth: Buffer.from('bob:mirror-pw').toString('base64') } } }));
    const env = { DOCKER_CONFIG: cfgDir, BUILD_CONNECTOR_USERNAME: 'ci', BUILD_CONNECTOR_PASSWORD: 'publish-secret' };
    // the publish target: the given login wins
    expect(await resolveCredentials('registry.example', { env })).toMatchObject({ username: 'ci', password: 'publish-secret' });
    // a base on Docker Hub: anonymous; a base on the mirror: what docker login stored for it
    expect(await storedCredentials('docker.io', env)).toBeUndefined();
    expect(await storedCredentials('registry.example', env)).toBeUndefined();
    expect(await storedCredentials('mirror.example:5000', env)).toMatchObject({ username: 'bob', password: 'mirror-pw' });
  });
});

describe('loginFromFlags: --username and --password-stdin', () => {
  const stdin = (text: string) => Readable.from([Buffer.from(text)]);
  const env = { BUILD_CONNECTOR_USERNAME: '', BUILD_CONNECTOR_PASSWORD: '' };

  it('reads the password from stdin, dropping one trailing newline only', async () => {
    await expect(loginFromFlags({ username: 'u', passwordStdin: true }, { env, stdin: stdin('  s3cret \n') })).resolves.toEqual({ username: 'u', password: '  s3cret ' });
    await expect(loginFromFlags({ username: 'u', passwordStdin: true }, { env, stdin: stdin('a\n\n') })).resolves.toEqual({ username: 'u', password: 'a\n' });
  });

  it('no flags: no login (the flow falls back to BUILD_CONNECTOR_* and the docker config)', async () => {
    await expect(loginFromFlags({}, { env })).resolves.toEqual({ username: undefined, password: undefined });
  });

  it('--password-stdin without a username: exit 2 naming both flags, stdin not even read', async () => {
    let read = false;
    const spy = new Readable({
      read() {
        read = true;
        this.push(null);
      },
    });
    const e = await thrown(loginFromFlags({ passwordStdin: true }, { env, stdin: spy }));
    expect(e.exitCode).toBe(2);
    expect(e.message).toBe('--password-stdin: a password was given without a username');
    expect(e.details.join('\n')).toContain('--username');
    expect(read).toBe(false);
  });

  it('--password-stdin with BUILD_CONNECTOR_USERNAME is a login', async () => {
    await expect(loginFromFlags({ passwordStdin: true }, { env: { BUILD_CONNECTOR_USERNAME: 'eu' }, stdin: stdin('p') })).resolves.toEqual({ username: undefined, password: 'p' });
  });

  it('an empty stdin is exit 2 naming --password-stdin', async () => {
    const e = await thrown(loginFromFlags({ username: 'u', passwordStdin: true }, { env, stdin: stdin('\n') }));
    expect(e.exitCode).toBe(2);
    expect(e.message).toBe('--password-stdin: nothing was given on stdin');
  });

  it('--username without a password anywhere: exit 2 before any work', async () => {
    const e = await thrown(loginFromFlags({ username: 'alice' }, { env }));
    expect(e.exitCode).toBe(2);
    expect(e.message).toBe('username alice given without a password');
  });
});

describe('the private docker config the tools get', () => {
  const creds = { username: 'bob', password: 'pw:with:colons', source: 'the given password' };
  afterEach(async () => {
    await runCleanups();
  });

  it('keeps the user settings, drops every credential of theirs, holds ours for this registry only', () => {
    const user = JSON.stringify({
      auths: { 'other.io': { auth: 'b3RoZXI6c2VjcmV0' } },
      credHelpers: { 'gcr.io': 'gcloud' },
      credsStore: 'desktop',
      currentContext: 'remote',
      proxies: { default: { httpProxy: 'http://proxy:3128' } },
    });
    const cfg = JSON.parse(privateConfigJson(user, 'localhost:5001', creds)) as Record<string, unknown>;
    expect(cfg).toEqual({
      currentContext: 'remote',
      proxies: { default: { httpProxy: 'http://proxy:3128' } },
      auths: { 'localhost:5001': { auth: Buffer.from('bob:pw:with:colons').toString('base64') } },
    });
  });

  it('Docker Hub credentials go under every key docker, buildx and cosign look up', () => {
    const cfg = JSON.parse(privateConfigJson(undefined, 'docker.io', creds)) as { auths: Record<string, unknown> };
    expect(Object.keys(cfg.auths).sort()).toEqual(['docker.io', 'https://index.docker.io/v1/', 'index.docker.io', 'registry-1.docker.io']);
  });

  it('an unreadable user config: our credentials alone', () => {
    expect(JSON.parse(privateConfigJson('{not json', 'r.io', creds))).toEqual({ auths: { 'r.io': { auth: Buffer.from('bob:pw:with:colons').toString('base64') } } });
  });

  it('toolAuth: a 0700 directory with a 0600 config.json, the user contexts/ and cli-plugins/ linked, the user dir untouched, removed at the end', async () => {
    const user = join(work, 'user-docker');
    await mkdir(join(user, 'contexts', 'meta'), { recursive: true });
    await mkdir(join(user, 'cli-plugins'), { recursive: true });
    await writeFile(join(user, 'config.json'), JSON.stringify({ auths: { 'localhost:5001': { auth: basic('old', 'old').slice(6) } }, currentContext: 'ctx' }));
    const before = await snapshot(user);
    const t = await toolAuth('localhost:5001', creds, { DOCKER_CONFIG: user });
    if (!t) throw new Error('expected a private config');
    expect((await stat(t.dir)).mode & 0o777).toBe(0o700);
    expect((await stat(join(t.dir, 'config.json'))).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(join(t.dir, 'config.json'), 'utf8'))).toEqual({ currentContext: 'ctx', auths: { 'localhost:5001': { auth: basic('bob', 'pw:with:colons').slice(6) } } });
    expect(await readlink(join(t.dir, 'contexts'))).toBe(join(user, 'contexts'));
    expect(await readlink(join(t.dir, 'cli-plugins'))).toBe(join(user, 'cli-plugins'));
    expect(t.env).toEqual({ DOCKER_CONFIG: t.dir, BUILDX_CONFIG: join(user, 'buildx') });
    expect(await snapshot(user)).toEqual(before);
    await runCleanups();
    await expect(lstat(t.dir)).rejects.toThrow(/ENOENT/);
  });

  it('toolAuth without credentials: none (the tools read the user config themselves)', async () => {
    await expect(toolAuth('localhost:5001', undefined, { DOCKER_CONFIG: join(work, 'nowhere') })).resolves.toBeUndefined();
  });
});

describe("doctor's login check: one authenticated GET /v2/, no docker login", () => {
  let server: http.Server;
  let registry = '';
  const seen: { path: string; auth: string | undefined }[] = [];
  let mode: 'basic' | 'open' = 'basic';

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      seen.push({ path: req.url ?? '', auth: req.headers.authorization });
      if (mode === 'open' || req.headers.authorization === basic('alice', 'right-password')) {
        res.writeHead(200, { 'content-type': 'application/json', 'docker-distribution-api-version': 'registry/2.0' }).end('{}');
        return;
      }
      res.writeHead(401, { 'www-authenticate': 'Basic realm="test registry"', 'content-type': 'application/json' }).end('{"errors":[{"code":"UNAUTHORIZED"}]}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    registry = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  });
  afterEach(() => {
    seen.length = 0;
    mode = 'basic';
  });

  const reach = { ok: true as const, status: 401, auth: true };

  it('the right password: 401 + Basic challenge, then 200 with the Basic header → ok', async () => {
    const item = await checkRegistryLogin(registry, reach, { username: 'alice', password: 'right-password', source: 'the given password' });
    expect(item).toEqual({ id: 'registry-login', status: 'ok', detail: `${registry} accepts alice (credentials from the given password)` });
    expect(seen).toEqual([
      { path: '/v2/', auth: undefined },
      { path: '/v2/', auth: basic('alice', 'right-password') },
    ]);
  });

  it('a wrong password: missing, says refused (HTTP 401) and how to fix it, never shows the password', async () => {
    const item = await checkRegistryLogin(registry, reach, { username: 'alice', password: 'wrong-7f3a', source: 'the given password' });
    expect(item).toMatchObject({ id: 'registry-login', status: 'missing', detail: `${registry} refused alice (credentials from the given password) (HTTP 401)` });
    expect(item?.fix).toMatch(/--password-stdin/);
    expect(JSON.stringify(item)).not.toContain('wrong-7f3a');
    // refused once, not retried
    expect(seen.length).toBe(2);
  });

  it('a registry that answers without a login: ok, and says the credentials were not needed', async () => {
    mode = 'open';
    const item = await checkRegistryLogin(registry, { ok: true, status: 200, auth: false }, { username: 'alice', password: 'x', source: 'the given password' });
    expect(item).toMatchObject({ status: 'ok', detail: expect.stringMatching(/answers without a login/) });
    expect(seen.every((s) => s.auth === undefined)).toBe(true);
  });

  it('no credentials at a registry that wants some: a warning naming the flags', async () => {
    const item = await checkRegistryLogin(registry, reach, undefined);
    expect(item).toMatchObject({ id: 'registry-login', status: 'warn', detail: `${registry} requires a login and no credentials were given` });
    expect(item?.fix).toMatch(/--username U with --password-stdin/);
    expect(seen).toEqual([]);
  });

  it('no credentials at an open registry: nothing to report', async () => {
    await expect(checkRegistryLogin(registry, { ok: true, status: 200, auth: false }, undefined)).resolves.toBeUndefined();
  });

  it('an unreachable registry: the login is skipped, not reported as refused', async () => {
    const item = await checkRegistryLogin('127.0.0.1:1', { ok: false, reason: 'connection refused' }, { username: 'alice', password: 'x', source: 'the given password' });
    expect(item).toMatchObject({ status: 'skip', detail: 'login as alice (credentials from the given password) not checked: 127.0.0.1:1 does not answer' });
  });

  it('a registry that stops answering between the probe and the login: missing, unreachable (not "refused"), with the fix', async () => {
    const gone = http.createServer();
    await new Promise<void>((r) => gone.listen(0, '127.0.0.1', r));
    const port = (gone.address() as AddressInfo).port;
    await new Promise<void>((r) => gone.close(() => r()));
    const item = await checkRegistryLogin(`127.0.0.1:${port}`, reach, { username: 'alice', password: 'x', source: 'the given password' }, { timeoutMs: 2_000 });
    expect(item).toMatchObject({ status: 'missing', detail: expect.stringMatching(/^could not check the login as alice .*connection refused/) });
    expect(item?.detail).not.toMatch(/refused alice/);
    expect(item?.fix).toMatch(/reachable/);
  });

  it('credentials from the docker config: accepted, and the docker config dir is exactly as it was', async () => {
    const cfgDir = join(work, 'doctor-docker-config');
    await mkdir(cfgDir, { recursive: true });
    await writeFile(join(cfgDir, 'config.json'), JSON.stringify({ auths: { [registry]: { auth: basic('alice', 'right-password').slice(6) } } }));
    const before = await snapshot(cfgDir);
    const env = { DOCKER_CONFIG: cfgDir };
    const creds = await resolveCredentials(registry, { env });
    const item = await checkRegistryLogin(registry, reach, creds);
    expect(item).toMatchObject({ status: 'ok', detail: `${registry} accepts alice (credentials from docker config)` });
    expect(await snapshot(cfgDir)).toEqual(before);
  });

  it('an empty DOCKER_CONFIG stays empty through a login check with given credentials', async () => {
    const cfgDir = join(work, 'doctor-empty-config');
    await mkdir(cfgDir, { recursive: true });
    const saved = process.env.DOCKER_CONFIG;
    process.env.DOCKER_CONFIG = cfgDir;
    try {
      const creds = await resolveCredentials(registry, { username: 'alice', password: 'right-password' });
      expect((await checkRegistryLogin(registry, reach, creds))?.status).toBe('ok');
      expect((await checkRegistryLogin(registry, reach, { username: 'alice', password: 'nope', source: 'the given password' }))?.status).toBe('missing');
    } finally {
      if (saved === undefined) delete process.env.DOCKER_CONFIG;
      else process.env.DOCKER_CONFIG = saved;
    }
    expect(await readdir(cfgDir)).toEqual([]);
  });
});
