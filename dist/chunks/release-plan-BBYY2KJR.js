import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  DEFAULT_RELEASE_TAG_PATTERN,
  parseGitTag,
  resolveRelease
} from "./chunk-IDSHFM7G.js";
import "./chunk-VRCWCI7I.js";
import "./chunk-MLGU4ITA.js";
import "./chunk-237VH5OQ.js";
import {
  discoverConnectors
} from "./chunk-7UMF5QQ2.js";
import {
  parseFields
} from "./chunk-UOA3M2KC.js";
import "./chunk-HX44SO3Q.js";
import {
  Pipeline,
  done,
  skip,
  unwrapStepFailure
} from "./chunk-N5APPE22.js";
import "./chunk-ATMBG6MK.js";
import "./chunk-MITLCIOK.js";
import "./chunk-LC4JF5JN.js";
import "./chunk-AC6MT37A.js";
import "./chunk-Z2MWC52I.js";
import {
  action
} from "./chunk-T4MAP237.js";
import "./chunk-6LPIPXQJ.js";
import "./chunk-I7TGTHSS.js";
import "./chunk-TVMRY7EN.js";
import "./chunk-STQCJ5OL.js";
import "./chunk-CL32DPN3.js";
import "./chunk-FLBFUWAO.js";
import "./chunk-SVKG5X7A.js";
import {
  BcError
} from "./chunk-BSQYAL4K.js";
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/commands/release-plan.ts
init_define_BC_HELP();

// src/core/flows/release.ts
init_define_BC_HELP();
var RELEASE_STEPS = ["discover", "resolve"];
async function rootNaming(gitRef, roots, format) {
  const name = parseGitTag(gitRef, format)?.dir;
  for (const root of roots) {
    const found = await discoverConnectors({ base: root });
    if (name === void 0 ? found.length > 0 : found.some((c) => c.name === name)) return root;
  }
  const tag = gitRef.replace(/^refs\/tags\//, "");
  throw new BcError("badInput", `release tag ${tag}: no connector directory named "${name ?? "?"}" under ${roots.join(", ")}`, {
    details: ["fix: list the directory that holds it in the connectors input"]
  });
}
async function runRelease(req, hooks = {}) {
  const run = new Pipeline(RELEASE_STEPS, hooks);
  return unwrapStepFailure(async () => {
    const root = await run.step("discover", async () => {
      if (req.searchRoots === void 0) return skip(req.root, "one root given");
      const r = await rootNaming(req.gitRef, req.searchRoots, req.format);
      return done(r, `the connector is under ${r}`);
    });
    const plan = await run.step("resolve", async () => {
      const p = await resolveRelease(req.gitRef, { root, format: req.format, releaseTagPattern: req.releaseTagPattern });
      return done(p, `${p.dirName} ${p.version}`);
    });
    return { plan, steps: run.records };
  });
}

// src/commands/release-plan.ts
function register(program) {
  program.command("release-plan").description("resolve the connector directory and version a release tag (e.g. refs/tags/source-foo/v1.2.3) names; exit 2 when metadata.yaml says another version").requiredOption("--git-ref <ref>", "the release tag (refs/tags/<connector-dir>/v<version>, or refs/tags/v<version> with one connector; refs/tags/ optional)").option("--root <dir>", "repository root to find the connector in (default: current directory)").option("--git-tag-format <format>", "tag format: {dir} and {version} placeholders (default {dir}/v{version})").option(
    "--release-tag-pattern <pattern>",
    `release tag of a repository with one connector, {version} only (default: releaseTagPattern in build-connector.yaml, else "${DEFAULT_RELEASE_TAG_PATTERN}")`
  ).action(
    action(async (out, _g, f) => {
      const { gitTagFormat } = parseFields({ gitTagFormat: f.gitTagFormat });
      const { plan } = await runRelease({ gitRef: f.gitRef, root: f.root, format: gitTagFormat, releaseTagPattern: f.releaseTagPattern });
      out.result(plan, () => [`release ${plan.tag}`, `  connector: ${plan.dir}`, `  version:   ${plan.version} (${plan.versionAt})`, `  repository: ${plan.repository}`].join("\n"));
    })
  );
}
export {
  register
};
