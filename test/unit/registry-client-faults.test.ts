/**
 * The registry client's answers to misbehaving registries, against fake
 * distribution servers on 127.0.0.1 (the real-registry cases are in
 * test/integration/registry-faults.test.ts): redirects replayed with the
 * body and without credentials on another origin, a 401 mid-upload retried
 * once with a new token and refused the second time, DIGEST_INVALID retried
 * only when the local bytes are right, and what is transient.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { RegistryClient } from '../../src/registry/client.js';
import { sha256Digest as sha256 } from '../../src/shared/digest.js';
import { classifyError, newRetryStats, TransientFault, RegistryHttpError, type RetryPolicy } from '../../src/registry/retry.js';
import { readBack, type ApplyContext } from '../../src/publish/apply.js';
import { BcError } from '../../src/errors.js';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, body: Buffer) => void;
const servers: http.Server[] = [];
async function serve(handler: Handler, host = '127.0.0.1'): Promise<{ host: string; log: string[] }> {
  const log: string[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      log.push(`${req.method} ${req.url} ${req.headers.authorization ?? '-'} ${Buffer.concat(chunks).length}`);
      handler(req, res, Buffer.concat(chunks));
    });
  });
  await new Promise<void>((r) => server.listen(0, host, r));
  servers.push(server);
  return { host: `${host}:${(server.address() as AddressInfo).port}`, log };
}
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise<void>((r) => s.close(() => r()));
});
const fast: RetryPolicy = { attempts: 5, baseMs: 1, capMs: 5, maxRetryAfterMs: 100 };
const json = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
const BLOB = Buffer.from('hello blob bytes');
const D = sha256(BLOB);
const stream = (b: Buffer) => () => new ReadableStream<Uint8Array>({ start: (c) => (c.enqueue(new Uint8Array(b)), c.close()) });
const creds = { username: 'u', password: 'pw-secret', source: 'test' };
const BASIC = `Basic ${Buffer.from('u:pw-secret').toString('base64')}`;

describe('what is transient', () => {
  it.each([
    [new TransientFault('x', 'HTTP 401 mid-push, new token'), 'transient'],
    [new TransientFault('x', 'blob damaged in transit'), 'transient'],
    [new RegistryHttpError('x', 400, ['DIGEST_INVALID']), 'permanent'],
    [new RegistryHttpError('x', 401, ['UNAUTHORIZED']), 'permanent'],
    [new RegistryHttpError('x', 404, ['MANIFEST_UNKNOWN']), 'permanent'],
  ])('%s → %s', (err, kind) => expect(classifyError(err).kind).toBe(kind));
});

describe('uploads', () => {
  it('a 307 on the PUT to another host: followed with the body again, no credentials sent there', async () => {
    const store = await serve((_req, res, body) => {
      expect(body.equals(BLOB)).toBe(true);
      res.writeHead(201).end();
    });
    const { host } = await serve((req, res) => {
      if (req.headers.authorization !== BASIC) return json(res, 401, {}, { 'www-authenticate': 'Basic realm="r"' });
      if (req.method === 'POST') return res.writeHead(202, { location: `/v2/a/blobs/uploads/u1` }).end();
      if (req.method === 'PUT') return res.writeHead(307, { location: `http://${store.host}/bucket/obj?sig=1` }).end();
      json(res, 200, {});
    });
    await new RegistryClient(host, { credentials: creds, retry: fast }).uploadBlob('a', D, BLOB.length, stream(BLOB));
    expect(store.log).toEqual([`PUT /bucket/obj?sig=1 - ${BLOB.length}`]);
  });

  it('a 401 mid-upload: one new token and a new session; a second 401 is exit 3', async () => {
    let puts = 0;
    const { host, log } = await serve((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/token') return json(res, 200, { token: `t${log.length}` });
      if (!req.headers.authorization?.startsWith('Bearer ')) return json(res, 401, {}, { 'www-authenticate': `Bearer realm="http://${req.headers.host}/token",service="s"` });
      if (req.method === 'POST') return res.writeHead(202, { location: `/v2/a/blobs/uploads/u${log.length}` }).end();
      puts++;
      if (puts <= 3) return json(res, 401, { errors: [{ code: 'UNAUTHORIZED' }] }, { 'www-authenticate': `Bearer realm="http://${req.headers.host}/token",service="s"` });
      res.writeHead(201).end();
    });
    const stats = newRetryStats();
    const c = new RegistryClient(host, { credentials: creds, retry: fast, stats });
    const err = await c.uploadBlob('a', D, BLOB.length, stream(BLOB)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BcError);
    expect((err as BcError).exitCode).toBe(3);
    expect(puts).toBe(2); // the expired token, then the new one (refused too): no third try
    expect(stats.retried['HTTP 401 mid-push, new token']).toBe(1);
    expect(JSON.stringify({ m: (err as BcError).message, d: (err as BcError).details })).not.toContain('pw-secret');
  });

  it('DIGEST_INVALID with wrong local bytes: exit 1 at once, one PUT', async () => {
    let puts = 0;
    const { host } = await serve((req, res) => {
      if (req.method === 'POST') return res.writeHead(202, { location: '/v2/a/blobs/uploads/u' }).end();
      puts++;
      json(res, 400, { errors: [{ code: 'DIGEST_INVALID' }] });
    });
    const err = await new RegistryClient(host, { retry: fast }).uploadBlob('a', D, 3, stream(Buffer.from('bad'))).catch((e: unknown) => e);
    expect((err as BcError).exitCode).toBe(1);
    expect((err as BcError).message).toMatch(/the OCI layout is corrupt/);
    expect(puts).toBe(1);
  });

  it('DIGEST_INVALID with right local bytes: retried within --retries, then a clear failure', async () => {
    let puts = 0;
    const { host } = await serve((req, res) => {
      if (req.method === 'POST') return res.writeHead(202, { location: '/v2/a/blobs/uploads/u' }).end();
      puts++;
      json(res, 400, { errors: [{ code: 'DIGEST_INVALID' }] });
    });
    const err = await new RegistryClient(host, { retry: { ...fast, attempts: 3 } }).uploadBlob('a', D, BLOB.length, stream(BLOB)).catch((e: unknown) => e);
    expect(puts).toBe(3);
    expect((err as BcError).message).toMatch(/failed after 3 attempts \(last fault: blob damaged in transit\)/);
  });
});

describe('read back', () => {
  const ctxFor = (host: string, log: string[] = []): ApplyContext => ({ client: new RegistryClient(host, { retry: fast }), registry: host, repo: 'a', retry: fast, stats: newRetryStats(), log: (l) => log.push(l) });
  const index = Buffer.from(JSON.stringify({ schemaVersion: 2, manifests: [{ digest: 'sha256:' + 'a'.repeat(64), platform: { os: 'linux', architecture: 'amd64' } }] }));
  const facts = { digest: sha256(index), platforms: { 'linux/amd64': 'sha256:' + 'a'.repeat(64) }, attestations: 0 };

  it('404 after the push is waited out', async () => {
    let n = 0;
    const { host } = await serve((_req, res) => (++n <= 2 ? json(res, 404, { errors: [{ code: 'MANIFEST_UNKNOWN' }] }) : res.writeHead(200, { 'content-type': 'application/vnd.oci.image.index.v1+json' }).end(index)));
    const log: string[] = [];
    expect((await readBack(ctxFor(host, log), facts, ['linux/amd64'], [5, 5, 5])).digest).toBe(facts.digest);
    expect(log.filter((l) => /not visible yet/.test(l))).toHaveLength(2);
  });

  it('still 404 after every wait: exit 1, step publish, "nothing was tagged"', async () => {
    const { host } = await serve((_req, res) => json(res, 404, { errors: [{ code: 'MANIFEST_UNKNOWN' }] }));
    const err = await readBack(ctxFor(host), facts, ['linux/amd64'], [1, 1]).catch((e: unknown) => e);
    expect((err as BcError).exitCode).toBe(1);
    expect((err as BcError).step).toBe('push');
    expect((err as BcError).message).toMatch(/nothing was tagged/);
  });

  it('another manifest: exit 1 at once, one GET', async () => {
    let n = 0;
    const { host } = await serve((_req, res) => {
      n++;
      res.writeHead(200, { 'content-type': 'application/vnd.oci.image.index.v1+json' }).end(Buffer.from('{"schemaVersion":2,"manifests":[]}'));
    });
    const err = await readBack(ctxFor(host), facts, ['linux/amd64'], [1, 1]).catch((e: unknown) => e);
    expect((err as BcError).message).toMatch(/with another manifest/);
    expect(n).toBe(1);
  });
});
