import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  LOCAL_REGISTRY
} from "./chunk-XNXDOU65.js";
import {
  formatTagPlan,
  planTags
} from "./chunk-VRCWCI7I.js";
import {
  resolveTarget
} from "./chunk-237VH5OQ.js";
import {
  defaultLog
} from "./chunk-FVZLHUQV.js";
import {
  resolveCredentials
} from "./chunk-ROLAIEO7.js";
import {
  headSha
} from "./chunk-HX44SO3Q.js";
import {
  Pipeline,
  done,
  unwrapStepFailure
} from "./chunk-N5APPE22.js";
import {
  loadConnector
} from "./chunk-ATMBG6MK.js";
import "./chunk-MITLCIOK.js";
import "./chunk-LC4JF5JN.js";
import "./chunk-AC6MT37A.js";
import "./chunk-Z2MWC52I.js";
import "./chunk-TVMRY7EN.js";
import "./chunk-STQCJ5OL.js";
import {
  RegistryClient,
  retryPolicy
} from "./chunk-2CZK5HMD.js";
import "./chunk-QLD2YDU3.js";
import "./chunk-CL32DPN3.js";
import "./chunk-FLBFUWAO.js";
import "./chunk-SVKG5X7A.js";
import {
  envMissing,
  toBcError
} from "./chunk-BSQYAL4K.js";
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/core/flows/tags.ts
init_define_BC_HELP();
var TAGS_STEPS = ["resolve", "list", "plan"];
async function runTags(req, hooks = {}) {
  const log = hooks.log ?? defaultLog;
  const run = new Pipeline(TAGS_STEPS, hooks);
  return unwrapStepFailure(async () => {
    const { c, target, client } = await run.step("resolve", async () => {
      const c2 = await loadConnector(req.dir);
      const registry = req.registry === "local" ? LOCAL_REGISTRY : req.registry;
      const target2 = resolveTarget(c2, { registry, repository: req.repository, target: req.target, version: req.version });
      const credentials = await resolveCredentials(target2.registry, req.login ?? {});
      const client2 = new RegistryClient(target2.registry, { credentials, retry: retryPolicy(req.retries), onRetry: (l) => log(`registry: ${l}`) });
      return done({ c: c2, target: target2, client: client2 }, target2.reference);
    });
    const existing = await run.step("list", async () => {
      try {
        const tags = await client.listTags(target.repo);
        return done(tags, `${tags.length} tag(s) in ${target.reference}`);
      } catch (err) {
        const e = toBcError(err);
        throw e.kind === "environment" ? e : envMissing(`cannot list the tags of ${target.reference}: ${e.message}`, ["fix: check --registry (the plan needs the versions already published)"]);
      }
    });
    const plan = await run.step("plan", async () => {
      const plan2 = planTags({
        repository: target.reference,
        version: target.version,
        versionSource: target.versionSource,
        versionAt: target.versionAt,
        existingTags: existing,
        aliases: req.aliases === true,
        latest: req.latest,
        ...req.dev ? { dev: { sha: await headSha(c.dir) } } : {}
      });
      return done(plan2, `${plan2.tags.length} tag(s) to write, ${plan2.skipped.length} not`);
    });
    return { plan, notes: target.notes, steps: run.records };
  });
}
export {
  TAGS_STEPS,
  formatTagPlan,
  runTags
};
