/**
 * `lint TARGET…`: connector directories, Dockerfiles, or every connector
 * below a root, against the Airbyte image rules.
 *
 *   discover → the targets (a root expands to the connectors below it)
 *   lint     → each target's findings, the bases they share, the totals
 *
 * The verdict is a value: `fatal` (a target that cannot be analysed, exit
 * 2), `errors` (an error-level finding, exit 1) or `ok`.
 */
import { ExitCode } from '../../errors.js';
import type { LintTargetOptions } from '../../lint/target.js';
import { expandTargets, lintExpanded, type LintReport } from '../../lint/targets.js';
import type { Finding } from '../../lint/types.js';
import { Pipeline, done, unwrapStepFailure, type StepHooks, type StepName, type StepRecord } from '../pipeline.js';

export type { LintReport, TargetReport } from '../../lint/targets.js';

export const LINT_STEPS: readonly StepName[] = ['discover', 'lint'];

export type LintRequest = LintTargetOptions & {
  /** directories, Dockerfiles or roots; none: the current directory */
  targets: readonly string[];
};

export interface LintFlowResult {
  report: LintReport;
  /** every target's findings, in target order */
  findings: Finding[];
  verdict: 'ok' | 'errors' | 'fatal';
  exitCode: number;
  steps: StepRecord[];
}

export async function runLint(req: LintRequest, hooks: StepHooks = {}): Promise<LintFlowResult> {
  const run = new Pipeline(LINT_STEPS, hooks);
  const { targets, ...opts } = req;
  return unwrapStepFailure(async () => {
    const expanded = await run.step('discover', async () => {
      const e = await expandTargets(targets.length > 0 ? targets : ['.']);
      return done(e, `${e.items.length} target(s)`);
    });
    const report = await run.step('lint', async () => {
      const r = await lintExpanded(expanded, opts);
      return done(r, `${r.errors} error(s), ${r.warnings} warning(s)`);
    });
    const verdict = report.fatal ? 'fatal' : report.errors > 0 ? 'errors' : 'ok';
    const exitCode = verdict === 'fatal' ? ExitCode.badInput : verdict === 'errors' ? ExitCode.failed : ExitCode.ok;
    return { report, findings: report.targets.flatMap((t) => t.findings), verdict, exitCode, steps: run.records };
  });
}
