import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  parsePublishConfig,
  publishRequestOf
} from "./chunk-YQ3YQNL3.js";
import {
  exitCodeOf,
  formatResult,
  runPublish
} from "./chunk-QKLZ4YHE.js";
import "./chunk-D4RCFRR7.js";
import "./chunk-ER4XZ2WN.js";
import "./chunk-CZB5YCAC.js";
import "./chunk-CBIJKXIV.js";
import "./chunk-UZX7B2IA.js";
import "./chunk-EFOKFURO.js";
import "./chunk-ZYXUZAKQ.js";
import "./chunk-VC3JLRGB.js";
import {
  retriesFlag,
  tagPlanOptions,
  targetFlag
} from "./chunk-C6RNHUWZ.js";
import "./chunk-CD6VDOLM.js";
import {
  readStdinPassword
} from "./chunk-GAJOUQT7.js";
import {
  DEFAULT_GIT_TAG_FORMAT
} from "./chunk-SNWJCZWC.js";
import "./chunk-HNY25XOR.js";
import "./chunk-GC3M4GLA.js";
import "./chunk-UZVSFOOJ.js";
import "./chunk-4MGVUHVB.js";
import "./chunk-PGIYBAEJ.js";
import "./chunk-3DIWK25T.js";
import "./chunk-3N27EFQV.js";
import "./chunk-7KCCEROD.js";
import "./chunk-63PP2PAZ.js";
import "./chunk-3RL3KEEP.js";
import "./chunk-A2PKEVEV.js";
import "./chunk-HSWBEYPK.js";
import {
  action,
  collect
} from "./chunk-U5YRR6AO.js";
import "./chunk-OCQSVPUE.js";
import "./chunk-FGC2GAOX.js";
import "./chunk-GOICV6JM.js";
import "./chunk-BE5EM6RG.js";
import {
  badInput
} from "./chunk-XOYO7HYX.js";
import "./chunk-HTCQJELU.js";
import "./chunk-BPUH7USV.js";
import "./chunk-R4F27TRY.js";
import "./chunk-YXWD64HT.js";
import "./chunk-YTMJN7EQ.js";
import {
  init_define_BC_HELP
} from "./chunk-CDVMQLRB.js";

// src/commands/publish.ts
init_define_BC_HELP();
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
