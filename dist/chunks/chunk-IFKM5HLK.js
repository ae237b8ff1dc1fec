import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  lintWithBase
} from "./chunk-QWNSM4YB.js";
import {
  chooseStrategy,
  platformTag
} from "./chunk-W3KI5CLD.js";
import {
  buildImage,
  defaultTags,
  resolveSourceDateEpoch
} from "./chunk-ZU3EA74B.js";
import {
  detectCapabilities
} from "./chunk-MOA3NBGW.js";
import {
  writeLayoutTar
} from "./chunk-STWOCLWY.js";
import {
  imageMetadata,
  ociAnnotations,
  resolvePlan
} from "./chunk-FCTKR6QB.js";
import {
  done
} from "./chunk-N5APPE22.js";
import {
  docker
} from "./chunk-2UDPR3IH.js";
import {
  REQUIRED_PLATFORM,
  platformObject,
  platformString
} from "./chunk-Z2MWC52I.js";
import {
  findingText
} from "./chunk-6LPIPXQJ.js";
import {
  failedChecks
} from "./chunk-I7TGTHSS.js";
import {
  onCleanup,
  run
} from "./chunk-TVMRY7EN.js";
import {
  DigestSchema,
  sha256Digest
} from "./chunk-FLBFUWAO.js";
import {
  external_exports
} from "./chunk-SVKG5X7A.js";
import {
  BcError
} from "./chunk-BSQYAL4K.js";
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/core/images/images.ts
init_define_BC_HELP();
import { join as join2 } from "node:path";
import { mkdir as mkdir2, rm as rm2 } from "node:fs/promises";

