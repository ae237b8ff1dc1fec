import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  action,
  credentialOptions,
  loginFromFlags
} from "./chunk-4WZDKM62.js";
import {
  badInput
} from "./chunk-BRC3U7YZ.js";
import {
  init_define_BC_HELP
} from "./chunk-4S36LVC7.js";

// src/commands/tags.ts
init_define_BC_HELP();
function tagPlanOptions(cmd) {
  return cmd.option("--registry <host[:port]>", 'registry host, or "local" (a loopback registry on localhost:5000; publish starts one when none runs)').option("--repository <path>", "repository path (default data.dockerRepository)").option("--target <cloud|oss>", "use data.registryOverrides.<target>.dockerRepository / dockerImageTag").option("--release-version <semver>", "version to tag (default data.dockerImageTag; the image labels keep metadata.yaml's)").option("--dev", "a dev build: X.Y.Z-dev.<10-char commit sha> only").option("--aliases", "also move X.Y and X when this is the highest release of that line").option("--latest <mode>", "auto (only when >= every stable version), true, false", "auto").option("--retries <n>", "attempts per registry request on transient faults", "5");
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
  credentialOptions(
    tagPlanOptions(
      program.command("tags [dir]").description("print the tag plan publish would apply: tags written and why, tags deliberately not written (reads the registry, writes nothing)")
    )
  ).action(
    action(async (out, _g, dir, f) => {
      const login = await loginFromFlags(f);
      const { runTags, formatTagPlan } = await import("./tags-753JGRQL.js");
      const { plan, notes } = await runTags(
        {
          dir: dir ?? ".",
          registry: f.registry,
          repository: f.repository,
          target: targetFlag(f.target),
          version: f.releaseVersion,
          dev: f.dev === true,
          aliases: f.aliases === true,
          latest: latestFlag(f.latest),
          retries: retriesFlag(f.retries),
          login
        },
        { log: (l) => out.info(l) }
      );
      for (const n of notes) out.info(`note: ${n}`);
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
