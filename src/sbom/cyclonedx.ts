/**
 * What we publish as a platform image's SBOM: the generator's CycloneDX JSON,
 * checked, then made a function of the image alone so that the same image
 * always gets the same SBOM bytes (and the same referrer digest):
 *
 * - serialNumber: a UUID derived from the image's manifest digest;
 * - metadata.timestamp: the image's creation time (SOURCE_DATE_EPOCH);
 * - metadata.component: the image itself, named as it is published
 *   (pkg:oci purl with the manifest digest, the connector's version and
 *   metadata.yaml's license), instead of the scanner's temporary directory;
 * - bom-refs the generator made random (UUIDs) become names derived from the
 *   component, and the dependency graph follows;
 * - where a package was found (the purl's `file_path` qualifier, trivy's
 *   FilePath property) is left out: of two copies of one package (a
 *   connector's egg-info beside its installed dist-info) the generator keeps
 *   either, run to run.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { BcError } from '../errors.js';

export const CYCLONEDX_MEDIA_TYPE = 'application/vnd.cyclonedx+json';

const Property = z.object({ name: z.string(), value: z.string() }).loose();
const Component = z
  .object({
    'bom-ref': z.string().optional(),
    type: z.string(),
    name: z.string(),
    version: z.string().optional(),
    purl: z.string().optional(),
    properties: z.array(Property).optional(),
  })
  .loose();
const Dependency = z.object({ ref: z.string(), dependsOn: z.array(z.string()).optional() }).loose();
export const BomSchema = z
  .object({
    bomFormat: z.literal('CycloneDX'),
    specVersion: z.string(),
    serialNumber: z.string().optional(),
    version: z.number().optional(),
    metadata: z.object({ timestamp: z.string().optional(), component: Component.optional() }).loose().optional(),
    components: z.array(Component).default([]),
    dependencies: z.array(Dependency).optional(),
  })
  .loose();
export type Bom = z.infer<typeof BomSchema>;

export interface SbomSubject {
  /** registry/repository as published */
  repository: string;
  version: string;
  platform: string;
  /** the platform image's manifest digest */
  digest: string;
  /** ISO 8601: the image's creation time */
  created: string;
  license?: string;
}

