/**
 * A fault-injecting HTTP proxy in front of a loopback registry, for publish
 * tests. Loopback only (127.0.0.1, ephemeral port) and bounded: at most
 * `maxFaults` injected faults in total and never more than `maxConsecutive`
 * in a row, so a client that retries correctly always gets through.
 *
 * Faults: a share of requests answered 503, bursts of 429 with Retry-After,
 * connections dropped (socket destroyed without an answer). A seeded PRNG
 * makes a run reproducible. In pass-through mode (all rates 0) it only
 * counts requests — how the tests prove "nothing was uploaded".
 *
 * Registry misbehaviours (each bounded by its own count):
 * - `substituteIndex`: GET of an image index by digest answers these other
 *   bytes (a cache serving the wrong object);
 * - `corruptUploads`: the first N blob upload bodies get one byte flipped on
 *   the way (the registry then answers DIGEST_INVALID);
 * - `tokenAuth`: the proxy is a Bearer-token registry (token service at
 *   /token, Basic credentials); `expireTokensOnUpload` revokes every token
 *   when the Nth blob upload body arrives, answering it 401 (token expired);
 * - `redirectUploads`: upload Locations point at an "object store" on
 *   another loopback host (127.0.0.2, else another port) that forwards to
 *   the registry and records whether credentials reached it;
 * - `hideManifestsMs`: after a manifest PUT the registry accepted, GET/HEAD
 *   of it answer 404 for that long (eventual consistency);
 * - `holdUploadAnswer`: the registry's answer to the Nth blob upload body is
 *   held back that long before it reaches the client (a slow link), so a
 *   short-lived token of the upstream registry's own expires mid-push, at a
 *   known point, whatever the machine's speed.
 */
import http from 'node:http';
import { Transform } from 'node:stream';
import type { AddressInfo } from 'node:net';

export interface FaultProxyOptions {
  /** upstream registry, e.g. http://127.0.0.1:5000 */
  target?: string;
  /** share of requests answered 503 (0..1) */
  rate503?: number;
  /** share of requests that start a burst of 429s */
  rate429Burst?: number;
  /** length of a 429 burst */
  burstLength?: number;
  /** Retry-After seconds sent with 429 */
  retryAfterSec?: number;
  /** share of requests whose connection is dropped */
  rateDrop?: number;
  maxFaults?: number;
  maxConsecutive?: number;
  seed?: number;
  substituteIndex?: Buffer;
  corruptUploads?: number;
  tokenAuth?: { username: string; password: string };
  /** revoke all tokens (tokenAuth) or ask for Basic credentials again at the Nth (1-based) blob upload body: a 401 mid-push */
  expireTokensOnUpload?: number;
  redirectUploads?: boolean;
  hideManifestsMs?: number;
  /** hold back the registry's answer to the Nth (1-based) forwarded blob upload body (PUT …/blobs/uploads/…) for `ms` */
  holdUploadAnswer?: { nth: number; ms: number };
}

export interface FaultCounts {
  requests: number;
  forwarded: number;
  injected503: number;
  injected429: number;
  dropped: number;
  /** forwarded blob upload starts (POST .../blobs/uploads/) */
  blobUploads: number;
  /** forwarded manifest writes (PUT .../manifests/...) */
  manifestPuts: number;
  /** index reads answered with substituteIndex */
  substituted: number;
  /** upload bodies damaged on the way */
  corrupted: number;
  /** tokens issued by the token service */
  tokensIssued: number;
  /** 401s answered because a token was revoked mid-push */
  expired401: number;
  /** requests answered 401 for want of a valid token (challenges) */
  challenged: number;
  /** upload Locations rewritten to the object store */
  redirected: number;
  /** requests the object store served, and how many carried an Authorization header */
  objectStoreRequests: number;
  objectStoreAuthHeaders: number;
  /** GET/HEAD of an accepted manifest answered 404 (hidden) */
  hidden404: number;
  /** registry answers held back (holdUploadAnswer) */
  held: number;
}

