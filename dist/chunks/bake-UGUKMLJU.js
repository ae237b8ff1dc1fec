import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  StepError,
  buildStep,
  capabilitiesFor,
  findingLine,
  lintStep,
  renderStep
} from "./chunk-IFKM5HLK.js";
import {
  defaultLog
} from "./chunk-FVZLHUQV.js";
import {
  connectorVerifyOptions
} from "./chunk-4EYWP5CI.js";
import "./chunk-QWNSM4YB.js";
import "./chunk-Y7I4BW5I.js";
import "./chunk-ESJ5KG2Y.js";
import {
  chooseStrategy,
  platformTag
} from "./chunk-W3KI5CLD.js";
import {
  verifyImage
} from "./chunk-K4K4KYBG.js";
import "./chunk-4BMBBMZM.js";
import "./chunk-7KWH7VUP.js";
import "./chunk-VKGSEGKY.js";
import {
  buildFailure,
  defaultTags
} from "./chunk-ZU3EA74B.js";
import "./chunk-MOA3NBGW.js";
import "./chunk-STWOCLWY.js";
import "./chunk-I325M6JV.js";
import "./chunk-FCTKR6QB.js";
import "./chunk-ZXKMXJJK.js";
import "./chunk-Q4QNI43M.js";
import "./chunk-HX44SO3Q.js";
import "./chunk-WYDT4C5S.js";
import {
  Pipeline,
  done,
  skip,
  unwrapStepFailure
} from "./chunk-N5APPE22.js";
import "./chunk-G6CWDOAS.js";
import "./chunk-J7CCGA2A.js";
import {
  docker,
  parseJson
} from "./chunk-2UDPR3IH.js";
import {
  loadConnector
} from "./chunk-ATMBG6MK.js";
import "./chunk-MITLCIOK.js";
import "./chunk-LC4JF5JN.js";
import "./chunk-AC6MT37A.js";
import {
  DEFAULT_PLATFORMS
} from "./chunk-Z2MWC52I.js";
import "./chunk-6LPIPXQJ.js";
import "./chunk-I7TGTHSS.js";
import {
  lastLines,
  onCleanup
} from "./chunk-TVMRY7EN.js";
import "./chunk-STQCJ5OL.js";
import "./chunk-2CZK5HMD.js";
import "./chunk-QLD2YDU3.js";
import "./chunk-CL32DPN3.js";
import "./chunk-FLBFUWAO.js";
import {
  external_exports
} from "./chunk-SVKG5X7A.js";
import {
  BcError,
  badInput,
  toBcError
} from "./chunk-BSQYAL4K.js";
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/core/flows/bake.ts
init_define_BC_HELP();
import { mkdtemp, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join as join2 } from "node:path";

