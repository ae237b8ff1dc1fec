/**
 * The build step's options and result. `build --json` prints a BuildResult;
 * its schema is exported so the Action, publish and tests validate the same
 * shape.
 */
import { z } from 'zod';
import type { Provenance } from '../../shared/modes.js';
import type { ProgressMode } from './progress.js';
import type { BuilderCapabilities } from '../../docker/buildx-capabilities.js';
import { DigestSchema } from '../../shared/digest.js';

/** oci: a tarball at `dest`, or with `layout: 'dir'` a layout directory (no tarball through the builder session) */
type BuildOutputChoice = { type: 'load' } | { type: 'oci'; dest: string; layout?: 'tar' | 'dir' };

export interface BuildOptions {
  /** default: the plan's platforms */
  platforms?: string[];
  /** default load */
  output?: BuildOutputChoice;
  /** replaces the default tags (load: REPO:VERSION and REPO:dev; oci: REPO:VERSION) */
  tags?: string[];
  buildArgs?: Record<string, string>;
  cacheFrom?: string[];
  cacheTo?: string[];
  provenance: Provenance;
  /** default: $SOURCE_DATE_EPOCH, else last commit time of the connector dir, else 0 */
  sourceDateEpoch?: number;
  builder?: string;
  noCache?: boolean;
  /** default auto: tty in a terminal, plain lines otherwise */
  progress?: 'auto' | ProgressMode;
  /** where progress lines go (default stderr) */
  write?: (s: string) => void;
  env?: NodeJS.ProcessEnv;
  /**
   * The builder's capabilities when the caller already started probing them
   * (the CLI starts the probes while it resolves the plan, to save their
   * latency); default: detectCapabilities(builder).
   */
  capabilities?: Promise<BuilderCapabilities>;
  /** SOURCE_DATE_EPOCH when the caller already started resolving it (a git call), like `capabilities` */
  sourceDateEpochResolved?: Promise<{ value: number; from: 'flag' | 'env' | 'git' | 'default' }>;
}

const Digest = DigestSchema;

export const BuildResultSchema = z.object({
  connector: z.object({ name: z.string(), repository: z.string(), version: z.string(), dir: z.string() }),
  mode: z.enum(['rendered', 'custom']),
  /** index digest (multi-platform) or manifest digest, from buildx's metadata file */
  digest: Digest,
  mediaType: z.string().nullable(),
  platforms: z.array(z.string()),
  /** per-platform manifest digests; empty when the output cannot tell (load) */
  manifests: z.array(z.object({ platform: z.string(), digest: Digest })),
  /** provenance attestation manifests in the index (platform unknown/unknown); null when unknown */
  attestations: z.number().nullable(),
  output: z.enum(['load', 'oci']),
  /** first local tag (load) or null */
  imageRef: z.string().nullable(),
  tags: z.array(z.string()),
  ociArchive: z.string().nullable(),
  reproducible: z.object({ index: z.boolean(), manifests: z.boolean(), reason: z.string() }),
  sourceDateEpoch: z.number().int().nonnegative(),
  sourceDateEpochFrom: z.enum(['flag', 'env', 'git', 'default']),
  provenance: z.union([z.literal(false), z.enum(['min', 'max'])]),
  builder: z.object({ name: z.string(), driver: z.string() }),
  dockerfile: z.string(),
  lint: z.object({ errors: z.number(), warnings: z.number(), ran: z.boolean() }),
  durationMs: z.number(),
  buildxMetadata: z.record(z.string(), z.unknown()),
});
export type BuildResult = z.infer<typeof BuildResultSchema>;
