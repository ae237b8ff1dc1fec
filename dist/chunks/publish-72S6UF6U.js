import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  parsePublishConfig,
  publishRequestOf
} from "./chunk-OYHSUKHX.js";
import {
  exitCodeOf,
  runPublish
} from "./chunk-LMQB737H.js";
import "./chunk-VOHPBMRX.js";
import "./chunk-KMJRDGEX.js";
import "./chunk-7WXBJWGR.js";
import "./chunk-IETZWHDT.js";
import "./chunk-AUAQQ5CE.js";
import "./chunk-OPS6TR3O.js";
import {
  retriesFlag,
  tagPlanOptions,
  targetFlag
} from "./chunk-XJPB2LAY.js";
import "./chunk-WHFADBSH.js";
import {
  readStdinPassword
} from "./chunk-BJ3PP755.js";
import {
  DEFAULT_GIT_TAG_FORMAT
} from "./chunk-6PWTTJ5U.js";
import "./chunk-ZUUFQ7IG.js";
import "./chunk-DCJCCU67.js";
import "./chunk-AVZVJGSV.js";
import "./chunk-K5X6C52O.js";
import "./chunk-MGCBLSFX.js";
import "./chunk-4XLEHXZD.js";
import "./chunk-CGJI4D77.js";
import "./chunk-JUO45WSE.js";
import "./chunk-WHBNMZ35.js";
import "./chunk-OHZ3A7TX.js";
import "./chunk-PL4U5KEG.js";
import "./chunk-IDL52A6J.js";
import "./chunk-53HFGXM5.js";
import "./chunk-AHXBTAHP.js";
import "./chunk-FTZTWGAN.js";
import "./chunk-65TEMGBV.js";
import "./chunk-UFXM2AKX.js";
import {
  action,
  collect
} from "./chunk-F2VC4BAM.js";
import "./chunk-EITCH64O.js";
import "./chunk-WL7URP6M.js";
import "./chunk-EQIHFYJR.js";
import "./chunk-XXCHFLXQ.js";
import "./chunk-TIPUL6EO.js";
import "./chunk-3S7N7WR3.js";
import "./chunk-XY7AOMXG.js";
import "./chunk-3B6BBNWB.js";
import {
  badInput
} from "./chunk-RW67NCSM.js";
import "./chunk-FARI4L7I.js";
import {
  init_define_BC_HELP
} from "./chunk-GZBHEZT2.js";

// src/commands/publish.ts
init_define_BC_HELP();

// src/commands/publish-format.ts
init_define_BC_HELP();
var secs = (ms) => `${(ms / 1e3).toFixed(1)} s`;
function formatResult(r) {
  const lines = [];
  const steps = r.steps.map((s) => `  ${s.status === "done" ? "\u2713" : s.status === "skipped" ? "-" : "\u2717"} ${s.step.padEnd(8)} ${secs(s.durationMs).padStart(7)}  ${s.reason ?? ""}`.trimEnd());
  switch (r.result) {
    case "published":
      lines.push(`published ${r.repository}@${r.digest}`);
      lines.push(`  platforms: ${r.platforms.join(", ")}${r.attestations ? ` (+${r.attestations} attestation manifests)` : ""}`);
      for (const t of r.tags) lines.push(`  tag ${t.ref} (${t.action})`);
      for (const s of r.skippedTags) lines.push(`  not tagged ${s.tag}: ${s.reason}`);
      lines.push(`  pushed: ${r.push.blobsUploaded} blobs uploaded (${(r.push.bytesUploaded / 1e6).toFixed(1)} MB), ${r.push.blobsMounted} mounted, ${r.push.blobsPresent} already present; ${r.push.manifestsWritten} manifests written`);
      if (r.signed) lines.push("  signed with cosign (index digest)");
      if (r.gitTag) lines.push(`  git tag ${r.gitTag.name} ${r.gitTag.created ? "created" : "already there"}${r.gitTag.pushed ? ", pushed" : ""}`);
      break;
    case "already-published":
      lines.push(`already published: ${r.repository}:${r.version} is ${r.digest} (same ${r.sameBy}); nothing pushed`);
      break;
    case "refused":
      lines.push(`refused: ${r.reason}`);
      break;
    case "failed":
      lines.push(`failed at ${r.step}: ${r.reason}`);
      break;
    case "dry-run":
      lines.push(`dry run: built and verified ${r.digest} (${r.platforms.join(", ")}); nothing pushed or tagged`);
      lines.push(`  a real run would be: ${r.wouldBe}`);
      for (const t of r.plan.tags) lines.push(`  would tag ${r.repository}:${t.tag} \u2014 ${t.reason}`);
      for (const s of r.plan.skipped) lines.push(`  would not tag ${s.tag} \u2014 ${s.reason}`);
      break;
  }
  if (r.build) lines.push(`built: ${r.build.strategy} strategy on ${r.build.builder} (${r.build.driver} driver, ${r.build.store} store); reproducible: ${r.build.reproducible ? "yes" : "no"}; provenance: ${r.build.provenance.attached ? r.build.provenance.mode : `none (${r.build.provenance.reason})`}`);
  lines.push("steps:", ...steps);
  if (r.faults.total > 0) lines.push(`registry faults retried: ${r.faults.total} (${Object.entries(r.faults.byReason).map(([k, v]) => `${k}: ${v}`).join(", ")})`);
  for (const n of r.notes) lines.push(`note: ${n}`);
  return lines.join("\n");
}

