/**
 * publish's SBOM work: one CycloneDX SBOM per platform image, attached to
 * it as an OCI referrer; and which published images have none yet.
 */
import type { PlatformSbom } from '../../sbom/generate.js';
import type { Generator } from '../../sbom/trivy.js';
import type { SbomSummary } from '../result.js';
import type { Resolved } from './publish-resolve.js';

/** What the sbom and push steps need to describe and attach the SBOMs of some platform images. */
export interface SbomJob {
  r: Resolved;
  generator: Generator;
  layout: string;
  work: string;
  created: string;
  log: (line: string) => void;
}

/** One CycloneDX SBOM per platform image (platform → manifest digest). */
export async function makeSboms(j: SbomJob, platforms: Record<string, string>): Promise<{ sboms: PlatformSbom[]; summary: SbomSummary }> {
  const { generateSboms } = await import('../../sbom/generate.js');
  const sboms = await generateSboms({
    generator: j.generator,
    layout: j.layout,
    platforms,
    work: j.work,
    repository: j.r.target.reference,
    version: j.r.tagPlan.version,
    created: j.created,
    ...(j.r.connector.license ? { license: j.r.connector.license } : {}),
    log: j.log,
  });
  const summary: SbomSummary = {
    format: 'CycloneDX',
    generator: j.generator.name,
    platforms: Object.fromEntries(sboms.map((x) => [x.platform, { components: x.facts.components, ecosystems: x.facts.ecosystems, bytes: x.bytes.length }])),
  };
  return { sboms, summary };
}

/** Attach each SBOM to its platform image (an OCI referrer); the summary learns each referrer. Returns "PLATFORM (how)" lines. */
export async function attachSboms(j: SbomJob, sboms: readonly PlatformSbom[], summary: SbomSummary | undefined): Promise<string[]> {
  const { attachReferrer } = await import('../../sbom/referrers.js');
  const { SBOM_FORMAT } = await import('../../sbom/generate.js');
  const attached: string[] = [];
  for (const x of sboms) {
    const a = await attachReferrer(j.r.client, j.r.target.repo, x.subject, {
      artifactType: SBOM_FORMAT.mediaType,
      bytes: x.bytes,
      title: `sbom-${x.platform.replace(/\//g, '-')}.cdx.json`,
      annotations: { 'org.opencontainers.image.created': j.created },
    });
    const entry = summary?.platforms[x.platform];
    if (entry) entry.referrer = { ...a, ref: `${j.r.target.reference}@${a.digest}` };
    attached.push(`${x.platform} (${a.via})`);
  }
  return attached;
}

/** The platform images (of `platforms`) that no CycloneDX SBOM refers to yet. */
export async function withoutSbom(r: Resolved, platforms: Record<string, string>): Promise<Record<string, string>> {
  const { findReferrers } = await import('../../sbom/referrers.js');
  const { CYCLONEDX_MEDIA_TYPE } = await import('../../sbom/cyclonedx.js');
  const missing: Record<string, string> = {};
  for (const [p, d] of Object.entries(platforms)) if ((await findReferrers(r.client, r.target.repo, d, CYCLONEDX_MEDIA_TYPE)).length === 0) missing[p] = d;
  return missing;
}
