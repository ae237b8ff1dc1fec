/**
 * One HTTP exchange with a registry: headers, the Authorization header only
 * towards the registry itself, redirects followed by hand, socket errors
 * surfaced for the fault classifier (retry.ts). No retries and no auth flow
 * here: client.ts runs those around it.
 */

export interface RequestSpec {
  scope: string;
  what: string;
  allow404?: boolean;
  accept?: string[];
  /** bytes, or a factory of a fresh stream per attempt (large blobs) */
  body?: Buffer | (() => ReadableStream<Uint8Array>);
  contentLength?: number;
  contentType?: string;
  timeoutMs?: number;
  /** HTTP statuses that are answers, not errors (e.g. 202 for upload start) */
  accepted?: number[];
}

export interface HttpTarget {
  /** https://host[:port] (http:// for loopback registries) */
  base: string;
  /** the Authorization header for a scope, once the auth flow has run */
  authorization(scope: string): string | undefined;
  /** per request, unless the request says otherwise */
  timeoutMs: number;
}

/** Distribution error codes from a JSON error body ({"errors":[{"code":...}]}). */
export function errorCodes(body: string): string[] {
  try {
    const j = JSON.parse(body) as { errors?: { code?: unknown }[] };
    return (j.errors ?? []).map((e) => String(e.code ?? '')).filter((c) => c !== '');
  } catch {
    return [];
  }
}

export function parseJsonOr(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_HOPS = 5;

/**
 * One HTTP exchange. Redirects are followed here (at most 5), not by fetch:
 * a streamed body cannot be replayed by fetch, and credentials must not
 * follow a redirect to another host (object storage with a signed URL).
 */
export async function send(target: HttpTarget, method: string, path: string, o: RequestSpec, hops = 0): Promise<Response> {
  const url = /^https?:\/\//.test(path) ? path : `${target.base}${path}`;
  const res = await sendOnce(target, method, url, o);
  const loc = res.headers.get('location');
  if (!REDIRECTS.has(res.status) || !loc || hops >= MAX_HOPS) return res;
  await res.body?.cancel();
  const next = new URL(loc, url).toString();
  // 303 means "GET the answer there"; 307/308 (and 301/302 as registries use them) repeat the request
  if (res.status === 303) return send(target, 'GET', next, { ...o, body: undefined, contentLength: undefined, contentType: undefined }, hops + 1);
  return send(target, method, next, o, hops + 1);
}

async function sendOnce(target: HttpTarget, method: string, url: string, o: RequestSpec): Promise<Response> {
  const headers: Record<string, string> = {};
  if (o.accept) headers.accept = o.accept.join(', ');
  if (o.contentType) headers['content-type'] = o.contentType;
  const body = o.body === undefined ? undefined : typeof o.body === 'function' ? o.body() : new Uint8Array(o.body);
  if (o.contentLength !== undefined) headers['content-length'] = String(o.contentLength);
  if (new URL(url).origin === new URL(target.base).origin) {
    const authorization = target.authorization(o.scope);
    if (authorization) headers.authorization = authorization;
  }
  try {
    return await fetch(url, {
      method,
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(o.timeoutMs ?? target.timeoutMs),
      // a streamed body (blob upload) needs half duplex in Node's fetch
      ...(typeof o.body === 'function' ? { duplex: 'half' } : {}),
    } as RequestInit);
  } catch (err) {
    // undici hides the socket error in `cause`; surface it for the classifier.
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause : undefined;
    const code = cause ? ((cause as NodeJS.ErrnoException).code ?? '') : '';
    throw new Error(`${method} ${url}: ${err instanceof Error ? err.message : String(err)}${cause ? ` (${cause.message}${code ? ` ${code}` : ''})` : ''}`, { cause: err });
  }
}
