/**
 * `base render|build|root|list`: the bundled base images and the local root
 * images they build on.
 *
 *   render NAME → render  (the base's Dockerfile from base-images/NAME)
 *   build NAME  → render → build  (every platform; an identical base already
 *                 in the registry is reused with --push)
 *   root NAME   → build   (a multi-arch root image from the local root
 *                 filesystems, pushed; reused when already there)
 *   list        → list    (the bundled base definitions)
 */
import { ensureLocalRoot, type LocalRoot, type LocalRootOptions } from '../../base/local-root.js';
import { listBases } from '../../render/base-def.js';
import { buildBase, renderBase, type BaseBuildOptions, type BaseBuildResult, type RenderedBase } from '../../render/base-image.js';
import { Pipeline, done, unwrapStepFailure, type StepHooks, type StepName, type StepRecord } from '../pipeline.js';

export type { BaseBuildResult, LocalRoot, RenderedBase };

export const BASE_RENDER_STEPS: readonly StepName[] = ['render'];
export const BASE_BUILD_STEPS: readonly StepName[] = ['render', 'build'];
export const BASE_ROOT_STEPS: readonly StepName[] = ['build'];
export const BASE_LIST_STEPS: readonly StepName[] = ['list'];

export interface Flow<T> {
  value: T;
  steps: StepRecord[];
}

async function renderStep(run: Pipeline, name: string, rootImage: string | undefined): Promise<RenderedBase> {
  return run.step('render', async () => {
    const r = await renderBase(name, rootImage);
    return done(r, `base ${r.definition.name} on ${r.root}`);
  });
}

export async function runBaseRender(req: { name: string; rootImage?: string }, hooks: StepHooks = {}): Promise<Flow<RenderedBase>> {
  const run = new Pipeline(BASE_RENDER_STEPS, hooks);
  return unwrapStepFailure(async () => ({ value: await renderStep(run, req.name, req.rootImage), steps: run.records }));
}

export type BaseBuildRequest = Omit<BaseBuildOptions, 'rendered'>;

export async function runBaseBuild(req: BaseBuildRequest, hooks: StepHooks = {}): Promise<Flow<BaseBuildResult>> {
  const run = new Pipeline(BASE_BUILD_STEPS, hooks);
  return unwrapStepFailure(async () => {
    const rendered = await renderStep(run, req.name, req.rootImage);
    const value = await run.step('build', async () => {
      const r = await buildBase({ ...req, rendered });
      return done(r, `${r.built ? 'built' : 'reused'} ${r.ref}`);
    });
    return { value, steps: run.records };
  });
}

export async function runBaseRoot(req: LocalRootOptions, hooks: StepHooks = {}): Promise<Flow<LocalRoot>> {
  const run = new Pipeline(BASE_ROOT_STEPS, hooks);
  return unwrapStepFailure(async () => {
    const value = await run.step('build', async () => {
      const r = await ensureLocalRoot(req);
      return done(r, `${r.built ? 'built' : 'reused'} ${r.ref}`);
    });
    return { value, steps: run.records };
  });
}

export async function runBaseList(hooks: StepHooks = {}): Promise<Flow<string[]>> {
  const run = new Pipeline(BASE_LIST_STEPS, hooks);
  return unwrapStepFailure(async () => {
    const value = await run.step('list', async () => {
      const names = await listBases();
      return done(names, `${names.length} base(s)`);
    });
    return { value, steps: run.records };
  });
}
