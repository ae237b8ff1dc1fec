/**
 * What is derived from a VerifyReport for display and for the digest record:
 * its failed checks, in one place. Every flow result carries the report
 * itself (`report`); these are views of it, never a second copy a flow
 * fills in. Pure and light (types only): the shells' facade re-exports it.
 */
import type { CheckResult, VerifyReport } from './report.js';

/** One failed check as the shells show it (bake's lines, the step's details). */
export type FailedCheck = Pick<CheckResult, 'id' | 'platform' | 'message'> & { fix?: string };

/** The failed checks of a report, in report order (none without a report). */
export function failedChecks(report: Pick<VerifyReport, 'checks'> | undefined): FailedCheck[] {
  return (report?.checks ?? [])
    .filter((c) => c.status === 'fail')
    .map((c) => ({ id: c.id, platform: c.platform, message: c.message, ...(c.fix ? { fix: c.fix } : {}) }));
}

/**
 * A report as the digest record stores it (monorepo/digest-record.ts
 * `verify`, the persisted schema merge reads): ok, how many checks ran, and
 * the failed ones (the record is one platform's, so no platform).
 */
export function recordedVerify(report: Pick<VerifyReport, 'ok' | 'checks'>): { ok: boolean; checks: number; failed: { id: string; message: string; fix?: string }[] } {
  return {
    ok: report.ok,
    checks: report.checks.length,
    failed: failedChecks(report).map((c) => ({ id: c.id, message: c.message, ...(c.fix ? { fix: c.fix } : {}) })),
  };
}