// src/core/flows/bake-file.ts
init_define_BC_HELP();
import { readFile } from "node:fs/promises";
function targetName(dirName, taken) {
  const base = dirName.replace(/[^a-zA-Z0-9_-]/g, "_") || "connector";
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}_${i}`;
  return name;
}
function bakeTarget(plan, dockerfile, opts) {
  const { provenance } = opts;
  return {
    context: plan.context,
    dockerfile,
    platforms: plan.platforms,
    // the same local names `build` loads, so `verify DIR` finds them too
    tags: defaultTags(plan, "load"),
    labels: plan.labels,
    args: { ...plan.buildArgs ?? {}, SOURCE_DATE_EPOCH: String(opts.epoch) },
    ...provenance === false ? {} : { attest: [`type=provenance,mode=${provenance}`] },
    // the same secrets and network as `build` (core/images/prepare.ts): never the values, only where buildx finds them
    ...plan.buildSecrets && plan.buildSecrets.length > 0 ? { secret: plan.buildSecrets.map((x) => `id=${x.id},env=${x.env}`) } : {},
    ...plan.buildNetwork === "host" ? { network: "host" } : {}
  };
}
var MetadataSchema = external_exports.record(external_exports.string(), external_exports.object({ "containerimage.digest": external_exports.string().optional() }).loose());
function bakeArgs(file, metadata, targets, o = {}) {
  return [
    "buildx",
    "bake",
    ...o.builder ? ["--builder", o.builder] : [],
    "-f",
    file,
    "--metadata-file",
    metadata,
    "--load",
    "--progress",
    "plain",
    ...o.noCache ? ["--no-cache"] : [],
    ...targets
  ];
}
async function readMetadata(file) {
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return {};
  }
  const m = parseJson(MetadataSchema, text, "buildx bake metadata file");
  return Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v["containerimage.digest"]]));
}
async function networkDropped(file, bakeFile, targets, opts) {
  const wanted = targets.filter((t) => bakeFile.target[t]?.network === "host");
  if (wanted.length === 0) return /* @__PURE__ */ new Set();
  const res = await docker(["buildx", "bake", ...opts.builder ? ["--builder", opts.builder] : [], "-f", file, "--print", ...wanted], { allowFailure: true, step: "bake --print", timeoutMs: 6e4 });
  let printed;
  try {
    printed = parseJson(PrintedSchema, res.stdout, "bake --print");
  } catch {
    return /* @__PURE__ */ new Set();
  }
  const kept = (t) => printed?.target[t]?.network === "host";
  return new Set(wanted.filter((t) => !kept(t)));
}
var PrintedSchema = external_exports.object({ target: external_exports.record(external_exports.string(), external_exports.object({ network: external_exports.string().optional() }).loose()) }).loose();
function environmentCheck(exitCode, stderr) {
  if (exitCode === 0) return;
  if (/Cannot connect to the Docker daemon|is the docker daemon running|unknown command "bake"|'bake' is not a docker command/i.test(stderr)) {
    throw new BcError("environment", "docker buildx bake is not available", {
      step: "bake",
      details: [...lastLines(stderr, 3), "fix: start the engine and install buildx \u2265 0.10 (scripts/setup-engine.sh), then build-connector doctor"]
    });
  }
}

// src/core/flows/bake-build.ts
init_define_BC_HELP();
import { join } from "node:path";
async function buildAlone(p, opts, log) {
  const plan = p.plan;
  try {
    const built = await buildStep(plan, {
      platforms: p.result.platforms,
      goal: "load",
      tags: defaultTags(plan, "load"),
      ...opts.builder ? { builder: opts.builder } : {},
      ...opts.noCache ? { noCache: true } : {},
      provenance: opts.provenance,
      ...p.epoch !== void 0 ? { sourceDateEpoch: p.epoch } : {},
      progress: "plain",
      write: () => void 0
    });
    p.result.digest = built.value.digest;
    if (built.value.strategy.loadAs === "per-platform") p.result.platformImages = { ...built.value.local };
  } catch (err) {
    const e = toBcError(err);
    p.result.status = "build-failed";
    p.result.problems = [e.message, ...e.details];
    log(`bake: ${p.result.connector} failed to build`);
  }
}
async function runBake(work, file, bakeFile, all, opts, log) {
  const metaFile = join(work, "metadata.json");
  const dropped = await networkDropped(file, bakeFile, Object.keys(bakeFile.target), opts);
  const aloneOf = (p) => Object.values(p.targets ?? {}).some((t) => dropped.has(t));
  const alone = all.filter(aloneOf);
  for (const p of alone) {
    log(`bake: ${p.result.connector} is built alone: this buildx's bake drops the target's network setting, which its package index on this machine's loopback needs`);
    await buildAlone(p, opts, log);
  }
  const buildable = all.filter((p) => !aloneOf(p));
  if (buildable.length === 0) return;
  log(`bake: ${buildable.length} connector(s) in one buildx bake`);
  const res = await docker(bakeArgs(file, metaFile, buildable.map((p) => p.target), opts), {
    allowFailure: true,
    step: "bake",
    timeoutMs: 60 * 6e4
  });
  environmentCheck(res.exitCode, res.stderr);
  const digests = await readMetadata(metaFile);
  const digestOf = (p, d) => {
    const ts = Object.values(p.targets ?? {});
    if (ts.length === 0 || ts.some((t) => !d[t])) return null;
    return d[p.targets?.["linux/amd64"] ?? ts[0] ?? ""] ?? null;
  };
  const missing = buildable.filter((p) => !digestOf(p, digests));
  for (const p of buildable) p.result.digest = digestOf(p, digests);
  if (res.exitCode === 0 && missing.length === 0) return;
  log(`bake failed; building ${missing.length} target(s) one at a time to find which`);
  for (const p of missing) {
    const one = join(work, `metadata-${p.target}.json`);
    const r = await docker(bakeArgs(file, one, [p.target], opts), { allowFailure: true, step: `bake ${p.target}`, timeoutMs: 30 * 6e4 });
    environmentCheck(r.exitCode, r.stderr);
    const d = digestOf(p, await readMetadata(one));
    if (r.exitCode === 0 && d) {
      p.result.digest = d;
    } else {
      p.result.status = "build-failed";
      const f = buildFailure(r.stderr.split("\n"), r.exitCode, `docker ${bakeArgs(file, one, [p.target], opts).join(" ")}`);
      p.result.problems = [f.message, ...f.details];
      log(`bake: ${p.result.connector} failed to build`);
    }
  }
}

