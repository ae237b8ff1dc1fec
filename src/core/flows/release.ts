/**
 * `release-plan --git-ref REF`, and the Action's release tags: the connector
 * directory and version a release tag names, checked against metadata.yaml.
 *
 *   discover → which root holds the connector the tag names (the Action's
 *              roots, first match wins); one root given: that root
 *   resolve  → the tag parsed (either form), the connector found, its
 *              dockerImageTag equal to the tag's version (else exit 2)
 */
import { BcError } from '../../errors.js';
import { discoverConnectors } from '../../monorepo/discovery.js';
import { parseGitTag, resolveRelease, type ReleasePlan } from '../../publish/release-plan.js';
import { Pipeline, done, skip, unwrapStepFailure, type StepHooks, type StepName, type StepRecord } from '../pipeline.js';

export { DEFAULT_RELEASE_TAG_PATTERN } from '../../publish/release-plan.js';

const RELEASE_STEPS: readonly StepName[] = ['discover', 'resolve'];

interface ReleaseRequest {
  /** refs/tags/<dir>/v<version>, refs/tags/v<version> (refs/tags/ optional) */
  gitRef: string;
  /** where the connector is looked for (default: the current directory) */
  root?: string;
  /**
   * several roots to search, in order: the first that has a connector named
   * by the tag answers (none has it: exit 2 naming them all). Takes the
   * place of `root`.
   */
  searchRoots?: readonly string[];
  /** the connector tag format, with {dir} (the grammar's default: {dir}/v{version}) */
  format: string;
  /** the single-connector tag pattern (default: build-connector.yaml's, else v{version}) */
  releaseTagPattern?: string;
}

interface ReleaseFlowResult {
  plan: ReleasePlan;
  steps: StepRecord[];
}

/** The first root holding a connector named `name` (a plain vX.Y.Z tag names none: the first root holding any connector). */
async function rootNaming(gitRef: string, roots: readonly string[], format: string): Promise<string> {
  const name = parseGitTag(gitRef, format)?.dir;
  for (const root of roots) {
    const found = await discoverConnectors({ base: root });
    if (name === undefined ? found.length > 0 : found.some((c) => c.name === name)) return root;
  }
  const tag = gitRef.replace(/^refs\/tags\//, '');
  throw new BcError('badInput', `release tag ${tag}: no connector directory named "${name ?? '?'}" under ${roots.join(', ')}`, {
    details: ['fix: list the directory that holds it in the connectors input'],
  });
}

export async function runRelease(req: ReleaseRequest, hooks: StepHooks = {}): Promise<ReleaseFlowResult> {
  const run = new Pipeline(RELEASE_STEPS, hooks);
  return unwrapStepFailure(async () => {
    const root = await run.step('discover', async () => {
      if (req.searchRoots === undefined) return skip(req.root, 'one root given');
      const r = await rootNaming(req.gitRef, req.searchRoots, req.format);
      return done(r, `the connector is under ${r}`);
    });
    const plan = await run.step('resolve', async () => {
      const p = await resolveRelease(req.gitRef, { root, format: req.format, releaseTagPattern: req.releaseTagPattern });
      return done(p, `${p.dirName} ${p.version}`);
    });
    return { plan, steps: run.records };
  });
}
