/**
 * `tags DIR`: the tag plan publish would apply, read from the registry and
 * written nowhere.
 *
 *   resolve → the connector, its target (registry, repository, version),
 *             the credentials for that registry
 *   list    → the tags already in the repository (the plan needs the
 *             versions already published)
 *   plan    → planTags, the same pure function publish applies
 */
import { loadConnector } from '../../connector/metadata.js';
import { envMissing, toBcError } from '../../errors.js';
import { headSha } from '../../git.js';
import { resolveCredentials, type RegistryLogin } from '../../registry/credentials.js';
import { LOCAL_REGISTRY } from '../../registry/local.js';
import { RegistryClient } from '../../registry/client.js';
import { retryPolicy } from '../../registry/retry.js';
import { planTags, type TagPlan } from '../../publish/tag-plan.js';
import type { LatestMode } from '../../shared/modes.js';
import { resolveTarget, type PublishTarget } from '../../publish/target.js';
import { Pipeline, done, unwrapStepFailure, type StepHooks, type StepName, type StepRecord } from '../pipeline.js';
import { defaultLog } from '../request.js';

export { formatTagPlan, type TagPlan } from '../../publish/tag-plan.js';

export const TAGS_STEPS: readonly StepName[] = ['resolve', 'list', 'plan'];

export interface TagsRequest {
  /** connector directory */
  dir: string;
  /** host[:port], or "local" (the loopback registry on 127.0.0.1:5000) */
  registry?: string;
  repository?: string;
  target?: PublishTarget;
  /** overrides data.dockerImageTag */
  version?: string;
  dev?: boolean;
  aliases?: boolean;
  latest: LatestMode;
  /** attempts per registry request (default 5) */
  retries: number;
  login?: RegistryLogin;
}

export interface TagsResult {
  plan: TagPlan;
  /** what the target resolution noticed (an override that is not there, …) */
  notes: string[];
  steps: StepRecord[];
}

export async function runTags(req: TagsRequest, hooks: StepHooks & { log?: (line: string) => void } = {}): Promise<TagsResult> {
  const log = hooks.log ?? defaultLog;
  const run = new Pipeline(TAGS_STEPS, hooks);
  return unwrapStepFailure(async () => {
    const { c, target, client } = await run.step('resolve', async () => {
      const c = await loadConnector(req.dir);
      const registry = req.registry === 'local' ? LOCAL_REGISTRY : req.registry;
      const target = resolveTarget(c, { registry, repository: req.repository, target: req.target, version: req.version });
      const credentials = await resolveCredentials(target.registry, req.login ?? {});
      const client = new RegistryClient(target.registry, { credentials, retry: retryPolicy(req.retries), onRetry: (l) => log(`registry: ${l}`) });
      return done({ c, target, client }, target.reference);
    });
    const existing = await run.step('list', async () => {
      try {
        const tags = await client.listTags(target.repo);
        return done(tags, `${tags.length} tag(s) in ${target.reference}`);
      } catch (err) {
        const e = toBcError(err);
        throw e.kind === 'environment' ? e : envMissing(`cannot list the tags of ${target.reference}: ${e.message}`, ['fix: check --registry (the plan needs the versions already published)']);
      }
    });
    const plan = await run.step('plan', async () => {
      const plan = planTags({
        repository: target.reference,
        version: target.version,
        versionSource: target.versionSource,
        versionAt: target.versionAt,
        existingTags: existing,
        aliases: req.aliases === true,
        latest: req.latest,
        ...(req.dev ? { dev: { sha: await headSha(c.dir) } } : {}),
      });
      return done(plan, `${plan.tags.length} tag(s) to write, ${plan.skipped.length} not`);
    });
    return { plan, notes: target.notes, steps: run.records };
  });
}
