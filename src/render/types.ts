/**
 * The resolved build plan: everything build, verify and publish need, and
 * what `render --json` prints. Implemented by src/render/plan.ts (resolvePlan).
 */
import type { Connector } from '../connector/types.js';
import type { ImageMetadata } from './oci-labels.js';

export interface BuildPlan {
  connector: Connector;
  mode: 'rendered' | 'custom';
  /** the Dockerfile text (rendered, or the custom file's content) */
  dockerfile: string;
  /** path of the Dockerfile on disk when custom; rendered ones are written to a temp dir by build */
  dockerfilePath: string | undefined;
  /** rendered .dockerignore content (always excludes secrets/, .git, caches) */
  dockerignore: string;
  /** build context directory (the connector directory) */
  context: string;
  baseImage: string;
  /** exec-form entrypoint; AIRBYTE_ENTRYPOINT is its space-joined form */
  entrypoint: string[];
  /**
   * every label buildx applies (--label): the rendered Dockerfile's own ones,
   * plus the metadata-action ones (src/render/oci-labels.ts) when
   * PlanOptions.metadata was given
   */
  labels: Record<string, string>;
  /** `index:KEY=VALUE` / `manifest:KEY=VALUE` for buildx --annotation: the OCI keys of labels */
  annotations?: string[];
  platforms: string[];
  /** permitted write directories (from the base definition + options) */
  permittedWriteDirs: string[];
  /**
   * build arguments the build must pass (custom mode: `--base-image` sets the
   * Dockerfile's `ARG BASE_IMAGE`); empty/absent for rendered Dockerfiles
   */
  buildArgs?: Record<string, string>;
}

export interface PlanOptions {
  baseImage?: string;
  templatesDir?: string;
  platforms?: string[];
  /** source, revision and created (SOURCE_DATE_EPOCH) for the OCI labels; none when absent */
  metadata?: ImageMetadata;
}
