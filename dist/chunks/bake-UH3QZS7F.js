import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  StepError,
  buildStep,
  capabilitiesFor,
  findingLine,
  lintStep,
  renderStep
} from "./chunk-2NTQSC74.js";
import "./chunk-A7HEH5LZ.js";
import "./chunk-OYDLXYS5.js";
import "./chunk-HNWR5ZL6.js";
import {
  chooseStrategy,
  platformTag
} from "./chunk-ICYM5BAL.js";
import {
  verifyImage
} from "./chunk-TGHPGPU4.js";
import "./chunk-CPAX55HI.js";
import "./chunk-Q7NDHZ2H.js";
import "./chunk-6KEW7YSU.js";
import "./chunk-5Z63VUE4.js";
import "./chunk-BGO7SG43.js";
import {
  buildFailure
} from "./chunk-CJNPPTT2.js";
import "./chunk-RKZ7QWRK.js";
import {
  defaultTags
} from "./chunk-3WTKKLMR.js";
import "./chunk-SY2HX7B5.js";
import "./chunk-2V6TITHN.js";
import "./chunk-KQSEGK2J.js";
import "./chunk-M6ZQ3FQ4.js";
import "./chunk-PGUDD2T7.js";
import "./chunk-R2AGHTMK.js";
import "./chunk-TC2BRTU6.js";
import "./chunk-FGNXK54K.js";
import "./chunk-MTXBWW3F.js";
import {
  docker,
  parseJson
} from "./chunk-R5RVLK2O.js";
import {
  lastLines
} from "./chunk-G44WSTAN.js";
import {
  loadConnector
} from "./chunk-ER4JP5BU.js";
import "./chunk-TD526ZK6.js";
import "./chunk-ZYH5R5FA.js";
import "./chunk-ZY7CTMHJ.js";
import "./chunk-EHNW6LQR.js";
import "./chunk-ABYH3ITZ.js";
import {
  DEFAULT_PLATFORMS
} from "./chunk-3CSLZISE.js";
import {
  external_exports
} from "./chunk-VFM347UL.js";
import {
  onCleanup
} from "./chunk-LY74QNZY.js";
import {
  BcError,
  toBcError
} from "./chunk-MATTDRBK.js";
import {
  init_define_BC_HELP
} from "./chunk-RB4QTDT4.js";

