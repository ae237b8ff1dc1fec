import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  toPlain
} from "./chunk-ATMBG6MK.js";
import {
  require_dist
} from "./chunk-MITLCIOK.js";
import {
  DEFAULT_PLATFORMS,
  PlatformSchema
} from "./chunk-Z2MWC52I.js";
import {
  optionalInputFile,
  readBoundedFile
} from "./chunk-STQCJ5OL.js";
import {
  external_exports
} from "./chunk-SVKG5X7A.js";
import {
  BcError,
  atText,
  badInputAt,
  displayPath
} from "./chunk-BSQYAL4K.js";
import {
  __toESM,
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/monorepo/repo-config.ts
init_define_BC_HELP();
var import_yaml = __toESM(require_dist(), 1);
import { join } from "node:path";
var REPO_CONFIG_FILE = "build-connector.yaml";
var DEFAULT_RUNNERS = {
  "linux/amd64": "ubuntu-24.04",
  "linux/arm64": "ubuntu-24.04-arm"
};
var relPath = external_exports.string().min(1).refine((s) => !s.startsWith("/") && !s.split("/").includes(".."), "a path relative to the repository root (no leading /, no ..)");
var platform = PlatformSchema;
var RepoConfigSchema = external_exports.object({
  roots: external_exports.array(relPath).optional(),
  sharedPaths: external_exports.array(external_exports.string().min(1)).optional(),
  ignorePaths: external_exports.array(external_exports.string().min(1)).optional(),
  templatesDir: relPath.optional(),
  baseImagesDir: relPath.optional(),
  platforms: external_exports.array(platform).min(1).optional(),
  runners: external_exports.record(platform, external_exports.string().min(1)).optional(),
  releaseTagPattern: external_exports.string().refine((s) => s.includes("{version}") && !s.includes("{dir}"), "a tag pattern with {version} and without {dir}, e.g. v{version}").optional()
}).loose();
function defaultRepoConfig() {
  return {
    file: void 0,
    roots: ["."],
    sharedPaths: [],
    ignorePaths: [],
    templatesDir: "templates",
    baseImagesDir: "base-images",
    platforms: [...DEFAULT_PLATFORMS],
    runners: { ...DEFAULT_RUNNERS },
    releaseTagPattern: "v{version}"
  };
}
async function loadRepoConfig(repoRoot) {
  const file = join(repoRoot, REPO_CONFIG_FILE);
  if (await optionalInputFile(file, { kind: "repository config" }) === "missing") return defaultRepoConfig();
  return parseRepoConfig(await readBoundedFile(file, { kind: "repository config" }), file);
}
function parseRepoConfig(text, file) {
  const lc = new import_yaml.LineCounter();
  const doc = (0, import_yaml.parseDocument)(text, { lineCounter: lc, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const pos = e ? lc.linePos(e.pos[0]) : void 0;
    const at = { file, line: pos?.line ?? 1, column: pos?.col ?? 1, problem: `invalid YAML: ${e?.message.split("\n")[0] ?? "parse error"}` };
    throw badInputAt(at);
  }
  const raw = toPlain(doc, lc, file) ?? {};
  const parsed = RepoConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 10).map((i) => {
      const at = positionOf(doc, lc, i.path);
      return { file, line: at.line, column: at.col, key: i.path.join(".") || "(root)", problem: i.message };
    });
    throw new BcError("badInput", `${displayPath(file)}: invalid configuration`, {
      details: [...issues.map(atText), 'fix: see README "Monorepos" for the keys of build-connector.yaml'],
      ...issues[0] ? { at: issues[0] } : {}
    });
  }
  const d = defaultRepoConfig();
  const c = parsed.data;
  return {
    file,
    roots: c.roots ?? d.roots,
    sharedPaths: c.sharedPaths ?? d.sharedPaths,
    ignorePaths: c.ignorePaths ?? d.ignorePaths,
    templatesDir: trimSlash(c.templatesDir ?? d.templatesDir),
    baseImagesDir: trimSlash(c.baseImagesDir ?? d.baseImagesDir),
    platforms: c.platforms ?? d.platforms,
    runners: { ...d.runners, ...c.runners ?? {} },
    releaseTagPattern: c.releaseTagPattern ?? d.releaseTagPattern
  };
}
function trimSlash(p) {
  return p.replace(/^\.\//, "").replace(/\/+$/, "");
}
function positionOf(doc, lc, path) {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true);
    if ((0, import_yaml.isNode)(node) && node.range) {
      const p = lc.linePos(node.range[0]);
      return { line: p.line, col: p.col };
    }
  }
  return { line: 1, col: 1 };
}

export {
  loadRepoConfig,
  positionOf
};
