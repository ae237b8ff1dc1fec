import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  registryBaseUrl
} from "./chunk-ZQSL3WWE.js";
import {
  run
} from "./chunk-2IDTRXAZ.js";
import {
  onCleanup
} from "./chunk-BTV5XUFB.js";
import {
  where
} from "./chunk-W5OZTBRM.js";
import {
  BcError,
  badInput,
  envMissing
} from "./chunk-UKZEXR6B.js";
import {
  external_exports
} from "./chunk-4G6BOLVH.js";
import {
  init_define_BC_HELP
} from "./chunk-CBKKNZPR.js";

// src/publish/credentials.ts
init_define_BC_HELP();
import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
var DockerConfigSchema = external_exports.object({
  auths: external_exports.record(external_exports.string(), external_exports.object({ auth: external_exports.string().optional(), username: external_exports.string().optional(), password: external_exports.string().optional() }).loose()).optional(),
  credHelpers: external_exports.record(external_exports.string(), external_exports.string()).optional(),
  credsStore: external_exports.string().optional()
}).loose();
function dockerConfigPath(env = process.env) {
  return join(env.DOCKER_CONFIG ?? join(homedir(), ".docker"), "config.json");
}
function configKeys(registry) {
  if (registry === "docker.io" || registry === "index.docker.io" || registry === "registry-1.docker.io") {
    return ["https://index.docker.io/v1/", "index.docker.io", "docker.io", "registry-1.docker.io"];
  }
  return [registry, `https://${registry}`, `http://${registry}`, `https://${registry}/v1/`];
}
function decodeAuth(auth) {
  const text = Buffer.from(auth, "base64").toString("utf8");
  const i = text.indexOf(":");
  if (i <= 0) return void 0;
  return { username: text.slice(0, i), password: text.slice(i + 1) };
}
function credentialsFromConfig(text, registry) {
  let raw;
  try {
    raw = JSON.parse(text);
  } catch {
    return void 0;
  }
  const cfg = DockerConfigSchema.safeParse(raw);
  if (!cfg.success) return void 0;
  const keys = configKeys(registry);
  for (const k of keys) {
    const helper = cfg.data.credHelpers?.[k];
    if (helper) return { helper };
  }
  for (const k of keys) {
    const a = cfg.data.auths?.[k];
    if (!a) continue;
    if (a.auth) {
      const d = decodeAuth(a.auth);
      if (d) return { ...d, source: "docker config" };
    }
    if (a.username && a.password) return { username: a.username, password: a.password, source: "docker config" };
  }
  if (cfg.data.credsStore) return { helper: cfg.data.credsStore };
  return void 0;
}
var HelperAnswer = external_exports.object({ Username: external_exports.string(), Secret: external_exports.string() }).loose();
async function fromHelper(helper, registry) {
  if (!/^[A-Za-z0-9_.-]+$/.test(helper)) return void 0;
  for (const key of configKeys(registry)) {
    const res = await run(`docker-credential-${helper}`, ["get"], { input: key, allowFailure: true, timeoutMs: 3e4 }).catch(() => void 0);
    if (!res || res.exitCode !== 0) continue;
    const parsed = HelperAnswer.safeParse(JSON.parse(res.stdout || "null"));
    if (parsed.success && parsed.data.Secret) return { username: parsed.data.Username, password: parsed.data.Secret, source: `docker-credential-${helper}` };
  }
  return void 0;
}
async function resolveCredentials(registry, input = {}) {
  const env = input.env ?? process.env;
  const username = input.username ?? env.BUILD_CONNECTOR_USERNAME;
  const password = input.passwordStdin ?? env.BUILD_CONNECTOR_PASSWORD;
  if (input.passwordStdin !== void 0 && !username) throw badInput("a password was given without a username", ["fix: give the username too (CLI: --username or BUILD_CONNECTOR_USERNAME; Action: the username input)"]);
  if (username && password) return { username, password, source: input.passwordStdin !== void 0 ? "the given password" : "BUILD_CONNECTOR_PASSWORD" };
  if (input.username && !password) {
    throw badInput(`username ${input.username} given without a password`, ['fix: give the password too (CLI: printf %s "$PASSWORD" | build-connector publish --username U --password-stdin, or BUILD_CONNECTOR_PASSWORD; Action: the password input)']);
  }
  let text;
  try {
    text = await readFile(dockerConfigPath(env), "utf8");
  } catch {
    return void 0;
  }
  const found = credentialsFromConfig(text, registry);
  if (!found) return void 0;
  if ("helper" in found) return fromHelper(found.helper, registry);
  return found;
}
async function readStdinPassword(stream = process.stdin) {
  const chunks = [];
  for await (const c of stream) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(String(c)));
  const text = Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
  if (text === "") throw badInput("--password-stdin: nothing was given on stdin");
  return text;
}
async function privateAuthFile(registry, creds) {
  const dir = await mkdtemp(join(tmpdir(), "bc-auth-"));
  await chmod(dir, 448);
  const file = join(dir, "config.json");
  const auth = Buffer.from(`${creds.username}:${creds.password}`).toString("base64");
  await writeFile(file, JSON.stringify({ auths: { [registry]: { auth } } }), { mode: 384 });
  onCleanup(() => rm(dir, { recursive: true, force: true }));
  return { dir, file };
}

