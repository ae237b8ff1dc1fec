/**
 * What `publish` returns (and `publish --json` prints): a discriminated
 * union on `result`. "already-published" is a success; "refused" is a policy
 * stop (exit 4); "failed" names the step.
 */
import type { TagOutcome } from '../publish/apply.js';
import type { SkippedTag, TagPlan } from '../publish/tag-plan.js';
import type { PushStats } from '../publish/push.js';
import { ExitCode } from '../errors.js';
import type { FailedStep, StepRecord } from './pipeline.js';
import type { Finding } from '../lint/types.js';
import type { VerifyReport } from '../verify/index.js';


/** How the images were built (core/strategy.ts), in every result that built something. */
export interface BuildFacts {
  strategy: 'multi-platform' | 'per-platform' | 'oci-layout';
  why: string;
  builder: string;
  driver: string;
  store: 'containerd' | 'classic' | 'unknown';
  /** the same sources give the same digests on another machine */
  reproducible: boolean;
  provenance: { attached: true; mode: 'min' | 'max' } | { attached: false; reason: string };
  /** what this engine setup cannot give, with the fix */
  unavailable: { what: string; why: string; fix?: string }[];
}

interface Common {
  /** connector directory */
  dir: string;
  /** registry/repository */
  repository: string;
  version: string;
  steps: StepRecord[];
  /** step → ms */
  durations: Record<string, number>;
  notes: string[];
  /** transient registry faults retried, by reason */
  faults: { total: number; byReason: Record<string, number> };
  /** how the images were built, once the build step ran */
  build?: BuildFacts;
  /** the verify report (every check, every platform), once verify ran (also behind a verify failure) */
  report?: VerifyReport;
  /** the image's labels (the Dockerfile's and the OCI ones) and its index/manifest annotations, once rendered */
  labels?: Record<string, string>;
  annotations?: string[];
  /** the SBOMs, once generated (--sbom); `referrer` once attached in the registry */
  sbom?: SbomSummary;
}

export interface SbomSummary {
  format: 'CycloneDX';
  generator: string;
  platforms: Record<string, { components: number; ecosystems: Record<string, number>; bytes: number; referrer?: { digest: string; ref: string; via: 'referrers API' | 'referrers tag' } }>;
}

interface Published extends Common {
  result: 'published';
  digest: string;
  platforms: string[];
  platformDigests: Record<string, string>;
  /** provenance attestation manifests in the index (platform unknown/unknown) */
  attestations: number;
  tags: (TagOutcome & { ref: string })[];
  skippedTags: SkippedTag[];
  push: PushStats;
  signed: boolean;
  gitTag?: { name: string; created: boolean; pushed: boolean };
  forced: boolean;
}

export interface AlreadyPublished extends Common {
  result: 'already-published';
  digest: string;
  /**
   * how sameness was decided: the index digest, every platform's image
   * digest (both after a build), or the build inputs recorded in the
   * published index (nothing was built)
   */
  sameBy: 'index digest' | 'platform images' | 'build inputs';
  /** what this run built; the published digest when nothing was built */
  builtDigest: string;
  platforms: string[];
  /** platform → image manifest digest, as published */
  platformDigests: Record<string, string>;
  /** the tags of the plan, all already on `digest` */
  tags: (TagOutcome & { ref: string })[];
}

export interface Refused extends Common {
  result: 'refused';
  reason: string;
  existingDigest: string;
  builtDigest: string;
}

interface Failed extends Common, FailedStep {
  /** lint findings behind a lint failure */
  findings?: Finding[];
}

interface DryRun extends Common {
  result: 'dry-run';
  digest: string;
  platforms: string[];
  /** platform → the image manifest digest that would be pushed */
  platformDigests: Record<string, string>;
  plan: TagPlan;
  /** what a real run would do now */
  wouldBe: 'published' | 'already-published' | 'refused';
}

export type PublishResult = Published | AlreadyPublished | Refused | Failed | DryRun;

export function exitCodeOf(r: PublishResult): number {
  switch (r.result) {
    case 'published':
    case 'already-published':
    case 'dry-run':
      return ExitCode.ok;
    case 'refused':
      return ExitCode.refused;
    case 'failed':
      return r.exitCode;
  }
}

export const ATTESTATION_NOTE =
  'the index also lists provenance attestation manifests whose platform shows as unknown/unknown: they are build records (SLSA provenance), not images, and `docker pull` ignores them';

