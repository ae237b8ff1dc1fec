import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  discoverConnectors
} from "./chunk-7UMF5QQ2.js";
import {
  baseFactsFor,
  lintDockerfile,
  sortFindings,
  summarize
} from "./chunk-QWNSM4YB.js";
import "./chunk-Y7I4BW5I.js";
import "./chunk-ESJ5KG2Y.js";
import "./chunk-7KWH7VUP.js";
import {
  resolvePlan
} from "./chunk-FCTKR6QB.js";
import "./chunk-ZXKMXJJK.js";
import "./chunk-Q4QNI43M.js";
import "./chunk-HX44SO3Q.js";
import "./chunk-WYDT4C5S.js";
import {
  Pipeline,
  done,
  unwrapStepFailure
} from "./chunk-N5APPE22.js";
import "./chunk-G6CWDOAS.js";
import "./chunk-J7CCGA2A.js";
import "./chunk-2UDPR3IH.js";
import "./chunk-ATMBG6MK.js";
import "./chunk-MITLCIOK.js";
import "./chunk-LC4JF5JN.js";
import "./chunk-AC6MT37A.js";
import "./chunk-Z2MWC52I.js";
import "./chunk-TVMRY7EN.js";
import {
  optionalInputFile,
  readBoundedFile
} from "./chunk-STQCJ5OL.js";
import "./chunk-2CZK5HMD.js";
import "./chunk-QLD2YDU3.js";
import "./chunk-CL32DPN3.js";
import "./chunk-FLBFUWAO.js";
import "./chunk-SVKG5X7A.js";
import {
  BcError,
  ExitCode,
  badInput,
  displayPath,
  toBcError
} from "./chunk-BSQYAL4K.js";
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/core/flows/lint.ts
init_define_BC_HELP();

// src/lint/targets.ts
init_define_BC_HELP();
import { stat as stat2 } from "node:fs/promises";
import { join as join2, resolve as resolve2 } from "node:path";

