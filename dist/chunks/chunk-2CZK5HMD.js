import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  registryBaseUrl
} from "./chunk-QLD2YDU3.js";
import {
  DEFAULT_ATTEMPTS
} from "./chunk-CL32DPN3.js";
import {
  sha256Digest
} from "./chunk-FLBFUWAO.js";
import {
  external_exports
} from "./chunk-SVKG5X7A.js";
import {
  BcError,
  envMissing,
  toBcError
} from "./chunk-BSQYAL4K.js";
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/registry/client.ts
init_define_BC_HELP();
import { createHash } from "node:crypto";

// src/registry/auth.ts
init_define_BC_HELP();

// src/registry/http.ts
init_define_BC_HELP();
function errorCodes(body) {
  try {
    const j = JSON.parse(body);
    return (j.errors ?? []).map((e) => String(e.code ?? "")).filter((c) => c !== "");
  } catch {
    return [];
  }
}
function parseJsonOr(text) {
  try {
    return JSON.parse(text);
  } catch {
    return void 0;
  }
}
var REDIRECTS = /* @__PURE__ */ new Set([301, 302, 303, 307, 308]);
var MAX_HOPS = 5;
async function send(target, method, path, o, hops = 0) {
  const url = /^https?:\/\//.test(path) ? path : `${target.base}${path}`;
  const res = await sendOnce(target, method, url, o);
  const loc = res.headers.get("location");
  if (!REDIRECTS.has(res.status) || !loc || hops >= MAX_HOPS) return res;
  await res.body?.cancel();
  const next = new URL(loc, url).toString();
  if (res.status === 303) return send(target, "GET", next, { ...o, body: void 0, contentLength: void 0, contentType: void 0 }, hops + 1);
  return send(target, method, next, o, hops + 1);
}
async function sendOnce(target, method, url, o) {
  const headers = {};
  if (o.accept) headers.accept = o.accept.join(", ");
  if (o.contentType) headers["content-type"] = o.contentType;
  const body = o.body === void 0 ? void 0 : typeof o.body === "function" ? o.body() : new Uint8Array(o.body);
  if (o.contentLength !== void 0) headers["content-length"] = String(o.contentLength);
  if (new URL(url).origin === new URL(target.base).origin) {
    const authorization = target.authorization(o.scope);
    if (authorization) headers.authorization = authorization;
  }
  try {
    return await fetch(url, {
      method,
      headers,
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(o.timeoutMs ?? target.timeoutMs),
      // a streamed body (blob upload) needs half duplex in Node's fetch
      ...typeof o.body === "function" ? { duplex: "half" } : {}
    });
  } catch (err) {
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause : void 0;
    const code = cause ? cause.code ?? "" : "";
    throw new Error(`${method} ${url}: ${err instanceof Error ? err.message : String(err)}${cause ? ` (${cause.message}${code ? ` ${code}` : ""})` : ""}`, { cause: err });
  }
}

