import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  parseFields
} from "./chunk-UOA3M2KC.js";
import {
  action,
  credentialOptions,
  loginFromFlags
} from "./chunk-T4MAP237.js";
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/commands/tags.ts
init_define_BC_HELP();
function tagPlanOptions(cmd) {
  return cmd.option("--registry <host[:port]>", 'registry host, or "local" (a loopback registry on localhost:5000; publish starts one when none runs)').option("--repository <path>", "repository path (default data.dockerRepository)").option("--target <cloud|oss>", "use data.registryOverrides.<target>.dockerRepository / dockerImageTag").option("--release-version <semver>", "version to tag (default data.dockerImageTag; the image labels keep metadata.yaml's)").option("--dev", "a dev build: X.Y.Z-dev.<10-char commit sha> only").option("--aliases", "also move X.Y and X when this is the highest release of that line").option("--latest <mode>", "auto (default: only when >= every stable version), true or false").option("--retries <n>", "attempts per registry request on transient faults (default 5)");
}
function register(program) {
  credentialOptions(
    tagPlanOptions(
      program.command("tags [dir]").description("print the tag plan publish would apply: tags written and why, tags deliberately not written (reads the registry, writes nothing)")
    )
  ).action(
    action(async (out, _g, dir, f) => {
      const login = await loginFromFlags(f);
      const v = parseFields({ target: f.target, latest: f.latest, retries: f.retries });
      const { runTags, formatTagPlan } = await import("./tags-BELHLBRU.js");
      const { plan, notes } = await runTags(
        {
          dir: dir ?? ".",
          registry: f.registry,
          repository: f.repository,
          target: v.target,
          version: f.releaseVersion,
          dev: f.dev === true,
          aliases: f.aliases === true,
          latest: v.latest,
          retries: v.retries,
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
  register
};
