import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  DEFAULT_GIT_TAG_FORMAT,
  DEFAULT_RELEASE_TAG_PATTERN,
  resolveRelease
} from "./chunk-NWETMKMZ.js";
import "./chunk-2THDPJXP.js";
import "./chunk-GHG7CSUH.js";
import "./chunk-53HFGXM5.js";
import "./chunk-UFXM2AKX.js";
import {
  action
} from "./chunk-F2VC4BAM.js";
import "./chunk-MR3WDBBH.js";
import "./chunk-XXCHFLXQ.js";
import "./chunk-EITCH64O.js";
import "./chunk-WL7URP6M.js";
import "./chunk-3B6BBNWB.js";
import "./chunk-RW67NCSM.js";
import "./chunk-TIPUL6EO.js";
import "./chunk-3S7N7WR3.js";
import {
  init_define_BC_HELP
} from "./chunk-GZBHEZT2.js";

// src/commands/release-plan.ts
init_define_BC_HELP();
function register(program) {
  program.command("release-plan").description("resolve the connector directory and version a release tag (e.g. refs/tags/source-foo/v1.2.3) names; exit 2 when metadata.yaml says another version").requiredOption("--git-ref <ref>", "the release tag (refs/tags/<connector-dir>/v<version>, or refs/tags/v<version> with one connector; refs/tags/ optional)").option("--root <dir>", "repository root to find the connector in (default: current directory)").option("--git-tag-format <format>", "tag format: {dir} and {version} placeholders", DEFAULT_GIT_TAG_FORMAT).option(
    "--release-tag-pattern <pattern>",
    `release tag of a repository with one connector, {version} only (default: releaseTagPattern in build-connector.yaml, else "${DEFAULT_RELEASE_TAG_PATTERN}")`
  ).action(
    action(async (out, _g, f) => {
      const plan = await resolveRelease(f.gitRef, { root: f.root, format: f.gitTagFormat, releaseTagPattern: f.releaseTagPattern });
      out.result(plan, () => [`release ${plan.tag}`, `  connector: ${plan.dir}`, `  version:   ${plan.version} (${plan.versionAt})`, `  repository: ${plan.repository}`].join("\n"));
    })
  );
}
export {
  register
};