// src/core/flows/bake.ts
init_define_BC_HELP();
import { mkdtemp, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
function targetName(dirName, taken) {
  const base = dirName.replace(/[^a-zA-Z0-9_-]/g, "_") || "connector";
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}_${i}`;
  return name;
}
function bakeTarget(plan, dockerfile, opts) {
  const provenance = opts.provenance ?? "min";
  return {
    context: plan.context,
    dockerfile,
    platforms: opts.platforms ?? plan.platforms,
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
async function bakeConnectors(dirs, opts = {}) {
  const log = opts.log ?? ((l) => void process.stderr.write(`${l}
`));
  const work = await mkdtemp(join(tmpdir(), "bc-bake-"));
  const unregister = onCleanup(() => rm(work, { recursive: true, force: true }));
  try {
    const { bakeFile, prepared, strategy } = await prepareBake(dirs, work, opts);
    const result = (p) => p.result;
    const buildable = prepared.filter((p) => p.target);
    const t0 = performance.now();
    if (buildable.length > 0) await runBake(work, bakeFile, buildable, opts, log);
    const buildMs = Math.round(performance.now() - t0);
    const t1 = performance.now();
    if (opts.verify !== false) await verifyAll(prepared.filter((p) => p.result.status === "built"), opts, log);
    const verifyMs = Math.round(performance.now() - t1);
    const results = prepared.map(result);
    const good = opts.verify === false ? "built" : "verified";
    const { kind, why, builder, driver, store, unavailable } = strategy;
    return { ok: results.every((r) => r.status === good), bakeFile, results, buildMs, verifyMs, strategy: { kind, why, builder, driver, store, unavailable } };
  } finally {
    unregister();
    await rm(work, { recursive: true, force: true });
  }
}
async function prepareBake(dirs, work, opts) {
  const taken = /* @__PURE__ */ new Set();
  const defaultGroup = { targets: [] };
  const bakeFile = { group: { default: defaultGroup }, target: {} };
  const strategy = chooseStrategy(await capabilitiesFor(opts.builder), { platforms: opts.platforms ?? [...DEFAULT_PLATFORMS], goal: "load", provenance: opts.provenance });
  const split = strategy.loadAs === "per-platform";
  const prepared = [];
  for (const dir of dirs) {
    const result = { dir, connector: dir, target: null, image: null, status: "plan-failed", digest: null, platforms: [], problems: [], failedChecks: [] };
    const p = { dir, result };
    prepared.push(p);
    let plan;
    let epoch;
    try {
      ({ plan, epoch } = await renderFor(dir, opts));
    } catch (err) {
      const e = toBcError(err);
      result.problems = [e.message, ...e.details];
      continue;
    }
    p.plan = plan;
    p.epoch = epoch.value;
    result.connector = plan.connector.dirName;
    result.platforms = opts.platforms ?? plan.platforms;
    try {
      await lintStep(plan, plan.buildArgs);
    } catch (err) {
      if (!(err instanceof StepError)) throw err;
      result.status = "lint-failed";
      result.problems = err.findings.filter((f) => f.severity === "error" || f.fatal === true).map(findingLine);
      continue;
    }
    const name = targetName(plan.connector.dirName, taken);
    taken.add(name);
    const tdir = join(work, name);
    await mkdir(tdir, { recursive: true });
    await writeFile(join(tdir, "Dockerfile"), plan.dockerfile);
    await writeFile(join(tdir, "Dockerfile.dockerignore"), plan.dockerignore);
    const target = bakeTarget(plan, join(tdir, "Dockerfile"), { platforms: opts.platforms, epoch: epoch.value, provenance: strategy.provenance });
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
      result.platformImages = images;
    } else {
      bakeFile.target[name] = target;
      p.targets = Object.fromEntries(target.platforms.map((pl) => [pl, name]));
    }
    defaultGroup.targets.push(name);
    p.target = name;
    result.target = name;
    result.image = `${plan.connector.repository}:${plan.connector.version}`;
    result.status = "built";
  }
  return { bakeFile, prepared, strategy };
}
async function printBake(dirs, workdir, opts = {}) {
  await mkdir(workdir, { recursive: true });
  const { bakeFile, prepared } = await prepareBake(dirs, workdir, opts);
  const file = join(workdir, "bake.json");
  await writeFile(file, `${JSON.stringify(bakeFile, null, 2)}
`);
  return { bakeFile, file, results: prepared.filter((p) => !p.target).map((p) => p.result) };
}
async function renderFor(dir, opts) {
  let baseImage;
  if (opts.baseImages) {
    const c = await loadConnector(dir);
    baseImage = (c.language ? opts.baseImages.byLanguage[c.language] : void 0) ?? opts.baseImages.all;
  }
  return (await renderStep(dir, { platforms: opts.platforms, baseImage })).value;
}
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
async function buildAlone(p, opts, log) {
  const plan = p.plan;
  try {
    const built = await buildStep(plan, {
      platforms: p.result.platforms,
      goal: "load",
      tags: defaultTags(plan, "load"),
      ...opts.builder ? { builder: opts.builder } : {},
      ...opts.noCache ? { noCache: true } : {},
      ...opts.provenance !== void 0 ? { provenance: opts.provenance } : {},
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
async function runBake(work, bakeFile, all, opts, log) {
  const file = join(work, "bake.json");
  await writeFile(file, `${JSON.stringify(bakeFile, null, 2)}
`);
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
function environmentCheck(exitCode, stderr) {
  if (exitCode === 0) return;
  if (/Cannot connect to the Docker daemon|is the docker daemon running|unknown command "bake"|'bake' is not a docker command/i.test(stderr)) {
    throw new BcError("environment", "docker buildx bake is not available", {
      step: "bake",
      details: [...lastLines(stderr, 3), "fix: start the engine and install buildx \u2265 0.10 (scripts/setup-engine.sh), then build-connector doctor"]
    });
  }
}
async function verifyAll(built, opts, log) {
  const queue = [...built];
  const worker = async () => {
    for (let p = queue.shift(); p; p = queue.shift()) {
      const plan = p.plan;
      const image = p.result.image;
      log(`verify ${p.result.connector}: ${image} (${p.result.platforms.join(", ")})`);
      try {
        const vopts = opts.verifyOptions ? await opts.verifyOptions(plan) : {};
        const report = await verifyImage(image, { ...vopts, platforms: p.result.platforms, ...p.result.platformImages ? { platformImages: p.result.platformImages } : {} });
        const failedChecks = report.checks.filter((c) => c.status === "fail").map((c) => ({ id: c.id, platform: c.platform, message: c.message, ...c.fix ? { fix: c.fix } : {} }));
        p.result.failedChecks = failedChecks;
        p.result.status = report.ok ? "verified" : "verify-failed";
      } catch (err) {
        const e = toBcError(err);
        if (e.kind === "environment") throw e;
        p.result.status = "verify-failed";
        p.result.problems = [e.message, ...e.details];
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.verifyConcurrency ?? 2, built.length)) }, worker));
}
export {
  bakeArgs,
  bakeConnectors,
  bakeTarget,
  prepareBake,
  printBake,
  targetName
};