export interface SbomFacts {
  components: number;
  /** package ecosystems found (purl type → count): deb, pypi, maven... */
  ecosystems: Record<string, number>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A name-based UUID (RFC 9562 version 8) from a text. */
export function uuidFrom(text: string): string {
  const h = createHash('sha256').update(text).digest();
  h[6] = ((h[6] ?? 0) & 0x0f) | 0x80;
  h[8] = ((h[8] ?? 0) & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

/** pkg:oci/NAME@DIGEST?arch=A&repository_url=R (the purl spec's OCI type). */
export function ociPurl(s: Pick<SbomSubject, 'repository' | 'digest' | 'platform'>): string {
  const name = (s.repository.split('/').pop() ?? s.repository).toLowerCase();
  const [, arch, variant] = s.platform.split('/');
  const q = new URLSearchParams();
  if (arch) q.set('arch', arch);
  if (variant) q.set('variant', variant);
  q.set('repository_url', s.repository);
  return `pkg:oci/${encodeURIComponent(name)}@${encodeURIComponent(s.digest)}?${q.toString()}`;
}

export function ecosystemsOf(bom: Bom): SbomFacts {
  const ecosystems: Record<string, number> = {};
  for (const c of bom.components) {
    const t = /^pkg:([a-z0-9.+-]+)\//i.exec(c.purl ?? '')?.[1];
    if (t) ecosystems[t] = (ecosystems[t] ?? 0) + 1;
  }
  return { components: bom.components.length, ecosystems };
}

/** Parse generator output; a file that is not CycloneDX names the generator. */
export function parseBom(text: string, what: string): Bom {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new BcError('failed', `sbom: ${what} wrote something that is not JSON`, { step: 'sbom', details: [JSON.stringify(text.slice(0, 120))] });
  }
  const parsed = BomSchema.safeParse(raw);
  if (!parsed.success) {
    throw new BcError('failed', `sbom: ${what} wrote JSON that is not a CycloneDX SBOM`, { step: 'sbom', details: parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`) });
  }
  return parsed.data;
}

/** One entry per ref (merged copies of a package), each dependsOn sorted and without repeats. */
function mergeDependencies(list: NonNullable<Bom['dependencies']>): NonNullable<Bom['dependencies']> {
  const byRef = new Map<string, NonNullable<Bom['dependencies']>[number]>();
  for (const d of list) {
    const had = byRef.get(d.ref);
    const on = new Set([...(had?.dependsOn ?? []), ...(d.dependsOn ?? [])]);
    byRef.set(d.ref, { ...(had ?? d), ...(on.size > 0 || d.dependsOn ? { dependsOn: [...on].sort() } : {}) });
  }
  return [...byRef.values()];
}

/** The published SBOM of one platform image: deterministic bytes, and what it lists. */
/** A purl without its `file_path` qualifier (where the package was found). */
export function withoutFilePath(purl: string): string {
  const q = purl.indexOf('?');
  if (q < 0) return purl;
  const params = purl
    .slice(q + 1)
    .split('&')
    .filter((kv) => kv !== '' && !kv.startsWith('file_path='));
  return params.length > 0 ? `${purl.slice(0, q)}?${params.join('&')}` : purl.slice(0, q);
}

const FILE_PATH_PROPERTY = 'aquasecurity:trivy:FilePath';

export function normalizeBom(bom: Bom, s: SbomSubject): { bytes: Buffer; facts: SbomFacts } {
  const purl = ociPurl(s);
  const renamed = new Map<string, string>();
  const oldRoot = bom.metadata?.component?.['bom-ref'];
  if (oldRoot) renamed.set(oldRoot, purl);
  const seen = new Set<string>();
  const components: Bom['components'] = [];
  for (const c of bom.components) {
    const ref = c['bom-ref'];
    const stable = !ref ? undefined : UUID.test(ref) ? `${c.type}:${c.name}${c.version ? `@${c.version}` : ''}` : withoutFilePath(ref);
    if (ref && stable && stable !== ref) renamed.set(ref, stable);
    // two copies of one package become one component
    if (stable && seen.has(stable)) continue;
    if (stable) seen.add(stable);
    const properties = c.properties?.filter((p) => p.name !== FILE_PATH_PROPERTY);
    components.push({
      ...c,
      ...(stable ? { 'bom-ref': stable } : {}),
      ...(c.purl ? { purl: withoutFilePath(c.purl) } : {}),
      ...(properties ? { properties } : {}),
    });
  }
  const ref = (r: string) => renamed.get(r) ?? r;
  const root = {
    ...(bom.metadata?.component ?? {}),
    'bom-ref': purl,
    type: 'container',
    name: s.repository,
    version: s.version,
    purl,
    ...(s.license ? { licenses: [{ license: { name: s.license } }] } : {}),
    properties: [...(bom.metadata?.component?.properties ?? []), { name: 'build-connector:platform', value: s.platform }],
  };
  // the generator orders by bom-ref, so its random refs shuffled the lists: order again by the stable ones
  const byKey = <T>(key: (x: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  const out: Bom = {
    ...bom,
    serialNumber: `urn:uuid:${uuidFrom(`${s.digest} ${s.repository}`)}`,
    version: 1,
    metadata: { ...(bom.metadata ?? {}), timestamp: s.created, component: root },
    components: [...components].sort(byKey((c) => `${c['bom-ref'] ?? ''} ${c.type} ${c.name} ${c.version ?? ''}`)),
    ...(bom.dependencies
      ? {
          dependencies: mergeDependencies(bom.dependencies.map((d) => ({ ...d, ref: ref(d.ref), ...(d.dependsOn ? { dependsOn: d.dependsOn.map(ref) } : {}) }))).sort(byKey((d) => d.ref)),
        }
      : {}),
  };
  return { bytes: Buffer.from(`${JSON.stringify(out)}\n`), facts: ecosystemsOf(out) };
}
