/**
 * A small client for the distribution HTTP API (the OCI distribution spec):
 * ping, tags/list, manifest HEAD/GET/PUT, with the registry auth flow —
 * Basic for htpasswd registries, Bearer tokens fetched from the realm named in
 * WWW-Authenticate for real ones (Docker Hub, GHCR, ECR...). Every request is
 * retried through retry.ts on transient faults only.
 *
 * Why HTTP and not `skopeo list-tags` / `inspect --raw`: we need the status
 * code, the distribution error code and Retry-After to classify faults and
 * to tell "no such repository yet" (an empty list, normal on a first
 * publish) from "access denied"; skopeo reduces those to one line of text.
 * Tags are written with a manifest PUT of the exact bytes read back by
 * digest, so a tag can only ever point at the verified digest.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { BcError, envMissing, toBcError } from '../errors.js';
import { sha256Digest } from '../shared/digest.js';
import { LoginRefused, RegistryAuth, refusal } from './auth.js';
import type { Credentials } from './credentials.js';
import { errorCodes, parseJsonOr, send, type HttpTarget, type RequestSpec } from './http.js';
import { registryBaseUrl } from './probe.js';
import { DEFAULT_RETRY, parseRetryAfter, RegistryHttpError, TransientFault, withRetry, type RetryPolicy, type RetryStats } from './retry.js';

export { LoginRefused, loginRefusal, parseChallenge } from './auth.js';

export const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
];

export interface ManifestInfo {
  digest: string;
  mediaType: string;
  size: number;
}

export interface Manifest extends ManifestInfo {
  bytes: Buffer;
}

export interface RegistryClientOptions {
  credentials?: Credentials;
  retry?: RetryPolicy;
  stats?: RetryStats;
  onRetry?: (line: string) => void;
  /** per request (default 30 s) */
  timeoutMs?: number;
}

const TagListSchema = z.object({ tags: z.array(z.string()).nullable().optional() }).loose();
/** 100 pages of 1000 tags: far more than any connector repository has. */
const MAX_TAG_PAGES = 100;

/** The registry answered a read by digest with bytes of another digest. Never retried. */
export class ManifestMismatch extends BcError {
  constructor(
    readonly repo: string,
    readonly asked: string,
    readonly got: string,
  ) {
    super('failed', `registry returned a manifest for ${repo}@${asked} whose digest is ${got}`);
  }
}

/** The bytes a stream yields, hashed (a blob read again from the layout). */
async function hashStream(stream: ReadableStream<Uint8Array>): Promise<string> {
  const h = createHash('sha256');
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    h.update(value);
  }
  return `sha256:${h.digest('hex')}`;
}

export class RegistryClient {
  readonly base: string;
  private readonly auth: RegistryAuth;
  private readonly http: HttpTarget;
  /** the auth flow ran and the registry accepted its answer */
  private authenticated = false;

  constructor(
    readonly registry: string,
    private readonly opts: RegistryClientOptions = {},
  ) {
    this.base = registryBaseUrl(registry);
    const timeoutMs = opts.timeoutMs ?? 30_000;
    this.auth = new RegistryAuth(registry, opts.credentials, timeoutMs);
    this.http = { base: this.base, authorization: (scope) => this.auth.header(scope), timeoutMs };
  }

  /**
   * GET /v2/ with authentication: proves the registry answers and the
   * credentials are accepted. `authenticated` is false when the registry
   * answered without asking for a login (the credentials were not tried).
   */
  async ping(): Promise<{ authenticated: boolean }> {
    const res = await this.request('GET', '/v2/', { scope: '', what: `reach ${this.registry}` });
    await res.body?.cancel();
    return { authenticated: this.authenticated };
  }

