import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  LOCAL_REGISTRY
} from "./chunk-WHFADBSH.js";
import {
  resolveCredentials,
  resolveTarget
} from "./chunk-BJ3PP755.js";
import {
  formatTagPlan,
  planTags
} from "./chunk-ZUUFQ7IG.js";
import {
  RegistryClient,
  retryPolicy
} from "./chunk-PL4U5KEG.js";
import {
  headSha
} from "./chunk-UFXM2AKX.js";
import {
  action
} from "./chunk-F2VC4BAM.js";
import {
  loadConnector
} from "./chunk-EQIHFYJR.js";
import {
  badInput,
  envMissing,
  toBcError
} from "./chunk-RW67NCSM.js";
import {
  init_define_BC_HELP
} from "./chunk-GZBHEZT2.js";

// src/commands/tags.ts
init_define_BC_HELP();
function tagPlanOptions(cmd) {
  return cmd.option("--registry <host[:port]>", 'registry host, or "local" (a loopback registry on localhost:5000; publish starts one when none runs)').option("--repository <path>", "repository path (default data.dockerRepository)").option("--target <cloud|oss>", "use data.registryOverrides.<target>.dockerRepository / dockerImageTag").option("--release-version <semver>", "version to tag (default data.dockerImageTag; the image labels keep metadata.yaml's)").option("--dev", "a dev build: X.Y.Z-dev.<10-char commit sha> only").option("--aliases", "also move X.Y and X when this is the highest release of that line").option("--latest <mode>", "auto (only when >= every stable version), true, false", "auto").option("--username <user>", "registry user (or BUILD_CONNECTOR_USERNAME; password from BUILD_CONNECTOR_PASSWORD; default: docker login credentials)").option("--retries <n>", "attempts per registry request on transient faults", "5");
}
function latestFlag(v) {
  if (v === "auto" || v === "true" || v === "false") return v;
  throw badInput(`--latest must be auto, true or false, got "${v}"`);
}
function targetFlag(v) {
  if (v === void 0 || v === "cloud" || v === "oss") return v;
  throw badInput(`--target must be cloud or oss, got "${v}"`);
}
function retriesFlag(v) {
  if (v === void 0) return void 0;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 20) throw badInput(`--retries must be an integer 1..20, got "${v}"`);
  return n;
}
function register(program) {
  tagPlanOptions(
    program.command("tags [dir]").description("print the tag plan publish would apply: tags written and why, tags deliberately not written (reads the registry, writes nothing)")
  ).action(
    action(async (out, _g, dir, f) => {
      const c = await loadConnector(dir ?? ".");
      const registry = f.registry === "local" ? LOCAL_REGISTRY : f.registry;
      const target = resolveTarget(c, { registry, repository: f.repository, target: targetFlag(f.target), version: f.releaseVersion });
      const creds = await resolveCredentials(target.registry, { username: f.username });
      const client = new RegistryClient(target.registry, { credentials: creds, retry: retryPolicy(retriesFlag(f.retries)), onRetry: (l) => out.info(`registry: ${l}`) });
      let existing;
      try {
        existing = await client.listTags(target.repo);
      } catch (err) {
        const e = toBcError(err);
        throw e.kind === "environment" ? e : envMissing(`cannot list the tags of ${target.reference}: ${e.message}`, ["fix: check --registry (the plan needs the versions already published)"]);
      }
      const plan = planTags({
        repository: target.reference,
        version: target.version,
        versionSource: target.versionSource,
        existingTags: existing,
        aliases: f.aliases === true,
        latest: latestFlag(f.latest),
        ...f.dev ? { dev: { sha: await headSha(c.dir) } } : {}
      });
      for (const n of target.notes) out.info(`note: ${n}`);
      out.result(plan, () => formatTagPlan(plan));
    })
  );
}

export {
  tagPlanOptions,
  latestFlag,
  targetFlag,
  retriesFlag,
  register
};
