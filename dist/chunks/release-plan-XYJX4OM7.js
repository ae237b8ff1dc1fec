import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  DEFAULT_GIT_TAG_FORMAT,
  resolveRelease
} from "./chunk-TCWTUE3T.js";
import "./chunk-7V3BO7P4.js";
import "./chunk-SI2GWZEM.js";
import {
  action
} from "./chunk-RJEXJUE3.js";
import "./chunk-2ZW2YC5H.js";
import "./chunk-GOICV6JM.js";
import "./chunk-BE5EM6RG.js";
import "./chunk-KEONE7JZ.js";
import "./chunk-YXWD64HT.js";
import "./chunk-OCQSVPUE.js";
import "./chunk-BPUH7USV.js";
import "./chunk-UF6NUPZP.js";
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