export interface FaultProxy {
  /** host:port to use as --registry */
  host: string;
  counts: FaultCounts;
  injected(): number;
  /** switch faults on/off while running */
  setFaults(on: boolean): void;
  /** called for every request before anything else (e.g. to kill a client mid-push) */
  onRequest?: (method: string, url: string) => void;
  /** origin of the object store uploads are redirected to ('' when off) */
  objectStore(): string;
  close(): Promise<void>;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function startFaultProxy(opts: FaultProxyOptions = {}): Promise<FaultProxy> {
  const target = new URL(opts.target ?? 'http://127.0.0.1:5000');
  const rnd = mulberry32(opts.seed ?? 42);
  const maxFaults = opts.maxFaults ?? 400;
  const maxConsecutive = opts.maxConsecutive ?? 3;
  const counts: FaultCounts = {
    requests: 0,
    forwarded: 0,
    injected503: 0,
    injected429: 0,
    dropped: 0,
    blobUploads: 0,
    manifestPuts: 0,
    substituted: 0,
    corrupted: 0,
    tokensIssued: 0,
    expired401: 0,
    challenged: 0,
    redirected: 0,
    objectStoreRequests: 0,
    objectStoreAuthHeaders: 0,
    hidden404: 0,
    held: 0,
  };
  const validTokens = new Set<string>();
  let uploadBodies = 0;
  let forwardedBodies = 0;
  /** path (repo/manifests/ref) → hidden until (ms epoch) */
  const hiddenUntil = new Map<string, number>();
  let objectStoreOrigin = '';
  let burstLeft = 0;
  let consecutive = 0;
  let faultsOn = true;
  const injected = () => counts.injected503 + counts.injected429 + counts.dropped;

  const forward = (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    o: { corrupt?: boolean; holdMs?: number; onAnswer?: (status: number, headers: http.IncomingHttpHeaders) => void } = {},
  ) => {
    const headers = { ...req.headers };
    if (opts.tokenAuth) delete headers.authorization; // the upstream registry is open; the proxy did the auth
    const up = http.request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers }, (upRes) => {
      const h = { ...upRes.headers };
      o.onAnswer?.(upRes.statusCode ?? 502, h);
      const answer = () => {
        res.writeHead(upRes.statusCode ?? 502, h);
        upRes.pipe(res);
      };
      if (o.holdMs) setTimeout(answer, o.holdMs);
      else answer();
    });
    up.on('error', () => req.socket.destroy());
    if (o.corrupt) {
      let flipped = false;
      req
        .pipe(
          new Transform({
            transform(chunk: Buffer, _enc, cb) {
              if (!flipped && chunk.length > 0) {
                flipped = true;
                const copy = Buffer.from(chunk);
                copy[0] = (copy[0] ?? 0) ^ 0xff;
                cb(null, copy);
              } else cb(null, chunk);
            },
          }),
        )
        .pipe(up);
    } else req.pipe(up);
  };
  const manifestKey = (url: string) => /^\/v2\/(.+)\/manifests\/([^/?]+)/.exec(url);
  const challenge = (req: http.IncomingMessage, res: http.ServerResponse) => {
    req.resume();
    res
      .writeHead(401, { 'content-type': 'application/json', 'www-authenticate': `Bearer realm="http://${req.headers.host ?? ''}/token",service="fault-proxy"` })
      .end('{"errors":[{"code":"UNAUTHORIZED","message":"token required"}]}');
  };

  const server = http.createServer((req, res) => {
    counts.requests++;
    proxy.onRequest?.(req.method ?? '', req.url ?? '');
    const url = req.url ?? '';
    const isUploadBody = (req.method === 'PUT' || req.method === 'PATCH') && /\/blobs\/uploads\//.test(url);
    if (opts.expireTokensOnUpload && isUploadBody && ++uploadBodies === opts.expireTokensOnUpload) {
      // the session ends mid-push: every token revoked (token mode), or the
      // registry asks for the Basic credentials again (htpasswd registries)
      validTokens.clear();
      counts.expired401++;
      if (opts.tokenAuth) challenge(req, res);
      else {
        req.resume();
        res.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Basic realm="fault-proxy"' }).end('{"errors":[{"code":"UNAUTHORIZED"}]}');
      }
      return;
    }
    if (opts.tokenAuth) {
      if (url.startsWith('/token')) {
        req.resume();
        const want = `Basic ${Buffer.from(`${opts.tokenAuth.username}:${opts.tokenAuth.password}`).toString('base64')}`;
        if (req.headers.authorization !== want) {
          res.writeHead(401, { 'content-type': 'application/json' }).end('{"errors":[{"code":"UNAUTHORIZED"}]}');
          return;
        }
        counts.tokensIssued++;
        const token = `tok-${counts.tokensIssued}-${Math.floor(rnd() * 1e9)}`;
        validTokens.add(token);
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token, expires_in: 300 }));
        return;
      }
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      if (!token || !validTokens.has(token)) {
        counts.challenged++;
        challenge(req, res);
        return;
      }
    }
    const mk = manifestKey(url);
    if (mk && (req.method === 'GET' || req.method === 'HEAD') && (hiddenUntil.get(`${mk[1]}@${mk[2]}`) ?? 0) > Date.now()) {
      counts.hidden404++;
      req.resume();
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"errors":[{"code":"MANIFEST_UNKNOWN","message":"not visible yet (fault proxy)"}]}');
      return;
    }
    if (mk && req.method === 'GET' && opts.substituteIndex && mk[2]?.startsWith('sha256:') && /index/.test(String(req.headers.accept ?? ''))) {
      // answer with other bytes only when the real answer is an index
      const up = http.request({ host: target.hostname, port: target.port, method: 'GET', path: url, headers: { ...req.headers, authorization: '' } }, (upRes) => {
        const chunks: Buffer[] = [];
        upRes.on('data', (c: Buffer) => chunks.push(c));
        upRes.on('end', () => {
          const ct = String(upRes.headers['content-type'] ?? '');
          if (upRes.statusCode === 200 && /index|manifest\.list/.test(ct)) {
            counts.substituted++;
            res.writeHead(200, { 'content-type': ct, 'content-length': String(opts.substituteIndex!.length) }).end(opts.substituteIndex);
          } else {
            res.writeHead(upRes.statusCode ?? 502, upRes.headers).end(Buffer.concat(chunks));
          }
        });
      });
      up.on('error', () => req.socket.destroy());
      req.resume();
      up.end();
      return;
    }
    const canFault = faultsOn && injected() < maxFaults && consecutive < maxConsecutive;
    let fault: '503' | '429' | 'drop' | undefined;
    if (canFault) {
      if (burstLeft > 0) {
        burstLeft--;
        fault = '429';
      } else {
        const r = rnd();
        const p503 = opts.rate503 ?? 0;
        const p429 = opts.rate429Burst ?? 0;
        const pDrop = opts.rateDrop ?? 0;
        if (r < p503) fault = '503';
        else if (r < p503 + p429) {
          fault = '429';
          burstLeft = Math.max(0, (opts.burstLength ?? 3) - 1);
        } else if (r < p503 + p429 + pDrop) fault = 'drop';
      }
    }
    if (fault) {
      consecutive++;
      // Read (and discard) the body so the client sees an answer, not a write error.
      if (fault === 'drop') {
        counts.dropped++;
        req.socket.destroy();
        return;
      }
      req.resume();
      req.on('end', () => {
        if (fault === '503') {
          counts.injected503++;
          res.writeHead(503, { 'content-type': 'application/json' }).end('{"errors":[{"code":"UNAVAILABLE","message":"injected by fault proxy"}]}');
        } else {
          counts.injected429++;
          res
            .writeHead(429, { 'content-type': 'application/json', 'retry-after': String(opts.retryAfterSec ?? 1) })
            .end('{"errors":[{"code":"TOOMANYREQUESTS","message":"injected by fault proxy"}]}');
        }
      });
      return;
    }
    consecutive = 0;
    counts.forwarded++;
    const isStart = req.method === 'POST' && /\/blobs\/uploads\/?(\?|$)/.test(url);
    if (isStart) counts.blobUploads++;
    if (req.method === 'PUT' && /\/manifests\//.test(url)) counts.manifestPuts++;
    const isBody = req.method === 'PUT' && /\/blobs\/uploads\//.test(url);
    const corrupt = isBody && counts.corrupted < (opts.corruptUploads ?? 0);
    if (corrupt) counts.corrupted++;
    const hold = isBody && opts.holdUploadAnswer && ++forwardedBodies === opts.holdUploadAnswer.nth ? opts.holdUploadAnswer.ms : 0;
    if (hold) counts.held++;
    forward(req, res, {
      corrupt,
      holdMs: hold,
      onAnswer: (status, h) => {
        if (isStart && opts.redirectUploads && status === 202 && typeof h.location === 'string') {
          const loc = new URL(h.location, `http://${req.headers.host ?? ''}`);
          h.location = `${objectStoreOrigin}${loc.pathname}${loc.search}`;
          counts.redirected++;
        }
        if (mk && req.method === 'PUT' && status === 201 && opts.hideManifestsMs) {
          const until = Date.now() + opts.hideManifestsMs;
          hiddenUntil.set(`${mk[1]}@${mk[2]}`, until);
          const d = h['docker-content-digest'];
          if (typeof d === 'string') hiddenUntil.set(`${mk[1]}@${d}`, until);
        }
      },
    });
  });
  // The object store: plain forwarding to the registry, counting what reaches it.
  const store = http.createServer((req, res) => {
    counts.objectStoreRequests++;
    if (req.headers.authorization) counts.objectStoreAuthHeaders++;
    forward(req, res);
  });
  if (opts.redirectUploads) {
    const host = await new Promise<string>((resolve) => {
      store.once('error', () => store.listen(0, '127.0.0.1', () => resolve('127.0.0.1')));
      store.listen(0, '127.0.0.2', () => resolve('127.0.0.2'));
    });
    objectStoreOrigin = `http://${host}:${(store.address() as AddressInfo).port}`;
  }
  server.keepAliveTimeout = 1000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const proxy: FaultProxy = {
    host: `127.0.0.1:${port}`,
    counts,
    injected,
    setFaults(on) {
      faultsOn = on;
    },
    objectStore: () => objectStoreOrigin,
    close: async () => {
      if (store.listening) {
        store.closeAllConnections();
        await new Promise<void>((r) => store.close(() => r()));
      }
      await new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      });
    },
  };
  return proxy;
}