// src/registry/retry.ts
init_define_BC_HELP();
var RegistryHttpError = class extends Error {
  constructor(message, status, codes = [], retryAfterMs) {
    super(message);
    this.status = status;
    this.codes = codes;
    this.retryAfterMs = retryAfterMs;
    this.name = "RegistryHttpError";
  }
  status;
  codes;
  retryAfterMs;
};
var TransientFault = class extends Error {
  constructor(message, reason) {
    super(message);
    this.reason = reason;
    this.name = "TransientFault";
  }
  reason;
};
var PERMANENT = [
  [/\b(401|unauthorized|authentication required|incorrect username or password)\b/i, "unauthorized (401)"],
  [/\b(403|forbidden)\b/i, "forbidden (403)"],
  [/\bdenied\b/i, "denied"],
  [/MANIFEST_INVALID|manifest invalid/i, "manifest invalid"],
  [/NAME_UNKNOWN|name unknown|repository name not known/i, "name unknown"],
  [/NAME_INVALID|invalid reference format/i, "name invalid"],
  [/MANIFEST_BLOB_UNKNOWN|BLOB_UNKNOWN|blob unknown/i, "blob unknown"],
  [/DIGEST_INVALID|digest did not match|digest mismatch/i, "digest invalid"],
  [/\bx509\b|certificate/i, "TLS certificate problem"],
  [/http: server gave HTTP response to HTTPS client/i, "registry speaks HTTP, not HTTPS"],
  [/no such host|ENOTFOUND/i, "unknown host"]
];
var TRANSIENT = [
  [/\b429\b|too ?many ?requests|TOOMANYREQUESTS/i, "HTTP 429 too many requests"],
  [/\b50[0-4]\b|internal server error|bad gateway|service unavailable|gateway time-?out/i, "HTTP 5xx"],
  [/ECONNRESET|connection reset|reset by peer/i, "connection reset"],
  [/ECONNREFUSED|connection refused/i, "connection refused"],
  [/EPIPE|broken pipe/i, "broken pipe"],
  [/ETIMEDOUT|timed? ?out|deadline exceeded|TimeoutError|UND_ERR_(HEADERS|BODY|CONNECT)_TIMEOUT/i, "timeout"],
  [/UND_ERR_SOCKET|other side closed|socket hang up|unexpected EOF|:\s*EOF\s*$|\bEOF\b$/im, "connection dropped"],
  [/ECONNABORTED|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH/i, "network unreachable"]
];
function classifyText(text) {
  for (const [re, reason] of PERMANENT) if (re.test(text)) return { kind: "permanent", reason };
  for (const [re, reason] of TRANSIENT) if (re.test(text)) return { kind: "transient", reason };
  return { kind: "permanent", reason: "not a known transient fault" };
}
function classifyStatus(status, codes = []) {
  if (codes.some((c) => /^(DENIED|UNAUTHORIZED|MANIFEST_INVALID|NAME_UNKNOWN|NAME_INVALID|BLOB_UNKNOWN|MANIFEST_BLOB_UNKNOWN|DIGEST_INVALID|UNSUPPORTED)$/.test(c))) {
    return { kind: "permanent", reason: codes.join(", ") };
  }
  if (status === 429 || codes.includes("TOOMANYREQUESTS")) return { kind: "transient", reason: "HTTP 429 too many requests" };
  if (status >= 500 && status <= 599) return { kind: "transient", reason: `HTTP ${status}` };
  if (status === 408) return { kind: "transient", reason: "HTTP 408 request timeout" };
  return { kind: "permanent", reason: `HTTP ${status}` };
}
function errorText(err) {
  const parts = [];
  let e = err;
  for (let depth = 0; e !== void 0 && e !== null && depth < 5; depth++) {
    if (e instanceof BcError) parts.push(e.message, ...e.details);
    else if (e instanceof Error) {
      parts.push(e.message);
      const code = e.code;
      if (code) parts.push(code);
    } else parts.push(String(e));
    e = e instanceof Error ? e.cause : void 0;
  }
  return parts.join("\n");
}
function classifyError(err) {
  if (err instanceof TransientFault) return { kind: "transient", reason: err.reason };
  if (err instanceof RegistryHttpError) {
    const f = classifyStatus(err.status, err.codes);
    return err.retryAfterMs !== void 0 ? { ...f, retryAfterMs: err.retryAfterMs } : f;
  }
  return classifyText(errorText(err));
}
function parseRetryAfter(value, now = Date.now()) {
  if (!value) return void 0;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1e3;
  const t = Date.parse(v);
  return Number.isNaN(t) ? void 0 : Math.max(0, t - now);
}
var DEFAULT_RETRY = {
  attempts: DEFAULT_ATTEMPTS,
  baseMs: Number(process.env.BUILD_CONNECTOR_RETRY_BASE_MS ?? 500),
  capMs: 2e4,
  maxRetryAfterMs: 6e4
};
function retryPolicy(attempts) {
  return { ...DEFAULT_RETRY, attempts };
}
function backoffDelay(policy, retry, fault, random = Math.random) {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** retry);
  const jitter = Math.floor(random() * ceiling);
  if (fault.retryAfterMs !== void 0) return Math.min(policy.maxRetryAfterMs, Math.max(fault.retryAfterMs, jitter));
  return jitter;
}
function newRetryStats() {
  return { retried: {}, total: 0 };
}
var realSleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function withRetry(fn, opts) {
  const policy = opts.policy ?? DEFAULT_RETRY;
  const sleep = opts.sleep ?? realSleep;
  const classify = opts.classify ?? classifyError;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (err) {
      const fault = classify(err);
      if (fault.kind === "permanent" || attempt >= policy.attempts) {
        throw finalError(err, fault, attempt, opts.what);
      }
      const delayMs = backoffDelay(policy, attempt - 1, fault, opts.random);
      if (opts.stats) {
        opts.stats.total++;
        opts.stats.retried[fault.reason] = (opts.stats.retried[fault.reason] ?? 0) + 1;
      }
      opts.onRetry?.({ attempt, fault, delayMs, error: err });
      await sleep(delayMs);
    }
  }
}
var RetryFinal = class extends BcError {
};
function finalError(err, fault, attempts, what) {
  if (err instanceof RetryFinal) return err;
  const base = err instanceof BcError ? err : void 0;
  const msg = err instanceof Error ? err.message : String(err);
  const why = fault.kind === "transient" ? `${what} failed after ${attempts} attempts (last fault: ${fault.reason})` : msg.startsWith(`${what}: `) ? msg : `${what} failed: ${fault.reason === "not a known transient fault" ? msg : `${fault.reason} \u2014 ${msg}`}`;
  const kind = base?.kind ?? (/unauthorized|forbidden|denied/.test(fault.reason) ? "environment" : "failed");
  const details = [...base?.details ?? []];
  if (fault.kind === "transient") details.push("fix: the registry kept failing; retry later or raise --retries");
  return new RetryFinal(kind, why, { details, step: base?.step, cause: err });
}

