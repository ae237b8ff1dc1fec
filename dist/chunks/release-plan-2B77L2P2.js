import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  DEFAULT_GIT_TAG_FORMAT,
  resolveRelease
} from "./chunk-SNWJCZWC.js";
import "./chunk-HNY25XOR.js";
import "./chunk-3N27EFQV.js";
import {
  action
} from "./chunk-U5YRR6AO.js";
import "./chunk-OCQSVPUE.js";
import "./chunk-FGC2GAOX.js";
import "./chunk-GOICV6JM.js";
import "./chunk-BE5EM6RG.js";
import "./chunk-XOYO7HYX.js";
import "./chunk-HTCQJELU.js";
import "./chunk-BPUH7USV.js";
import "./chunk-YXWD64HT.js";
import {
  init_define_BC_HELP
} from "./chunk-CDVMQLRB.js";

// src/commands/release-plan.ts
init_define_BC_HELP();
function register(program) {
  program.command("release-plan").description("resolve the connector directory and version a release tag (e.g. refs/tags/source-foo/v1.2.3) names; exit 2 when metadata.yaml says another version").requiredOption("--git-ref <ref>", "the release tag (refs/tags/<connector-dir>/v<version>, or without refs/tags/)").option("--root <dir>", "repository root to find the connector in (default: current directory)").option("--git-tag-format <format>", "tag format: {dir} and {version} placeholders", DEFAULT_GIT_TAG_FORMAT).action(
    action(async (out, _g, f) => {
      const plan = await resolveRelease(f.gitRef, { root: f.root, format: f.gitTagFormat });
      out.result(plan, () => [`release ${plan.tag}`, `  connector: ${plan.dir}`, `  version:   ${plan.version} (${plan.versionAt})`, `  repository: ${plan.repository}`].join("\n"));
    })
  );
}
export {
  register
};
