import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  require_dist
} from "./chunk-WU7HX5KS.js";
import {
  badInput
} from "./chunk-UKZEXR6B.js";
import {
  DEFAULT_PLATFORMS,
  PlatformSchema
} from "./chunk-BEB7XHHM.js";
import {
  external_exports
} from "./chunk-4G6BOLVH.js";
import {
  __toESM,
  init_define_BC_HELP
} from "./chunk-CBKKNZPR.js";

// src/monorepo/discovery.ts
init_define_BC_HELP();
import { readdir } from "node:fs/promises";
import { basename, isAbsolute, join, relative, resolve, sep } from "node:path";
var METADATA_FILE = "metadata.yaml";
var SKIPPED_DIRS = /* @__PURE__ */ new Set(["node_modules", "build", "dist", "target", "out", "__pycache__", "venv", "site-packages"]);
async function discoverConnectors(opts = {}) {
  const base = resolve(opts.base ?? process.cwd());
  const roots = (opts.roots && opts.roots.length > 0 ? opts.roots : ["."]).map((r) => isAbsolute(r) ? r : resolve(base, r));
  const found = /* @__PURE__ */ new Map();
  await Promise.all(
    roots.map(async (root) => {
      let entries;
      try {
        entries = await readdir(root, { withFileTypes: true });
      } catch (err) {
        const code = err.code;
        if (code === "ENOENT" || code === "ENOTDIR") {
          throw badInput(`discovery root ${relative(base, root) || root} does not exist or is not a directory`, [
            "fix: pass existing directories to --roots (or fix roots: in build-connector.yaml)"
          ]);
        }
        throw err;
      }
      await visit(root, entries, base, found);
    })
  );
  return [...found.values()].sort((a, b) => a.relDir < b.relDir ? -1 : a.relDir > b.relDir ? 1 : 0);
}
var readDir = (dir) => readdir(dir, { withFileTypes: true });
async function visit(dir, entries, base, found) {
  let hasMetadata = false;
  let hasDockerfile = false;
  for (const e of entries) {
    if (e.name === METADATA_FILE && (e.isFile() || e.isSymbolicLink())) hasMetadata = true;
    else if (e.name === "Dockerfile" && (e.isFile() || e.isSymbolicLink())) hasDockerfile = true;
  }
  if (hasMetadata) {
    const relDir = toPosix(relative(base, dir)) || ".";
    found.set(dir, { dir, relDir, name: basename(dir), metadataPath: join(dir, METADATA_FILE), hasDockerfile });
    return;
  }
  const subdirs = entries.filter((e) => e.isDirectory() && !e.name.startsWith(".") && !SKIPPED_DIRS.has(e.name));
  await Promise.all(
    subdirs.map(async (e) => {
      const child = join(dir, e.name);
      let childEntries;
      try {
        childEntries = await readDir(child);
      } catch (err) {
        const code = err.code;
        if (code === "ENOENT" || code === "EACCES" || code === "ENOTDIR") return;
        throw err;
      }
      await visit(child, childEntries, base, found);
    })
  );
}
function toPosix(p) {
  return sep === "/" ? p : p.split(sep).join("/");
}

// src/monorepo/repo-config.ts
init_define_BC_HELP();
import { readFile } from "node:fs/promises";
var import_yaml = __toESM(require_dist(), 1);
import { join as join2 } from "node:path";
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
  const file = join2(repoRoot, REPO_CONFIG_FILE);
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    if (err.code === "ENOENT") return defaultRepoConfig();
    throw err;
  }
  return parseRepoConfig(text, file);
}
function parseRepoConfig(text, file) {
  const lc = new import_yaml.LineCounter();
  const doc = (0, import_yaml.parseDocument)(text, { lineCounter: lc, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const pos = e ? lc.linePos(e.pos[0]) : void 0;
    throw badInput(`${file}:${pos?.line ?? 1}:${pos?.col ?? 1}: invalid YAML: ${e?.message.split("\n")[0] ?? "parse error"}`);
  }
  const raw = doc.toJS() ?? {};
  const parsed = RepoConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const details = parsed.error.issues.slice(0, 10).map((i) => {
      const at = positionOf(doc, lc, i.path);
      return `${file}:${at.line}:${at.col}: ${i.path.join(".") || "(root)"}: ${i.message}`;
    });
    throw badInput(`${file}: invalid configuration`, [...details, 'fix: see README "Monorepos" for the keys of build-connector.yaml']);
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
  discoverConnectors,
  loadRepoConfig,
  positionOf
};
