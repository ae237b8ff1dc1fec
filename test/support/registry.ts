/**
 * Read a loopback registry over the distribution HTTP API, for assertions:
 * tags and the digest each tag points at. Deliberately independent of the
 * code under test (plain fetch, no retries).
 */
const ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

export async function listTags(registry: string, repo: string): Promise<string[]> {
  const res = await fetch(`http://${registry}/v2/${repo}/tags/list`);
  if (res.status === 404) return [];
  const j = (await res.json()) as { tags?: string[] | null };
  return [...(j.tags ?? [])].sort();
}

export async function tagDigest(registry: string, repo: string, tag: string): Promise<string | undefined> {
  const res = await fetch(`http://${registry}/v2/${repo}/manifests/${tag}`, { method: 'HEAD', headers: { accept: ACCEPT } });
  if (res.status === 404) return undefined;
  if (!res.ok) throw new Error(`HEAD ${repo}:${tag}: HTTP ${res.status}`);
  return res.headers.get('docker-content-digest') ?? undefined;
}

/** tag → digest for every tag of a repository (signature tags included). */
export async function tagMap(registry: string, repo: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of await listTags(registry, repo)) out[t] = (await tagDigest(registry, repo, t)) ?? '';
  return out;
}

export async function indexPlatforms(registry: string, repo: string, ref: string): Promise<string[]> {
  const res = await fetch(`http://${registry}/v2/${repo}/manifests/${ref}`, { headers: { accept: ACCEPT } });
  const j = (await res.json()) as { manifests?: { platform?: { os: string; architecture: string } }[] };
  return (j.manifests ?? []).map((m) => (m.platform ? `${m.platform.os}/${m.platform.architecture}` : 'unknown/unknown')).sort();
}

/**
 * Remove what a test pushed: every tagged manifest of the repository, by
 * digest (the only delete distribution knows; it drops all tags on it).
 * Untagged blobs are left for the registry's garbage collection.
 */
export async function deleteRepository(registry: string, repo: string, auth?: { username: string; password: string }): Promise<number> {
  const headers: Record<string, string> = { accept: ACCEPT };
  if (auth) headers.authorization = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
  const res = await fetch(`http://${registry}/v2/${repo}/tags/list`, { headers });
  if (!res.ok) return 0;
  const tags = ((await res.json()) as { tags?: string[] | null }).tags ?? [];
  const digests = new Set<string>();
  for (const t of tags) {
    const h = await fetch(`http://${registry}/v2/${repo}/manifests/${t}`, { method: 'HEAD', headers });
    const d = h.headers.get('docker-content-digest');
    if (h.ok && d) digests.add(d);
  }
  for (const d of digests) await fetch(`http://${registry}/v2/${repo}/manifests/${d}`, { method: 'DELETE', headers });
  return digests.size;
}
