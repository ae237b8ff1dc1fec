import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  loadRepoConfig,
  positionOf
} from "./chunk-DQN7SBCF.js";
import {
  discoverConnectors
} from "./chunk-NXPE5KVL.js";
import {
  renderTable
} from "./chunk-BGO7SG43.js";
import {
  defaultBranch,
  headSha,
  isNullRef,
  listChangedFiles,
  repoRoot
} from "./chunk-TC2BRTU6.js";
import "./chunk-G44WSTAN.js";
import {
  chooseLanguage
} from "./chunk-ER4JP5BU.js";
import {
  require_dist
} from "./chunk-TD526ZK6.js";
import "./chunk-ZYH5R5FA.js";
import "./chunk-ZY7CTMHJ.js";
import {
  readBoundedFile
} from "./chunk-EHNW6LQR.js";
import "./chunk-ABYH3ITZ.js";
import {
  archOf
} from "./chunk-3CSLZISE.js";
import "./chunk-VFM347UL.js";
import {
  action,
  listFlag
} from "./chunk-DTF3IE5Z.js";
import "./chunk-LY74QNZY.js";
import {
  BcError,
  ExitCode,
  badInput
} from "./chunk-MATTDRBK.js";
import {
  __toESM,
  init_define_BC_HELP
} from "./chunk-RB4QTDT4.js";

// src/commands/changed.ts
init_define_BC_HELP();
import { resolve as resolve2 } from "node:path";

// src/monorepo/changed.ts
init_define_BC_HELP();
import { resolve } from "node:path";

// src/monorepo/affected.ts
init_define_BC_HELP();

// src/monorepo/glob.ts
init_define_BC_HELP();
function globToRegExp(pattern) {
  let p = pattern.trim();
  const anchored = p.startsWith("./") || p.startsWith("/");
  p = p.replace(/^\.?\/+/, "");
  const floating = !anchored && !p.replace(/\/+$/, "").includes("/");
  if (p.endsWith("/")) p = `${p}**`;
  if (floating) p = `**/${p}`;
  let re = "";
  let i = 0;
  let inBraces = 0;
  while (i < p.length) {
    const c = p[i];
    if (c === "*") {
      if (p[i + 1] === "*") {
        const atSegStart = i === 0 || p[i - 1] === "/";
        const atSegEnd = p[i + 2] === "/" || i + 2 === p.length;
        if (atSegStart && p[i + 2] === "/") {
          re += "(?:[^/]+/)*";
          i += 3;
          continue;
        }
        if (atSegStart && atSegEnd) {
          re += ".*";
          i += 2;
          continue;
        }
        re += "[^/]*";
        i += 2;
        continue;
      }
      re += "[^/]*";
    } else if (c === "?") {
      re += "[^/]";
    } else if (c === "{") {
      inBraces++;
      re += "(?:";
    } else if (c === "}" && inBraces > 0) {
      inBraces--;
      re += ")";
    } else if (c === "," && inBraces > 0) {
      re += "|";
    } else {
      re += c.replace(/[.+^$()|[\]\\]/g, "\\$&");
    }
    i++;
  }
  return new RegExp(`^${re}$`);
}
function compileGlobs(patterns) {
  const res = patterns.filter((p) => p.trim() !== "").map(globToRegExp);
  if (res.length === 0) return () => false;
  return (path) => res.some((r) => r.test(path));
}

