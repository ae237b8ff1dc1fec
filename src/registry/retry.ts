/**
 * Retries for registry operations (listing, manifest reads and writes,
 * skopeo copy, cosign). Only faults known to be transient are retried:
 * HTTP 5xx, 429 (honouring Retry-After), dropped/refused connections and
 * timeouts. Permanent faults (401/403, MANIFEST_INVALID, NAME_UNKNOWN,
 * denied) fail at once: retrying them only delays a clear message.
 * Anything unrecognised is treated as permanent, so a retry never hides a bug.
 *
 * Backoff is exponential with "full jitter" (sleep = random(0, min(cap,
 * base * 2^n))), the variant that spreads concurrent clients best; see
 * https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 */
import { BcError } from '../errors.js';
import { DEFAULT_ATTEMPTS } from '../shared/modes.js';

type FaultKind = 'transient' | 'permanent';

interface Fault {
  kind: FaultKind;
  /** short reason for logs: "HTTP 503", "connection reset" */
  reason: string;
  /** server-requested wait (Retry-After), when known */
  retryAfterMs?: number;
}

/** An HTTP answer from a registry that was not what we wanted. */
export class RegistryHttpError extends Error {
  constructor(
    message: string,
    readonly status: number,
    /** distribution error codes from the JSON body (MANIFEST_INVALID, NAME_UNKNOWN, ...) */
    readonly codes: string[] = [],
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'RegistryHttpError';
  }
}

/**
 * A fault the code itself knows to be transient although its HTTP status is
 * not: a 401 in the middle of a push once a new token was obtained (the old
 * one expired), or blob bytes the registry received differently from the
 * local bytes, which were re-hashed and are right (corrupted in transit).
 */
export class TransientFault extends Error {
  constructor(
    message: string,
    readonly reason: string,
  ) {
    super(message);
    this.name = 'TransientFault';
  }
}

// Order matters: permanent markers win over transient ones in the same text
// (a "denied" body on a 503 proxy page is still denied).
const PERMANENT: [RegExp, string][] = [
  [/\b(401|unauthorized|authentication required|incorrect username or password)\b/i, 'unauthorized (401)'],
  [/\b(403|forbidden)\b/i, 'forbidden (403)'],
  [/\bdenied\b/i, 'denied'],
  [/MANIFEST_INVALID|manifest invalid/i, 'manifest invalid'],
  [/NAME_UNKNOWN|name unknown|repository name not known/i, 'name unknown'],
  [/NAME_INVALID|invalid reference format/i, 'name invalid'],
  [/MANIFEST_BLOB_UNKNOWN|BLOB_UNKNOWN|blob unknown/i, 'blob unknown'],
  [/DIGEST_INVALID|digest did not match|digest mismatch/i, 'digest invalid'],
  [/\bx509\b|certificate/i, 'TLS certificate problem'],
  [/http: server gave HTTP response to HTTPS client/i, 'registry speaks HTTP, not HTTPS'],
  [/no such host|ENOTFOUND/i, 'unknown host'],
];

const TRANSIENT: [RegExp, string][] = [
  [/\b429\b|too ?many ?requests|TOOMANYREQUESTS/i, 'HTTP 429 too many requests'],
  [/\b50[0-4]\b|internal server error|bad gateway|service unavailable|gateway time-?out/i, 'HTTP 5xx'],
  [/ECONNRESET|connection reset|reset by peer/i, 'connection reset'],
  [/ECONNREFUSED|connection refused/i, 'connection refused'],
  [/EPIPE|broken pipe/i, 'broken pipe'],
  [/ETIMEDOUT|timed? ?out|deadline exceeded|TimeoutError|UND_ERR_(HEADERS|BODY|CONNECT)_TIMEOUT/i, 'timeout'],
  [/UND_ERR_SOCKET|other side closed|socket hang up|unexpected EOF|:\s*EOF\s*$|\bEOF\b$/im, 'connection dropped'],
  [/ECONNABORTED|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH/i, 'network unreachable'],
];

/** Classify the text of an error (stderr of a tool, an HTTP message, an errno). */
export function classifyText(text: string): Fault {
  for (const [re, reason] of PERMANENT) if (re.test(text)) return { kind: 'permanent', reason };
  for (const [re, reason] of TRANSIENT) if (re.test(text)) return { kind: 'transient', reason };
  return { kind: 'permanent', reason: 'not a known transient fault' };
}

export function classifyStatus(status: number, codes: readonly string[] = []): Fault {
  if (codes.some((c) => /^(DENIED|UNAUTHORIZED|MANIFEST_INVALID|NAME_UNKNOWN|NAME_INVALID|BLOB_UNKNOWN|MANIFEST_BLOB_UNKNOWN|DIGEST_INVALID|UNSUPPORTED)$/.test(c))) {
    return { kind: 'permanent', reason: codes.join(', ') };
  }
  if (status === 429 || codes.includes('TOOMANYREQUESTS')) return { kind: 'transient', reason: 'HTTP 429 too many requests' };
  if (status >= 500 && status <= 599) return { kind: 'transient', reason: `HTTP ${status}` };
  if (status === 408) return { kind: 'transient', reason: 'HTTP 408 request timeout' };
  return { kind: 'permanent', reason: `HTTP ${status}` };
}

