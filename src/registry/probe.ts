/**
 * Registry reachability. It speaks the distribution API (`GET /v2/`): 200 or
 * 401 means a registry answers. Loopback registries are spoken to over plain
 * HTTP, as the engine does for localhost. A login is checked by an
 * authenticated request (client.ts), never by `docker
 * login`, which would write the user's docker config.
 */

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
