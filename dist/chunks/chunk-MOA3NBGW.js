import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  userCacheDir
} from "./chunk-I325M6JV.js";
import {
  DOCKER,
  docker,
  parseJson,
  parseJsonLines
} from "./chunk-2UDPR3IH.js";
import {
  require_semver
} from "./chunk-LC4JF5JN.js";
import {
  external_exports
} from "./chunk-SVKG5X7A.js";
import {
  envMissing
} from "./chunk-BSQYAL4K.js";
import {
  __toESM,
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/docker/engine.ts
init_define_BC_HELP();

// src/docker/buildx-current.ts
init_define_BC_HELP();
import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
var CurrentSchema = external_exports.object({ Key: external_exports.string().optional(), Name: external_exports.string().optional(), Global: external_exports.boolean().optional() });
var ConfigSchema = external_exports.object({ currentContext: external_exports.string().optional() }).loose();
var readJson = (p) => {
  try {
    return JSON.parse(readFileSync(p, "utf8"));
  } catch {
    return void 0;
  }
};
function dockerContext(env = process.env) {
  if (env.DOCKER_CONTEXT) return env.DOCKER_CONTEXT;
  const cfg = ConfigSchema.safeParse(readJson(join(env.DOCKER_CONFIG ?? join(homedir(), ".docker"), "config.json")));
  return cfg.success && cfg.data.currentContext || "default";
}
function currentBuilderName(env = process.env) {
  const context = dockerContext(env);
  const endpoint = context === "default" ? env.DOCKER_HOST || "unix:///var/run/docker.sock" : context;
  const cur = CurrentSchema.safeParse(readJson(join(env.DOCKER_CONFIG ?? join(homedir(), ".docker"), "buildx", "current")));
  if (cur.success && cur.data.Name && (cur.data.Global || cur.data.Key === endpoint)) return cur.data.Name;
  return context;
}
function selectBuilder(builders, wanted, env = process.env) {
  if (wanted) return builders.find((b) => b.Name === wanted);
  const marked = builders.find((b) => b.Current === true);
  if (marked) return marked;
  const name = currentBuilderName(env);
  return builders.find((b) => b.Name === name) ?? builders[0];
}

// src/docker/engine.ts
var DockerVersionSchema = external_exports.object({
  Client: external_exports.object({ Version: external_exports.string() }).loose(),
  Server: external_exports.object({ Version: external_exports.string() }).loose().nullish()
}).loose();
var DockerInfoSchema = external_exports.object({
  ServerVersion: external_exports.string().optional(),
  Driver: external_exports.string().optional(),
  DriverStatus: external_exports.array(external_exports.array(external_exports.string())).nullish(),
  Architecture: external_exports.string().optional()
}).loose();
var BuilderSchema = external_exports.object({
  Name: external_exports.string(),
  Driver: external_exports.string(),
  Nodes: external_exports.array(
    external_exports.object({
      Name: external_exports.string().optional(),
      Status: external_exports.string().optional(),
      Platforms: external_exports.array(external_exports.string()).nullish()
    }).loose()
  ).nullish()
}).loose();
function isContainerdStore(info) {
  return (info.DriverStatus ?? []).some(([k, v]) => k === "driver-type" && v === "io.containerd.snapshotter.v1");
}
function builderFacts(b) {
  const platforms = /* @__PURE__ */ new Set();
  for (const n of b.Nodes ?? []) for (const p of n.Platforms ?? []) platforms.add(p);
  return { name: b.Name, driver: b.Driver, platforms: [...platforms] };
}
function builderSupports(facts, platform) {
  return facts.platforms.some((p) => p === platform || p.startsWith(`${platform}/`));
}
async function dockerVersions() {
  const res = await docker(["version", "--format", "{{json .}}"], { allowFailure: true, timeoutMs: 2e4 });
  const firstLine = res.stdout.split("\n").find((l) => l.trim().startsWith("{")) ?? "{}";
  const v = parseJson(DockerVersionSchema, firstLine, "docker version");
  return { client: v.Client.Version, server: v.Server?.Version };
}
async function dockerInfo() {
  const res = await docker(["info", "--format", "{{json .}}"], { timeoutMs: 2e4, failKind: "environment", step: "docker info" });
  return parseJson(DockerInfoSchema, res.stdout, "docker info");
}
async function buildxVersion() {
  const res = await docker(["buildx", "version"], { timeoutMs: 2e4, failKind: "environment", step: "docker buildx version" });
  return parseBuildxVersion(res.stdout);
}
function parseBuildxVersion(text) {
  const m = /buildx\s+v?(\d+\.\d+\.\d+)/.exec(text);
  return m?.[1] ?? text.trim();
}
async function chooseBuilder(name) {
  const res = await docker(["buildx", "ls", "--format", "{{json .}}"], { timeoutMs: 3e4, failKind: "environment", step: "docker buildx ls" });
  const builders = parseJsonLines(BuilderSchema, res.stdout, "docker buildx ls");
  const wanted = name ?? process.env.BUILDX_BUILDER;
  const chosen = selectBuilder(builders, wanted);
  if (!chosen) {
    throw envMissing(wanted ? `buildx builder "${wanted}" not found` : "no buildx builder found", [
      `builders: ${[...new Set(builders.map((b) => b.Name))].join(", ") || "none"}`,
      "fix: docker buildx create --use (or pass an existing --builder / unset BUILDX_BUILDER)"
    ]);
  }
  return chosen;
}
async function currentBuilder(name) {
  return builderFacts(await chooseBuilder(name));
}

// src/docker/buildx-capabilities.ts
init_define_BC_HELP();
var import_semver = __toESM(require_semver(), 1);

// src/docker/buildx-cache.ts
init_define_BC_HELP();
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rm, stat, writeFile, rename } from "node:fs/promises";
import { homedir as homedir2 } from "node:os";
import { join as join2 } from "node:path";
var BINFMT = "/proc/sys/fs/binfmt_misc";
function probeTtlSeconds(env = process.env) {
  const v = Number.parseInt(env.BUILD_CONNECTOR_PROBE_TTL ?? "", 10);
  return Number.isFinite(v) && v >= 0 ? v : 600;
}
var cacheDir = (env = process.env) => userCacheDir(env);
var content = async (p) => readFile(p, "utf8").catch(() => null);
var mtime = async (p) => {
  try {
    return (await stat(p)).mtimeMs;
  } catch {
    return null;
  }
};
async function binfmtState() {
  try {
    const names = (await readdir(BINFMT)).filter((n) => n !== "register").sort();
    return await Promise.all(names.map(async (n) => `${n}=${(await readFile(join2(BINFMT, n), "utf8").catch(() => "")).split("\n")[0] ?? ""}`));
  } catch {
    return [];
  }
}
var hash = (v) => createHash("sha256").update(JSON.stringify(v)).digest("hex").slice(0, 24);
async function capabilitiesCacheKey(builderName, env = process.env) {
  const cfg = env.DOCKER_CONFIG ?? join2(homedir2(), ".docker");
  const parts = {
    v: 1,
    docker: DOCKER,
    builder: builderName ?? env.BUILDX_BUILDER ?? "",
    host: env.DOCKER_HOST ?? "",
    context: env.DOCKER_CONTEXT ?? "",
    cfg,
    // buildx rewrites `current` on every command: its content, not its mtime
    current: await content(join2(cfg, "buildx", "current")),
    instances: await mtime(join2(cfg, "buildx", "instances")),
    config: await mtime(join2(cfg, "config.json")),
    dockerd: await mtime("/var/run/docker.pid"),
    binfmt: await binfmtState()
  };
  return { slot: hash([parts.docker, parts.builder, parts.host, parts.context, parts.cfg]), key: hash(parts) };
}
var fileOf = (k, env) => join2(cacheDir(env), `buildx-capabilities-${k.slot}.json`);
async function readCachedCapabilities(key, now = Date.now(), env = process.env) {
  const ttl = probeTtlSeconds(env);
  if (ttl === 0) return void 0;
  try {
    const raw = JSON.parse(await readFile(fileOf(key, env), "utf8"));
    if (typeof raw !== "object" || raw === null) return void 0;
    const { savedAt, value, key: stored } = raw;
    if (stored !== key.key || typeof savedAt !== "number" || now - savedAt > ttl * 1e3 || now < savedAt) return void 0;
    return value;
  } catch {
    return void 0;
  }
}
async function writeCachedCapabilities(key, value, now = Date.now(), env = process.env) {
  if (probeTtlSeconds(env) === 0) return;
  try {
    await mkdir(cacheDir(env), { recursive: true });
    const tmp = `${fileOf(key, env)}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify({ key: key.key, savedAt: now, value }));
    await rename(tmp, fileOf(key, env));
  } catch {
  }
}
async function dropCachedCapabilities(key, env = process.env) {
  await rm(fileOf(key, env), { force: true });
}

// src/docker/buildx-capabilities.ts
var coerce = (v) => v ? import_semver.default.coerce(v)?.version : void 0;
var atLeast = (v, min) => v ? import_semver.default.gte(v, min) : false;
function buildkitOfEngine(engine) {
  const v = coerce(engine);
  if (!v) return void 0;
  if (import_semver.default.gte(v, "26.0.0")) return "0.13.0";
  if (import_semver.default.gte(v, "25.0.0")) return "0.12.0";
  return "0.11.0";
}
function capabilitiesFrom(f) {
  const notes = [];
  const nodeBk = coerce(f.buildkitVersion);
  const realNodeBk = nodeBk && nodeBk !== "0.0.0" ? nodeBk : void 0;
  const isDocker = f.driver === "docker";
  const effectiveBuildkit = realNodeBk ?? (isDocker ? buildkitOfEngine(f.engineVersion) : void 0);
  const bk13 = atLeast(effectiveBuildkit, "0.13.0");
  if (!bk13) notes.push(`BuildKit ${effectiveBuildkit ?? "version unknown"} < 0.13: no rewrite-timestamp, so digests are not reproducible`);
  const annotations = atLeast(coerce(f.buildxVersion), "0.12.0") && atLeast(effectiveBuildkit, "0.11.0");
  if (!annotations) notes.push("buildx < 0.12 or BuildKit < 0.11: no OCI annotations on the index and manifests (the labels are still set)");
  if (isDocker) {
    const c8d = f.containerdStore === true;
    if (!c8d) notes.push("docker driver on the classic image store: one platform per build, --load only (enable the containerd image store)");
    notes.push("docker driver: no push-by-digest and no rewrite-timestamp on pushed/loaded images (use the OCI archive)");
    return {
      ...f,
      effectiveBuildkit,
      multiPlatformBuild: c8d,
      multiPlatformLoad: c8d,
      ociOutput: c8d,
      pushByDigest: false,
      rewriteTimestamp: { oci: c8d && bk13, image: false },
      annotations,
      notes
    };
  }
  let multiPlatformLoad = f.containerdStore === true && atLeast(coerce(f.buildxVersion), "0.11.0") && f.nodes <= 1;
  if (!multiPlatformLoad) {
    notes.push(
      f.nodes > 1 ? `${f.driver} builder with ${f.nodes} nodes cannot --load a multi-platform image (docker/buildx#2007)` : `${f.driver} driver: multi-platform --load needs the local engine's containerd image store and buildx >= 0.11`
    );
  }
  if (f.containerdStore === void 0) multiPlatformLoad = false;
  return {
    ...f,
    effectiveBuildkit,
    multiPlatformBuild: true,
    multiPlatformLoad,
    ociOutput: true,
    pushByDigest: true,
    rewriteTimestamp: { oci: bk13, image: bk13 },
    annotations,
    notes
  };
}
var NodeVersionSchema = external_exports.object({ Version: external_exports.string().optional() }).loose();
var CapabilityFactsSchema = external_exports.object({
  builder: external_exports.string(),
  driver: external_exports.string(),
  nodes: external_exports.number().int().nonnegative(),
  platforms: external_exports.array(external_exports.string()),
  buildxVersion: external_exports.string(),
  buildkitVersion: external_exports.string().optional(),
  engineVersion: external_exports.string().optional(),
  containerdStore: external_exports.boolean().optional()
});
async function detectCapabilities(builderName, opts = {}) {
  const key = opts.cache ? await capabilitiesCacheKey(builderName) : void 0;
  if (key && !opts.refresh) {
    const cached = CapabilityFactsSchema.safeParse(await readCachedCapabilities(key));
    if (cached.success) {
      const f = cached.data;
      const facts2 = { ...f, buildkitVersion: f.buildkitVersion, engineVersion: f.engineVersion, containerdStore: f.containerdStore };
      return { ...capabilitiesFrom(facts2), fromCache: true };
    }
  }
  const facts = await probeFacts(builderName);
  if (key) await writeCachedCapabilities(key, facts);
  return capabilitiesFrom(facts);
}
async function forgetCapabilities(builderName) {
  await dropCachedCapabilities(await capabilitiesCacheKey(builderName));
}
async function probeFacts(builderName) {
  const [chosen, buildx, info] = await Promise.all([chooseBuilder(builderName), buildxVersion(), dockerInfo().catch(() => void 0)]);
  const facts = builderFacts(chosen);
  const nodes = chosen.Nodes ?? [];
  const nodeVersion = nodes.map((n) => NodeVersionSchema.safeParse(n)).find((p) => p.success && p.data.Version)?.data?.Version;
  return {
    builder: facts.name,
    driver: facts.driver,
    nodes: nodes.length,
    platforms: facts.platforms,
    buildxVersion: buildx,
    buildkitVersion: nodeVersion,
    engineVersion: info?.ServerVersion,
    containerdStore: info ? isContainerdStore(info) : void 0
  };
}
function unsupportedPlatforms(caps, wanted) {
  return wanted.filter((p) => !builderSupports({ name: caps.builder, driver: caps.driver, platforms: caps.platforms }, p));
}

export {
  isContainerdStore,
  builderSupports,
  dockerVersions,
  dockerInfo,
  buildxVersion,
  currentBuilder,
  detectCapabilities,
  forgetCapabilities,
  unsupportedPlatforms
};