  /** Every tag of a repository (following Link pagination); [] when the repository does not exist yet. */
  async listTags(repo: string): Promise<string[]> {
    const tags: string[] = [];
    let path: string | undefined = `/v2/${repo}/tags/list?n=1000`;
    const seen = new Set<string>([path]);
    while (path) {
      const res = await this.request('GET', path, { scope: `repository:${repo}:pull`, what: `list tags of ${repo}`, allow404: true });
      const text = await res.text();
      if (res.status === 404) {
        // NAME_UNKNOWN: a repository with no tag yet (or never pushed) — normal before a first publish.
        if (errorCodes(text).some((c) => c === 'NAME_UNKNOWN')) return [];
        throw new BcError('failed', `list tags of ${repo}: HTTP 404`, { details: [text.slice(0, 200)] });
      }
      // The plan decides from these tags whether latest moves: an answer that
      // is not a tag list is an error, never "no tags".
      const page = TagListSchema.safeParse(parseJsonOr(text));
      if (!page.success) {
        throw new BcError('environment', `list tags of ${repo}: ${this.registry} answered something that is not a tag list (HTTP ${res.status}: ${JSON.stringify(text.slice(0, 80))})`, {
          step: 'registry',
          details: ['fix: check --registry: it must be a registry speaking the distribution API (GET /v2/<repo>/tags/list)'],
        });
      }
      tags.push(...(page.data.tags ?? []));
      const link = res.headers.get('link');
      const next = link ? /<([^>]+)>\s*;\s*rel="?next"?/.exec(link)?.[1] : undefined;
      path = next ? (next.startsWith('http') ? new URL(next).pathname + new URL(next).search : next) : undefined;
      if (path && (seen.has(path) || seen.size >= MAX_TAG_PAGES)) {
        throw new BcError('environment', `list tags of ${repo}: ${this.registry} keeps paginating (${seen.has(path) ? 'a page links to one already read' : `more than ${MAX_TAG_PAGES} pages`})`, { step: 'registry' });
      }
      if (path) seen.add(path);
    }
    return tags;
  }

  /** HEAD a manifest: its digest, or undefined when the tag/digest does not exist. */
  async headManifest(repo: string, ref: string): Promise<ManifestInfo | undefined> {
    const res = await this.request('HEAD', `/v2/${repo}/manifests/${ref}`, {
      scope: `repository:${repo}:pull`,
      what: `read ${repo}:${ref}`,
      allow404: true,
      accept: MANIFEST_TYPES,
    });
    if (res.status === 404) return undefined;
    const digest = res.headers.get('docker-content-digest');
    if (!digest) {
      // Some registries omit the header on HEAD; fall back to GET and hash.
      const m = await this.getManifest(repo, ref);
      return m && { digest: m.digest, mediaType: m.mediaType, size: m.size };
    }
    return { digest, mediaType: res.headers.get('content-type') ?? '', size: Number(res.headers.get('content-length') ?? 0) };
  }

  /** GET a manifest's exact bytes; the digest is computed from them (and checked when ref is a digest). */
  async getManifest(repo: string, ref: string): Promise<Manifest | undefined> {
    const res = await this.request('GET', `/v2/${repo}/manifests/${ref}`, {
      scope: `repository:${repo}:pull`,
      what: `read ${repo}@${ref}`,
      allow404: true,
      accept: MANIFEST_TYPES,
    });
    if (res.status === 404) {
      await res.body?.cancel();
      return undefined;
    }
    const bytes = Buffer.from(await res.arrayBuffer());
    const digest = sha256Digest(bytes);
    if (ref.startsWith('sha256:') && digest !== ref) throw new ManifestMismatch(repo, ref, digest);
    return { digest, mediaType: res.headers.get('content-type') ?? '', size: bytes.length, bytes };
  }

  /** PUT a manifest under a tag (or digest). Returns the digest the registry reports. */
  async putManifest(repo: string, ref: string, manifest: Pick<Manifest, 'bytes' | 'mediaType'>): Promise<string> {
    const res = await this.request('PUT', `/v2/${repo}/manifests/${ref}`, {
      scope: `repository:${repo}:pull,push`,
      what: `write ${repo}:${ref}`,
      body: manifest.bytes,
      contentType: manifest.mediaType,
    });
    await res.body?.cancel();
    return res.headers.get('docker-content-digest') ?? sha256Digest(manifest.bytes);
  }

  /**
   * PUT a manifest that names a `subject` (an OCI 1.1 referrer) by its digest.
   * `indexed` is true when the registry says it indexed the referrer itself
   * (the OCI-Subject header); otherwise the caller keeps the referrers tag.
   */
  async putReferrer(repo: string, manifest: Pick<Manifest, 'bytes' | 'mediaType' | 'digest'>, subject: string): Promise<{ digest: string; indexed: boolean }> {
    const res = await this.request('PUT', `/v2/${repo}/manifests/${manifest.digest}`, {
      scope: `repository:${repo}:pull,push`,
      what: `write ${repo}@${manifest.digest.slice(0, 19)}`,
      body: manifest.bytes,
      contentType: manifest.mediaType,
    });
    await res.body?.cancel();
    return { digest: res.headers.get('docker-content-digest') ?? sha256Digest(manifest.bytes), indexed: res.headers.get('oci-subject') === subject };
  }

