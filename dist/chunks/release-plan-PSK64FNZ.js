import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  DEFAULT_GIT_TAG_FORMAT,
  DEFAULT_RELEASE_TAG_PATTERN,
  resolveRelease
} from "./chunk-6RH5VUN4.js";
import "./chunk-MQCRU3B6.js";
import "./chunk-QSLUQDOC.js";
import "./chunk-XBZJ2KNP.js";
import "./chunk-VQ7VAPZU.js";
import {
  action
} from "./chunk-Q5CQTTCE.js";
import "./chunk-27HXEBHL.js";
import "./chunk-6NTUZ74M.js";
import "./chunk-KNPPYKNT.js";
import "./chunk-EF33TIX7.js";
import "./chunk-DG6ELZ66.js";
import "./chunk-2IOCRA5R.js";
import "./chunk-GSB4DPUC.js";
import "./chunk-YMRPEWEX.js";
import "./chunk-2QCPNS2Z.js";
import {
  init_define_BC_HELP
} from "./chunk-SZGEZ2XA.js";

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
