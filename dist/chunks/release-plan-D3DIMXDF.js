import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  DEFAULT_GIT_TAG_FORMAT,
  DEFAULT_RELEASE_TAG_PATTERN,
  resolveRelease
} from "./chunk-KX63JVTK.js";
import "./chunk-GZ72MLM5.js";
import "./chunk-MGW4XYGK.js";
import "./chunk-PVZSSEYK.js";
import "./chunk-EU5PPAJO.js";
import {
  action
} from "./chunk-UBURBJIR.js";
import "./chunk-RDTZURDF.js";
import "./chunk-HG4DKFTF.js";
import "./chunk-C3OKXXU7.js";
import "./chunk-Q6YLRKSR.js";
import "./chunk-2PTM4VG7.js";
import "./chunk-5BSCDYHN.js";
import "./chunk-N4DRTQQW.js";
import "./chunk-GBOMAGUQ.js";
import "./chunk-CTABBEN6.js";
import {
  init_define_BC_HELP
} from "./chunk-6ZG2IHFH.js";

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
