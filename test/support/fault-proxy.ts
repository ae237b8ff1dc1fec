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
 */
import http from 'node:http';
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
  const counts: FaultCounts = { requests: 0, forwarded: 0, injected503: 0, injected429: 0, dropped: 0, blobUploads: 0, manifestPuts: 0 };
  let burstLeft = 0;
  let consecutive = 0;
  let faultsOn = true;
  const injected = () => counts.injected503 + counts.injected429 + counts.dropped;

  const server = http.createServer((req, res) => {
    counts.requests++;
    proxy.onRequest?.(req.method ?? '', req.url ?? '');
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
    if (req.method === 'POST' && /\/blobs\/uploads\/?(\?|$)/.test(req.url ?? '')) counts.blobUploads++;
    if (req.method === 'PUT' && /\/manifests\//.test(req.url ?? '')) counts.manifestPuts++;
    const up = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (upRes) => {
        res.writeHead(upRes.statusCode ?? 502, upRes.headers);
        upRes.pipe(res);
      },
    );
    up.on('error', () => req.socket.destroy());
    req.pipe(up);
  });
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
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
  return proxy;
}
