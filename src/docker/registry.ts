/**
 * Registry reachability and login. Reachability speaks the distribution API
 * (`GET /v2/`): 200 or 401 means a registry answers. Loopback registries are
 * spoken to over plain HTTP, as the engine does for localhost.
 */
import { docker } from './cli.js';
import { BcError, envMissing } from '../errors.js';

export function isLoopbackRegistry(registry: string): boolean {
  const host = registry.replace(/:\d+$/, '');
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export function registryBaseUrl(registry: string): string {
  if (registry === 'docker.io' || registry === 'index.docker.io') return 'https://registry-1.docker.io';
  return `${isLoopbackRegistry(registry) ? 'http' : 'https'}://${registry}`;
}

export type Reachability = { ok: true; status: number; auth: boolean } | { ok: false; reason: string };

export async function probeRegistry(registry: string, timeoutMs = 10_000): Promise<Reachability> {
  const url = `${registryBaseUrl(registry)}/v2/`;
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await res.body?.cancel();
    if (res.status === 200 || res.status === 401) return { ok: true, status: res.status, auth: res.status === 401 };
    return { ok: false, reason: `${url} answered HTTP ${res.status}` };
  } catch (err) {
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : err instanceof Error ? err.message : String(err);
    return { ok: false, reason: `${url}: ${cause}` };
  }
}

export interface Credentials {
  username: string;
  password: string;
}

/** Read credentials from the environment (never from argv). */
export function credentialsFromEnv(env: NodeJS.ProcessEnv = process.env): Credentials | undefined {
  const username = env.BUILD_CONNECTOR_USERNAME;
  const password = env.BUILD_CONNECTOR_PASSWORD;
  if (username && password) return { username, password };
  return undefined;
}

/** `docker login` with the password on stdin. A refusal is an environment error (exit 3). */
export async function login(registry: string, creds: Credentials): Promise<void> {
  const res = await docker(['login', registry, '--username', creds.username, '--password-stdin'], {
    input: creds.password,
    secrets: [creds.password],
    allowFailure: true,
    timeoutMs: 60_000,
  });
  if (res.exitCode !== 0) {
    const why = /unauthorized|incorrect username or password|401/i.test(res.stderr)
      ? 'credentials were refused (401 unauthorized)'
      : res.stderr.trim().split('\n').pop() ?? `exit ${res.exitCode}`;
    throw new BcError('environment', `login to ${registry} failed: ${why}`, {
      step: 'preflight',
      details: ['fix: check the username and the password given in BUILD_CONNECTOR_PASSWORD (or --password-stdin)'],
    });
  }
}

export async function requireRegistry(registry: string): Promise<Reachability & { ok: true }> {
  const r = await probeRegistry(registry);
  if (!r.ok) throw envMissing(`registry ${registry} is unreachable: ${r.reason}`, ['fix: start the registry or pass another --registry (or --registry local)']);
  return r;
}