// src/core/flows/bake-verify.ts
init_define_BC_HELP();
import { availableParallelism, freemem } from "node:os";
var VERIFY_BYTES_PER_PLATFORM = 256 * 1024 * 1024;
function verifyBound(o) {
  const most = Math.max(1, o.connectors);
  if (o.given !== void 0) {
    if (!Number.isInteger(o.given) || o.given < 1) throw badInput(`verify concurrency must be a whole number \u2265 1, got ${o.given}`);
    return { value: Math.min(o.given, most), why: `${o.given} as asked` };
  }
  const { cores, freeBytes } = o.machine ?? { cores: availableParallelism(), freeBytes: freemem() };
  const byCores = 2 * cores;
  const byMemory = Math.floor(freeBytes / (VERIFY_BYTES_PER_PLATFORM * Math.max(1, o.platforms)));
  const value = Math.max(1, Math.min(byCores, byMemory, most));
  const mb = Math.round(freeBytes / 2 ** 20);
  return { value, why: `min(2 \xD7 ${cores} cores, ${mb} MB free / (256 MB \xD7 ${o.platforms} platforms) = ${byMemory}${most < Math.min(byCores, byMemory) ? `, ${most} connectors` : ""})` };
}
async function verifyConnectors(built, o) {
  const queue = [...built];
  let stop;
  const one = async (p) => {
    const plan = p.plan;
    const image = p.result.image;
    try {
      const vopts = await connectorVerifyOptions(plan.connector, o.timeoutSeconds);
      const report = await verifyImage(image, { ...vopts, platforms: p.result.platforms, ...p.result.platformImages ? { platformImages: p.result.platformImages } : {} });
      p.result.report = report;
      p.result.status = report.ok ? "verified" : "verify-failed";
    } catch (err) {
      const e = toBcError(err);
      if (e.kind === "environment") {
        stop ??= e;
        queue.length = 0;
        return;
      }
      p.result.status = "verify-failed";
      p.result.problems = [e.message, ...e.details];
    }
    o.onResult?.(p.result);
  };
  const worker = async () => {
    for (let p = queue.shift(); p && stop === void 0; p = queue.shift()) await one(p);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(o.concurrency, built.length)) }, worker));
  if (stop !== void 0) throw stop;
}

