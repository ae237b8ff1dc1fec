/**
 * The resolved build plan: everything build, verify and publish need, and
 * what `render --json` prints. Implemented by src/render/plan.ts (resolvePlan).
 */
import type { Connector } from '../connector/types.js';
import type { ImageMetadata } from './oci-labels.js';
import type { LanguageChoice } from '../connector/language.js';

/** A BuildKit secret the build passes from build-connector's environment (`--secret id=ID,env=ENV`). */
export interface BuildSecret {
  id: string;
  env: string;
}

/** python: how the package is installed (offline or from an index) and why. */
export interface PythonInstallPlan {
  offline: boolean;
  why: string;
  dependencies: string[];
  buildBackend: string | null;
  /** which index pip uses (never its URL), null offline */
  index: string | null;
}

/** What the render took from the base image, and from where. */
export interface PlanBaseFacts {
  /** where the entrypoint the template uses came from */
  source: 'engine' | 'registry' | 'base.yaml';
  /** where the base's config was read, null when it could not be resolved */
  resolved: 'engine' | 'registry' | null;
  entrypoint: string[] | null;
  /** the base's USER ("" = root), null when not resolved */
  user: string | null;
}

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
  /** several language:* tags: which was chosen and why */
  languageChoice?: LanguageChoice | undefined;
  /** rendered mode: base image facts the template used */
  baseFacts?: PlanBaseFacts;
  /** python packages: install mode */
  pythonInstall?: PythonInstallPlan;
  /** build secrets to pass (only ones whose variable is set) */
  buildSecrets?: BuildSecret[];
  /** 'host' when a package index is on loopback */
  buildNetwork?: 'host' | 'default';
}

export interface PlanOptions {
  baseImage?: string;
  templatesDir?: string;
  platforms?: string[];
  /** source, revision and created (SOURCE_DATE_EPOCH) for the OCI labels; none when absent */
  metadata?: ImageMetadata;
  /** read the base image's config (engine, then registry); default true */
  resolveBase?: boolean;
  /** environment for PIP_INDEX_URL & co. (default process.env) */
  env?: Record<string, string | undefined>;
}
