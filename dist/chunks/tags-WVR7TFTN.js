import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  LOCAL_REGISTRY
} from "./chunk-BZF6FL3C.js";
import {
  formatTagPlan,
  planTags
} from "./chunk-DGZP5WY6.js";
import {
  resolveTarget
} from "./chunk-OR3PVGYZ.js";
import {
  defaultLog
} from "./chunk-JOE4O76H.js";
import {
  RegistryClient,
  retryPolicy
} from "./chunk-HNWR5ZL6.js";
import "./chunk-6KEW7YSU.js";
import {
  resolveCredentials
} from "./chunk-PLLRDQ7S.js";
import {
  Pipeline,
  done,
  unwrapStepFailure
} from "./chunk-KQSEGK2J.js";
import {
  headSha
} from "./chunk-TC2BRTU6.js";
import "./chunk-G44WSTAN.js";
import {
  loadConnector
} from "./chunk-ER4JP5BU.js";
import "./chunk-TD526ZK6.js";
import "./chunk-ZYH5R5FA.js";
import "./chunk-ZY7CTMHJ.js";
import "./chunk-EHNW6LQR.js";
import "./chunk-ABYH3ITZ.js";
import "./chunk-3CSLZISE.js";
import "./chunk-VFM347UL.js";
import "./chunk-LY74QNZY.js";
import {
  envMissing,
  toBcError
} from "./chunk-MATTDRBK.js";
import {
  init_define_BC_HELP
} from "./chunk-RB4QTDT4.js";

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