// src/lint/target.ts
init_define_BC_HELP();
import { stat } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
async function kindOf(p) {
  try {
    const s = await stat(p);
    return s.isDirectory() ? "dir" : "file";
  } catch {
    return void 0;
  }
}
async function readOptional(p) {
  return await optionalInputFile(p, { kind: ".dockerignore" }) === "file" ? readBoundedFile(p, { kind: ".dockerignore" }) : null;
}
async function readDockerfile(path) {
  return readBoundedFile(path, { kind: "Dockerfile", fix: "fix: pass a readable Dockerfile (a regular file) or connector directory" });
}
async function dockerignoreFor(dockerfile, contextDir) {
  return await readOptional(`${dockerfile}.dockerignore`) ?? readOptional(join(contextDir, ".dockerignore"));
}
async function lintFile(path, opts) {
  const text = await readDockerfile(path);
  const file = displayPath(path);
  const dockerignore = opts.dockerignore !== void 0 ? opts.dockerignore : await dockerignoreFor(path, dirname(path));
  const baseFacts = await baseFactsFor(text, file, opts);
  return { findings: lintDockerfile(text, file, { ...opts, dockerignore, baseFacts }), files: [file], mode: "dockerfile", base: baseFacts };
}
async function lintCustom(path, text, buildIgnore, opts) {
  const file = displayPath(path);
  const dockerignore = opts.dockerignore !== void 0 ? opts.dockerignore : buildIgnore;
  const baseFacts = await baseFactsFor(text, file, opts);
  const findings = lintDockerfile(text, file, { ...opts, dockerignore, baseFacts });
  if (opts.dockerignore === void 0) {
    const own = await dockerignoreFor(path, dirname(path));
    for (const f of lintDockerfile(text, file, { ...opts, dockerignore: own, baseFacts })) {
      if (f.ruleId !== "secrets-context-copy" || findings.some((g) => g.ruleId === f.ruleId && g.line === f.line && g.column === f.column)) continue;
      findings.push({
        ...f,
        severity: "warning",
        message: `${f.message} when built with plain docker build (build-connector excludes secrets/ from its own builds)`,
        fix: `add a line "secrets/" to ${own === null ? "a new " : ""}.dockerignore`
      });
    }
  }
  return { findings: sortFindings(findings), files: [file], mode: "custom", base: baseFacts };
}
function fixOf(err) {
  return err.details.find((d) => d.startsWith("fix: "))?.slice("fix: ".length);
}
function metadataFinding(err) {
  const at = err.at;
  if (!at) return void 0;
  const keyRule = at.key !== void 0 && /^(?:data|metadataSpecVersion)(?:\.[\w-]+)*$/.test(at.key);
  const message = keyRule || at.key === void 0 ? at.problem : `${at.key}: ${at.problem}`;
  const fix = fixOf(err);
  return {
    ruleId: keyRule ? at.key : basename(at.file).replace(/\./g, "-"),
    severity: "error",
    file: displayPath(at.file),
    line: at.line,
    column: at.column ?? 1,
    message,
    ...fix !== void 0 ? { fix } : {},
    fatal: true
  };
}
async function lintTarget(target, opts = {}) {
  const abs = resolve(target);
  const kind = await kindOf(abs);
  if (kind === void 0) {
    throw badInput(`${target}: no such file or directory`, ["fix: pass a connector directory (with metadata.yaml) or a Dockerfile"]);
  }
  if (kind === "file") return lintFile(abs, opts);
  const hasMetadata = await kindOf(join(abs, "metadata.yaml")) === "file";
  const hasDockerfile = await kindOf(join(abs, "Dockerfile")) === "file";
  if (!hasMetadata) {
    if (hasDockerfile) return lintFile(join(abs, "Dockerfile"), opts);
    throw badInput(`${displayPath(abs)}: neither metadata.yaml nor Dockerfile found`, ["fix: pass a connector directory (with metadata.yaml) or a Dockerfile"]);
  }
  let plan;
  try {
    plan = await resolvePlan(abs, { baseImage: opts.baseImage, templatesDir: opts.templatesDir });
  } catch (err) {
    if (err instanceof BcError && err.kind === "badInput") {
      const f = metadataFinding(err);
      if (f) return { findings: [f], files: [f.file], mode: "metadata" };
    }
    throw err;
  }
  const permittedWriteDirs = opts.permittedWriteDirs ?? plan.permittedWriteDirs;
  if (plan.mode === "custom" && plan.dockerfilePath) {
    return lintCustom(plan.dockerfilePath, plan.dockerfile, plan.dockerignore, { ...opts, permittedWriteDirs });
  }
  const file = `${displayPath(abs)}/Dockerfile.rendered`;
  const dockerignore = opts.dockerignore !== void 0 ? opts.dockerignore : plan.dockerignore;
  const baseFacts = await baseFactsFor(plan.dockerfile, file, opts);
  const findings = lintDockerfile(plan.dockerfile, file, { ...opts, permittedWriteDirs, dockerignore, baseFacts }).map((f) => ({ ...f, rendered: true }));
  return { findings, files: [file], mode: "rendered", base: baseFacts };
}

