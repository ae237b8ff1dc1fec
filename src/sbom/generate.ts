/**
 * One SBOM per platform image of a built OCI layout: each image gets a
 * single-image layout of its own (an index.json naming that manifest, the
 * blobs shared through a symlink, nothing copied), the generator reads it
 * offline, and the result is normalised (cyclonedx.ts). The platforms run
 * side by side; every file lives under the flow's work directory.
 */
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { BcError } from '../errors.js';
import { readBoundedFile } from '../fs-util.js';
import type { ManifestInfo } from '../registry/client.js';
import { CYCLONEDX_MEDIA_TYPE, normalizeBom, parseBom, type SbomFacts } from './cyclonedx.js';
import { ensureJavaIndex, runTrivy, sbomCacheDir, type Generator } from './trivy.js';

export interface PlatformSbom {
  platform: string;
  /** the platform image the SBOM describes */
  subject: ManifestInfo;
  bytes: Buffer;
  facts: SbomFacts;
  /** the normalised SBOM on disk (under the work directory) */
  file: string;
}

export interface SbomRequest {
  /** from locateGenerator, found before the build */
  generator: Generator;
  /** OCI layout directory holding every platform's manifest */
  layout: string;
  /** platform → manifest digest */
  platforms: Record<string, string>;
  work: string;
  repository: string;
  version: string;
  /** ISO 8601 creation time of the images */
  created: string;
  license?: string;
  log?: (line: string) => void;
}

export const SBOM_FORMAT = { name: 'CycloneDX', mediaType: CYCLONEDX_MEDIA_TYPE } as const;

const ManifestHead = z.object({ mediaType: z.string().optional() }).loose();

async function singleImageLayout(layout: string, digest: string, dir: string): Promise<ManifestInfo> {
  const blob = join(layout, 'blobs', 'sha256', digest.slice('sha256:'.length));
  const text = await readBoundedFile(blob, { kind: 'image manifest', fix: 'fix: build again' }).catch(() => {
    throw new BcError('failed', `sbom: the build's layout lacks the manifest ${digest}`, { step: 'sbom' });
  });
  const head = ManifestHead.safeParse(JSON.parse(text));
  const mediaType = (head.success ? head.data.mediaType : undefined) ?? 'application/vnd.oci.image.manifest.v1+json';
  const subject = { digest, mediaType, size: Buffer.byteLength(text) };
  await mkdir(dir, { recursive: true });
  await symlink(join(layout, 'blobs'), join(dir, 'blobs'));
  await writeFile(join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
  await writeFile(join(dir, 'index.json'), JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: [subject] }));
  return subject;
}

export async function generateSboms(req: SbomRequest): Promise<PlatformSbom[]> {
  const { generator } = req;
  const cache = join(sbomCacheDir(), 'trivy-cache');
  // once, before the platforms run side by side
  await ensureJavaIndex(cache);
  const sboms = await Promise.all(
    Object.entries(req.platforms).map(async ([platform, digest]) => {
      const dir = join(req.work, 'sbom', platform.replace(/\//g, '-'));
      const subject = await singleImageLayout(req.layout, digest, join(dir, 'layout'));
      const raw = join(dir, 'trivy.cdx.json');
      await runTrivy(generator, join(dir, 'layout'), raw, cache);
      const text = await readBoundedFile(raw, { kind: 'sbom' }).catch((err: unknown) => {
        throw new BcError('failed', `sbom: ${platform}: the generator's output could not be read: ${err instanceof Error ? err.message : String(err)}`, { step: 'sbom' });
      });
      const { bytes, facts } = normalizeBom(parseBom(text, generator.name), {
        repository: req.repository,
        version: req.version,
        platform,
        digest,
        created: req.created,
        ...(req.license ? { license: req.license } : {}),
      });
      const file = join(dir, 'sbom.cdx.json');
      await writeFile(file, bytes);
      req.log?.(`sbom: ${platform}: ${facts.components} components (${Object.entries(facts.ecosystems).map(([k, v]) => `${v} ${k}`).join(', ') || 'no packages'})`);
      return { platform, subject, bytes, facts, file };
    }),
  );
  return sboms;
}
