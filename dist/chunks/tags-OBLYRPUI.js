import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  LOCAL_REGISTRY
} from "./chunk-TC6PC66Z.js";
import {
  formatTagPlan,
  planTags
} from "./chunk-HDSDZOEK.js";
import {
  resolveTarget
} from "./chunk-KFYPFZWU.js";
import {
  defaultLog
} from "./chunk-3ENY22Z7.js";
import {
  resolveCredentials
} from "./chunk-F52TEOU4.js";
import {
  headSha
} from "./chunk-XXP3MPL7.js";
import {
  Pipeline,
  done,
  unwrapStepFailure
} from "./chunk-QL47CY3G.js";
import {
  loadConnector
} from "./chunk-6N6K3GH5.js";
import "./chunk-TDTQ2VRD.js";
import "./chunk-DUDWKVG5.js";
import "./chunk-2U75EEOT.js";
import "./chunk-HI25WK67.js";
import "./chunk-N2CKSR53.js";
import "./chunk-H2BA5LQY.js";
import {
  RegistryClient,
  retryPolicy
} from "./chunk-UY65VSS5.js";
import "./chunk-KQGN32ME.js";
import "./chunk-ROAOEA6R.js";
import "./chunk-AESVDITN.js";
import {
  envMissing,
  toBcError
} from "./chunk-AQYICBEV.js";
import {
  init_define_BC_HELP
} from "./chunk-4S36LVC7.js";

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