  /**
   * The referrers API (GET /v2/R/referrers/D): the index of manifests whose
   * subject is D, or undefined when the registry has no such API (404, as
   * distribution 2.x answers; then the referrers tag sha256-HEX is the index).
   */
  async getReferrers(repo: string, digest: string, artifactType?: string): Promise<Buffer | undefined> {
    const q = artifactType ? `?artifactType=${encodeURIComponent(artifactType)}` : '';
    const res = await this.request('GET', `/v2/${repo}/referrers/${digest}${q}`, {
      scope: `repository:${repo}:pull`,
      what: `list referrers of ${repo}@${digest.slice(0, 19)}`,
      allow404: true,
      accepted: [400, 405, 501],
      accept: ['application/vnd.oci.image.index.v1+json'],
    });
    if (!res.ok) {
      await res.body?.cancel();
      return undefined;
    }
    const type = res.headers.get('content-type') ?? '';
    const bytes = Buffer.from(await res.arrayBuffer());
    return type.includes('json') ? bytes : undefined;
  }

  /** GET a small blob (an image config); undefined when absent. The digest is checked. */
  async getBlob(repo: string, digest: string): Promise<Buffer | undefined> {
    const res = await this.request('GET', `/v2/${repo}/blobs/${digest}`, { scope: `repository:${repo}:pull`, what: `read blob ${digest.slice(0, 19)}`, allow404: true });
    if (res.status === 404) {
      await res.body?.cancel();
      return undefined;
    }
    const bytes = Buffer.from(await res.arrayBuffer());
    if (sha256Digest(bytes) !== digest) throw new BcError('failed', `registry returned a blob for ${repo}@${digest} whose digest is ${sha256Digest(bytes)}`);
    return bytes;
  }

  /** Does the repository hold this blob? */
  async blobExists(repo: string, digest: string): Promise<boolean> {
    const res = await this.request('HEAD', `/v2/${repo}/blobs/${digest}`, { scope: `repository:${repo}:pull,push`, what: `check blob ${digest.slice(0, 19)}`, allow404: true });
    return res.status !== 404;
  }

  /** Cross-repository mount (no upload) from another repository of the same registry; false when the registry declines. */
  async mountBlob(repo: string, digest: string, from: string): Promise<boolean> {
    const res = await this.request('POST', `/v2/${repo}/blobs/uploads/?mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(from)}`, {
      scope: `repository:${repo}:pull,push repository:${from}:pull`,
      what: `mount blob ${digest.slice(0, 19)} from ${from}`,
      accepted: [202],
    });
    await res.body?.cancel();
    if (res.status === 201) return true;
    // 202: the registry started an upload instead; abandon it (it expires server side).
    const loc = res.headers.get('location');
    if (loc) await send(this.http, 'DELETE', loc, { scope: `repository:${repo}:pull,push`, what: 'cancel upload' }).then((r) => r.body?.cancel()).catch(() => undefined);
    return false;
  }

  /**
   * Monolithic upload: POST to start, PUT the whole blob with its digest. The
   * stream factory is called once per attempt. The upload URL may be on
   * another host (object storage): credentials are sent only to the registry.
   *
   * Two answers restart the upload although their status is not transient:
   * a 401 once a new token was obtained (the token expired mid-push; a
   * second 401 is a refusal), and DIGEST_INVALID when the local bytes,
   * hashed again, do match the digest (the bytes were damaged in transit;
   * when they do not match, the layout is corrupt and nothing is retried).
   */
  async uploadBlob(repo: string, digest: string, size: number, open: () => ReadableStream<Uint8Array>): Promise<void> {
    const scope = `repository:${repo}:pull,push`;
    const short = digest.slice(0, 19);
    let reauthenticated = false;
    await this.retrying(`upload blob ${short}`, `upload ${short}`, async () => {
      const url = await this.startUpload(repo, digest);
      // One attempt here: a failed PUT invalidates the upload session, so the
      // outer retry starts a new session.
      const res = await send(this.http, 'PUT', url, { scope, what: `upload ${short}`, body: open, contentLength: size, contentType: 'application/octet-stream', timeoutMs: 30 * 60_000 });
      if (res.status === 401) {
        const challenge = res.headers.get('www-authenticate') ?? '';
        await res.body?.cancel();
        if (reauthenticated || challenge === '') throw this.refusal(res, `upload ${short}`, 'HTTP 401', scope);
        reauthenticated = true;
        await this.auth.authenticate(challenge, scope);
        throw new TransientFault(`upload ${short}: HTTP 401 in the middle of the push (token expired); a new token was obtained`, 'HTTP 401 mid-push, new token');
      }
      if (!res.ok) throw await uploadRefusal(res, digest, open);
      await res.body?.cancel();
    });
  }