// src/registry/auth.ts
var TokenSchema = external_exports.object({ token: external_exports.string().min(1).optional(), access_token: external_exports.string().min(1).optional() }).loose();
function parseChallenge(header) {
  const m = /^\s*(\w+)\s*(.*)$/s.exec(header);
  const scheme = (m?.[1] ?? "").toLowerCase();
  const params = {};
  const re = /(\w+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))/g;
  let p;
  while ((p = re.exec(m?.[2] ?? "")) !== null) params[p[1].toLowerCase()] = p[2] !== void 0 ? p[2].replace(/\\(.)/g, "$1") : p[3] ?? "";
  return { scheme, params };
}
var LoginRefused = class extends BcError {
  constructor(message, status, details) {
    super("environment", message, { step: "registry", details });
    this.status = status;
  }
  status;
};
function loginRefusal(err) {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) if (e instanceof LoginRefused) return e;
  return void 0;
}
function loginFix(registry) {
  return `fix: give a username and password (CLI: --username U with --password-stdin, or BUILD_CONNECTOR_USERNAME/BUILD_CONNECTOR_PASSWORD; Action: the username and password inputs), or run docker login ${registry}`;
}
function credentialsNote(creds) {
  return creds ? `credentials from ${creds.source} were refused` : "no credentials were given";
}
var basicOf = (creds) => Buffer.from(`${creds.username}:${creds.password}`).toString("base64");
var RegistryAuth = class {
  constructor(registry, credentials, timeoutMs) {
    this.registry = registry;
    this.credentials = credentials;
    this.timeoutMs = timeoutMs;
  }
  registry;
  credentials;
  timeoutMs;
  tokens = /* @__PURE__ */ new Map();
  basic;
  /** The Authorization header for a request in this scope, when the flow has run. */
  header(scope) {
    const token = this.tokens.get(scope);
    if (token) return `Bearer ${token}`;
    return this.basic ? `Basic ${this.basic}` : void 0;
  }
  /** Answer a 401's challenge: keep the Basic credentials, or fetch a token for `scope`. */
  async authenticate(challengeHeader, scope) {
    const { scheme, params } = parseChallenge(challengeHeader);
    const creds = this.credentials;
    if (scheme === "basic") {
      if (!creds) throw envMissing(`${this.registry} requires a login and no credentials were found`, [loginFix(this.registry)]);
      this.basic = basicOf(creds);
      return;
    }
    if (scheme !== "bearer" || !params.realm) {
      throw new BcError("environment", `${this.registry} asks for an unsupported authentication scheme "${scheme || challengeHeader}"`);
    }
    this.tokens.set(scope, await this.fetchToken(params, scope));
  }
  async fetchToken(params, scope) {
    const creds = this.credentials;
    const url = new URL(params.realm ?? "");
    if (params.service) url.searchParams.set("service", params.service);
    for (const sc of (scope || params.scope || "").split(" ").filter((x) => x !== "")) url.searchParams.append("scope", sc);
    const headers = creds ? { authorization: `Basic ${basicOf(creds)}` } : {};
    const res = await fetch(url, { headers, signal: AbortSignal.timeout(this.timeoutMs) });
    const text = await res.text();
    if (res.status === 401 || res.status === 403) {
      throw new LoginRefused(`login to ${this.registry} failed: credentials were refused (HTTP ${res.status})`, res.status, [credentialsNote(creds), loginFix(this.registry)]);
    }
    if (!res.ok) throw new RegistryHttpError(`token from ${url.host}: HTTP ${res.status}`, res.status, errorCodes(text), parseRetryAfter(res.headers.get("retry-after")));
    const j = TokenSchema.safeParse(parseJsonOr(text));
    const token = j.success ? j.data.token ?? j.data.access_token : void 0;
    if (!token) throw new BcError("environment", `token endpoint of ${this.registry} returned no token`);
    return token;
  }
};
function insufficientScope(challenge, asked) {
  const { scheme, params } = parseChallenge(challenge);
  if (scheme !== "bearer" || params.error !== "insufficient_scope") return void 0;
  return params.scope || asked || "the requested scope";
}
function refusal(o) {
  const denied = insufficientScope(o.challenge, o.scope);
  if (!denied) return new LoginRefused(`${o.what}: ${o.registry} refused the credentials (${o.shown})`, o.status, [credentialsNote(o.credentials), loginFix(o.registry)]);
  const who = o.credentials ? `${o.credentials.username} (credentials from ${o.credentials.source})` : "an anonymous login";
  return new LoginRefused(`${o.what}: ${o.registry} did not grant ${denied} to ${who} (${o.shown} insufficient_scope)`, o.status, [
    "the login was accepted, but its token does not carry that scope: nothing was written",
    `fix: give credentials allowed to ${denied.includes("push") ? "push to" : "read"} this repository (a token with write access, e.g. GHCR's write:packages), or check --registry / --repository`
  ]);
}

