/**
 * The registry auth flow (distribution spec, "Token authentication"): Basic
 * for htpasswd registries, a Bearer token fetched from the realm named in
 * WWW-Authenticate for real ones (Docker Hub, GHCR, ECR...). Tokens are
 * kept per scope; the Basic answer is kept once asked for.
 */
import { z } from 'zod';
import { BcError, envMissing } from '../errors.js';
import type { Credentials } from './credentials.js';
import { errorCodes, parseJsonOr } from './http.js';
import { parseRetryAfter, RegistryHttpError } from './retry.js';

const TokenSchema = z.object({ token: z.string().min(1).optional(), access_token: z.string().min(1).optional() }).loose();

/** Parse `Bearer realm="...",service="...",scope="..."` (RFC 7235 auth-params). */
export function parseChallenge(header: string): { scheme: string; params: Record<string, string> } {
  const m = /^\s*(\w+)\s*(.*)$/s.exec(header);
  const scheme = (m?.[1] ?? '').toLowerCase();
  const params: Record<string, string> = {};
  const re = /(\w+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))/g;
  let p: RegExpExecArray | null;
  while ((p = re.exec(m?.[2] ?? '')) !== null) params[p[1]!.toLowerCase()] = p[2] !== undefined ? p[2].replace(/\\(.)/g, '$1') : (p[3] ?? '');
  return { scheme, params };
}

/**
 * The registry (or its token service) refused the credentials: HTTP 401 or
 * 403 after the auth flow ran. Never retried; exit 3. `doctor` tells it
 * from an unreachable registry by this class (through `loginRefusal`).
 */
export class LoginRefused extends BcError {
  constructor(
    message: string,
    readonly status: number,
    details: string[],
  ) {
    super('environment', message, { step: 'registry', details });
  }
}

/** The LoginRefused behind an error (retries wrap the original as their cause), if there is one. */
export function loginRefusal(err: unknown): LoginRefused | undefined {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) if (e instanceof LoginRefused) return e;
  return undefined;
}

export function loginFix(registry: string): string {
  return `fix: give a username and password (CLI: --username U with --password-stdin, or BUILD_CONNECTOR_USERNAME/BUILD_CONNECTOR_PASSWORD; Action: the username and password inputs), or run docker login ${registry}`;
}

/** What a refusal says about the credentials that were (or were not) sent. */
export function credentialsNote(creds: Credentials | undefined): string {
  return creds ? `credentials from ${creds.source} were refused` : 'no credentials were given';
}

const basicOf = (creds: Credentials) => Buffer.from(`${creds.username}:${creds.password}`).toString('base64');

/** The answers one registry accepted: a token per scope, or the Basic credentials. */
export class RegistryAuth {
  private readonly tokens = new Map<string, string>();
  private basic: string | undefined;

  constructor(
    readonly registry: string,
    private readonly credentials: Credentials | undefined,
    private readonly timeoutMs: number,
  ) {}

  /** The Authorization header for a request in this scope, when the flow has run. */
  header(scope: string): string | undefined {
    const token = this.tokens.get(scope);
    if (token) return `Bearer ${token}`;
    return this.basic ? `Basic ${this.basic}` : undefined;
  }

  /** Answer a 401's challenge: keep the Basic credentials, or fetch a token for `scope`. */
  async authenticate(challengeHeader: string, scope: string): Promise<void> {
    const { scheme, params } = parseChallenge(challengeHeader);
    const creds = this.credentials;
    if (scheme === 'basic') {
      if (!creds) throw envMissing(`${this.registry} requires a login and no credentials were found`, [loginFix(this.registry)]);
      this.basic = basicOf(creds);
      return;
    }
    if (scheme !== 'bearer' || !params.realm) {
      throw new BcError('environment', `${this.registry} asks for an unsupported authentication scheme "${scheme || challengeHeader}"`);
    }
    this.tokens.set(scope, await this.fetchToken(params, scope));
  }

  private async fetchToken(params: Record<string, string>, scope: string): Promise<string> {
    const creds = this.credentials;
    const url = new URL(params.realm ?? '');
    if (params.service) url.searchParams.set('service', params.service);
    // Several scopes (a cross-repository mount needs pull on the source too) are
    // separate `scope` parameters in the token request.
    for (const sc of (scope || params.scope || '').split(' ').filter((x) => x !== '')) url.searchParams.append('scope', sc);
    const headers: Record<string, string> = creds ? { authorization: `Basic ${basicOf(creds)}` } : {};
    const res = await fetch(url, { headers, signal: AbortSignal.timeout(this.timeoutMs) });
    const text = await res.text();
    if (res.status === 401 || res.status === 403) {
      throw new LoginRefused(`login to ${this.registry} failed: credentials were refused (HTTP ${res.status})`, res.status, [credentialsNote(creds), loginFix(this.registry)]);
    }
    if (!res.ok) throw new RegistryHttpError(`token from ${url.host}: HTTP ${res.status}`, res.status, errorCodes(text), parseRetryAfter(res.headers.get('retry-after')));
    const j = TokenSchema.safeParse(parseJsonOr(text));
    const token = j.success ? (j.data.token ?? j.data.access_token) : undefined;
    if (!token) throw new BcError('environment', `token endpoint of ${this.registry} returned no token`);
    return token;
  }
}

/**
 * The scope a Bearer registry refused after the token flow ran
 * (`error="insufficient_scope"` in its challenge, RFC 6750 §3.1): the login
 * was accepted, its token lacks an action. Undefined for any other refusal.
 */
export function insufficientScope(challenge: string, asked: string | undefined): string | undefined {
  const { scheme, params } = parseChallenge(challenge);
  if (scheme !== 'bearer' || params.error !== 'insufficient_scope') return undefined;
  return params.scope || asked || 'the requested scope';
}

/**
 * The refusal a 401 or 403 is once the auth flow ran, for every request of
 * the client (the upload PUT included): a token lacking a scope names the
 * scope and the user; any other refusal names the credentials that were
 * (or were not) sent. `shown` is the status as the message shows it.
 */
export function refusal(o: {
  registry: string;
  what: string;
  status: number;
  shown: string;
  challenge: string;
  scope: string | undefined;
  credentials: Credentials | undefined;
}): LoginRefused {
  const denied = insufficientScope(o.challenge, o.scope);
  if (!denied) return new LoginRefused(`${o.what}: ${o.registry} refused the credentials (${o.shown})`, o.status, [credentialsNote(o.credentials), loginFix(o.registry)]);
  const who = o.credentials ? `${o.credentials.username} (credentials from ${o.credentials.source})` : 'an anonymous login';
  return new LoginRefused(`${o.what}: ${o.registry} did not grant ${denied} to ${who} (${o.shown} insufficient_scope)`, o.status, [
    'the login was accepted, but its token does not carry that scope: nothing was written',
    `fix: give credentials allowed to ${denied.includes('push') ? 'push to' : 'read'} this repository (a token with write access, e.g. GHCR's write:packages), or check --registry / --repository`,
  ]);
}
