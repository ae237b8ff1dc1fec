import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  DEFAULT_GIT_TAG_FORMAT,
  DEFAULT_RELEASE_TAG_PATTERN,
  resolveRelease
} from "./chunk-TAO4OGDP.js";
import "./chunk-7QMP5LW3.js";
import "./chunk-VJBRYDOR.js";
import "./chunk-3DTNWE4G.js";
import "./chunk-POG5CEUR.js";
import {
  action
} from "./chunk-ZBFYMFRC.js";
import "./chunk-NSDITCIR.js";
import "./chunk-W6QOQLE7.js";
import "./chunk-W257OXBH.js";
import "./chunk-ZBE7Q2QI.js";
import "./chunk-3LX63W6I.js";
import "./chunk-SSN6CUAS.js";
import "./chunk-5R7AJT4B.js";
import "./chunk-7H3P7VBU.js";
import "./chunk-JCCP3NW4.js";
import {
  init_define_BC_HELP
} from "./chunk-F65AD7ZE.js";

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