// src/monorepo/affected.ts
var ALL = "*";
var NEVER_IN_CONTEXT = compileGlobs([
  "secrets/",
  ".git/",
  "__pycache__/",
  "*.pyc",
  ".venv/",
  "venv/",
  ".pytest_cache/",
  ".mypy_cache/",
  ".ruff_cache/",
  ".gradle/",
  "*.egg-info/",
  "node_modules/"
]);
async function computeAffected(input) {
  const { connectors, config } = input;
  const isIgnored = compileGlobs(config.ignorePaths);
  const isShared = compileGlobs(config.sharedPaths);
  const byDir = new Map(connectors.map((c) => [c.relDir, c]));
  const reasons = /* @__PURE__ */ new Map();
  const add = (c, r) => {
    const list = reasons.get(c.relDir) ?? [];
    list.push(r);
    reasons.set(c.relDir, list);
  };
  const ignored = [];
  const unrelated = [];
  const shared = [];
  const templates = /* @__PURE__ */ new Map();
  const bases = /* @__PURE__ */ new Map();
  const tplPrefix = `${config.templatesDir}/`;
  const basePrefix = `${config.baseImagesDir}/`;
  for (const file of input.changedFiles) {
    if (isIgnored(file)) {
      ignored.push(file);
      continue;
    }
    let hit = false;
    if (isShared(file)) {
      shared.push(file);
      hit = true;
    }
    const owner = ownerOf(file, byDir);
    if (owner && NEVER_IN_CONTEXT(owner.relDir === "." ? file : file.slice(owner.relDir.length + 1))) {
      ignored.push(file);
      continue;
    }
    if (owner) {
      add(owner, { kind: "own", path: file });
      hit = true;
    }
    if (file.startsWith(tplPrefix)) {
      push(templates, folderKey(file.slice(tplPrefix.length)), file);
      hit = true;
    } else if (file.startsWith(basePrefix)) {
      push(bases, folderKey(file.slice(basePrefix.length)), file);
      hit = true;
    }
    if (!hit) unrelated.push(file);
  }
  if (shared.length > 0) {
    for (const c of connectors) add(c, { kind: "shared", path: shared[0] });
  }
  if (templates.size > 0 || bases.size > 0) {
    const rendered = connectors.filter((c) => !c.hasDockerfile);
    const facts = await input.loadFacts(rendered);
    for (const c of rendered) {
      const f = facts.get(c.relDir);
      const tpl = templates.get(ALL) ?? (f?.language ? templates.get(f.language) : void 0);
      if (tpl) add(c, { kind: "template", path: tpl[0] });
      const base = bases.get(ALL) ?? (f?.base ? bases.get(f.base) : void 0);
      if (base) add(c, { kind: "base", path: base[0] });
    }
    const usedLang = new Set(rendered.map((c) => facts.get(c.relDir)?.language));
    const usedBase = new Set(rendered.map((c) => facts.get(c.relDir)?.base));
    for (const [k, files] of templates) if (k !== ALL && !usedLang.has(k)) unrelated.push(...files.filter((f) => !ownerOf(f, byDir)));
    for (const [k, files] of bases) if (k !== ALL && !usedBase.has(k)) unrelated.push(...files.filter((f) => !ownerOf(f, byDir)));
  }
  const affected = connectors.filter((c) => reasons.has(c.relDir)).map((c) => ({ connector: c, reasons: dedupe(reasons.get(c.relDir) ?? []) }));
  return { affected, ignored, unrelated: [...new Set(unrelated)].sort() };
}
function ownerOf(file, byDir) {
  let dir = file;
  for (; ; ) {
    const i = dir.lastIndexOf("/");
    if (i < 0) return byDir.get(".");
    dir = dir.slice(0, i);
    const c = byDir.get(dir);
    if (c) return c;
  }
}
function folderKey(rest) {
  const i = rest.indexOf("/");
  if (i < 0 || rest.startsWith("_")) return ALL;
  return rest.slice(0, i);
}
function push(m, k, v) {
  const l = m.get(k) ?? [];
  l.push(v);
  m.set(k, l);
}
function dedupe(rs) {
  const order = ["own", "template", "base", "shared"];
  return order.flatMap((k) => {
    const r = rs.find((x) => x.kind === k);
    return r ? [r] : [];
  });
}
function describeReason(r) {
  switch (r.kind) {
    case "own":
      return `own files (${r.path})`;
    case "template":
      return `template (${r.path})`;
    case "base":
      return `base image (${r.path})`;
    case "shared":
      return `shared path (${r.path})`;
  }
}

