/**
 * `changed`: the connectors a change affects, and the matrices to build them.
 *
 *   discover → the repository, build-connector.yaml, the connectors under
 *              the roots, the files changed since the ref
 *   affected → the affected-set rules (own files, template, base image,
 *              shared paths), metadata.yaml read only for what needs it
 *   matrix   → each affected connector's platforms, the build matrix
 *              (connector × platform) and the merge matrix (one a connector)
 *
 * The CLI's `changed` and the Action's connector discovery run this flow.
 */
import { affectedBy, changedResult, discoverChanges, type ChangedOptions, type ChangedResult } from '../../monorepo/changed.js';
import { Pipeline, done, unwrapStepFailure, type StepHooks, type StepName, type StepRecord } from '../pipeline.js';

export { reasonText, type ChangedConnector, type ChangedResult } from '../../monorepo/changed.js';

export const CHANGED_STEPS: readonly StepName[] = ['discover', 'affected', 'matrix'];

export type ChangedRequest = ChangedOptions;

export interface ChangedFlowResult {
  changed: ChangedResult;
  steps: StepRecord[];
}

export async function runChanged(req: ChangedRequest, hooks: StepHooks = {}): Promise<ChangedFlowResult> {
  const run = new Pipeline(CHANGED_STEPS, hooks);
  return unwrapStepFailure(async () => {
    const inputs = await run.step('discover', async () => {
      const i = await discoverChanges(req);
      return done(i, `${i.connectors.length} connector(s), ${i.changes.files.length} file(s) changed since ${i.changes.since}`);
    });
    const affected = await run.step('affected', async () => {
      const a = await affectedBy(inputs);
      return done(a, `${a.result.affected.length} connector(s) affected`);
    });
    const changed = await run.step('matrix', async () => {
      const r = changedResult(req, inputs, affected);
      return done(r, `${r.matrix.include.length} build job(s), ${r.mergeMatrix.include.length} merge job(s)`);
    });
    return { changed, steps: run.records };
  });
}
