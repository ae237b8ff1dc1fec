/**
 * The OCI labels docker/metadata-action sets, from what this project knows:
 *   org.opencontainers.image.source     the git remote as https (src/git.ts remoteUrl)
 *   org.opencontainers.image.revision   the commit that last changed the connector directory
 *   org.opencontainers.image.created    SOURCE_DATE_EPOCH as ISO-8601, so two builds of the
 *                                       same inputs keep the same per-platform digests
 *   org.opencontainers.image.licenses   metadata.yaml data.license
 *   org.opencontainers.image.url,
 *   org.opencontainers.image.documentation  metadata.yaml data.documentationUrl
 * (https://github.com/opencontainers/image-spec/blob/main/annotations.md).
 *
 * revision is the connector directory's last commit, not HEAD, for the same
 * reason SOURCE_DATE_EPOCH is its last commit time: publishing an unchanged
 * connector again from a later commit must give the same images ("already
 * published"), not a refusal because a label moved.
 *
 * They are passed to buildx as --label (and as index annotations), never written
 * into the rendered Dockerfile: the Dockerfile stays a function of the
 * connector's files. Pure, except imageMetadata, which asks git.
 */
import { lastCommitSha, remoteUrl } from '../git.js';
import type { Connector } from '../connector/types.js';

export interface ImageMetadata {
  /** https URL of the repository (org.opencontainers.image.source) */
  source?: string | undefined;
  /** commit sha (org.opencontainers.image.revision) */
  revision?: string | undefined;
  /** SOURCE_DATE_EPOCH in unix seconds (org.opencontainers.image.created) */
  created?: number | undefined;
}

const OCI = 'org.opencontainers.image';

/** The metadata-action labels for a connector, in a fixed order; keys without a value are left out. */
export function metadataLabels(c: Pick<Connector, 'documentationUrl' | 'license'>, m: ImageMetadata): Record<string, string> {
  const labels: Record<string, string> = {};
  if (m.source) labels[`${OCI}.source`] = m.source;
  if (m.revision) labels[`${OCI}.revision`] = m.revision;
  if (m.created !== undefined) labels[`${OCI}.created`] = new Date(m.created * 1000).toISOString();
  if (c.license) labels[`${OCI}.licenses`] = c.license;
  if (c.documentationUrl) {
    labels[`${OCI}.url`] = c.documentationUrl;
    labels[`${OCI}.documentation`] = c.documentationUrl;
  }
  return labels;
}

/**
 * The OCI keys of the labels, as annotations of the image index and of each
 * platform manifest (metadata-action's `annotations` output, and what
 * `docker buildx build --annotation` takes): `index:KEY=VALUE`, `manifest:KEY=VALUE`.
 */
export function annotationsOf(labels: Readonly<Record<string, string>>): string[] {
  const oci = Object.entries(ociAnnotations(labels));
  return ['index', 'manifest'].flatMap((level) => oci.map(([k, v]) => `${level}:${k}=${v}`));
}

/** The OCI keys of the labels as one annotation map (the index an engine's per-platform images are joined under). */
export function ociAnnotations(labels: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(labels).filter(([k]) => k.startsWith(`${OCI}.`)));
}

/** source and revision from git for a connector directory, with the SOURCE_DATE_EPOCH the build uses. */
export async function imageMetadata(dir: string, sourceDateEpoch: number | undefined): Promise<ImageMetadata> {
  const [source, revision] = await Promise.all([remoteUrl(dir), lastCommitSha(dir)]);
  return { source, revision, created: sourceDateEpoch };
}
