import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  parseVersion
} from "./chunk-HDSDZOEK.js";
import {
  loadRepoConfig
} from "./chunk-RZ3HEMIH.js";
import {
  discoverConnectors
} from "./chunk-MGSV4A4F.js";
import {
  repoRoot
} from "./chunk-XXP3MPL7.js";
import {
  Pipeline,
  done,
  skip,
  unwrapStepFailure
} from "./chunk-QL47CY3G.js";
import {
  keyAt,
  loadConnector
} from "./chunk-6N6K3GH5.js";
import {
  BcError,
  badInput,
  where
} from "./chunk-AQYICBEV.js";
import {
  init_define_BC_HELP
} from "./chunk-4S36LVC7.js";

// src/publish/release-plan.ts
init_define_BC_HELP();
var DEFAULT_GIT_TAG_FORMAT = "{dir}/v{version}";
var DEFAULT_RELEASE_TAG_PATTERN = "v{version}";
function formatGitTag(format, dir, version) {
  if (!format.includes("{version}")) throw badInput(`--git-tag-format "${format}" must contain {version}`);
  return format.replaceAll("{dir}", dir).replaceAll("{version}", version);
}
function parseGitTag(ref, format = DEFAULT_GIT_TAG_FORMAT) {
  const tag = ref.replace(/^refs\/tags\//, "");
  if (!format.includes("{version}")) throw badInput(`--git-tag-format "${format}" must contain {version}`);
  const esc = format.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const re = new RegExp(`^${esc.replace("\\{dir\\}", "(?<dir>[A-Za-z0-9._-]+)").replace("\\{version\\}", "(?<version>[0-9][0-9A-Za-z.+-]*)")}$`);
  const m = re.exec(tag);
  if (!m?.groups?.version) return void 0;
  return { dir: m.groups.dir, version: m.groups.version, tag };
}
async function releaseTagPatternAt(dir) {
  const top = await repoRoot(dir).catch(() => dir);
  return (await loadRepoConfig(top)).releaseTagPattern;
}
function checkPattern(pattern) {
  if (pattern.includes("{dir}") || !pattern.includes("{version}")) {
    throw badInput(`release tag pattern "${pattern}" must contain {version} and no {dir} (it names the version of the only connector)`);
  }
  return pattern;
}
var shape = (f) => f.replace("{dir}", "CONNECTOR-DIR").replace("{version}", "X.Y.Z");
async function resolveRelease(gitRef, opts = {}) {
  const format = opts.format ?? DEFAULT_GIT_TAG_FORMAT;
  const root = opts.root ?? process.cwd();
  let parsed = parseGitTag(gitRef, format);
  let pattern;
  if (!parsed) {
    pattern = checkPattern(opts.releaseTagPattern ?? await releaseTagPatternAt(root));
    parsed = parseGitTag(gitRef, pattern);
  }
  if (!parsed) {
    throw badInput(`--git-ref ${gitRef} is not a release tag of the form ${shape(format)} (or ${shape(pattern ?? DEFAULT_RELEASE_TAG_PATTERN)} for a single-connector repository)`, [
      "fix: release tags look like refs/tags/source-foo/v1.2.3, or refs/tags/v1.2.3 in a repository with one connector (or pass --git-tag-format / --release-tag-pattern)"
    ]);
  }
  parseVersion(parsed.version, `release tag ${parsed.tag}`);
  const all = await discoverConnectors({ base: root });
  const candidates = parsed.dir === void 0 ? all : all.filter((c2) => c2.name === parsed.dir);
  if (candidates.length === 0) {
    throw badInput(
      parsed.dir === void 0 ? `release tag ${parsed.tag}: no connector directory named by it: no metadata.yaml at ${root} or below` : `release tag ${parsed.tag}: no connector directory named "${parsed.dir}" (with a metadata.yaml) under ${root}`,
      ["fix: pass --root (the repository root)"]
    );
  }
  if (candidates.length > 1) {
    throw badInput(`release tag ${parsed.tag}: several connector directories match: ${candidates.map((c2) => c2.relDir).join(", ")}`, [
      parsed.dir === void 0 ? `fix: a tag without the connector's name is for a repository with one connector; tag ${formatGitTag(DEFAULT_GIT_TAG_FORMAT, candidates[0]?.name ?? "CONNECTOR", parsed.version)} (format {dir}/v{version}) instead` : "fix: use a --git-tag-format with {dir} naming one directory"
    ]);
  }
  const c = await loadConnector(candidates[0].dir);
  const pos = c.positionOf("data.dockerImageTag");
  const at = pos ? where(pos) : c.metadataPath;
  if (c.version !== parsed.version) {
    const problem = `data.dockerImageTag is ${c.version}, but release tag ${parsed.tag} says ${parsed.version}`;
    throw new BcError("badInput", `${at}: ${problem}`, {
      details: [`fix: set dockerImageTag: ${parsed.version} in metadata.yaml, or tag ${formatGitTag(format, c.dirName, c.version)} instead`],
      at: { ...keyAt(c, "data.dockerImageTag"), problem }
    });
  }
  return { tag: parsed.tag, dir: c.dir, dirName: c.dirName, version: c.version, repository: c.repository, versionAt: at };
}

// src/core/flows/release.ts
init_define_BC_HELP();
var RELEASE_STEPS = ["discover", "resolve"];
async function rootNaming(gitRef, roots, format) {
  const name = parseGitTag(gitRef, format)?.dir;
  for (const root of roots) {
    if (name !== void 0 && !(await discoverConnectors({ base: root })).some((c) => c.name === name)) continue;
    return root;
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

export {
  DEFAULT_GIT_TAG_FORMAT,
  DEFAULT_RELEASE_TAG_PATTERN,
  formatGitTag,
  runRelease
};
