/**
 * What the Action shows per connector: the outcome of build / verify /
 * publish reduced to the facts a reviewer reads (summary), a workflow uses
 * (outputs) and the annotations point at. Filled from the core's results by
 * src/action/pipeline.ts; everything that renders it is pure.
 */
import type { ErrorAt, Finding } from '../core/index.js';

export type OutcomeResult = 'published' | 'already-published' | 'verified' | 'built' | 'failed';

type CheckStatus = 'pass' | 'fail' | 'skip';

export interface CheckRow {
  /** check id, e.g. "entrypoint-env", "spec" */
  id: string;
  platform: string;
  status: CheckStatus;
  message?: string;
  /** how to fix a failure, when the check knows */
  fix?: string;
}

interface TagSkip {
  tag: string;
  /** e.g. "latest not moved: 1.2.0 > 1.1.5" */
  reason: string;
}

interface ErrorInfo {
  message: string;
  details: string[];
  step?: string;
  exitCode: number;
  /** where the failure sits in a file (metadata.yaml, pyproject.toml …), as the core placed it */
  at?: ErrorAt;
}

export interface ConnectorOutcome {
  /** key in multi-connector outputs: the connector directory name */
  key: string;
  /** absolute connector directory */
  dir: string;
  /** metadata.yaml path, for annotations */
  metadataPath?: string;
  command: 'build' | 'verify' | 'publish';
  result: OutcomeResult;
  /** registry/repository (no tag) */
  repository?: string;
  version?: string;
  /** index digest (sha256:...) */
  digest?: string;
  /** per-platform manifest digests */
  platformDigests: Record<string, string>;
  platforms: string[];
  /** tags written (full references or bare tags) */
  tags: string[];
  /** tags deliberately not written, with why */
  skippedTags: TagSkip[];
  checks: CheckRow[];
  findings: Finding[];
  /** step → milliseconds */
  durations: Record<string, number>;
  /** path of the JSON report */
  reportPath?: string;
  /** lines worth showing in the summary (dry-run plan, reproducibility notes) */
  notes: string[];
  error?: ErrorInfo;
  /** the core's own result (VerifyReport, PublishResult), kept whole in the JSON report */
  raw?: unknown;
  /**
   * the image's labels (BuildPlan.labels: the Dockerfile's and the
   * metadata-action ones) and index/manifest annotations (BuildPlan.annotations)
   */
  labels?: Record<string, string>;
  annotations?: string[];
  /** publish --sbom: platform → the SBOM attached to that platform's image */
  sbom?: Record<string, { components: number; ref?: string }>;
  /** command build: the references the image was loaded under (BuildResult.tags) */
  loadedTags?: string[];
}

export function emptyOutcome(key: string, dir: string, command: ConnectorOutcome['command']): ConnectorOutcome {
  return {
    key,
    dir,
    command,
    result: 'failed',
    platformDigests: {},
    platforms: [],
    tags: [],
    skippedTags: [],
    checks: [],
    findings: [],
    durations: {},
    notes: [],
  };
}
