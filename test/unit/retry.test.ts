import { describe, expect, it } from 'vitest';
import {
  backoffDelay,
  classifyStatus,
  classifyText,
  newRetryStats,
  parseRetryAfter,
  RegistryHttpError,
  withRetry,
  type RetryPolicy,
} from '../../src/registry/retry.js';
import { BcError } from '../../src/errors.js';

// Error texts as the tools print them (skopeo 1.9, cosign 2.5, buildx 0.13, Node fetch/undici).
const table: [number, string, 'transient' | 'permanent'][] = [
  [1, 'received unexpected HTTP status: 503 Service Unavailable', 'transient'],
  [2, 'received unexpected HTTP status: 500 Internal Server Error', 'transient'],
  [3, 'reading manifest 1.0.0 in localhost:5000/x: toomanyrequests: too many requests', 'transient'],
  [4, 'Error: writing blob: Patch "http://127.0.0.1:5100/v2/x/blobs/uploads/abc": read tcp 127.0.0.1:4000->127.0.0.1:5100: read: connection reset by peer', 'transient'],
  [5, 'pinging container registry localhost:5000: Get "http://localhost:5000/v2/": dial tcp 127.0.0.1:5000: connect: connection refused', 'transient'],
  [6, 'Put "http://127.0.0.1:5100/v2/x/manifests/sha256:ab": EOF', 'transient'],
  [7, 'write tcp 127.0.0.1:1->127.0.0.1:2: write: broken pipe', 'transient'],
  [8, 'context deadline exceeded (Client.Timeout exceeded while awaiting headers)', 'transient'],
  [9, 'fetch failed: other side closed (UND_ERR_SOCKET)', 'transient'],
  [10, 'connect ETIMEDOUT 10.0.0.1:443', 'transient'],
  [11, 'read ECONNRESET', 'transient'],
  [12, 'failed to do request: Head "https://reg/v2/x/manifests/1": unexpected EOF', 'transient'],
  [13, 'HTTP 429 Too Many Requests', 'transient'],
  [14, 'The operation was aborted due to timeout (TimeoutError)', 'transient'],
  [15, 'initializing source docker://localhost:5001/x:1: reading manifest 1 in localhost:5001/x: unauthorized: authentication required', 'permanent'],
  [16, 'Error: 401 Unauthorized', 'permanent'],
  [17, 'writing manifest: uploading manifest 1.0.0 to reg/x: denied: requested access to the resource is denied', 'permanent'],
  [18, 'errors:\nmanifest invalid: manifest invalid', 'permanent'],
  [19, 'MANIFEST_INVALID', 'permanent'],
  [20, 'reading manifest latest in localhost:5000/nope: name unknown: repository name not known to registry', 'permanent'],
  [21, '403 Forbidden', 'permanent'],
  [22, 'x509: certificate signed by unknown authority', 'permanent'],
  [23, 'http: server gave HTTP response to HTTPS client', 'permanent'],
  [24, 'dial tcp: lookup reg.example: no such host', 'permanent'],
  [25, 'invalid reference format', 'permanent'],
  [26, 'something nobody has seen before', 'permanent'],
  [27, 'denied: 503 from upstream auth', 'permanent'],
];

describe('classifyText', () => {
  it.each(table)('%i. %s → %s', (_n, text, kind) => {
    expect(classifyText(text).kind).toBe(kind);
  });
});

describe('classifyStatus', () => {
  it.each([
    [503, [], 'transient'],
    [502, [], 'transient'],
    [500, [], 'transient'],
    [429, [], 'transient'],
    [408, [], 'transient'],
    [401, ['UNAUTHORIZED'], 'permanent'],
    [403, ['DENIED'], 'permanent'],
    [400, ['MANIFEST_INVALID'], 'permanent'],
    [404, ['NAME_UNKNOWN'], 'permanent'],
    [404, ['MANIFEST_UNKNOWN'], 'permanent'],
    [500, ['DENIED'], 'permanent'],
  ] as const)('HTTP %i %j → %s', (status, codes, kind) => {
    expect(classifyStatus(status, [...codes]).kind).toBe(kind);
  });
});