  /** POST an upload session: the URL to PUT the blob to (with its digest). */
  private async startUpload(repo: string, digest: string): Promise<string> {
    const short = digest.slice(0, 19);
    const start = await this.request('POST', `/v2/${repo}/blobs/uploads/`, { scope: `repository:${repo}:pull,push`, what: `start upload of ${short}`, accepted: [202] });
    await start.body?.cancel();
    const loc = start.headers.get('location');
    if (!loc) throw new BcError('failed', `start upload of ${short}: the registry gave no Location`);
    const url = new URL(loc, this.base);
    url.searchParams.set('digest', digest);
    return url.toString();
  }

  // ---------------------------------------------------------------- plumbing

  /** withRetry with this client's policy, stats and retry log. */
  private retrying<T>(what: string, short: string, fn: () => Promise<T>): Promise<T> {
    return withRetry(fn, {
      what,
      policy: this.opts.retry ?? DEFAULT_RETRY,
      stats: this.opts.stats,
      onRetry: ({ attempt, fault, delayMs }) => this.opts.onRetry?.(`${short}: ${fault.reason}, retry ${attempt} in ${(delayMs / 1000).toFixed(1)} s`),
    });
  }

  private refusal(res: Response, what: string, shown: string, scope: string): LoginRefused {
    return refusal({ registry: this.registry, what, status: res.status, shown, challenge: res.headers.get('www-authenticate') ?? '', scope, credentials: this.opts.credentials });
  }

  /** One request through the auth flow, retried on transient faults; a refusal is LoginRefused. */
  private async request(method: string, path: string, o: RequestSpec): Promise<Response> {
    return this.retrying(o.what, o.what, async () => {
      let res = await send(this.http, method, path, o);
      if (res.status === 401) {
        const challenge = res.headers.get('www-authenticate') ?? '';
        await res.body?.cancel();
        await this.auth.authenticate(challenge, o.scope);
        res = await send(this.http, method, path, o);
        if (res.status !== 401 && res.status !== 403) this.authenticated = true;
      }
      if (res.ok || (o.allow404 && res.status === 404) || o.accepted?.includes(res.status)) return res;
      const text = method === 'HEAD' ? '' : await res.text().catch(() => '');
      const codes = errorCodes(text);
      const shown = `HTTP ${res.status}${codes.length ? ` ${codes.join(',')}` : ''}`;
      if (res.status === 401 || res.status === 403) throw this.refusal(res, o.what, shown, o.scope);
      throw new RegistryHttpError(`${o.what}: ${shown} ${text.slice(0, 200)}`.trim(), res.status, codes, parseRetryAfter(res.headers.get('retry-after')));
    });
  }
}

/**
 * The error a failed blob PUT is: DIGEST_INVALID with local bytes that do
 * hash to the digest was damage in transit (transient); with bytes that do
 * not, the layout is corrupt (never retried); anything else is classified
 * by its status.
 */
async function uploadRefusal(res: Response, digest: string, open: () => ReadableStream<Uint8Array>): Promise<Error> {
  const short = digest.slice(0, 19);
  const text = await res.text().catch(() => '');
  const codes = errorCodes(text);
  if (!codes.includes('DIGEST_INVALID')) {
    return new RegistryHttpError(`upload ${short}: HTTP ${res.status} ${text.slice(0, 200)}`.trim(), res.status, codes, parseRetryAfter(res.headers.get('retry-after')));
  }
  const local = await hashStream(open());
  if (local !== digest) {
    return new BcError('failed', `upload ${short}: the local blob hashes to ${local.slice(0, 19)}, not ${short}: the OCI layout is corrupt`, {
      step: 'push',
      details: ['nothing was tagged', 'fix: build again (the build output was changed or damaged after the build)'],
    });
  }
  return new TransientFault(`upload ${short}: the registry received bytes that do not hash to ${short}, the local bytes do (damaged in transit)`, 'blob damaged in transit');
}

/**
 * The registry preflight every flow runs before its slow work: GET /v2/
 * through the auth flow. A refused login stays exit 3 with its own message;
 * any other failure says the registry is unreachable.
 */
export async function registryPreflight(client: RegistryClient): Promise<{ authenticated: boolean }> {
  try {
    return await client.ping();
  } catch (err) {
    const e = toBcError(err);
    if (e.kind === 'environment') throw e;
    throw envMissing(`registry ${client.registry} is unreachable: ${e.message}`, ['fix: start the registry, check the registry setting, or use the local registry ("local")']);
  }
}