// src/publish/retry.ts
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
  attempts: 5,
  baseMs: Number(process.env.BUILD_CONNECTOR_RETRY_BASE_MS ?? 500),
  capMs: 2e4,
  maxRetryAfterMs: 6e4
};
function retryPolicy(attempts) {
  return { ...DEFAULT_RETRY, attempts: attempts ?? DEFAULT_RETRY.attempts };
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
function finalError(err, fault, attempts, what) {
  const base = err instanceof BcError ? err : void 0;
  const msg = err instanceof Error ? err.message : String(err);
  const why = fault.kind === "transient" ? `${what} failed after ${attempts} attempts (last fault: ${fault.reason})` : `${what} failed: ${fault.reason === "not a known transient fault" ? msg : `${fault.reason} \u2014 ${msg}`}`;
  const kind = base?.kind ?? (/unauthorized|forbidden|denied/.test(fault.reason) ? "environment" : "failed");
  const details = [...base?.details ?? []];
  if (fault.kind === "transient") details.push("fix: the registry kept failing; retry later or raise --retries");
  return new BcError(kind, why, { details, step: base?.step, cause: err });
}

// src/publish/registry-client.ts
init_define_BC_HELP();
import { createHash } from "node:crypto";
var MANIFEST_TYPES = [
  "application/vnd.oci.image.index.v1+json",
  "application/vnd.docker.distribution.manifest.list.v2+json",
  "application/vnd.oci.image.manifest.v1+json",
  "application/vnd.docker.distribution.manifest.v2+json"
];
function parseChallenge(header) {
  const m = /^\s*(\w+)\s*(.*)$/s.exec(header);
  const scheme = (m?.[1] ?? "").toLowerCase();
  const params = {};
  const re = /(\w+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))/g;
  let p;
  while ((p = re.exec(m?.[2] ?? "")) !== null) params[p[1].toLowerCase()] = p[2] !== void 0 ? p[2].replace(/\\(.)/g, "$1") : p[3] ?? "";
  return { scheme, params };
}
function errorCodes(body) {
  try {
    const j = JSON.parse(body);
    return (j.errors ?? []).map((e) => String(e.code ?? "")).filter((c) => c !== "");
  } catch {
    return [];
  }
}
var sha256 = (b) => `sha256:${createHash("sha256").update(b).digest("hex")}`;
var RegistryClient = class {
  constructor(registry, opts = {}) {
    this.registry = registry;
    this.opts = opts;
    this.base = registryBaseUrl(registry);
  }
  registry;
  opts;
  base;
  tokens = /* @__PURE__ */ new Map();
  basic;
  /** GET /v2/ with authentication: proves the registry answers and the credentials are accepted. */
  async ping() {
    const res = await this.request("GET", "/v2/", { scope: "", what: `reach ${this.registry}` });
    await res.body?.cancel();
  }
  /** Every tag of a repository (following Link pagination); [] when the repository does not exist yet. */
  async listTags(repo) {
    const tags = [];
    let path = `/v2/${repo}/tags/list?n=1000`;
    while (path) {
      const res = await this.request("GET", path, { scope: `repository:${repo}:pull`, what: `list tags of ${repo}`, allow404: true });
      const text = await res.text();
      if (res.status === 404) {
        if (errorCodes(text).some((c) => c === "NAME_UNKNOWN")) return [];
        throw new BcError("failed", `list tags of ${repo}: HTTP 404`, { details: [text.slice(0, 200)] });
      }
      const j = JSON.parse(text);
      if (Array.isArray(j.tags)) {
        for (const t of j.tags) if (typeof t === "string") tags.push(t);
      }
      const link = res.headers.get("link");
      const next = link ? /<([^>]+)>\s*;\s*rel="?next"?/.exec(link)?.[1] : void 0;
      path = next ? next.startsWith("http") ? new URL(next).pathname + new URL(next).search : next : void 0;
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
    const digest = sha256(bytes);
    if (ref.startsWith("sha256:") && digest !== ref) {
      throw new BcError("failed", `registry returned a manifest for ${repo}@${ref} whose digest is ${digest}`);
    }
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
    return res.headers.get("docker-content-digest") ?? sha256(manifest.bytes);
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
    if (loc) await this.send("DELETE", loc, { scope: `repository:${repo}:pull,push`, what: "cancel upload" }).then((r) => r.body?.cancel()).catch(() => void 0);
    return false;
  }
  /** Monolithic upload: POST to start, PUT the whole blob with its digest. The stream factory is called once per attempt. */
  async uploadBlob(repo, digest, size, open) {
    const scope = `repository:${repo}:pull,push`;
    await withRetry(
      async () => {
        const start = await this.request("POST", `/v2/${repo}/blobs/uploads/`, { scope, what: `start upload of ${digest.slice(0, 19)}`, accepted: [202] });
        await start.body?.cancel();
        const loc = start.headers.get("location");
        if (!loc) throw new BcError("failed", `start upload of ${digest.slice(0, 19)}: the registry gave no Location`);
        const url = new URL(loc, this.base);
        url.searchParams.set("digest", digest);
        const res = await this.send("PUT", url.toString(), { scope, what: `upload ${digest.slice(0, 19)}`, body: open, contentLength: size, contentType: "application/octet-stream", timeoutMs: 30 * 6e4 });
        if (res.status === 401) {
          await res.body?.cancel();
          throw new BcError("environment", `upload ${digest.slice(0, 19)}: ${this.registry} refused the credentials (HTTP 401)`);
        }
        if (!res.ok) {
          const text = await res.text().catch(() => "");
          throw new RegistryHttpError(`upload ${digest.slice(0, 19)}: HTTP ${res.status} ${text.slice(0, 200)}`.trim(), res.status, errorCodes(text), parseRetryAfter(res.headers.get("retry-after")));
        }
        await res.body?.cancel();
      },
      {
        what: `upload blob ${digest.slice(0, 19)}`,
        policy: this.opts.retry ?? DEFAULT_RETRY,
        stats: this.opts.stats,
        onRetry: ({ attempt, fault, delayMs }) => this.opts.onRetry?.(`upload ${digest.slice(0, 19)}: ${fault.reason}, retry ${attempt} in ${(delayMs / 1e3).toFixed(1)} s`)
      }
    );
  }
  // ---------------------------------------------------------------- plumbing
  async request(method, path, o) {
    return withRetry(
      async () => {
        let res = await this.send(method, path, o);
        if (res.status === 401) {
          const challenge = res.headers.get("www-authenticate") ?? "";
          await res.body?.cancel();
          await this.authenticate(challenge, o.scope);
          res = await this.send(method, path, o);
        }
        if (res.ok || o.allow404 && res.status === 404 || o.accepted?.includes(res.status)) return res;
        const text = method === "HEAD" ? "" : await res.text().catch(() => "");
        const codes = errorCodes(text);
        if (res.status === 401 || res.status === 403) {
          throw new BcError("environment", `${o.what}: ${this.registry} refused the credentials (HTTP ${res.status}${codes.length ? ` ${codes.join(",")}` : ""})`, {
            step: "registry",
            details: [this.opts.credentials ? `credentials from ${this.opts.credentials.source} were refused` : "no credentials were given", loginFix(this.registry)]
          });
        }
        throw new RegistryHttpError(`${o.what}: HTTP ${res.status}${codes.length ? ` ${codes.join(",")}` : ""} ${text.slice(0, 200)}`.trim(), res.status, codes, parseRetryAfter(res.headers.get("retry-after")));
      },
      {
        what: o.what,
        policy: this.opts.retry ?? DEFAULT_RETRY,
        stats: this.opts.stats,
        onRetry: ({ attempt, fault, delayMs }) => this.opts.onRetry?.(`${o.what}: ${fault.reason}, retry ${attempt} in ${(delayMs / 1e3).toFixed(1)} s`)
      }
    );
  }
  async send(method, path, o) {
    const headers = {};
    if (o.accept) headers.accept = o.accept.join(", ");
    if (o.contentType) headers["content-type"] = o.contentType;
    const body = o.body === void 0 ? void 0 : typeof o.body === "function" ? o.body() : new Uint8Array(o.body);
    if (o.contentLength !== void 0) headers["content-length"] = String(o.contentLength);
    const url = /^https?:\/\//.test(path) ? path : `${this.base}${path}`;
    const token = this.tokens.get(o.scope);
    if (token) headers.authorization = `Bearer ${token}`;
    else if (this.basic) headers.authorization = `Basic ${this.basic}`;
    try {
      return await fetch(url, {
        method,
        headers,
        body,
        redirect: "follow",
        signal: AbortSignal.timeout(o.timeoutMs ?? this.opts.timeoutMs ?? 3e4),
        // a streamed body (blob upload) needs half duplex in Node's fetch
        ...typeof o.body === "function" ? { duplex: "half" } : {}
      });
    } catch (err) {
      const cause = err instanceof Error && err.cause instanceof Error ? err.cause : void 0;
      const code = cause ? cause.code ?? "" : "";
      throw new Error(`${method} ${url}: ${err instanceof Error ? err.message : String(err)}${cause ? ` (${cause.message}${code ? ` ${code}` : ""})` : ""}`, { cause: err });
    }
  }
  async authenticate(challengeHeader, scope) {
    const { scheme, params } = parseChallenge(challengeHeader);
    const creds = this.opts.credentials;
    if (scheme === "basic") {
      if (!creds) throw needCredentials(this.registry);
      this.basic = Buffer.from(`${creds.username}:${creds.password}`).toString("base64");
      return;
    }
    if (scheme !== "bearer" || !params.realm) {
      throw new BcError("environment", `${this.registry} asks for an unsupported authentication scheme "${scheme || challengeHeader}"`);
    }
    const url = new URL(params.realm);
    if (params.service) url.searchParams.set("service", params.service);
    for (const sc of (scope || params.scope || "").split(" ").filter((x) => x !== "")) url.searchParams.append("scope", sc);
    const headers = {};
    if (creds) headers.authorization = `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString("base64")}`;
    const res = await fetch(url, { headers, signal: AbortSignal.timeout(this.opts.timeoutMs ?? 3e4) });
    const text = await res.text();
    if (res.status === 401 || res.status === 403) {
      throw new BcError("environment", `login to ${this.registry} failed: credentials were refused (HTTP ${res.status})`, {
        step: "registry",
        details: [creds ? `credentials from ${creds.source} were refused` : "no credentials were given", loginFix(this.registry)]
      });
    }
    if (!res.ok) throw new RegistryHttpError(`token from ${url.host}: HTTP ${res.status}`, res.status, errorCodes(text), parseRetryAfter(res.headers.get("retry-after")));
    const j = JSON.parse(text);
    const token = typeof j.token === "string" ? j.token : typeof j.access_token === "string" ? j.access_token : void 0;
    if (!token) throw new BcError("environment", `token endpoint of ${this.registry} returned no token`);
    this.tokens.set(scope, token);
  }
};
function loginFix(registry) {
  return `fix: give --username U with --password-stdin (or BUILD_CONNECTOR_USERNAME/BUILD_CONNECTOR_PASSWORD), or run docker login ${registry}`;
}
function needCredentials(registry) {
  return envMissing(`${registry} requires a login and no credentials were found`, [loginFix(registry)]);
}

// src/publish/target.ts
init_define_BC_HELP();
var isHost = (s) => s === "localhost" || s.includes(".") || s.includes(":");
function splitRepository(ref) {
  const [first, ...rest] = ref.split("/");
  if (rest.length > 0 && first !== void 0 && isHost(first)) return { registry: first, path: rest.join("/") };
  return { registry: void 0, path: ref };
}
function resolveTarget(c, f) {
  const notes = [];
  const override = f.target ? c.registryOverrides[f.target] : void 0;
  if (f.target && !override?.dockerRepository && !override?.dockerImageTag) {
    notes.push(`--target ${f.target}: metadata.yaml has no data.registryOverrides.${f.target}; using data.dockerRepository / data.dockerImageTag`);
  }
  const repository = f.repository ?? override?.dockerRepository ?? c.repository;
  const pos = (path) => {
    const p = c.positionOf(path);
    return p ? `${where(p)} ${path}` : `${c.metadataPath} ${path}`;
  };
  let version;
  let versionSource;
  if (f.version !== void 0) {
    version = f.version;
    versionSource = "--release-version";
  } else if (f.target && override?.dockerImageTag) {
    version = override.dockerImageTag;
    versionSource = pos(`data.registryOverrides.${f.target}.dockerImageTag`);
  } else {
    version = c.version;
    versionSource = pos("data.dockerImageTag");
  }
  const split = splitRepository(repository);
  let registry = f.registry ?? split.registry ?? "docker.io";
  if (registry === "index.docker.io" || registry === "registry-1.docker.io") registry = "docker.io";
  let repo = split.path;
  if (registry === "docker.io" && !repo.includes("/")) repo = `library/${repo}`;
  if (!/^[a-z0-9]+([._-][a-z0-9]+)*(\/[a-z0-9]+([._-][a-z0-9]+)*)*$/.test(repo)) {
    throw badInput(`repository "${repo}" is not valid (lowercase path like airbyte/source-foo)`);
  }
  return { registry, repo, reference: `${registry}/${repo}`, version, versionSource, notes };
}

export {
  resolveCredentials,
  readStdinPassword,
  privateAuthFile,
  retryPolicy,
  newRetryStats,
  withRetry,
  RegistryClient,
  splitRepository,
  resolveTarget
};
