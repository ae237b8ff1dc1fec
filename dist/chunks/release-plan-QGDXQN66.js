import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  DEFAULT_GIT_TAG_FORMAT,
  DEFAULT_RELEASE_TAG_PATTERN,
  runRelease
} from "./chunk-47SDQ6MV.js";
import "./chunk-HDSDZOEK.js";
import "./chunk-RZ3HEMIH.js";
import "./chunk-KFYPFZWU.js";
import "./chunk-MGSV4A4F.js";
import "./chunk-XXP3MPL7.js";
import "./chunk-QL47CY3G.js";
import "./chunk-6N6K3GH5.js";
import "./chunk-TDTQ2VRD.js";
import "./chunk-DUDWKVG5.js";
import "./chunk-2U75EEOT.js";
import "./chunk-HI25WK67.js";
import {
  action
} from "./chunk-IQQW7X5T.js";
import "./chunk-M6WTTPFB.js";
import "./chunk-JCNINEPP.js";
import "./chunk-N2CKSR53.js";
import "./chunk-H2BA5LQY.js";
import "./chunk-ROAOEA6R.js";
import "./chunk-AESVDITN.js";
import "./chunk-AQYICBEV.js";
import {
  init_define_BC_HELP
} from "./chunk-4S36LVC7.js";

// src/commands/release-plan.ts
init_define_BC_HELP();
function register(program) {
  program.command("release-plan").description("resolve the connector directory and version a release tag (e.g. refs/tags/source-foo/v1.2.3) names; exit 2 when metadata.yaml says another version").requiredOption("--git-ref <ref>", "the release tag (refs/tags/<connector-dir>/v<version>, or refs/tags/v<version> with one connector; refs/tags/ optional)").option("--root <dir>", "repository root to find the connector in (default: current directory)").option("--git-tag-format <format>", "tag format: {dir} and {version} placeholders", DEFAULT_GIT_TAG_FORMAT).option(
    "--release-tag-pattern <pattern>",
    `release tag of a repository with one connector, {version} only (default: releaseTagPattern in build-connector.yaml, else "${DEFAULT_RELEASE_TAG_PATTERN}")`
  ).action(
    action(async (out, _g, f) => {
      const { plan } = await runRelease({ gitRef: f.gitRef, root: f.root, format: f.gitTagFormat, releaseTagPattern: f.releaseTagPattern });
      out.result(plan, () => [`release ${plan.tag}`, `  connector: ${plan.dir}`, `  version:   ${plan.version} (${plan.versionAt})`, `  repository: ${plan.repository}`].join("\n"));
    })
  );
}
export {
  register
};