// src/core/flows/bake.ts
var BAKE_STEPS = ["resolve", "render", "lint", "write", "build", "verify"];
var PRINT_STEPS = ["resolve", "render", "lint", "write"];
async function bakeConnectors(dirs, opts) {
  const log = opts.log ?? defaultLog;
  const emit = (p) => opts.onResult?.(p.result);
  const work = await mkdtemp(join2(tmpdir(), "bc-bake-"));
  const unregister = onCleanup(() => rm(work, { recursive: true, force: true }));
  try {
    return await unwrapStepFailure(async () => {
      const pipe = new Pipeline(BAKE_STEPS, opts);
      const { bakeFile, file, prepared, strategy, bound } = await planSteps(pipe, dirs, work, opts, emit);
      await pipe.step("build", async () => {
        const buildable = prepared.filter((p) => p.target);
        if (buildable.length === 0) return skip(void 0, "no connector to build");
        await runBake(work, file, bakeFile, buildable, opts, log);
        for (const p of buildable) if (p.result.status === "build-failed" || opts.verify === false) emit(p);
        return done(void 0, `${buildable.filter((p) => p.result.status === "built").length} of ${buildable.length} built`);
      });
      await pipe.step("verify", async () => {
        if (opts.verify === false) return skip(void 0, "not asked (--no-verify)");
        const built = prepared.filter((p) => p.result.status === "built");
        if (built.length === 0) return skip(void 0, "nothing built");
        await verifyConnectors(built, { concurrency: bound.value, timeoutSeconds: opts.timeoutSeconds, onResult: opts.onResult });
        return done(void 0, `${built.filter((p) => p.result.status === "verified").length} of ${built.length} verified, ${bound.value} at once: ${bound.why}`);
      });
      const results = prepared.map((p) => p.result);
      const good = opts.verify === false ? "built" : "verified";
      const ms = (s) => Math.round(pipe.records.find((r) => r.step === s && r.status === "done")?.durationMs ?? 0);
      const { kind, why, builder, driver, store, unavailable } = strategy;
      return { ok: results.every((r) => r.status === good), bakeFile, results, buildMs: ms("build"), verifyMs: ms("verify"), strategy: { kind, why, builder, driver, store, unavailable } };
    });
  } finally {
    unregister();
    await rm(work, { recursive: true, force: true });
  }
}
async function printBake(dirs, workdir, opts) {
  await mkdir(workdir, { recursive: true });
  const { bakeFile, file, prepared } = await unwrapStepFailure(() => planSteps(new Pipeline(PRINT_STEPS, opts), dirs, workdir, { ...opts, verify: false }, () => void 0));
  return { bakeFile, file, results: prepared.filter((p) => !p.target).map((p) => p.result) };
}
async function planSteps(pipe, dirs, work, opts, emit) {
  const platforms = opts.platforms ?? [...DEFAULT_PLATFORMS];
  const { strategy, bound } = await pipe.step("resolve", async () => {
    const s = chooseStrategy(await capabilitiesFor(opts.builder), { platforms, goal: "load", provenance: opts.provenance });
    const b = verifyBound({ platforms: platforms.length, connectors: dirs.length, given: opts.verifyConcurrency });
    return done({ strategy: s, bound: b }, `${s.kind} strategy on ${s.builder}/${s.driver}${opts.verify === false ? "" : `; verify ${b.value} connector(s) at once`}`);
  });
  const prepared = await pipe.step("render", async () => {
    const out = [];
    for (const dir of dirs) {
      const p = await renderOne(dir, opts);
      out.push(p);
      if (!p.plan) emit(p);
    }
    return done(out, `${out.filter((p) => p.plan).length} of ${dirs.length} rendered`);
  });
  await pipe.step("lint", async () => {
    const planned = prepared.filter((p) => p.plan);
    if (planned.length === 0) return skip(void 0, "no plan to lint");
    for (const p of planned) if (!await lintOne(p)) emit(p);
    return done(void 0, `${prepared.filter((p) => p.result.status === "built").length} of ${planned.length} pass`);
  });
  const bakeFile = await pipe.step("write", async () => {
    const b = await writeTargets(prepared.filter((p) => p.result.status === "built"), work, opts, strategy);
    await writeFile(join2(work, "bake.json"), `${JSON.stringify(b, null, 2)}
`);
    return done(b, `${Object.keys(b.target).length} target(s) in ${join2(work, "bake.json")}`);
  });
  return { bakeFile, file: join2(work, "bake.json"), prepared, strategy, bound };
}
async function renderOne(dir, opts) {
  const result = { dir, connector: dir, target: null, image: null, status: "plan-failed", digest: null, platforms: [], problems: [] };
  let rendered;
  try {
    let baseImage;
    if (opts.baseImages) {
      const c = await loadConnector(dir);
      baseImage = (c.language ? opts.baseImages.byLanguage[c.language] : void 0) ?? opts.baseImages.all;
    }
    rendered = (await renderStep(dir, { platforms: opts.platforms, baseImage })).value;
  } catch (err) {
    const e = toBcError(err);
    result.problems = [e.message, ...e.details];
    return { dir, result };
  }
  const { plan, epoch } = rendered;
  result.connector = plan.connector.dirName;
  result.platforms = plan.platforms;
  result.status = "built";
  return { dir, plan, epoch: epoch.value, result };
}
async function lintOne(p) {
  const plan = p.plan;
  try {
    await lintStep(plan, plan.buildArgs);
    return true;
  } catch (err) {
    if (!(err instanceof StepError)) throw err;
    p.result.status = "lint-failed";
    p.result.problems = err.findings.filter((f) => f.severity === "error" || f.fatal === true).map(findingLine);
    return false;
  }
}
async function writeTargets(ready, work, opts, strategy) {
  const taken = /* @__PURE__ */ new Set();
  const defaultGroup = { targets: [] };
  const bakeFile = { group: { default: defaultGroup }, target: {} };
  const split = strategy.loadAs === "per-platform";
  for (const p of ready) {
    const plan = p.plan;
    const name = targetName(plan.connector.dirName, taken);
    taken.add(name);
    const tdir = join2(work, name);
    await mkdir(tdir, { recursive: true });
    await writeFile(join2(tdir, "Dockerfile"), plan.dockerfile);
    await writeFile(join2(tdir, "Dockerfile.dockerignore"), plan.dockerignore);
    const target = bakeTarget(plan, join2(tdir, "Dockerfile"), { epoch: p.epoch ?? 0, provenance: strategy.provenance });
    if (split) {
      const images = {};
      p.targets = {};
      for (const platform of target.platforms) {
        const t = `${name}_${platform.split("/").slice(1).join("_")}`;
        const tags = target.tags.map((x) => platformTag(x, platform));
        bakeFile.target[t] = { ...target, platforms: [platform], tags: platform === "linux/amd64" ? [...target.tags, ...tags] : tags };
        p.targets[platform] = t;
        images[platform] = tags[0] ?? "";
      }
      bakeFile.group[name] = { targets: Object.values(p.targets) };
      p.result.platformImages = images;
    } else {
      bakeFile.target[name] = target;
      p.targets = Object.fromEntries(target.platforms.map((pl) => [pl, name]));
    }
    defaultGroup.targets.push(name);
    p.target = name;
    p.result.target = name;
    p.result.image = `${plan.connector.repository}:${plan.connector.version}`;
  }
  return bakeFile;
}
export {
  BAKE_STEPS,
  bakeConnectors,
  printBake,
  verifyBound
};
