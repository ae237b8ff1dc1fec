/**
 * OCI 1.1 referrers: an artifact (here a platform image's SBOM) is a
 * manifest whose `subject` is the image it describes. It is pushed by digest
 * and found again with the referrers API (GET /v2/R/referrers/D); on a
 * registry without that API (distribution 2.x, many mirrors) the client keeps
 * the index itself under the referrers tag `sha256-HEX`, as the distribution
 * spec says, and readers look there.
 *
 * Pushing is idempotent: the same SBOM bytes give the same manifest digest,
 * and a descriptor already listed is not added again.
 */
import { Readable } from 'node:stream';
import { z } from 'zod';
import { BcError } from '../errors.js';
import { type Manifest, type ManifestInfo, type RegistryClient } from '../registry/client.js';
import { DigestSchema, sha256Digest } from '../shared/digest.js';

export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const EMPTY = Buffer.from('{}');
export const EMPTY_CONFIG = { mediaType: 'application/vnd.oci.empty.v1+json', digest: sha256Digest(EMPTY), size: EMPTY.length };

const ReferrerDescriptor = z
  .object({
    mediaType: z.string(),
    digest: DigestSchema,
    size: z.number(),
    artifactType: z.string().optional(),
    annotations: z.record(z.string(), z.string()).optional(),
  })
  .loose();
export type ReferrerDescriptor = z.infer<typeof ReferrerDescriptor>;
const ReferrerIndex = z.object({ manifests: z.array(ReferrerDescriptor).default([]) }).loose();
const ArtifactManifest = z
  .object({
    artifactType: z.string().optional(),
    config: z.object({ mediaType: z.string() }).loose(),
    layers: z.array(z.object({ mediaType: z.string(), digest: z.string(), size: z.number() }).loose()),
    subject: z.object({ digest: z.string() }).loose().optional(),
  })
  .loose();

/** The fallback tag that holds the referrers of DIGEST. */
export const referrersTag = (digest: string): string => digest.replace(':', '-');

export interface Artifact {
  artifactType: string;
  bytes: Buffer;
  /** the file name a client that downloads it uses */
  title: string;
  annotations?: Record<string, string>;
}

/** The artifact manifest: the blob as its one layer, the empty config, the subject. */
export function referrerManifest(a: Artifact, subject: ManifestInfo): Manifest {
  const manifest = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    artifactType: a.artifactType,
    config: EMPTY_CONFIG,
    layers: [{ mediaType: a.artifactType, digest: sha256Digest(a.bytes), size: a.bytes.length, annotations: { 'org.opencontainers.image.title': a.title } }],
    subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
    ...(a.annotations ? { annotations: a.annotations } : {}),
  };
  const bytes = Buffer.from(JSON.stringify(manifest));
  return { bytes, mediaType: OCI_MANIFEST, digest: sha256Digest(bytes), size: bytes.length };
}

async function ensureBlob(client: RegistryClient, repo: string, bytes: Buffer): Promise<void> {
  const digest = sha256Digest(bytes);
  if (await client.blobExists(repo, digest)) return;
  await client.uploadBlob(repo, digest, bytes.length, () => Readable.toWeb(Readable.from([bytes])) as ReadableStream<Uint8Array>);
}

export interface Attached {
  digest: string;
  via: 'referrers API' | 'referrers tag';
}

export async function attachReferrer(client: RegistryClient, repo: string, subject: ManifestInfo, a: Artifact): Promise<Attached> {
  await ensureBlob(client, repo, EMPTY);
  await ensureBlob(client, repo, a.bytes);
  const m = referrerManifest(a, subject);
  const put = await client.putReferrer(repo, m, subject.digest);
  if (put.digest !== m.digest) throw new BcError('failed', `sbom: the registry stored the SBOM manifest as ${put.digest}, expected ${m.digest}`, { step: 'push' });
  if (put.indexed) return { digest: m.digest, via: 'referrers API' };

  // No referrers API: add the descriptor to the index under the referrers tag.
  const tag = referrersTag(subject.digest);
  const now = await client.getManifest(repo, tag);
  const list = now ? parseReferrerIndex(now.bytes, `${repo}:${tag}`) : [];
  if (!list.some((d) => d.digest === m.digest)) {
    const index = {
      schemaVersion: 2,
      mediaType: OCI_INDEX,
      manifests: [...list, { mediaType: OCI_MANIFEST, digest: m.digest, size: m.size, artifactType: a.artifactType, ...(a.annotations ? { annotations: a.annotations } : {}) }],
    };
    await client.putManifest(repo, tag, { bytes: Buffer.from(JSON.stringify(index)), mediaType: OCI_INDEX });
  }
  return { digest: m.digest, via: 'referrers tag' };
}

/** A registry document of the expected shape, or an error naming it as `what` is not `kind`. */
function parseDoc<T>(schema: z.ZodType<T>, bytes: Buffer, what: string, kind: string): T {
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new BcError('failed', `${what} is not ${kind} (not JSON)`, { step: 'push' });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new BcError('failed', `${what} is not ${kind}`, { step: 'push' });
  return parsed.data;
}

const parseReferrerIndex = (bytes: Buffer, what: string): ReferrerDescriptor[] => parseDoc(ReferrerIndex, bytes, what, 'a referrers index').manifests;

/** The referrers of DIGEST with this artifact type: the API when the registry has it, else the referrers tag. */
export async function findReferrers(client: RegistryClient, repo: string, digest: string, artifactType: string): Promise<ReferrerDescriptor[]> {
  const api = await client.getReferrers(repo, digest, artifactType);
  let list: ReferrerDescriptor[];
  if (api) list = parseReferrerIndex(api, `referrers of ${repo}@${digest}`);
  else {
    const tagged = await client.getManifest(repo, referrersTag(digest));
    list = tagged ? parseReferrerIndex(tagged.bytes, `${repo}:${referrersTag(digest)}`) : [];
  }
  return list.filter((d) => d.artifactType === artifactType);
}

/** Read an artifact back: its manifest (subject checked) and its one blob. */
export async function readArtifact(client: RegistryClient, repo: string, d: ReferrerDescriptor, subject: string): Promise<Buffer> {
  const m = await client.getManifest(repo, d.digest);
  if (!m) throw new BcError('failed', `${repo}@${d.digest} is listed as a referrer but is not in the registry`);
  const artifact = parseDoc(ArtifactManifest, m.bytes, `${repo}@${d.digest}`, 'an artifact manifest');
  if (artifact.subject?.digest !== subject) throw new BcError('failed', `${repo}@${d.digest} names ${artifact.subject?.digest ?? 'no subject'}, not ${subject}`);
  const layer = artifact.layers[0];
  if (!layer) throw new BcError('failed', `${repo}@${d.digest} has no layer`);
  if (layer.size > 64 * 1024 * 1024) throw new BcError('failed', `${repo}@${d.digest}: the artifact is ${layer.size} bytes (limit 64 MiB)`);
  const blob = await client.getBlob(repo, layer.digest);
  if (!blob) throw new BcError('failed', `${repo}@${d.digest}: its blob ${layer.digest} is not in the registry`);
  return blob;
}
