import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  BuilderSchema,
  builderFacts,
  builderSupports,
  dockerInfo,
  isContainerdStore,
  parseBuildxVersion
} from "./chunk-KUEU47YF.js";
import {
  require_semver
} from "./chunk-F4ZLNMK7.js";
import {
  DOCKER,
  docker,
  parseJsonLines
} from "./chunk-DV5U53WV.js";
import {
  external_exports
} from "./chunk-EOVLSTFT.js";
import {
  BcError,
  envMissing
} from "./chunk-G6GUSTSF.js";
import {
  __toESM,
  init_define_BC_HELP
} from "./chunk-IOSLR57L.js";

// src/docker/buildx-capabilities.ts
init_define_BC_HELP();
var import_semver = __toESM(require_semver(), 1);

// src/docker/buildx-cache.ts
init_define_BC_HELP();
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rm, stat, writeFile, rename } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
var BINFMT = "/proc/sys/fs/binfmt_misc";
function probeTtlSeconds(env = process.env) {
  const v = Number.parseInt(env.BUILD_CONNECTOR_PROBE_TTL ?? "", 10);
  return Number.isFinite(v) && v >= 0 ? v : 600;
}
function cacheDir(env = process.env) {
  return join(env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "build-connector");
}
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
    return await Promise.all(names.map(async (n) => `${n}=${(await readFile(join(BINFMT, n), "utf8").catch(() => "")).split("\n")[0] ?? ""}`));
  } catch {
    return [];
  }
}
var hash = (v) => createHash("sha256").update(JSON.stringify(v)).digest("hex").slice(0, 24);
async function capabilitiesCacheKey(builderName, env = process.env) {
  const cfg = env.DOCKER_CONFIG ?? join(homedir(), ".docker");
  const parts = {
    v: 1,
    docker: DOCKER,
    builder: builderName ?? env.BUILDX_BUILDER ?? "",
    host: env.DOCKER_HOST ?? "",
    context: env.DOCKER_CONTEXT ?? "",
    cfg,
    // buildx rewrites `current` on every command: its content, not its mtime
    current: await content(join(cfg, "buildx", "current")),
    instances: await mtime(join(cfg, "buildx", "instances")),
    config: await mtime(join(cfg, "config.json")),
    dockerd: await mtime("/var/run/docker.pid"),
    binfmt: await binfmtState()
  };
  return { slot: hash([parts.docker, parts.builder, parts.host, parts.context, parts.cfg]), key: hash(parts) };
}
var fileOf = (k, env) => join(cacheDir(env), `buildx-capabilities-${k.slot}.json`);
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
  const [ls, ver, info] = await Promise.all([
    docker(["buildx", "ls", "--format", "{{json .}}"], { timeoutMs: 3e4, failKind: "environment", step: "docker buildx ls" }),
    docker(["buildx", "version"], { timeoutMs: 2e4, failKind: "environment", step: "docker buildx version" }),
    dockerInfo().catch(() => void 0)
  ]);
  const builders = parseJsonLines(BuilderSchema, ls.stdout, "docker buildx ls");
  const wanted = builderName ?? process.env.BUILDX_BUILDER;
  const current = builders.find((b) => b.Current === true);
  const chosen = wanted ? builders.find((b) => b.Name === wanted) : current ?? builders[0];
  if (!chosen) {
    throw envMissing(wanted ? `buildx builder "${wanted}" not found` : "no buildx builder found", [
      `builders: ${[...new Set(builders.map((b) => b.Name))].join(", ") || "none"}`,
      "fix: docker buildx create --use (or pass an existing --builder / unset BUILDX_BUILDER)"
    ]);
  }
  const facts = builderFacts(chosen);
  const nodes = chosen.Nodes ?? [];
  const nodeVersion = nodes.map((n) => NodeVersionSchema.safeParse(n)).find((p) => p.success && p.data.Version)?.data?.Version;
  return {
    builder: facts.name,
    driver: facts.driver,
    nodes: nodes.length,
    platforms: facts.platforms,
    buildxVersion: parseBuildxVersion(ver.stdout),
    buildkitVersion: nodeVersion,
    engineVersion: info?.ServerVersion,
    containerdStore: info ? isContainerdStore(info) : void 0
  };
}
function unsupportedPlatforms(caps, wanted) {
  return wanted.filter((p) => !builderSupports({ name: caps.builder, driver: caps.driver, platforms: caps.platforms }, p));
}

