import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  parseVersion
} from "./chunk-VRCWCI7I.js";
import {
  loadRepoConfig
} from "./chunk-MLGU4ITA.js";
import {
  discoverConnectors
} from "./chunk-7UMF5QQ2.js";
import {
  repoRoot
} from "./chunk-HX44SO3Q.js";
import {
  keyAt,
  loadConnector
} from "./chunk-ATMBG6MK.js";
import {
  DEFAULT_GIT_TAG_FORMAT
} from "./chunk-CL32DPN3.js";
import {
  BcError,
  badInput,
  where
} from "./chunk-BSQYAL4K.js";
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/publish/release-plan.ts
init_define_BC_HELP();
var DEFAULT_RELEASE_TAG_PATTERN = "v{version}";
function formatGitTag(format, dir, version) {
  return format.replaceAll("{dir}", dir).replaceAll("{version}", version);
}
function parseGitTag(ref, format) {
  const tag = ref.replace(/^refs\/tags\//, "");
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
async function resolveRelease(gitRef, opts) {
  const { format } = opts;
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

export {
  DEFAULT_RELEASE_TAG_PATTERN,
  formatGitTag,
  parseGitTag,
  resolveRelease
};
