/**
 * What `publish` returns (and `publish --json` prints): a discriminated
 * union on `result`. "already-published" is a success; "refused" is a policy
 * stop (exit 4); "failed" names the step.
 */
import type { TagOutcome } from './apply.js';
import type { SkippedTag, TagPlan } from './tag-plan.js';
import type { PushStats } from './push.js';
import { ExitCode } from '../errors.js';
import type { StepName, StepRecord } from '../core/pipeline.js';
import type { Finding } from '../lint/types.js';
import type { CheckResult } from '../verify/index.js';

export type { StepName, StepRecord } from '../core/pipeline.js';

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
}

export interface Published extends Common {
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
  /** how sameness was decided: the index digest, or every platform's image digest */
  sameBy: 'index digest' | 'platform images';
  builtDigest: string;
}

export interface Refused extends Common {
  result: 'refused';
  reason: string;
  existingDigest: string;
  builtDigest: string;
}

export interface Failed extends Common {
  result: 'failed';
  step: StepName;
  reason: string;
  details: string[];
  exitCode: number;
  /** lint findings behind a lint failure */
  findings?: Finding[];
  /** every check behind a verify failure */
  checks?: CheckResult[];
}

export interface DryRun extends Common {
  result: 'dry-run';
  digest: string;
  platforms: string[];
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

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export const ATTESTATION_NOTE =
  'the index also lists provenance attestation manifests whose platform shows as unknown/unknown: they are build records (SLSA provenance), not images, and `docker pull` ignores them';

export function formatResult(r: PublishResult): string {
  const lines: string[] = [];
  const steps = r.steps.map((s) => `  ${s.status === 'done' ? '✓' : s.status === 'skipped' ? '-' : '✗'} ${s.step.padEnd(8)} ${secs(s.durationMs).padStart(7)}  ${s.reason ?? ''}`.trimEnd());
  switch (r.result) {
    case 'published':
      lines.push(`published ${r.repository}@${r.digest}`);
      lines.push(`  platforms: ${r.platforms.join(', ')}${r.attestations ? ` (+${r.attestations} attestation manifests)` : ''}`);
      for (const t of r.tags) lines.push(`  tag ${t.ref} (${t.action})`);
      for (const s of r.skippedTags) lines.push(`  not tagged ${s.tag}: ${s.reason}`);
      lines.push(`  pushed: ${r.push.blobsUploaded} blobs uploaded (${(r.push.bytesUploaded / 1e6).toFixed(1)} MB), ${r.push.blobsMounted} mounted, ${r.push.blobsPresent} already present; ${r.push.manifestsWritten} manifests written`);
      if (r.signed) lines.push('  signed with cosign (index digest)');
      if (r.gitTag) lines.push(`  git tag ${r.gitTag.name} ${r.gitTag.created ? 'created' : 'already there'}${r.gitTag.pushed ? ', pushed' : ''}`);
      break;
    case 'already-published':
      lines.push(`already published: ${r.repository}:${r.version} is ${r.digest} (same ${r.sameBy}); nothing pushed`);
      break;
    case 'refused':
      lines.push(`refused: ${r.reason}`);
      break;
    case 'failed':
      lines.push(`failed at ${r.step}: ${r.reason}`);
      break;
    case 'dry-run':
      lines.push(`dry run: built and verified ${r.digest} (${r.platforms.join(', ')}); nothing pushed or tagged`);
      lines.push(`  a real run would be: ${r.wouldBe}`);
      for (const t of r.plan.tags) lines.push(`  would tag ${r.repository}:${t.tag} — ${t.reason}`);
      for (const s of r.plan.skipped) lines.push(`  would not tag ${s.tag} — ${s.reason}`);
      break;
  }
  lines.push('steps:', ...steps);
  if (r.faults.total > 0) lines.push(`registry faults retried: ${r.faults.total} (${Object.entries(r.faults.byReason).map(([k, v]) => `${k}: ${v}`).join(', ')})`);
  for (const n of r.notes) lines.push(`note: ${n}`);
  return lines.join('\n');
}