// src/registry/client.ts
var MANIFEST_TYPES = [
  "application/vnd.oci.image.index.v1+json",
  "application/vnd.docker.distribution.manifest.list.v2+json",
  "application/vnd.oci.image.manifest.v1+json",
  "application/vnd.docker.distribution.manifest.v2+json"
];
var TagListSchema = external_exports.object({ tags: external_exports.array(external_exports.string()).nullable().optional() }).loose();
var MAX_TAG_PAGES = 100;
var ManifestMismatch = class extends BcError {
  constructor(repo, asked, got) {
    super("failed", `registry returned a manifest for ${repo}@${asked} whose digest is ${got}`);
    this.repo = repo;
    this.asked = asked;
    this.got = got;
  }
  repo;
  asked;
  got;
};
async function hashStream(stream) {
  const h = createHash("sha256");
  const reader = stream.getReader();
  for (; ; ) {
    const { done, value } = await reader.read();
    if (done) break;
    h.update(value);
  }
  return `sha256:${h.digest("hex")}`;
}
var RegistryClient = class {
  constructor(registry, opts = {}) {
    this.registry = registry;
    this.opts = opts;
    this.base = registryBaseUrl(registry);
    const timeoutMs = opts.timeoutMs ?? 3e4;
    this.auth = new RegistryAuth(registry, opts.credentials, timeoutMs);
    this.http = { base: this.base, authorization: (scope) => this.auth.header(scope), timeoutMs };
  }
  registry;
  opts;
  base;
  auth;
  http;
  /** the auth flow ran and the registry accepted its answer */
  authenticated = false;
  /**
   * GET /v2/ with authentication: proves the registry answers and the
   * credentials are accepted. `authenticated` is false when the registry
   * answered without asking for a login (the credentials were not tried).
   */
  async ping() {
    const res = await this.request("GET", "/v2/", { scope: "", what: `reach ${this.registry}` });
    await res.body?.cancel();
    return { authenticated: this.authenticated };
  }
  /** Every tag of a repository (following Link pagination); [] when the repository does not exist yet. */
  async listTags(repo) {
    const tags = [];
    let path = `/v2/${repo}/tags/list?n=1000`;
    const seen = /* @__PURE__ */ new Set([path]);
    while (path) {
      const res = await this.request("GET", path, { scope: `repository:${repo}:pull`, what: `list tags of ${repo}`, allow404: true });
      const text = await res.text();
      if (res.status === 404) {
        if (errorCodes(text).some((c) => c === "NAME_UNKNOWN")) return [];
        throw new BcError("failed", `list tags of ${repo}: HTTP 404`, { details: [text.slice(0, 200)] });
      }
      const page = TagListSchema.safeParse(parseJsonOr(text));
      if (!page.success) {
        throw new BcError("environment", `list tags of ${repo}: ${this.registry} answered something that is not a tag list (HTTP ${res.status}: ${JSON.stringify(text.slice(0, 80))})`, {
          step: "registry",
          details: ["fix: check --registry: it must be a registry speaking the distribution API (GET /v2/<repo>/tags/list)"]
        });
      }
      tags.push(...page.data.tags ?? []);
      const link = res.headers.get("link");
      const next = link ? /<([^>]+)>\s*;\s*rel="?next"?/.exec(link)?.[1] : void 0;
      path = next ? next.startsWith("http") ? new URL(next).pathname + new URL(next).search : next : void 0;
      if (path && (seen.has(path) || seen.size >= MAX_TAG_PAGES)) {
        throw new BcError("environment", `list tags of ${repo}: ${this.registry} keeps paginating (${seen.has(path) ? "a page links to one already read" : `more than ${MAX_TAG_PAGES} pages`})`, { step: "registry" });
      }
      if (path) seen.add(path);
    }
    return tags;
  }
  /** HEAD a manifest: its digest, or undefined when the tag/digest does not exist. */
  async headManifest(repo, ref) {
    const res = await this.request("HEAD", `/v2/${repo}/manifests/${ref}`, {
      scope: `repository:${repo}:pull`,
      what: `read ${repo}:${ref}`,
      allow404: true,
      accept: MANIFEST_TYPES
    });
    if (res.status === 404) return void 0;
    const digest = res.headers.get("docker-content-digest");
    if (!digest) {
      const m = await this.getManifest(repo, ref);
      return m && { digest: m.digest, mediaType: m.mediaType, size: m.size };
    }
    return { digest, mediaType: res.headers.get("content-type") ?? "", size: Number(res.headers.get("content-length") ?? 0) };
  }
  /** GET a manifest's exact bytes; the digest is computed from them (and checked when ref is a digest). */
  async getManifest(repo, ref) {
    const res = await this.request("GET", `/v2/${repo}/manifests/${ref}`, {
      scope: `repository:${repo}:pull`,
      what: `read ${repo}@${ref}`,
      allow404: true,
      accept: MANIFEST_TYPES
    });
    if (res.status === 404) {
      await res.body?.cancel();
      return void 0;
    }
    const bytes = Buffer.from(await res.arrayBuffer());
    const digest = sha256Digest(bytes);
    if (ref.startsWith("sha256:") && digest !== ref) throw new ManifestMismatch(repo, ref, digest);
    return { digest, mediaType: res.headers.get("content-type") ?? "", size: bytes.length, bytes };
  }
  /** PUT a manifest under a tag (or digest). Returns the digest the registry reports. */
  async putManifest(repo, ref, manifest) {
    const res = await this.request("PUT", `/v2/${repo}/manifests/${ref}`, {
      scope: `repository:${repo}:pull,push`,
      what: `write ${repo}:${ref}`,
      body: manifest.bytes,
      contentType: manifest.mediaType
    });
    await res.body?.cancel();
    return res.headers.get("docker-content-digest") ?? sha256Digest(manifest.bytes);
  }
  /**
   * PUT a manifest that names a `subject` (an OCI 1.1 referrer) by its digest.
   * `indexed` is true when the registry says it indexed the referrer itself
   * (the OCI-Subject header); otherwise the caller keeps the referrers tag.
   */
  async putReferrer(repo, manifest, subject) {
    const res = await this.request("PUT", `/v2/${repo}/manifests/${manifest.digest}`, {
      scope: `repository:${repo}:pull,push`,
      what: `write ${repo}@${manifest.digest.slice(0, 19)}`,
      body: manifest.bytes,
      contentType: manifest.mediaType
    });
    await res.body?.cancel();
    return { digest: res.headers.get("docker-content-digest") ?? sha256Digest(manifest.bytes), indexed: res.headers.get("oci-subject") === subject };
  }
  /**
   * The referrers API (GET /v2/R/referrers/D): the index of manifests whose
   * subject is D, or undefined when the registry has no such API (404, as
   * distribution 2.x answers; then the referrers tag sha256-HEX is the index).
   */
  async getReferrers(repo, digest, artifactType) {
    const q = artifactType ? `?artifactType=${encodeURIComponent(artifactType)}` : "";
    const res = await this.request("GET", `/v2/${repo}/referrers/${digest}${q}`, {
      scope: `repository:${repo}:pull`,
      what: `list referrers of ${repo}@${digest.slice(0, 19)}`,
      allow404: true,
      accepted: [400, 405, 501],
      accept: ["application/vnd.oci.image.index.v1+json"]
    });
    if (!res.ok) {
      await res.body?.cancel();
      return void 0;
    }
    const type = res.headers.get("content-type") ?? "";
    const bytes = Buffer.from(await res.arrayBuffer());
    return type.includes("json") ? bytes : void 0;
  }
  /** GET a small blob (an image config); undefined when absent. The digest is checked. */
  async getBlob(repo, digest) {
    const res = await this.request("GET", `/v2/${repo}/blobs/${digest}`, { scope: `repository:${repo}:pull`, what: `read blob ${digest.slice(0, 19)}`, allow404: true });
    if (res.status === 404) {
      await res.body?.cancel();
      return void 0;
    }
    const bytes = Buffer.from(await res.arrayBuffer());
    if (sha256Digest(bytes) !== digest) throw new BcError("failed", `registry returned a blob for ${repo}@${digest} whose digest is ${sha256Digest(bytes)}`);
    return bytes;
  }
  /** Does the repository hold this blob? */
  async blobExists(repo, digest) {
    const res = await this.request("HEAD", `/v2/${repo}/blobs/${digest}`, { scope: `repository:${repo}:pull,push`, what: `check blob ${digest.slice(0, 19)}`, allow404: true });
    return res.status !== 404;
  }
  /** Cross-repository mount (no upload) from another repository of the same registry; false when the registry declines. */
  async mountBlob(repo, digest, from) {
    const res = await this.request("POST", `/v2/${repo}/blobs/uploads/?mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(from)}`, {
      scope: `repository:${repo}:pull,push repository:${from}:pull`,
      what: `mount blob ${digest.slice(0, 19)} from ${from}`,
      accepted: [202]
    });
    await res.body?.cancel();
    if (res.status === 201) return true;
    const loc = res.headers.get("location");
    if (loc) await send(this.http, "DELETE", loc, { scope: `repository:${repo}:pull,push`, what: "cancel upload" }).then((r) => r.body?.cancel()).catch(() => void 0);
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
  async uploadBlob(repo, digest, size, open) {
    const scope = `repository:${repo}:pull,push`;
    const short = digest.slice(0, 19);
    let reauthenticated = false;
    await this.retrying(`upload blob ${short}`, `upload ${short}`, async () => {
      const url = await this.startUpload(repo, digest);
      const res = await send(this.http, "PUT", url, { scope, what: `upload ${short}`, body: open, contentLength: size, contentType: "application/octet-stream", timeoutMs: 30 * 6e4 });
      if (res.status === 401) {
        const challenge = res.headers.get("www-authenticate") ?? "";
        await res.body?.cancel();
        if (reauthenticated || challenge === "") throw this.refusal(res, `upload ${short}`, "HTTP 401", scope);
        reauthenticated = true;
        await this.auth.authenticate(challenge, scope);
        throw new TransientFault(`upload ${short}: HTTP 401 in the middle of the push (token expired); a new token was obtained`, "HTTP 401 mid-push, new token");
      }
      if (!res.ok) throw await uploadRefusal(res, digest, open);
      await res.body?.cancel();
    });
  }
  /** POST an upload session: the URL to PUT the blob to (with its digest). */
  async startUpload(repo, digest) {
    const short = digest.slice(0, 19);
    const start = await this.request("POST", `/v2/${repo}/blobs/uploads/`, { scope: `repository:${repo}:pull,push`, what: `start upload of ${short}`, accepted: [202] });
    await start.body?.cancel();
    const loc = start.headers.get("location");
    if (!loc) throw new BcError("failed", `start upload of ${short}: the registry gave no Location`);
    const url = new URL(loc, this.base);
    url.searchParams.set("digest", digest);
    return url.toString();
  }
  // ---------------------------------------------------------------- plumbing
  /** withRetry with this client's policy, stats and retry log. */
  retrying(what, short, fn) {
    return withRetry(fn, {
      what,
      policy: this.opts.retry ?? DEFAULT_RETRY,
      stats: this.opts.stats,
      onRetry: ({ attempt, fault, delayMs }) => this.opts.onRetry?.(`${short}: ${fault.reason}, retry ${attempt} in ${(delayMs / 1e3).toFixed(1)} s`)
    });
  }
  refusal(res, what, shown, scope) {
    return refusal({ registry: this.registry, what, status: res.status, shown, challenge: res.headers.get("www-authenticate") ?? "", scope, credentials: this.opts.credentials });
  }
  /** One request through the auth flow, retried on transient faults; a refusal is LoginRefused. */
  async request(method, path, o) {
    return this.retrying(o.what, o.what, async () => {
      let res = await send(this.http, method, path, o);
      if (res.status === 401) {
        const challenge = res.headers.get("www-authenticate") ?? "";
        await res.body?.cancel();
        await this.auth.authenticate(challenge, o.scope);
        res = await send(this.http, method, path, o);
        if (res.status !== 401 && res.status !== 403) this.authenticated = true;
      }
      if (res.ok || o.allow404 && res.status === 404 || o.accepted?.includes(res.status)) return res;
      const text = method === "HEAD" ? "" : await res.text().catch(() => "");
      const codes = errorCodes(text);
      const shown = `HTTP ${res.status}${codes.length ? ` ${codes.join(",")}` : ""}`;
      if (res.status === 401 || res.status === 403) throw this.refusal(res, o.what, shown, o.scope);
      throw new RegistryHttpError(`${o.what}: ${shown} ${text.slice(0, 200)}`.trim(), res.status, codes, parseRetryAfter(res.headers.get("retry-after")));
    });
  }
};
async function uploadRefusal(res, digest, open) {
  const short = digest.slice(0, 19);
  const text = await res.text().catch(() => "");
  const codes = errorCodes(text);
  if (!codes.includes("DIGEST_INVALID")) {
    return new RegistryHttpError(`upload ${short}: HTTP ${res.status} ${text.slice(0, 200)}`.trim(), res.status, codes, parseRetryAfter(res.headers.get("retry-after")));
  }
  const local = await hashStream(open());
  if (local !== digest) {
    return new BcError("failed", `upload ${short}: the local blob hashes to ${local.slice(0, 19)}, not ${short}: the OCI layout is corrupt`, {
      step: "push",
      details: ["nothing was tagged", "fix: build again (the build output was changed or damaged after the build)"]
    });
  }
  return new TransientFault(`upload ${short}: the registry received bytes that do not hash to ${short}, the local bytes do (damaged in transit)`, "blob damaged in transit");
}
async function registryPreflight(client) {
  try {
    return await client.ping();
  } catch (err) {
    const e = toBcError(err);
    if (e.kind === "environment") throw e;
    throw envMissing(`registry ${client.registry} is unreachable: ${e.message}`, ['fix: start the registry, check the registry setting, or use the local registry ("local")']);
  }
}

export {
  retryPolicy,
  newRetryStats,
  withRetry,
  parseChallenge,
  LoginRefused,
  loginRefusal,
  MANIFEST_TYPES,
  ManifestMismatch,
  RegistryClient,
  registryPreflight
};