/** Every line of text an error carries: message, details (tool stderr), causes. */
function errorText(err: unknown): string {
  const parts: string[] = [];
  let e: unknown = err;
  for (let depth = 0; e !== undefined && e !== null && depth < 5; depth++) {
    if (e instanceof BcError) parts.push(e.message, ...e.details);
    else if (e instanceof Error) {
      parts.push(e.message);
      const code = (e as NodeJS.ErrnoException).code;
      if (code) parts.push(code);
    } else parts.push(String(e));
    e = e instanceof Error ? e.cause : undefined;
  }
  return parts.join('\n');
}

export function classifyError(err: unknown): Fault {
  if (err instanceof TransientFault) return { kind: 'transient', reason: err.reason };
  if (err instanceof RegistryHttpError) {
    const f = classifyStatus(err.status, err.codes);
    return err.retryAfterMs !== undefined ? { ...f, retryAfterMs: err.retryAfterMs } : f;
  }
  return classifyText(errorText(err));
}

/** Retry-After is either seconds or an HTTP date (RFC 9110 10.2.3). */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : Math.max(0, t - now);
}

export interface RetryPolicy {
  /** total attempts including the first (default 5) */
  attempts: number;
  baseMs: number;
  capMs: number;
  /** never wait longer than this for a Retry-After */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: DEFAULT_ATTEMPTS,
  baseMs: Number(process.env.BUILD_CONNECTOR_RETRY_BASE_MS ?? 500),
  capMs: 20_000,
  maxRetryAfterMs: 60_000,
};

/** The retry policy of a request's attempts (the request grammar gives 5 when --retries is not given). */
export function retryPolicy(attempts: number): RetryPolicy {
  return { ...DEFAULT_RETRY, attempts };
}

/** Full-jitter delay before retry number `retry` (0-based), or the server's Retry-After. */
export function backoffDelay(policy: RetryPolicy, retry: number, fault: Fault, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** retry);
  const jitter = Math.floor(random() * ceiling);
  if (fault.retryAfterMs !== undefined) return Math.min(policy.maxRetryAfterMs, Math.max(fault.retryAfterMs, jitter));
  return jitter;
}

export interface RetryStats {
  /** faults survived, by reason */
  retried: Record<string, number>;
  total: number;
}

export function newRetryStats(): RetryStats {
  return { retried: {}, total: 0 };
}

interface RetryOptions {
  policy?: RetryPolicy;
  /** what is being done, for the final message ("push by digest") */
  what: string;
  stats?: RetryStats;
  onRetry?: (info: { attempt: number; fault: Fault; delayMs: number; error: unknown }) => void;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  classify?: (err: unknown) => Fault;
}

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Run `fn` until it succeeds, a permanent fault occurs, or attempts run out.
 * The final error keeps the original error's kind (exit code) and details,
 * and says how many attempts were made.
 */
export async function withRetry<T>(fn: (attempt: number) => Promise<T>, opts: RetryOptions): Promise<T> {
  const policy = opts.policy ?? DEFAULT_RETRY;
  const sleep = opts.sleep ?? realSleep;
  const classify = opts.classify ?? classifyError;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (err) {
      const fault = classify(err);
      if (fault.kind === 'permanent' || attempt >= policy.attempts) {
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

/** The error a withRetry ends with: an outer withRetry (an upload around its start request) passes it on as it is. */
class RetryFinal extends BcError {}

function finalError(err: unknown, fault: Fault, attempts: number, what: string): BcError {
  if (err instanceof RetryFinal) return err;
  const base = err instanceof BcError ? err : undefined;
  const msg = err instanceof Error ? err.message : String(err);
  // A refusal that already says what it refused ("start upload of …: … did
  // not grant …") is not prefixed with the same words again.
  const why =
    fault.kind === 'transient'
      ? `${what} failed after ${attempts} attempts (last fault: ${fault.reason})`
      : msg.startsWith(`${what}: `)
        ? msg
        : `${what} failed: ${fault.reason === 'not a known transient fault' ? msg : `${fault.reason} — ${msg}`}`;
  const kind = base?.kind ?? (/unauthorized|forbidden|denied/.test(fault.reason) ? 'environment' : 'failed');
  const details = [...(base?.details ?? [])];
  if (fault.kind === 'transient') details.push('fix: the registry kept failing; retry later or raise --retries');
  return new RetryFinal(kind, why, { details, step: base?.step, cause: err });
}
