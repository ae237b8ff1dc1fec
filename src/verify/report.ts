/**
 * The verify report: one result per (check, platform). `--json` prints it as
 * is; VerifyReportSchema is the published schema of that output.
 */
import { z } from 'zod';

export const CHECK_IDS = [
  'platform',
  'entrypoint-env',
  'entrypoint-absolute',
  'user',
  'airbyte-dir',
  'spec',
  'check',
  'discover',
  'read',
  'write',
  'writes',
  'no-secrets',
  'labels',
  'signature',
  'sbom',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

const CheckStatusSchema = z.enum(['pass', 'fail', 'skip']);
export type CheckStatus = z.infer<typeof CheckStatusSchema>;

export const CheckResultSchema = z.object({
  id: z.enum(CHECK_IDS),
  platform: z.string(),
  status: CheckStatusSchema,
  message: z.string(),
  /** what to change, for failures */
  fix: z.string().optional(),
  /** supporting lines: offending paths, quoted output, the docker command */
  details: z.array(z.string()).optional(),
});
export type CheckResult = z.infer<typeof CheckResultSchema>;

const RunRecordSchema = z.object({
  platform: z.string(),
  step: z.string(),
  command: z.string(),
  exitCode: z.number(),
  timedOut: z.boolean(),
  durationMs: z.number(),
  /** where the run's time went (ms): docker create, the attached run, reads holding the container, docker diff */
  phases: z.object({ createMs: z.number(), runMs: z.number(), holdMs: z.number(), diffMs: z.number(), diffVia: z.enum(['upper-dir', 'engine']).optional() }).optional(),
  /** time spent parsing and validating its stdout lines as AirbyteMessages (ms, within runMs) */
  validateMs: z.number().optional(),
});
export type RunRecord = z.infer<typeof RunRecordSchema>;

export const VerifyReportSchema = z.object({
  image: z.string(),
  source: z.enum(['local', 'registry']),
  connectorType: z.enum(['source', 'destination']),
  platforms: z.array(z.string()),
  ok: z.boolean(),
  checks: z.array(CheckResultSchema),
  runs: z.array(RunRecordSchema),
  /** the image reads behind the file checks, per platform (ms from the platform's start to each read's end, and its own time) */
  reads: z
    .array(
      z.object({
        platform: z.string(),
        read: z.string(),
        ms: z.number(),
        endMs: z.number(),
        /** a tree read from the image's layer dirs (oci/layer-tree.ts) rather than through the engine */
        via: z.enum(['layers', 'engine']).optional(),
      }),
    )
    .optional(),
  durationMs: z.number(),
});
export type VerifyReport = z.infer<typeof VerifyReportSchema>;

export const pass = (id: CheckId, platform: string, message: string, details?: string[]): CheckResult => ({
  id,
  platform,
  status: 'pass',
  message,
  ...(details?.length ? { details } : {}),
});
export const fail = (id: CheckId, platform: string, message: string, fix: string, details?: string[]): CheckResult => ({
  id,
  platform,
  status: 'fail',
  message,
  fix,
  ...(details?.length ? { details } : {}),
});
export const skip = (id: CheckId, platform: string, message: string): CheckResult => ({ id, platform, status: 'skip', message });

/** Results in check order, then platform order. */
export function sortResults(results: CheckResult[], platforms: readonly string[]): CheckResult[] {
  const ci = (id: CheckId) => CHECK_IDS.indexOf(id);
  return [...results].sort((a, b) => ci(a.id) - ci(b.id) || platforms.indexOf(a.platform) - platforms.indexOf(b.platform));
}
