/**
 * A tiny two-platform OCI image layout written by hand (no engine, no
 * build): an index, two image manifests, their configs and one random layer
 * each. The registry checks that referenced blobs exist, not what a layer
 * holds, so this is enough to exercise push, read-back and tagging.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImageFacts } from '../../src/publish/apply.js';

export interface TestLayout {
  dir: string;
  /** the index digest */
  digest: string;
  indexBytes: Buffer;
  facts: ImageFacts;
  /** path of one layer blob (to corrupt it) */
  layerFile: string;
}

const digestOf = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

export async function makeLayout(dir: string, layerBytes = 64 * 1024): Promise<TestLayout> {
  const blobs = join(dir, 'blobs', 'sha256');
  await mkdir(blobs, { recursive: true });
  const put = async (b: Buffer) => {
    const d = digestOf(b);
    await writeFile(join(blobs, d.slice(7)), b);
    return { digest: d, size: b.length };
  };
  const platforms: Record<string, string> = {};
  const entries = [];
  let layerFile = '';
  for (const arch of ['amd64', 'arm64']) {
    const layer = await put(randomBytes(layerBytes));
    if (!layerFile) layerFile = join(blobs, layer.digest.slice(7));
    const config = await put(Buffer.from(JSON.stringify({ architecture: arch, os: 'linux', rootfs: { type: 'layers', diff_ids: [layer.digest] }, config: {} })));
    const manifest = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
        layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', ...layer }],
      }),
    );
    const m = await put(manifest);
    platforms[`linux/${arch}`] = m.digest;
    entries.push({ mediaType: 'application/vnd.oci.image.manifest.v1+json', ...m, platform: { os: 'linux', architecture: arch } });
  }
  const indexBytes = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: entries }));
  const index = await put(indexBytes);
  await writeFile(join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
  await writeFile(join(dir, 'index.json'), JSON.stringify({ schemaVersion: 2, manifests: [{ mediaType: 'application/vnd.oci.image.index.v1+json', ...index }] }));
  return { dir, digest: index.digest, indexBytes, facts: { digest: index.digest, platforms, attestations: 0 }, layerFile };
}