// src/oci/compose.ts
init_define_BC_HELP();
import { link, mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
var Digest = DigestSchema;
var Descriptor = external_exports.object({ mediaType: external_exports.string(), digest: Digest, size: external_exports.number().int().nonnegative() }).loose();
var IndexJson = external_exports.object({ manifests: external_exports.array(Descriptor) }).loose();
var ManifestJson = external_exports.object({ mediaType: external_exports.string().optional(), config: Descriptor, layers: external_exports.array(Descriptor) }).loose();
var ConfigJson = external_exports.object({ os: external_exports.string(), architecture: external_exports.string(), variant: external_exports.string().optional() }).loose();
var OCI_INDEX = "application/vnd.oci.image.index.v1+json";
var OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
var blobPath = (layout, digest) => join(layout, "blobs", "sha256", digest.slice("sha256:".length));
async function readJson(schema, file, what) {
  const info = await stat(file).catch(() => void 0);
  if (!info?.isFile()) throw new BcError("failed", `${what}: ${file} is missing`, { step: "build" });
  if (info.size > 4 * 1024 * 1024) throw new BcError("failed", `${what}: ${file} is too large for a manifest`, { step: "build" });
  const parsed = schema.safeParse(JSON.parse(await readFile(file, "utf8")));
  if (!parsed.success) throw new BcError("failed", `${what}: ${file} has an unexpected shape`, { step: "build", details: parsed.error.issues.slice(0, 3).map((i) => `${i.path.join(".")}: ${i.message}`) });
  return parsed.data;
}
async function manifestOf(layout, what) {
  const index = await readJson(IndexJson, join(layout, "index.json"), what);
  const root = index.manifests[0];
  if (!root || index.manifests.length !== 1) throw new BcError("failed", `${what}: expected one image in index.json, found ${index.manifests.length}`, { step: "build" });
  const manifest = await readJson(ManifestJson, blobPath(layout, root.digest), what);
  const config = await readJson(ConfigJson, blobPath(layout, manifest.config.digest), what);
  return { platform: platformString(config), digest: root.digest, size: root.size, mediaType: manifest.mediaType ?? root.mediaType };
}
async function importSaved(savedTar, layout, scratch) {
  const dir = await mkdtemp(join(scratch, "saved-"));
  try {
    await run("tar", ["-xf", savedTar, "-C", dir], { step: "push: read docker save", timeoutMs: 10 * 6e4 });
    const m = await manifestOf(dir, `docker save ${savedTar}`);
    await mkdir(join(layout, "blobs", "sha256"), { recursive: true });
    const manifest = await readJson(ManifestJson, blobPath(dir, m.digest), "docker save");
    for (const d of [m.digest, manifest.config.digest, ...manifest.layers.map((l) => l.digest)]) {
      const to = blobPath(layout, d);
      if (await stat(to).catch(() => void 0)) continue;
      await rename(blobPath(dir, d), to);
    }
    return m;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
function indexBytes(manifests, annotations = {}) {
  const index = {
    schemaVersion: 2,
    mediaType: OCI_INDEX,
    manifests: manifests.map((m) => ({ mediaType: m.mediaType, digest: m.digest, size: m.size, platform: platformObject(m.platform) })),
    ...Object.keys(annotations).length > 0 ? { annotations: Object.fromEntries(Object.entries(annotations).sort(([a], [b]) => a < b ? -1 : 1)) } : {}
  };
  return Buffer.from(JSON.stringify(index), "utf8");
}
async function writeIndex(layout, manifests, annotations = {}) {
  const bytes = indexBytes(manifests, annotations);
  const digest = sha256Digest(bytes);
  await mkdir(join(layout, "blobs", "sha256"), { recursive: true });
  await writeFile(blobPath(layout, digest), bytes);
  await writeFile(join(layout, "oci-layout"), '{"imageLayoutVersion":"1.0.0"}');
  await writeFile(join(layout, "index.json"), JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: [{ mediaType: OCI_INDEX, digest, size: bytes.length }] }));
  return { digest, size: bytes.length };
}
async function writeLoadableTar(layout, manifestDigest, repoTag, dest, scratch) {
  const manifest = await readJson(ManifestJson, blobPath(layout, manifestDigest), `OCI layout ${layout}`);
  const dir = await mkdtemp(join(scratch, "load-"));
  try {
    await mkdir(join(dir, "blobs", "sha256"), { recursive: true });
    const size = (await stat(blobPath(layout, manifestDigest))).size;
    for (const d of [manifestDigest, manifest.config.digest, ...manifest.layers.map((l) => l.digest)]) {
      const to = blobPath(dir, d);
      if (await stat(to).catch(() => void 0)) continue;
      await link(blobPath(layout, d), to);
    }
    const rel = (d) => `blobs/sha256/${d.slice("sha256:".length)}`;
    await writeFile(join(dir, "oci-layout"), '{"imageLayoutVersion":"1.0.0"}');
    await writeFile(
      join(dir, "index.json"),
      JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: [{ mediaType: manifest.mediaType ?? OCI_MANIFEST, digest: manifestDigest, size, annotations: { "io.containerd.image.name": repoTag } }] })
    );
    await writeFile(join(dir, "manifest.json"), JSON.stringify([{ Config: rel(manifest.config.digest), RepoTags: [repoTag], Layers: manifest.layers.map((l) => rel(l.digest)) }]));
    await writeLayoutTar(dir, dest);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// src/core/images/images.ts
var probes = /* @__PURE__ */ new Map();
function capabilitiesFor(builder) {
  const key = `${builder ?? ""}|${process.env.DOCKER_HOST ?? ""}|${process.env.DOCKER_CONTEXT ?? ""}`;
  let p = probes.get(key);
  if (!p) {
    p = detectCapabilities(builder, { cache: true });
    p.catch(() => probes.delete(key));
    probes.set(key, p);
  }
  return p;
}
function checkGoal(strategy, goal) {
  const oci = strategy.unavailable.find((u) => u.what === "oci-output");
  if (goal === "oci" && oci) {
    throw new BcError("environment", `cannot write an OCI archive here: ${oci.why}`, { step: "preflight", details: oci.fix ? [`fix: ${oci.fix}`] : [] });
  }
}
async function buildImages(plan, req) {
  const capsP = capabilitiesFor(req.builder);
  const epoch = req.sourceDateEpochResolved ?? resolveSourceDateEpoch(plan.connector.dir, req.sourceDateEpoch, req.env ?? process.env);
  const caps = await capsP;
  const strategy = chooseStrategy(caps, { platforms: req.platforms, goal: req.goal, provenance: req.provenance });
  checkGoal(strategy, req.goal);
  const common = { ...req, capabilities: capsP, sourceDateEpochResolved: epoch, provenance: strategy.provenance };
  const tags = req.tags && req.tags.length > 0 ? req.tags : defaultTags(plan, "load");
  if (strategy.invocations === "one") {
    if (req.goal === "load" && strategy.loadAs === "index") {
      const result2 = await buildImage(plan, { ...common, platforms: req.platforms, output: { type: "load" }, tags });
      const local2 = Object.fromEntries(req.platforms.map((p) => [p, result2.tags[0] ?? tags[0] ?? ""]));
      return { strategy, result: result2, digest: result2.digest, platforms: {}, attestations: result2.attestations ?? 0, local: local2 };
    }
    const dest = req.goal === "oci" ? req.ociDest : req.work ? join2(req.work, "image.oci") : void 0;
    if (!dest) throw new BcError("failed", "internal error: an OCI build needs a destination", { step: "build" });
    const result = await buildImage(plan, { ...common, platforms: req.platforms, output: { type: "oci", dest, layout: req.goal === "oci" ? "tar" : "dir" }, tags });
    const platforms2 = Object.fromEntries(result.manifests.map((m) => [m.platform, m.digest]));
    const built2 = { strategy, result, digest: result.digest, platforms: platforms2, attestations: result.attestations ?? 0, local: {}, ...req.goal === "push" ? { layout: dest } : {} };
    if (req.goal === "load") {
      if (!req.work) throw new BcError("failed", "internal error: loading a layout needs a work directory", { step: "build" });
      const loaded = await loadImages(built2, tags[0] ?? plan.connector.repository, req.work);
      built2.layout = void 0;
      built2.result = { ...built2.result, output: "load", ociArchive: null, tags: loaded, imageRef: built2.local[REQUIRED_PLATFORM] ?? loaded[0] ?? null };
    }
    return built2;
  }
  const primary = tags[0] ?? `${plan.connector.repository}:${plan.connector.version}`;
  const results = await Promise.all(
    req.platforms.map((p) => {
      const own = tags.map((t) => platformTag(t, p));
      const names = req.platforms.length === 1 || p === REQUIRED_PLATFORM ? [...tags, ...req.platforms.length === 1 ? [] : own] : own;
      return buildImage(plan, { ...common, platforms: [p], output: { type: "load" }, tags: names }).then((r) => ({ platform: p, result: r, ref: req.platforms.length === 1 ? primary : platformTag(primary, p) }));
    })
  );
  const local = Object.fromEntries(results.map((r) => [r.platform, r.ref]));
  const last = results[results.length - 1];
  if (!last) throw new BcError("badInput", "no platform to build");
  const platforms = Object.fromEntries(results.map((r) => [r.platform, r.result.digest]));
  const required = results.find((r) => r.platform === REQUIRED_PLATFORM) ?? last;
  const joined = {
    ...last.result,
    platforms: req.platforms,
    tags: results.flatMap((r) => r.result.tags),
    imageRef: required.result.imageRef,
    manifests: results.map((r) => ({ platform: r.platform, digest: r.result.digest })),
    durationMs: Math.max(...results.map((r) => r.result.durationMs))
  };
  const built = { strategy, result: joined, digest: required.result.digest, platforms, attestations: 0, local };
  if (req.goal === "push") {
    if (!req.work) throw new BcError("failed", "internal error: a push build needs a work directory", { step: "build" });
    await saveToLayout(built, req.platforms, req.work, { ...ociAnnotations(plan.labels), ...indexAnnotations(plan.annotations) });
  }
  return built;
}
function indexAnnotations(annotations) {
  const out = {};
  for (const a of annotations ?? []) {
    const m = /^index:([^=]+)=(.*)$/s.exec(a);
    if (m?.[1] !== void 0 && m[2] !== void 0) out[m[1]] = m[2];
  }
  return out;
}
async function saveToLayout(built, platforms, work, annotations) {
  const layout = join2(work, "image.oci");
  await mkdir2(layout, { recursive: true });
  const manifests = await Promise.all(
    platforms.map(async (p) => {
      const ref = built.local[p];
      if (!ref) throw new BcError("failed", `no local ${p} image to push`, { step: "build" });
      const tar = join2(work, `save-${p.replace(/\//g, "-")}.tar`);
      await docker(["save", "-o", tar, ref], { step: `build: docker save ${p}`, timeoutMs: 20 * 6e4 });
      const m = await importSaved(tar, layout, work);
      await rm2(tar, { force: true });
      if (m.platform !== p && !m.platform.startsWith(`${p}/`)) {
        throw new BcError("failed", `the ${p} build holds a ${m.platform} image`, { step: "build", details: [ref] });
      }
      return { ...m, platform: p };
    })
  );
  const index = await writeIndex(layout, manifests, annotations);
  built.layout = layout;
  built.digest = index.digest;
  built.platforms = Object.fromEntries(manifests.map((m) => [m.platform, m.digest]));
  built.result = { ...built.result, digest: index.digest, manifests: manifests.map((m) => ({ platform: m.platform, digest: m.digest })), output: "oci", ociArchive: layout };
}
async function loadImages(built, name, work) {
  if (Object.keys(built.local).length > 0) return [];
  const layout = built.layout ?? built.result.ociArchive ?? void 0;
  if (!layout) throw new BcError("failed", "internal error: nothing to load", { step: "verify" });
  const loaded = [];
  if (built.strategy.loadAs === "index") {
    const tar = join2(work, "load.tar");
    await writeLayoutTar(layout, tar);
    const out = await docker(["load", "-i", tar], { step: "verify: docker load", timeoutMs: 20 * 6e4 });
    await rm2(tar, { force: true });
    const ref = /Loaded image:\s*(\S+)/.exec(out.stdout)?.[1] ?? name;
    loaded.push(ref);
    for (const p of Object.keys(built.platforms)) built.local[p] = ref;
    return loaded;
  }
  for (const [p, digest] of Object.entries(built.platforms)) {
    const ref = platformTag(name, p);
    const tar = join2(work, `load-${p.replace(/\//g, "-")}.tar`);
    await writeLoadableTar(layout, digest, ref, tar, work);
    await docker(["load", "-i", tar], { step: `verify: docker load ${p}`, timeoutMs: 20 * 6e4 });
    await rm2(tar, { force: true });
    built.local[p] = ref;
    loaded.push(ref);
  }
  return loaded;
}

// src/core/steps.ts
init_define_BC_HELP();
import { join as join3 } from "node:path";
import { mkdtemp as mkdtemp2, rm as rm3 } from "node:fs/promises";
import { tmpdir } from "node:os";
var StepError = class extends BcError {
  constructor(kind, message, opts, findings = opts.findings ?? [], report = opts.report) {
    super(kind, message, { step: opts.step, details: opts.details });
    this.findings = findings;
    this.report = report;
  }
  findings;
  report;
};
function findingLine(f) {
  return `${f.file}:${f.line}:${f.column} ${f.severity} [${f.ruleId}] ${findingText(f)}`;
}
async function workDir(prefix) {
  const path = await mkdtemp2(join3(tmpdir(), prefix));
  const removeIt = () => rm3(path, { recursive: true, force: true });
  const unregister = onCleanup(removeIt);
  return {
    path,
    remove: async () => {
      unregister();
      await removeIt();
    }
  };
}
async function renderStep(dir, opts) {
  const epochP = resolveSourceDateEpoch(dir, opts.sourceDateEpoch);
  epochP.catch(() => void 0);
  const [epoch, git] = await Promise.all([epochP, imageMetadata(dir, void 0)]);
  const plan = await resolvePlan(dir, { baseImage: opts.baseImage, platforms: opts.platforms, metadata: { ...git, created: epoch.value } });
  return done({ plan, epoch }, `${plan.mode} Dockerfile, base ${plan.baseImage}, platforms ${plan.platforms.join(", ")}`);
}
async function lintStep(plan, buildArgs) {
  const file = plan.dockerfilePath ?? join3(plan.context, "Dockerfile (rendered)");
  const linted = await lintWithBase(plan.dockerfile, file, {
    permittedWriteDirs: plan.permittedWriteDirs,
    dockerignore: plan.dockerignore,
    buildArgs: { ...plan.buildArgs ?? {}, ...buildArgs ?? {} }
  });
  const findings = plan.dockerfilePath ? linted : linted.map((f) => ({ ...f, rendered: true }));
  if (findings.some((f) => f.fatal === true)) {
    throw new StepError("badInput", `lint: ${file} cannot be analysed; nothing was built`, { step: "lint", details: findings.map(findingLine), findings });
  }
  const errors = findings.filter((f) => f.severity === "error");
  if (errors.length > 0) {
    throw new StepError("failed", `lint: ${errors.length} error(s) in ${file}; nothing was built`, { step: "lint", details: findings.map(findingLine), findings });
  }
  return done(findings, `${findings.length} warning(s)`);
}
function buildKnobs(plan, req) {
  return {
    buildArgs: { ...plan.buildArgs ?? {}, ...req.buildArgs ?? {} },
    cacheFrom: req.cacheFrom,
    cacheTo: req.cacheTo,
    provenance: req.provenance,
    builder: req.builder,
    noCache: req.noCache
  };
}
async function buildStep(plan, req) {
  const built = await buildImages(plan, req);
  const missing = req.platforms.filter((p) => req.goal !== "load" && !built.platforms[p]);
  if (missing.length > 0) throw new BcError("failed", `the build lacks ${missing.join(", ")}`, { step: "build" });
  const r = built.result;
  const repro = built.strategy.reproducible ? "reproducible" : "not reproducible";
  return done(built, `${built.digest} (${req.platforms.join(", ")}; ${built.strategy.kind} build on ${built.strategy.builder}/${built.strategy.driver}; SOURCE_DATE_EPOCH=${r.sourceDateEpoch} from ${r.sourceDateEpochFrom}; ${repro})`);
}
function buildFacts(b) {
  return {
    strategy: b.strategy.kind,
    why: b.strategy.why,
    builder: b.strategy.builder,
    driver: b.strategy.driver,
    store: b.strategy.store,
    reproducible: b.strategy.reproducible,
    provenance: b.strategy.provenance !== false && b.attestations > 0 ? { attached: true, mode: b.strategy.provenance } : { attached: false, reason: b.strategy.unavailable.find((u) => u.what === "provenance")?.why ?? "not requested" },
    unavailable: b.strategy.unavailable.map((u) => ({ what: u.what, why: u.why, ...u.fix ? { fix: u.fix } : {} }))
  };
}
async function verifyStep(plan, built, o) {
  const loaded = await loadImages(built, o.name, o.work);
  try {
    const [{ verifyImage }, { connectorVerifyDefaults }] = await Promise.all([import("./verify-BLU5CMZ7.js"), import("./defaults-YHGS7JAU.js")]);
    const defaults = await connectorVerifyDefaults(plan.connector, { config: o.configFile });
    const platforms = Object.keys(built.local).length > 0 ? Object.keys(built.local) : plan.platforms;
    const first = built.local[platforms[0] ?? ""] ?? o.name;
    const report = await verifyImage(built.local["linux/amd64"] ?? first, {
      ...defaults,
      timeoutSeconds: o.timeoutSeconds,
      platforms,
      platformImages: built.local,
      exactPlatforms: o.exactPlatforms,
      onProgress: o.onProgress
    });
    const failed = failedChecks(report);
    if (failed.length > 0) {
      throw new StepError("failed", `verify: ${failed.length} check(s) failed`, {
        step: "verify",
        details: failed.map((c) => `${c.platform} ${c.id}: ${c.message}${c.fix ? ` (fix: ${c.fix})` : ""}`),
        report
      });
    }
    return done(report, `${report.checks.filter((c) => c.status === "pass").length} checks passed on ${report.platforms.join(", ")}`);
  } finally {
    await untag(loaded);
  }
}
async function untag(refs) {
  if (refs.length > 0) await docker(["image", "rm", ...refs], { allowFailure: true });
}

export {
  capabilitiesFor,
  StepError,
  findingLine,
  workDir,
  renderStep,
  lintStep,
  buildKnobs,
  buildStep,
  buildFacts,
  verifyStep,
  untag
};