// src/monorepo/facts.ts
init_define_BC_HELP();
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
var import_yaml = __toESM(require_dist(), 1);
var FactsError = class extends Error {
  constructor(problem) {
    super(`${problem.file}:${problem.line}:${problem.col}: ${problem.message}`);
    this.problem = problem;
  }
  problem;
};
async function readConnectorFacts(c) {
  const text = await readBoundedFile(c.metadataPath, { kind: "metadata.yaml" });
  return parseConnectorFacts(text, c.metadataPath, c.hasDockerfile);
}
function parseConnectorFacts(text, file, custom) {
  const quick = scanFacts(text, custom);
  if (quick) return quick;
  let js;
  try {
    js = (0, import_yaml.parse)(text, { uniqueKeys: false });
  } catch {
    return parseWithPositions(text, file, custom);
  }
  const facts = factsOf(js, custom, file);
  return typeof facts === "string" ? parseWithPositions(text, file, custom) : facts;
}
function parseWithPositions(text, file, custom) {
  const lc = new import_yaml.LineCounter();
  const doc = (0, import_yaml.parseDocument)(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const p = e ? lc.linePos(e.pos[0]) : void 0;
    throw new FactsError({ file, line: p?.line ?? 1, col: p?.col ?? 1, message: `invalid YAML: ${e?.message.split("\n")[0] ?? ""}` });
  }
  const fail = (path, message) => {
    const at = positionOf(doc, lc, path);
    throw new FactsError({ file, line: at.line, col: at.col, message });
  };
  const facts = factsOf(doc.toJS(), custom, file);
  if (typeof facts !== "string") return facts;
  const problem = PROBLEMS[facts];
  return fail(problem.path, problem.message);
}
var PROBLEMS = {
  data: { path: ["data"], message: 'data: expected a mapping (Airbyte metadata.yaml has a top-level "data:" key)' },
  tags: { path: ["data", "tags"], message: 'data.tags: expected a list such as ["language:python"]' },
  twoLanguages: { path: ["data", "tags"], message: 'data.tags: more than one language tag, and neither the base image nor the files present tell which (see docs/connector.md "Language")' },
  noLanguage: {
    path: ["data", "tags"],
    message: 'data.tags: no "language:<python|java|manifest-only>" tag (needed to pick the template); or add a Dockerfile for custom mode'
  },
  options: { path: ["data", "buildConnector"], message: "data.buildConnector: expected a mapping" },
  platforms: { path: ["data", "buildConnector", "platforms"], message: "data.buildConnector.platforms: expected a list like [linux/amd64, linux/arm64]" }
};
function factsOf(js, custom, file) {
  const data = isRecord(js) ? js.data : void 0;
  if (!isRecord(data)) return "data";
  const tags = data.tags;
  if (tags !== void 0 && !Array.isArray(tags)) return "tags";
  const langTags = (Array.isArray(tags) ? tags : []).filter((t) => typeof t === "string" && t.startsWith("language:")).map((t) => t.slice("language:".length).trim());
  let language = langTags[0] || void 0;
  if (langTags.length > 1) {
    const baseOf = (v) => isRecord(v) && typeof v.baseImage === "string" ? v.baseImage : void 0;
    const base = baseOf(data.buildConnector) ?? baseOf(data.connectorBuildOptions);
    const decision = chooseLanguage(langTags, base, (rel) => existsSync(join(dirname(file), rel)));
    if (!decision.ok) return "twoLanguages";
    language = decision.choice.language;
  }
  if (!language && !custom) return "noLanguage";
  const opts = data.buildConnector;
  if (opts !== void 0 && !isRecord(opts)) return "options";
  let platforms;
  const rawPlatforms = isRecord(opts) ? opts.platforms : void 0;
  if (rawPlatforms !== void 0) {
    if (!Array.isArray(rawPlatforms) || rawPlatforms.some((p) => typeof p !== "string" || !/^[a-z0-9]+\/[a-z0-9]+(\/[a-z0-9]+)?$/.test(p))) {
      return "platforms";
    }
    platforms = rawPlatforms;
  }
  const str = (v) => typeof v === "string" ? v : typeof v === "number" ? String(v) : void 0;
  return {
    language,
    base: language,
    repository: str(data.dockerRepository),
    version: str(data.dockerImageTag),
    platforms,
    custom
  };
}
var PLAIN_ITEM = /^[A-Za-z0-9_./:@+-]+$/;
function scalar(raw) {
  const v = raw.replace(/\s+#.*$/, "").trim();
  const q = /^(["'])([^"'\\]*)\1$/.exec(v);
  if (q) return q[2];
  return PLAIN_ITEM.test(v) ? v : void 0;
}
function scanFacts(text, custom) {
  if (text.includes("	") || /^(---|\.\.\.)/m.test(text) || text.includes("buildConnector")) return void 0;
  const lines = text.split("\n");
  const start = lines.findIndex((l) => /^data:\s*(#.*)?$/.test(l));
  if (start < 0 || lines.findIndex((l, i) => i > start && /^data:/.test(l)) >= 0) return void 0;
  let indent = -1;
  let tags;
  let repository;
  let version;
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i];
    if (/^\s*(#.*)?$/.test(line)) continue;
    const ind = line.length - line.trimStart().length;
    if (ind === 0) break;
    if (indent < 0) indent = ind;
    if (ind !== indent) continue;
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*):(.*)$/.exec(line);
    if (!m) return void 0;
    const [, key, rest = ""] = m;
    const value = rest.replace(/\s+#.*$/, "").trim();
    if (key === "dockerRepository" || key === "dockerImageTag") {
      const v = scalar(value);
      if (v === void 0) return void 0;
      if (key === "dockerRepository") repository = v;
      else version = v;
    } else if (key === "tags") {
      if (tags !== void 0 || value !== "") return void 0;
      tags = [];
      for (let j = i + 1; j < lines.length; j++) {
        const item = lines[j];
        if (/^\s*(#.*)?$/.test(item)) continue;
        const ii = item.length - item.trimStart().length;
        const dash = /^\s*-\s+(.*)$/.exec(item);
        if (ii < indent || ii === indent && !dash) break;
        if (!dash) return void 0;
        const v = scalar(dash[1]);
        if (v === void 0) return void 0;
        tags.push(v);
        i = j;
      }
    }
  }
  const langs = (tags ?? []).filter((t) => t.startsWith("language:")).map((t) => t.slice("language:".length));
  if (langs.length !== 1 || langs[0] === "") return custom && langs.length === 0 ? { language: void 0, base: void 0, repository, version, platforms: void 0, custom } : void 0;
  return { language: langs[0], base: langs[0], repository, version, platforms: void 0, custom };
}
function isRecord(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
async function readAllFacts(connectors) {
  const out = /* @__PURE__ */ new Map();
  const problems = [];
  const queue = [...connectors];
  const worker = async () => {
    for (let c = queue.shift(); c; c = queue.shift()) {
      try {
        out.set(c.relDir, await readConnectorFacts(c));
      } catch (err) {
        if (err instanceof FactsError) problems.push(err.message);
        else throw err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(32, connectors.length) }, worker));
  if (problems.length > 0) {
    problems.sort();
    throw new BcError("badInput", `${problems.length} connector metadata file(s) cannot be read`, {
      details: [...problems.slice(0, 20), ...problems.length > 20 ? [`\u2026 and ${problems.length - 20} more`] : []]
    });
  }
  return out;
}

// src/monorepo/git-changes.ts
init_define_BC_HELP();
async function gitRepoRoot(cwd) {
  return repoRoot(cwd);
}
async function changedFilesSince(root, requested) {
  const since = requested === void 0 || requested.trim() === "" || isNullRef(requested) ? await defaultBase(root, requested) : requested;
  if (since.startsWith("-")) throw badInput(`--since: "${since}" is not a git ref`);
  const [head, files] = await Promise.all([headSha(root), listChangedFiles(root, since, { includeUncommitted: true })]);
  return { since, head, files };
}
async function defaultBase(root, requested) {
  const ref = await defaultBranch(root);
  if (ref) return ref;
  const what = requested === void 0 || requested.trim() === "" ? "no --since given" : `--since ${requested} is no commit (a new branch)`;
  throw badInput(`${what}, and there is no default branch to compare with (origin/HEAD, origin/main, origin/master, main, master)`, [
    "fix: fetch the default branch: git fetch origin (or pass --since REF)"
  ]);
}

// src/monorepo/matrix.ts
init_define_BC_HELP();
function platformsFor(input, requested) {
  if (!input.platforms) return [...requested];
  return requested.filter((p) => input.platforms?.includes(p));
}
function buildMatrix(inputs, opts) {
  const missing = opts.platforms.filter((p) => !opts.runners[p]);
  if (missing.length > 0) {
    throw badInput(`no runner label for platform ${missing.join(", ")}`, [
      `fix: pass --runner-${archOf(missing[0])} LABEL (or runners: in build-connector.yaml)`
    ]);
  }
  const include = [];
  for (const c of inputs) {
    for (const platform of platformsFor(c, opts.platforms)) {
      include.push({ connector: c.connector, platform, runner: opts.runners[platform], name: c.name, arch: archOf(platform) });
    }
  }
  return { include };
}
function mergeMatrix(inputs, opts) {
  return {
    include: inputs.map((c) => ({ connector: c.connector, name: c.name, platforms: platformsFor(c, opts.platforms).join(",") })).filter((e) => e.platforms !== "")
  };
}

// src/monorepo/changed.ts
async function findChanged(opts) {
  const repoRoot2 = await gitRepoRoot(opts.cwd);
  const config = await loadRepoConfig(repoRoot2);
  const roots = opts.roots && opts.roots.length > 0 ? opts.roots.map((r) => resolve(opts.cwd, r)) : config.roots.map((r) => resolve(repoRoot2, r));
  const [connectors, changes] = await Promise.all([discoverConnectors({ roots, base: repoRoot2 }), changedFilesSince(repoRoot2, opts.since)]);
  const known = /* @__PURE__ */ new Map();
  const loadFacts = async (list) => {
    const todo = list.filter((c) => !known.has(c.relDir));
    for (const [k, v] of await readAllFacts(todo)) known.set(k, v);
    return known;
  };
  const result = await computeAffected({ connectors, changedFiles: changes.files, config, loadFacts });
  const facts = await loadFacts(result.affected.map((a) => a.connector));
  const platforms = opts.platforms && opts.platforms.length > 0 ? opts.platforms : config.platforms;
  const runners = { ...config.runners, ...opts.runners ?? {} };
  const inputs = result.affected.map((a) => ({
    connector: a.connector.relDir,
    name: a.connector.name,
    platforms: facts.get(a.connector.relDir)?.platforms
  }));
  return {
    since: changes.since,
    head: changes.head,
    repoRoot: repoRoot2,
    config: config.file ?? null,
    discovered: connectors.length,
    changedFiles: changes.files.length,
    connectors: result.affected.map((a, i) => ({
      connector: a.connector.relDir,
      name: a.connector.name,
      platforms: platformsFor(inputs[i], platforms),
      reasons: a.reasons
    })),
    ignored: result.ignored,
    unrelated: result.unrelated,
    matrix: buildMatrix(inputs, { platforms, runners }),
    mergeMatrix: mergeMatrix(inputs, { platforms })
  };
}
function reasonText(c) {
  return c.reasons.map(describeReason).join("; ");
}

// src/commands/changed.ts
function register(program) {
  program.command("changed").description("list the connectors affected since a git ref (own files, template, base image, shared paths); --matrix prints a GitHub Actions matrix").option("--since <ref>", "git ref to compare with (its merge base with HEAD), e.g. origin/main; missing or all zeros (a new branch): the default branch").option("-C, --repo <dir>", "the repository to look at (default: the current directory)").option("--roots <dirs>", "comma-separated directories to discover connectors in (default: roots: in build-connector.yaml, else the repository)").option("--matrix [kind]", 'print a GitHub Actions matrix on one line: "build" (connector \xD7 platform, default) or "merge" (one entry per connector)').option("--platform <list>", "platforms to build (default: platforms: in build-connector.yaml, else linux/amd64,linux/arm64)").option("--runner-amd64 <label>", "runner label for linux/amd64 jobs (default ubuntu-24.04)").option("--runner-arm64 <label>", "runner label for linux/arm64 jobs (default ubuntu-24.04-arm)").action(
    action(async (out, _g, opts) => {
      const kind = opts.matrix === void 0 || opts.matrix === false ? void 0 : opts.matrix === true ? "build" : opts.matrix;
      if (kind !== void 0 && kind !== "build" && kind !== "merge") throw badInput(`--matrix ${kind}: expected "build" or "merge"`);
      const runners = {};
      if (opts.runnerAmd64) runners["linux/amd64"] = opts.runnerAmd64;
      if (opts.runnerArm64) runners["linux/arm64"] = opts.runnerArm64;
      const res = await findChanged({
        cwd: resolve2(opts.repo ?? "."),
        since: opts.since,
        roots: listFlag(opts.roots),
        platforms: listFlag(opts.platform),
        runners
      });
      if (kind !== void 0) {
        process.stdout.write(`${JSON.stringify(kind === "merge" ? res.mergeMatrix : res.matrix)}
`);
        return ExitCode.ok;
      }
      out.result(res, () => {
        const head = `${res.connectors.length} of ${res.discovered} connectors affected since ${res.since}, ${res.changedFiles} changed files`;
        if (res.connectors.length === 0) return head;
        const table = renderTable(
          ["connector", "platforms", "why"],
          res.connectors.map((c) => [c.connector, c.platforms.join(","), reasonText(c)])
        );
        return `${table}

${head}`;
      });
      return ExitCode.ok;
    })
  );
}
export {
  register
};
