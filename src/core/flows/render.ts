/**
 * `render DIR`: the Dockerfile a build would use.
 *
 *   resolve → SOURCE_DATE_EPOCH and the git labels (so --json shows every
 *             label build applies)
 *   render  → the plan: template or custom Dockerfile, base image, labels
 *   write   → the Dockerfile and its .dockerignore, when a file is asked for
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isDigestPinned } from '../../shared/image-ref.js';
import { resolvePlan, planSummary } from '../../render/plan.js';
import { imageMetadata } from '../../render/oci-labels.js';
import type { BuildPlan } from '../../render/types.js';
import { resolveSourceDateEpoch } from '../images/build.js';
import { Pipeline, done, skip, unwrapStepFailure, type StepHooks, type StepName, type StepRecord } from '../pipeline.js';

export const RENDER_STEPS: readonly StepName[] = ['resolve', 'render', 'write'];

export interface RenderRequest {
  dir: string;
  baseImage?: string;
  /** extra template folders, searched before the bundled ones */
  templatesDir?: string;
  /** read the base image's config (engine, registry); false: base-images/<language>/base.yaml */
  resolveBase: boolean;
  /** write the Dockerfile here (and FILE.dockerignore next to it) */
  out?: string;
}

export interface RenderResult {
  plan: BuildPlan;
  /** the plan as `render --json` shows it */
  summary: Record<string, unknown>;
  /** the base image is pinned by digest (else builds are not reproducible) */
  basePinned: boolean;
  /** the files written, when `out` was given */
  wrote?: { dockerfile: string; dockerignore: string };
  steps: StepRecord[];
}

export async function runRender(req: RenderRequest, hooks: StepHooks = {}): Promise<RenderResult> {
  const run = new Pipeline(RENDER_STEPS, hooks);
  return unwrapStepFailure(async () => {
    const metadata = await run.step('resolve', async () => {
      const [epoch, git] = await Promise.all([resolveSourceDateEpoch(req.dir, undefined), imageMetadata(req.dir, undefined)]);
      return done({ ...git, created: epoch.value }, `SOURCE_DATE_EPOCH=${epoch.value} from ${epoch.from}`);
    });
    const plan = await run.step('render', async () => {
      const plan = await resolvePlan(req.dir, { baseImage: req.baseImage, templatesDir: req.templatesDir, metadata, resolveBase: req.resolveBase });
      return done(plan, `${plan.mode} Dockerfile, base ${plan.baseImage}`);
    });
    const out = req.out;
    const wrote = await run.step('write', async () => {
      if (out === undefined) return skip(undefined, 'no file asked for');
      const file = resolve(out);
      await writeFile(file, plan.dockerfile);
      await writeFile(`${file}.dockerignore`, plan.dockerignore);
      return done({ dockerfile: file, dockerignore: `${file}.dockerignore` }, `wrote ${file}`);
    });
    return {
      plan,
      summary: planSummary(plan),
      basePinned: !plan.baseImage || isDigestPinned(plan.baseImage),
      ...(wrote ? { wrote } : {}),
      steps: run.records,
    };
  });
}
