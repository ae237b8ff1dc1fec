/**
 * The registry client against a fake distribution server on 127.0.0.1:
 * the Basic and Bearer auth flows, NAME_UNKNOWN as "no tags yet",
 * pagination, retried transient faults (Retry-After honoured) and
 * permanent ones failing at once without leaking the password.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { RegistryClient, parseChallenge } from '../../src/registry/client.js';
import { sha256Digest as sha256 } from '../../src/shared/digest.js';
import { newRetryStats, type RetryPolicy } from '../../src/registry/retry.js';
import { BcError } from '../../src/errors.js';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, body: Buffer) => void;
const servers: http.Server[] = [];

async function serve(handler: Handler): Promise<{ host: string; log: string[] }> {
  const log: string[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      log.push(`${req.method} ${req.url} ${req.headers.authorization ?? '-'}`);
      handler(req, res, Buffer.concat(chunks));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  servers.push(server);
  return { host: `127.0.0.1:${(server.address() as AddressInfo).port}`, log };
}

afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise<void>((r) => s.close(() => r()));
});

const fast: RetryPolicy = { attempts: 5, baseMs: 1, capMs: 5, maxRetryAfterMs: 2000 };
const json = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));

describe('parseChallenge', () => {
  it('reads Bearer params (quoted, with commas in scope)', () => {
    expect(parseChallenge('Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:a/b:pull,push"')).toEqual({
      scheme: 'bearer',
      params: { realm: 'https://auth.docker.io/token', service: 'registry.docker.io', scope: 'repository:a/b:pull,push' },
    });
    expect(parseChallenge('Basic realm="reg"').scheme).toBe('basic');
  });
});

describe('RegistryClient', () => {
  it('Basic auth (htpasswd registries): 401 → retried with credentials', async () => {
    const good = `Basic ${Buffer.from('u:pw').toString('base64')}`;
    const { host, log } = await serve((req, res) => {
      if (req.headers.authorization !== good) return json(res, 401, { errors: [{ code: 'UNAUTHORIZED' }] }, { 'www-authenticate': 'Basic realm="test"' });
      if (req.url?.startsWith('/v2/a/tags/list')) return json(res, 200, { name: 'a', tags: ['1.0.0', 'latest'] });
      json(res, 200, {});
    });
    const c = new RegistryClient(host, { credentials: { username: 'u', password: 'pw', source: 'test' }, retry: fast });
    await c.ping();
    expect(await c.listTags('a')).toEqual(['1.0.0', 'latest']);
    // after the first challenge, credentials are sent up front
    expect(log.filter((l) => l.endsWith(' -'))).toHaveLength(1);
  });

  it('Bearer tokens from the realm, per scope', async () => {
    let tokenRequests = 0;
    const { host } = await serve((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/token') {
        tokenRequests++;
        expect(req.headers.authorization).toBe(`Basic ${Buffer.from('u:pw').toString('base64')}`);
        return json(res, 200, { token: `tok:${url.searchParams.get('scope') ?? ''}` });
      }
      const scope = url.pathname.includes('/a/') ? 'repository:a:pull' : '';
      if (req.headers.authorization !== `Bearer tok:${scope}`) {
        return json(res, 401, { errors: [{ code: 'UNAUTHORIZED' }] }, { 'www-authenticate': `Bearer realm="http://${req.headers.host}/token",service="test"` });
      }
      if (url.pathname === '/v2/a/tags/list') return json(res, 200, { tags: ['2.0.0'] });
      json(res, 200, {});
    });
    const c = new RegistryClient(host, { credentials: { username: 'u', password: 'pw', source: 'test' }, retry: fast });
    expect(await c.listTags('a')).toEqual(['2.0.0']);
    expect(await c.listTags('a')).toEqual(['2.0.0']);
    expect(tokenRequests).toBe(1);
  });

  it('NAME_UNKNOWN on tags/list is an empty repository, not an error', async () => {
    const { host } = await serve((_req, res) => json(res, 404, { errors: [{ code: 'NAME_UNKNOWN', message: 'repository name not known to registry' }] }));
    expect(await new RegistryClient(host, { retry: fast }).listTags('nope')).toEqual([]);
  });

  it('follows Link pagination', async () => {
    const { host } = await serve((req, res) => {
      if (req.url === '/v2/a/tags/list?n=1000') return json(res, 200, { tags: ['1.0.0'] }, { link: '</v2/a/tags/list?n=1000&last=1.0.0>; rel="next"' });
      json(res, 200, { tags: ['1.1.0'] });
    });
    expect(await new RegistryClient(host, { retry: fast }).listTags('a')).toEqual(['1.0.0', '1.1.0']);
  });

  it('retries 503, 429 (honouring Retry-After) and dropped connections, counting them', async () => {
    let n = 0;
    const { host } = await serve((req, res) => {
      n++;
      if (n === 1) return json(res, 503, { errors: [{ code: 'UNAVAILABLE' }] });
      if (n === 2) return json(res, 429, { errors: [{ code: 'TOOMANYREQUESTS' }] }, { 'retry-after': '1' });
      if (n === 3) return req.socket.destroy();
      json(res, 200, { tags: ['1.0.0'] });
    });
    const stats = newRetryStats();
    const t0 = Date.now();
    expect(await new RegistryClient(host, { retry: fast, stats }).listTags('a')).toEqual(['1.0.0']);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
    expect(stats.total).toBe(3);
    expect(Object.keys(stats.retried).sort()).toEqual(['HTTP 429 too many requests', 'HTTP 503', 'connection dropped']);
  });

  it('wrong credentials: exit 3 at once, no retry, no password in the message', async () => {
    let n = 0;
    const { host } = await serve((_req, res) => {
      n++;
      json(res, 401, { errors: [{ code: 'UNAUTHORIZED' }] }, { 'www-authenticate': 'Basic realm="test"' });
    });
    const err = await new RegistryClient(host, { credentials: { username: 'u', password: 'hunter2-secret', source: '--password-stdin' }, retry: fast })
      .ping()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BcError);
    expect((err as BcError).exitCode).toBe(3);
    expect((err as BcError).message).toMatch(/refused the credentials/);
    expect(JSON.stringify({ m: (err as BcError).message, d: (err as BcError).details })).not.toContain('hunter2-secret');
    expect(n).toBe(2); // the anonymous try and one authenticated try
  });

  it('MANIFEST_INVALID fails at once', async () => {
    let n = 0;
    const { host } = await serve((_req, res) => {
      n++;
      json(res, 400, { errors: [{ code: 'MANIFEST_INVALID' }] });
    });
    await expect(new RegistryClient(host, { retry: fast }).putManifest('a', 'x', { bytes: Buffer.from('{}'), mediaType: 'application/json' })).rejects.toThrow(/MANIFEST_INVALID/);
    expect(n).toBe(1);
  });

  it('getManifest checks the digest of what it read', async () => {
    const body = Buffer.from('{"schemaVersion":2}');
    const { host } = await serve((_req, res) => res.writeHead(200, { 'content-type': 'application/vnd.oci.image.index.v1+json' }).end(body));
    const c = new RegistryClient(host, { retry: fast });
    expect((await c.getManifest('a', sha256(body)))?.digest).toBe(sha256(body));
    await expect(c.getManifest('a', `sha256:${'0'.repeat(64)}`)).rejects.toThrow(/whose digest is/);
  });
  it('cross-repository mount asks one token for push on the target and pull on the source', async () => {
    const scopes: string[][] = [];
    const { host } = await serve((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/token') {
        scopes.push(url.searchParams.getAll('scope'));
        return json(res, 200, { access_token: 'tok' });
      }
      if (req.headers.authorization !== 'Bearer tok') return json(res, 401, {}, { 'www-authenticate': `Bearer realm="http://${req.headers.host}/token",service="t"` });
      if (req.method === 'POST' && url.searchParams.get('from') === 'library/base') return res.writeHead(201, { location: `/v2/a/blobs/${url.searchParams.get('mount')}` }).end();
      res.writeHead(404).end();
    });
    const c = new RegistryClient(host, { retry: fast });
    expect(await c.mountBlob('a', `sha256:${'1'.repeat(64)}`, 'library/base')).toBe(true);
    expect(scopes).toEqual([['repository:a:pull,push', 'repository:library/base:pull']]);
  });
});

describe('insufficientScope: a Bearer refusal that names the scope the token lacks', () => {
  it('names the scope from the challenge, else the one asked for; any other refusal is not one', async () => {
    const { insufficientScope } = await import('../../src/registry/auth.js');
    expect(insufficientScope('Bearer realm="http://t/token",service="s",scope="repository:a/b:pull,push",error="insufficient_scope"', 'x')).toBe('repository:a/b:pull,push');
    expect(insufficientScope('Bearer realm="http://t/token",error="insufficient_scope"', 'repository:a/b:push')).toBe('repository:a/b:push');
    expect(insufficientScope('Bearer realm="http://t/token",service="s",error="invalid_token"', 'x')).toBeUndefined();
    expect(insufficientScope('Basic realm="r"', 'x')).toBeUndefined();
    expect(insufficientScope('', 'x')).toBeUndefined();
  });
});
