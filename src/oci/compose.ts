/**
 * Composing OCI layouts from what an engine gives and loading what it takes:
 *
 * - `importSaved`: the tarball `docker save` writes (an OCI layout since
 *   Engine 25, with uncompressed layers) → its blobs into a layout directory
 *   and the image manifest's descriptor with its platform. The classic store
 *   cannot export anything else, so this is how its images get pushed by
 *   digest through the registry API.
 * - `writeIndex`: an image index over per-platform manifests, written as a
 *   blob and as the layout's index.json; its digest is what is published.
 * - `writeLoadableTar`: one platform of a layout as a tarball any store can
 *   `docker load` (the classic store needs a `manifest.json`; verified on
 *   Engine 26: an OCI layout without one fails with "blobs/json: no such file").
 */
import { link, mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { run } from '../exec.js';
import { BcError } from '../errors.js';
import { platformObject, platformString } from '../shared/platforms.js';
import { writeLayoutTar } from './layout.js';
import { DigestSchema, sha256Digest } from '../shared/digest.js';

const Digest = DigestSchema;
const Descriptor = z.object({ mediaType: z.string(), digest: Digest, size: z.number().int().nonnegative() }).loose();
const IndexJson = z.object({ manifests: z.array(Descriptor) }).loose();
const ManifestJson = z.object({ mediaType: z.string().optional(), config: Descriptor, layers: z.array(Descriptor) }).loose();
const ConfigJson = z.object({ os: z.string(), architecture: z.string(), variant: z.string().optional() }).loose();

const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';

export interface PlatformManifest {
  platform: string;
  digest: string;
  size: number;
  mediaType: string;
}

const blobPath = (layout: string, digest: string) => join(layout, 'blobs', 'sha256', digest.slice('sha256:'.length));

async function readJson<T>(schema: z.ZodType<T>, file: string, what: string): Promise<T> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) throw new BcError('failed', `${what}: ${file} is missing`, { step: 'build' });
  if (info.size > 4 * 1024 * 1024) throw new BcError('failed', `${what}: ${file} is too large for a manifest`, { step: 'build' });
  const parsed = schema.safeParse(JSON.parse(await readFile(file, 'utf8')));
  if (!parsed.success) throw new BcError('failed', `${what}: ${file} has an unexpected shape`, { step: 'build', details: parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`) });
  return parsed.data;
}

/** The manifest descriptor and platform of a layout's only image (a `docker save` of one tag). */
async function manifestOf(layout: string, what: string): Promise<PlatformManifest> {
  const index = await readJson(IndexJson, join(layout, 'index.json'), what);
  const root = index.manifests[0];
  if (!root || index.manifests.length !== 1) throw new BcError('failed', `${what}: expected one image in index.json, found ${index.manifests.length}`, { step: 'build' });
  const manifest = await readJson(ManifestJson, blobPath(layout, root.digest), what);
  const config = await readJson(ConfigJson, blobPath(layout, manifest.config.digest), what);
  return { platform: platformString(config), digest: root.digest, size: root.size, mediaType: manifest.mediaType ?? root.mediaType };
}

/**
 * `docker save REF` into `layout` (blobs merged with what is there). The
 * save goes to a scratch directory first: its index.json names only this image.
 */
export async function importSaved(savedTar: string, layout: string, scratch: string): Promise<PlatformManifest> {
  const dir = await mkdtemp(join(scratch, 'saved-'));
  try {
    await run('tar', ['-xf', savedTar, '-C', dir], { step: 'push: read docker save', timeoutMs: 10 * 60_000 });
    const m = await manifestOf(dir, `docker save ${savedTar}`);
    await mkdir(join(layout, 'blobs', 'sha256'), { recursive: true });
    const manifest = await readJson(ManifestJson, blobPath(dir, m.digest), 'docker save');
    for (const d of [m.digest, manifest.config.digest, ...manifest.layers.map((l) => l.digest)]) {
      const to = blobPath(layout, d);
      if (await stat(to).catch(() => undefined)) continue;
      await rename(blobPath(dir, d), to);
    }
    return m;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The bytes of an image index over `manifests` (deterministic: platform order as given), with its annotations. */
function indexBytes(manifests: readonly PlatformManifest[], annotations: Readonly<Record<string, string>> = {}): Buffer {
  const index = {
    schemaVersion: 2,
    mediaType: OCI_INDEX,
    manifests: manifests.map((m) => ({ mediaType: m.mediaType, digest: m.digest, size: m.size, platform: platformObject(m.platform) })),
    ...(Object.keys(annotations).length > 0 ? { annotations: Object.fromEntries(Object.entries(annotations).sort(([a], [b]) => (a < b ? -1 : 1))) } : {}),
  };
  return Buffer.from(JSON.stringify(index), 'utf8');
}

/** Write the index as a blob and as `layout/index.json`; returns its digest. */
export async function writeIndex(layout: string, manifests: readonly PlatformManifest[], annotations: Readonly<Record<string, string>> = {}): Promise<{ digest: string; size: number }> {
  const bytes = indexBytes(manifests, annotations);
  const digest = sha256Digest(bytes);
  await mkdir(join(layout, 'blobs', 'sha256'), { recursive: true });
  await writeFile(blobPath(layout, digest), bytes);
  await writeFile(join(layout, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
  await writeFile(join(layout, 'index.json'), JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: [{ mediaType: OCI_INDEX, digest, size: bytes.length }] }));
  return { digest, size: bytes.length };
}

/**
 * One image of a layout (by manifest digest) as a tarball `docker load`
 * takes on either store: OCI blobs + index.json + a docker `manifest.json`
 * naming `repoTag`. Blobs are hard links (same filesystem), not copies.
 */
export async function writeLoadableTar(layout: string, manifestDigest: string, repoTag: string, dest: string, scratch: string): Promise<void> {
  const manifest = await readJson(ManifestJson, blobPath(layout, manifestDigest), `OCI layout ${layout}`);
  const dir = await mkdtemp(join(scratch, 'load-'));
  try {
    await mkdir(join(dir, 'blobs', 'sha256'), { recursive: true });
    const size = (await stat(blobPath(layout, manifestDigest))).size;
    for (const d of [manifestDigest, manifest.config.digest, ...manifest.layers.map((l) => l.digest)]) {
      const to = blobPath(dir, d);
      if (await stat(to).catch(() => undefined)) continue;
      await link(blobPath(layout, d), to);
    }
    const rel = (d: string) => `blobs/sha256/${d.slice('sha256:'.length)}`;
    await writeFile(join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
    await writeFile(
      join(dir, 'index.json'),
      JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: [{ mediaType: manifest.mediaType ?? OCI_MANIFEST, digest: manifestDigest, size, annotations: { 'io.containerd.image.name': repoTag } }] }),
    );
    await writeFile(join(dir, 'manifest.json'), JSON.stringify([{ Config: rel(manifest.config.digest), RepoTags: [repoTag], Layers: manifest.layers.map((l) => rel(l.digest)) }]));
    await writeLayoutTar(dir, dest);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