// src/commands/publish.ts
function provenanceFlag(v) {
  if (v === "min" || v === "max") return v;
  if (v === "false" || v === "none") return false;
  throw badInput(`--provenance must be min, max or false, got "${v}"`);
}
function register(program) {
  tagPlanOptions(program.command("publish [dir]")).description("build both platforms, verify every platform, push by digest, read back, then tag (version first, latest last); versions are immutable").option("--platform <list>", "platforms (default: the connector's, else linux/amd64,linux/arm64)").option("--base-image <ref>", "replace the base image").option("--config <file>", "config for check/discover/read during verify (default DIR/secrets/config.json)").option("--build-arg <KEY=VALUE>", "build argument (repeatable)", collect).option("--cache-from <spec>", "buildx cache source (repeatable)", collect).option("--cache-to <spec>", "buildx cache destination (repeatable)", collect).option("--dry-run", "build and verify, print the plan; push and tag nothing").option("--force", "overwrite an existing version that has another digest (logged loudly)").option("--provenance <mode>", "provenance attestation: min, max or false", "min").option("--sign-key <file>", "cosign-sign the index digest with this key (password in COSIGN_PASSWORD)").option("--git-tag", "create the annotated git tag <connector-dir>/v<version> at the built commit after success").option("--git-tag-format <format>", "git tag format ({dir}, {version})", DEFAULT_GIT_TAG_FORMAT).option("--push-git-tag", "push the git tag to origin (implies --git-tag)").option("--password-stdin", "read the registry password from stdin (else BUILD_CONNECTOR_PASSWORD; never a flag)").action(
    action(async (out, _g, dir, f) => {
      const config = parsePublishConfig({
        connectors: [dir ?? "."],
        platforms: f.platform,
        baseImage: f.baseImage,
        cacheFrom: f.cacheFrom,
        cacheTo: f.cacheTo,
        buildArgs: f.buildArg,
        configFile: f.config,
        registry: f.registry,
        repository: f.repository,
        username: f.username,
        dryRun: f.dryRun === true,
        force: f.force === true,
        latest: f.latest,
        aliases: f.aliases === true,
        dev: f.dev === true,
        signKey: f.signKey
      });
      const req = {
        ...publishRequestOf(dir ?? ".", config, { version: f.releaseVersion }),
        // CLI-only knobs (the Action fixes these)
        target: targetFlag(f.target),
        provenance: provenanceFlag(f.provenance),
        gitTag: f.gitTag === true || f.pushGitTag === true,
        gitTagFormat: f.gitTagFormat,
        pushGitTag: f.pushGitTag === true,
        retries: retriesFlag(f.retries)
      };
      if (f.passwordStdin) req.password = await readStdinPassword();
      const result = await runPublish(req, {
        log: (l) => out.info(l),
        onStep: (step, status, reason) => {
          if (status === "start") out.info(`== ${step}`);
          else if (status === "skipped") out.info(`-- ${step} skipped: ${reason ?? ""}`);
        }
      });
      out.result(result, () => formatResult(result));
      if (result.result === "failed" && !out.json) {
        process.stderr.write(`error: ${result.reason}
${result.details.map((d) => `  ${d}
`).join("")}`);
      }
      return exitCodeOf(result);
    })
  );
}
export {
  register
};