// src/build/prepare.ts
init_define_BC_HELP();
var DEFAULT_PLATFORMS = ["linux/amd64", "linux/arm64"];
var LOCAL_TAG = "dev";
function defaultTags(plan, output) {
  const repo = plan.connector.repository;
  return output === "load" ? [`${repo}:${plan.connector.version}`, `${repo}:${LOCAL_TAG}`] : [`${repo}:${plan.connector.version}`];
}
var PLATFORM_RE = /^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/;
function checkPlatforms(platforms) {
  const bad = platforms.filter((p) => !PLATFORM_RE.test(p));
  if (bad.length > 0) throw new BcError("badInput", `invalid platform ${bad.map((b) => `"${b}"`).join(", ")}`, { details: ["expected os/arch[/variant], e.g. linux/amd64,linux/arm64"] });
  if (platforms.length === 0) throw new BcError("badInput", "no platform to build");
}
function prepareBuild(plan, opts, caps, files) {
  const platforms = opts.platforms ?? (plan.platforms.length > 0 ? plan.platforms : DEFAULT_PLATFORMS);
  checkPlatforms(platforms);
  const output = opts.output ?? { type: "load" };
  const provenance = opts.provenance ?? "min";
  const missing = unsupportedPlatforms(caps, platforms);
  if (missing.length > 0) {
    throw new BcError("environment", `builder "${caps.builder}" (${caps.driver} driver) cannot build ${missing.join(", ")}`, {
      step: "preflight",
      details: [
        `it can build: ${caps.platforms.join(", ") || "nothing reported"}`,
        missing.some((p) => p.includes("arm")) ? "fix: enable emulation (update-binfmts --enable qemu-aarch64, or install qemu-user-static), then build-connector doctor" : `fix: drop ${missing.join(", ")} from --platform, or use a builder with that platform (emulation or a native node)`
      ]
    });
  }
  if (platforms.length > 1 && !caps.multiPlatformBuild) {
    throw new BcError("environment", `the ${caps.driver} driver on this engine cannot build several platforms at once`, {
      step: "preflight",
      details: [
        'fix: enable the containerd image store ({"features":{"containerd-snapshotter":true}} in /etc/docker/daemon.json, restart dockerd)',
        "     or use a docker-container builder: docker buildx create --use"
      ]
    });
  }
  if (output.type === "load" && platforms.length > 1 && !caps.multiPlatformLoad) {
    throw new BcError("environment", `cannot --load a ${platforms.length}-platform image into this engine`, {
      step: "preflight",
      details: [
        ...caps.notes.filter((n) => /load/.test(n)).map((n) => `why: ${n}`),
        'fix: enable the containerd image store ({"features":{"containerd-snapshotter":true}} in /etc/docker/daemon.json, restart dockerd)',
        "     or write an OCI archive instead: --output oci=FILE"
      ]
    });
  }
  if (output.type === "oci" && !caps.ociOutput) {
    throw new BcError("environment", `the ${caps.driver} driver on this engine cannot write an OCI archive`, {
      step: "preflight",
      details: ["fix: enable the containerd image store, or use a docker-container builder (docker buildx create --use)"]
    });
  }
  const tags = opts.tags && opts.tags.length > 0 ? opts.tags : defaultTags(plan, output.type);
  const rewrite = output.type === "oci" && caps.rewriteTimestamp.oci;
  const reproducible = reproducibility(output.type, rewrite, provenance, caps);
  const request = {
    context: plan.context,
    dockerfile: files.dockerfile,
    platforms,
    tags,
    labels: plan.labels,
    // The plan's build args (custom mode's BASE_IMAGE override) under the user's.
    buildArgs: mergedBuildArgs(plan, opts),
    metadataFile: files.metadataFile,
    provenance,
    cacheFrom: opts.cacheFrom,
    cacheTo: opts.cacheTo,
    progress: "plain",
    output: output.type === "oci" ? { type: "oci", dest: output.dest, rewriteTimestamp: rewrite, ...output.layout === "dir" ? { tar: false } : {} } : { type: "load" },
    builder: opts.builder,
    noCache: opts.noCache
  };
  return { request, platforms, tags, reproducible, provenance };
}
function reproducibility(output, rewrite, provenance, caps) {
  if (output === "load") {
    return {
      index: false,
      manifests: false,
      reason: caps.driver === "docker" ? "loaded images keep file timestamps (the docker driver cannot rewrite-timestamp on the image exporter); use --output oci=FILE" : "loaded images are built without rewrite-timestamp; use --output oci=FILE"
    };
  }
  if (!rewrite) {
    return { index: false, manifests: false, reason: `BuildKit ${caps.effectiveBuildkit ?? "(unknown version)"} cannot rewrite-timestamp (needs >= 0.13)` };
  }
  if (provenance !== false) {
    return {
      index: false,
      manifests: true,
      reason: "per-platform manifests are reproducible; the index is not, because provenance attestations record the build id and times (use --provenance false for a reproducible index)"
    };
  }
  return { index: true, manifests: true, reason: "OCI archive with rewrite-timestamp and SOURCE_DATE_EPOCH, no provenance" };
}
function mergedBuildArgs(plan, opts) {
  const merged = { ...plan.buildArgs ?? {}, ...opts.buildArgs ?? {} };
  return Object.keys(merged).length > 0 ? merged : void 0;
}

export {
  detectCapabilities,
  forgetCapabilities,
  checkPlatforms,
  prepareBuild,
  mergedBuildArgs
};