describe('parseRetryAfter', () => {
  it('seconds, HTTP dates, garbage', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:05 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(5000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

const policy: RetryPolicy = { attempts: 5, baseMs: 100, capMs: 1000, maxRetryAfterMs: 5000 };

describe('backoffDelay', () => {
  it('full jitter stays within base*2^n, capped', () => {
    const t = { kind: 'transient' as const, reason: 'x' };
    expect(backoffDelay(policy, 0, t, () => 0.999)).toBe(99);
    expect(backoffDelay(policy, 3, t, () => 0.999)).toBe(799);
    expect(backoffDelay(policy, 10, t, () => 0.999)).toBe(999);
    expect(backoffDelay(policy, 3, t, () => 0)).toBe(0);
  });
  it('Retry-After is honoured (at least), but bounded', () => {
    expect(backoffDelay(policy, 0, { kind: 'transient', reason: '429', retryAfterMs: 2000 }, () => 0.5)).toBe(2000);
    expect(backoffDelay(policy, 0, { kind: 'transient', reason: '429', retryAfterMs: 600_000 }, () => 0.5)).toBe(5000);
  });
});

describe('withRetry', () => {
  const sleeps: number[] = [];
  const sleep = async (ms: number) => {
    sleeps.push(ms);
  };

  it('retries transient faults and counts them', async () => {
    const stats = newRetryStats();
    let n = 0;
    const v = await withRetry(
      async () => {
        n++;
        if (n === 1) throw new RegistryHttpError('HTTP 503', 503);
        if (n === 2) throw new RegistryHttpError('HTTP 429', 429, ['TOOMANYREQUESTS'], 1500);
        if (n === 3) throw Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
        return 'ok';
      },
      { what: 'listing', policy, sleep, stats, random: () => 0 },
    );
    expect(v).toBe('ok');
    expect(n).toBe(4);
    expect(stats.total).toBe(3);
    expect(stats.retried).toEqual({ 'HTTP 503': 1, 'HTTP 429 too many requests': 1, 'connection reset': 1 });
    expect(sleeps).toContain(1500);
  });

  it('fails at once on a permanent fault, keeping the exit code', async () => {
    let n = 0;
    const err = await withRetry(
      async () => {
        n++;
        throw new BcError('environment', 'skopeo exited with code 1', { details: ['unauthorized: authentication required'] });
      },
      { what: 'push by digest', policy, sleep },
    ).catch((e: unknown) => e);
    expect(n).toBe(1);
    expect(err).toBeInstanceOf(BcError);
    expect((err as BcError).exitCode).toBe(3);
    expect((err as BcError).message).toMatch(/push by digest failed: unauthorized/);
  });

  it('a refusal inside a nested retry reads once: the outer retry passes the inner one on, and what the message already names is not repeated', async () => {
    const inner = () =>
      withRetry(
        async () => {
          throw new BcError('environment', 'start upload of sha256:abc: reg did not grant repository:a:pull,push to u (HTTP 401 insufficient_scope)');
        },
        { what: 'start upload of sha256:abc', policy, sleep },
      );
    const err = await withRetry(inner, { what: 'upload blob sha256:abc', policy, sleep }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BcError);
    expect((err as BcError).exitCode).toBe(3);
    expect((err as BcError).message).toBe('start upload of sha256:abc: reg did not grant repository:a:pull,push to u (HTTP 401 insufficient_scope)');
  });

  it('gives up after the configured attempts with a clear message', async () => {
    let n = 0;
    const err = await withRetry(
      async () => {
        n++;
        throw new RegistryHttpError('HTTP 503', 503);
      },
      { what: 'tag 1.0.0', policy: { ...policy, attempts: 3 }, sleep },
    ).catch((e: unknown) => e);
    expect(n).toBe(3);
    expect((err as BcError).message).toBe('tag 1.0.0 failed after 3 attempts (last fault: HTTP 503)');
    expect((err as BcError).details.join('\n')).toMatch(/--retries/);
  });
});