// src/lint/targets.ts
function baseRef(b) {
  if (!b?.ref) return void 0;
  if ("unresolved" in b) return { ref: b.ref, unresolved: b.unresolved };
  return { ref: b.ref, from: b.from, digest: b.digest, ...b.table ? { table: b.table } : {} };
}
async function kindOf2(p) {
  try {
    return (await stat2(p)).isDirectory() ? "dir" : "file";
  } catch {
    return void 0;
  }
}
async function expandTargets(targets) {
  const items = [];
  let roots = false;
  for (const t of targets) {
    const abs = resolve2(t);
    const kind = await kindOf2(abs);
    if (kind === void 0) {
      throw badInput(`${t}: no such file or directory`, ["fix: pass connector directories (with metadata.yaml), Dockerfiles, or a directory to discover connectors in"]);
    }
    if (kind === "file" || await kindOf2(join2(abs, "metadata.yaml")) === "file" || await kindOf2(join2(abs, "Dockerfile")) === "file") {
      items.push({ abs });
      continue;
    }
    roots = true;
    const found = await discoverConnectors({ base: process.cwd(), roots: [abs] });
    if (found.length === 0) {
      throw badInput(`${displayPath(abs)}: neither metadata.yaml nor Dockerfile found, and no connector (a directory with metadata.yaml) below it`, [
        "fix: pass a connector directory, a Dockerfile, or the root of a repository of connectors"
      ]);
    }
    for (const c of found) items.push({ abs: c.dir });
  }
  const seen = /* @__PURE__ */ new Set();
  return { items: items.filter((i) => seen.has(i.abs) ? false : (seen.add(i.abs), true)), roots };
}
async function pool(items, n, fn) {
  const out = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]);
      }
    })
  );
  return out;
}
function unlintable(abs, err) {
  const file = displayPath(abs);
  const fix = fixOf(err);
  const finding = { ruleId: "target-unlintable", severity: "error", file, line: 1, column: 1, message: err.message, ...fix !== void 0 ? { fix } : {}, fatal: true };
  return { target: file, mode: "unlintable", files: [file], findings: [finding], ...summarize([finding]) };
}
async function lintExpanded({ items, roots }, opts = {}) {
  const multi = roots || items.length > 1;
  const reports = await pool(items, opts.concurrency ?? 16, async (item) => {
    try {
      const r = await lintTarget(item.abs, opts);
      const base = baseRef(r.base);
      return { target: displayPath(item.abs), mode: r.mode, files: r.files, findings: r.findings, ...base ? { base } : {}, ...summarize(r.findings) };
    } catch (err) {
      const e = toBcError(err);
      if (!multi || e.kind === "interrupted") throw e;
      return unlintable(item.abs, e);
    }
  });
  const bases = /* @__PURE__ */ new Map();
  for (const r of reports) {
    if (!r.base) continue;
    const warned = r.findings.some((f) => f.source === "unresolved-base") ? 1 : 0;
    const b = bases.get(r.base.ref);
    if (b) {
      b.targets += 1;
      b.warned += warned;
    } else if ("unresolved" in r.base) bases.set(r.base.ref, { ref: r.base.ref, unresolved: r.base.unresolved, targets: 1, warned });
    else {
      const t = r.base.table;
      bases.set(r.base.ref, { ref: r.base.ref, from: r.base.from, digest: r.base.digest, ...t ? { table: t.entry, ...r.base.from === "table" ? { unread: t.unread } : {} } : {}, targets: 1, warned });
    }
  }
  return {
    multi,
    targets: reports,
    bases: [...bases.values()].sort((a, b) => a.ref.localeCompare(b.ref)),
    errors: reports.reduce((n, r) => n + r.errors, 0),
    warnings: reports.reduce((n, r) => n + r.warnings, 0),
    failing: reports.filter((r) => r.errors > 0).length,
    warned: reports.filter((r) => r.errors === 0 && r.warnings > 0).length,
    ok: reports.filter((r) => r.errors + r.warnings === 0).length,
    fatal: reports.some((r) => r.fatal)
  };
}

// src/core/flows/lint.ts
var LINT_STEPS = ["discover", "lint"];
async function runLint(req, hooks = {}) {
  const run = new Pipeline(LINT_STEPS, hooks);
  const { targets, ...opts } = req;
  return unwrapStepFailure(async () => {
    const expanded = await run.step("discover", async () => {
      const e = await expandTargets(targets.length > 0 ? targets : ["."]);
      return done(e, `${e.items.length} target(s)`);
    });
    const report = await run.step("lint", async () => {
      const r = await lintExpanded(expanded, opts);
      return done(r, `${r.errors} error(s), ${r.warnings} warning(s)`);
    });
    const verdict = report.fatal ? "fatal" : report.errors > 0 ? "errors" : "ok";
    const exitCode = verdict === "fatal" ? ExitCode.badInput : verdict === "errors" ? ExitCode.failed : ExitCode.ok;
    return { report, findings: report.targets.flatMap((t) => t.findings), verdict, exitCode, steps: run.records };
  });
}
export {
  LINT_STEPS,
  runLint
};
