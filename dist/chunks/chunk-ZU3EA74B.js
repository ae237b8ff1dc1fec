import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  detectCapabilities,
  forgetCapabilities,
  unsupportedPlatforms
} from "./chunk-MOA3NBGW.js";
import {
  readOciArchive
} from "./chunk-STWOCLWY.js";
import {
  lastCommitTime
} from "./chunk-HX44SO3Q.js";
import {
  docker
} from "./chunk-2UDPR3IH.js";
import {
  invalidPlatforms
} from "./chunk-Z2MWC52I.js";
import {
  lastLines,
  onCleanup
} from "./chunk-TVMRY7EN.js";
import {
  DigestSchema
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

// src/core/images/build.ts
init_define_BC_HELP();
import { mkdir, mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

// src/docker/buildx.ts
init_define_BC_HELP();
import { readFile } from "node:fs/promises";
function outputSpec(fields) {
  return fields.map(([k, v]) => {
    const f = `${k}=${v}`;
    return /[",\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f;
  }).join(",");
}
function outputArgs(o) {
  switch (o.type) {
    case "load":
      return ["--load"];
    case "cacheonly":
      return ["--output", "type=cacheonly"];
    case "oci": {
      const f = [
        ["type", "oci"],
        ["dest", o.dest]
      ];
      if (o.tar === false) f.push(["tar", "false"]);
      if (o.rewriteTimestamp) f.push(["rewrite-timestamp", "true"]);
      return ["--output", outputSpec(f)];
    }
    case "push": {
      if (o.names.length === 0) throw new BcError("badInput", "push output needs at least one image name");
      const f = [
        ["type", "image"],
        ["name", o.names.join(",")],
        ["push", "true"]
      ];
      if (o.pushByDigest) f.push(["push-by-digest", "true"]);
      if (o.rewriteTimestamp) f.push(["rewrite-timestamp", "true"]);
      if (o.insecure) f.push(["registry.insecure", "true"]);
      return ["--output", outputSpec(f)];
    }
  }
}
var sortedEntries = (r) => Object.entries(r ?? {}).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
function buildxArgs(req) {
  const args = ["buildx", "build"];
  if (req.builder) args.push("--builder", req.builder);
  args.push("--progress", req.progress ?? "plain");
  if (req.platforms.length === 0) throw new BcError("failed", "internal error: a build request without platforms", { step: "build" });
  args.push("--platform", req.platforms.join(","));
  if (req.dockerfile) args.push("-f", req.dockerfile);
  args.push("--metadata-file", req.metadataFile);
  args.push(`--provenance=${req.provenance === false ? "false" : `mode=${req.provenance}`}`);
  for (const [k, v] of sortedEntries(req.labels)) args.push("--label", `${k}=${v}`);
  if (req.output.type === "oci" || req.output.type === "push") for (const a of req.annotations ?? []) args.push("--annotation", a);
  for (const t of req.tags ?? []) args.push("-t", t);
  for (const [k, v] of sortedEntries(req.buildArgs)) args.push("--build-arg", `${k}=${v}`);
  for (const c of req.cacheFrom ?? []) args.push("--cache-from", c);
  for (const c of req.cacheTo ?? []) args.push("--cache-to", c);
  if (req.noCache) args.push("--no-cache");
  if (req.network === "host") args.push("--network", "host");
  for (const x of req.secrets ?? []) args.push("--secret", `id=${x.id},env=${x.env}`);
  args.push(...outputArgs(req.output));
  args.push(req.context);
  return args;
}
var BuildMetadataSchema = external_exports.object({
  "containerimage.digest": DigestSchema.optional(),
  "containerimage.config.digest": DigestSchema.optional(),
  "containerimage.descriptor": external_exports.object({
    mediaType: external_exports.string(),
    digest: DigestSchema,
    size: external_exports.number(),
    annotations: external_exports.record(external_exports.string(), external_exports.string()).optional()
  }).loose().optional(),
  "image.name": external_exports.string().optional(),
  "buildx.build.ref": external_exports.string().optional()
}).loose();
function parseBuildMetadata(text, opts) {
  const where = opts.file ?? "buildx metadata file";
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BcError("failed", `${where}: not JSON`, { step: "build", details: [text.slice(0, 200)] });
  }
  const parsed = BuildMetadataSchema.safeParse(json);
  if (!parsed.success) {
    throw new BcError("failed", `${where}: unexpected shape`, {
      step: "build",
      details: parsed.error.issues.slice(0, 5).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`)
    });
  }
  const m = parsed.data;
  const digest = m["containerimage.digest"] ?? m["containerimage.descriptor"]?.digest;
  if (m["containerimage.digest"] && m["containerimage.descriptor"] && m["containerimage.digest"] !== m["containerimage.descriptor"].digest) {
    throw new BcError("failed", `${where}: containerimage.digest and containerimage.descriptor disagree`, { step: "build" });
  }
  if (opts.expectDigest && !digest) {
    throw new BcError("failed", "the build finished but buildx reported no image digest", {
      step: "build",
      details: [`${where} has no containerimage.digest`, "fix: check that the output mode produces an image (load, oci or push)"]
    });
  }
  return {
    digest,
    mediaType: m["containerimage.descriptor"]?.mediaType,
    imageNames: (m["image.name"] ?? "").split(",").map((s) => s.trim()).filter((s) => s !== ""),
    buildRef: m["buildx.build.ref"],
    raw: m
  };
}
async function readBuildMetadata(file, opts) {
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch {
    if (!opts.expectDigest) return { digest: void 0, mediaType: void 0, imageNames: [], buildRef: void 0, raw: {} };
    throw new BcError("failed", "the build finished but buildx wrote no metadata file", { step: "build", details: [file] });
  }
  return parseBuildMetadata(text, { ...opts, file });
}
async function runBuildx(req, opts = {}) {
  const lines = [];
  const keep = (l) => {
    lines.push(l);
    if (lines.length > 4e3) lines.splice(0, 2e3);
    opts.onLine?.(l);
  };
  const res = await docker(buildxArgs(req), {
    env: opts.env,
    allowFailure: true,
    step: "build",
    onStderrLine: keep,
    onStdoutLine: keep
  });
  if (res.exitCode !== 0) throw buildFailure(lines, res.exitCode, res.command);
  const metadata = await readBuildMetadata(req.metadataFile, { expectDigest: req.output.type !== "cacheonly" });
  return { metadata, durationMs: res.durationMs, command: res.command };
}
function buildFailure(lines, exitCode, command) {
  const errorLine = [...lines].reverse().find((l) => /^(ERROR|error):/.test(l.trim()))?.trim();
  const stepLine = [...lines].reverse().find((l) => /^\s*> \[.*\]/.test(l));
  const step = stepLine?.trim().replace(/^> /, "").replace(/:$/, "");
  let excerpt = [];
  const end = lines.lastIndexOf("------");
  const start = end > 0 ? lines.lastIndexOf("------", end - 1) : -1;
  if (start >= 0) excerpt = lines.slice(start + 1, end).filter((l) => !/^\s*> \[/.test(l));
  if (excerpt.length === 0) excerpt = lastLines(lines.join("\n"), 12);
  const text = lines.join("\n");
  const env = environmentProblem(text);
  const message = step ? `build failed at step ${step}` : `docker buildx build exited with code ${exitCode}`;
  return new BcError(env ? "environment" : "failed", env ? `${message}: ${env.what}` : message, {
    step: "build",
    details: [...excerpt.slice(-15).map((l) => `  ${l}`), ...errorLine ? [errorLine] : [], ...env ? [`fix: ${env.fix}`] : [], `command: ${command}`]
  });
}
function environmentProblem(text) {
  if (/exec format error/i.test(text)) {
    return { what: "the engine cannot run binaries of the target platform", fix: "enable emulation: update-binfmts --enable qemu-aarch64 (or install qemu-user-static), then build-connector doctor" };
  }
  if (/Multi-platform build is not supported for the docker driver|docker exporter does not currently support exporting manifest lists/i.test(text)) {
    return {
      what: "this engine cannot hold a multi-platform image",
      fix: 'enable the containerd image store ({"features":{"containerd-snapshotter":true}} in /etc/docker/daemon.json), or use --output oci=FILE'
    };
  }
  if (/Cannot connect to the Docker daemon|error during connect/i.test(text)) {
    return { what: "no docker engine answers", fix: "start dockerd (scripts/setup-engine.sh), then build-connector doctor" };
  }
  return void 0;
}

// src/core/images/prepare.ts
init_define_BC_HELP();
var LOCAL_TAG = "dev";
function defaultTags(plan, output) {
  const repo = plan.connector.repository;
  return output === "load" ? [`${repo}:${plan.connector.version}`, `${repo}:${LOCAL_TAG}`] : [`${repo}:${plan.connector.version}`];
}
function checkPlatforms(platforms) {
  const bad = invalidPlatforms(platforms);
  if (bad.length > 0) throw new BcError("badInput", `invalid platform ${bad.map((b) => `"${b}"`).join(", ")}`, { details: ["expected os/arch[/variant], e.g. linux/amd64,linux/arm64"] });
  if (platforms.length === 0) throw new BcError("badInput", "no platform to build");
}
function prepareBuild(plan, opts, caps, files) {
  const platforms = opts.platforms ?? plan.platforms;
  checkPlatforms(platforms);
  const output = opts.output ?? { type: "load" };
  const provenance = opts.provenance;
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
    ...caps.annotations && plan.annotations ? { annotations: plan.annotations } : {},
    // The plan's build args (custom mode's BASE_IMAGE override) under the user's.
    buildArgs: mergedBuildArgs(plan, opts),
    metadataFile: files.metadataFile,
    provenance,
    cacheFrom: opts.cacheFrom,
    cacheTo: opts.cacheTo,
    progress: "plain",
    output: output.type === "oci" ? { type: "oci", dest: output.dest, rewriteTimestamp: rewrite, ...output.layout === "dir" ? { tar: false } : {} } : { type: "load" },
    builder: opts.builder,
    noCache: opts.noCache,
    // a python install from a package index: its secrets, and host networking for a loopback index
    ...plan.buildNetwork === "host" ? { network: "host" } : {},
    ...plan.buildSecrets && plan.buildSecrets.length > 0 ? { secrets: plan.buildSecrets } : {}
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

// src/core/images/progress.ts
init_define_BC_HELP();

// src/ui/color.ts
init_define_BC_HELP();
function colorEnabled(isTty, env = process.env) {
  const force = env.FORCE_COLOR;
  if (force !== void 0) return force !== "0" && force.toLowerCase() !== "false";
  if (env.NO_COLOR !== void 0 && env.NO_COLOR !== "") return false;
  return isTty && env.TERM !== "dumb";
}
function painter(on) {
  return on ? (code, text) => `\x1B[${code}m${text}\x1B[0m` : (_code, text) => text;
}

// src/core/images/progress.ts
var STEP = /^#(\d+) /;
var STEP_PLATFORM = /^#(\d+) \[([a-z][a-z0-9]*\/[a-z][a-z0-9_]*(?:\/[a-z0-9]+)?)[ \]]/;
var PLATFORM_WIDTH = 11;
var ProgressFormatter = class {
  /** `single`: the one platform of a single-platform build (buildx does not print it then) */
  constructor(mode, single, color = mode === "tty") {
    this.mode = mode;
    this.single = single;
    this.color = color;
  }
  mode;
  single;
  color;
  platformOfStep = /* @__PURE__ */ new Map();
  internalSteps = /* @__PURE__ */ new Set();
  /** The line to print for one buildx output line, or undefined to print nothing. */
  format(raw, elapsedMs) {
    if (this.mode === "quiet") return void 0;
    const line = raw.replace(/\s+$/, "");
    if (line.trim() === "") return void 0;
    const step = STEP.exec(line)?.[1];
    const withPlatform = STEP_PLATFORM.exec(line);
    if (withPlatform?.[1] && withPlatform[2]) this.platformOfStep.set(withPlatform[1], withPlatform[2]);
    if (step && /^#\d+ \[internal\]/.test(line)) this.internalSteps.add(step);
    const platform = step ? this.platformOfStep.get(step) ?? (this.internalSteps.has(step) ? void 0 : this.single) : void 0;
    const time = `${(elapsedMs / 1e3).toFixed(1).padStart(6)}s`;
    if (this.mode === "plain" && !this.color) return `${time} ${(platform ?? "").padEnd(PLATFORM_WIDTH)} ${line}`;
    if (this.mode === "tty" && step && this.internalSteps.has(step) && !/ERROR|CANCELED/.test(line)) return void 0;
    const paint = painter(this.color);
    const plat = platform ? paint(platform.endsWith("arm64") ? "35" : "36", platform.padEnd(PLATFORM_WIDTH)) : " ".repeat(PLATFORM_WIDTH);
    const body = /ERROR/.test(line) ? paint("31", line) : /^#\d+ DONE/.test(line) ? paint("2", line) : line;
    return `${paint("2", time)} ${plat} ${body}`;
  }
};
function progressMode(choice, isTty, env = process.env) {
  if (choice && choice !== "auto") return choice;
  return isTty && env.CI !== "true" && env.TERM !== "dumb" ? "tty" : "plain";
}
function progressSink(mode, write, start = performance.now(), platforms = []) {
  const f = new ProgressFormatter(mode, platforms.length === 1 ? platforms[0] : void 0, mode !== "quiet" && colorEnabled(mode === "tty"));
  return (line) => {
    const out = f.format(line, performance.now() - start);
    if (out !== void 0) write(`${out}
`);
  };
}

// src/core/images/build.ts
async function resolveSourceDateEpoch(dir, flag, env = process.env) {
  if (flag !== void 0) return { value: checkEpoch(String(flag), "--source-date-epoch"), from: "flag" };
  const fromEnv = env.SOURCE_DATE_EPOCH;
  if (fromEnv !== void 0 && fromEnv !== "") return { value: checkEpoch(fromEnv, "SOURCE_DATE_EPOCH"), from: "env" };
  const t = await lastCommitTime(dir);
  return t === void 0 ? { value: 0, from: "default" } : { value: t, from: "git" };
}
function checkEpoch(text, what) {
  if (!/^\d{1,12}$/.test(text.trim())) throw new BcError("badInput", `${what} must be a non-negative integer (unix seconds), got "${text}"`);
  return Number.parseInt(text.trim(), 10);
}
async function checkOciDest(dest) {
  const abs = resolve(dest);
  try {
    if (!(await stat(dirname(abs))).isDirectory()) throw new Error("not a directory");
  } catch {
    throw new BcError("badInput", `--output oci=${dest}: directory ${dirname(abs)} does not exist`);
  }
  return abs;
}
async function buildImage(plan, opts) {
  const t0 = performance.now();
  const write = opts.write ?? ((s) => void process.stderr.write(s));
  const capsP = opts.capabilities ?? detectCapabilities(opts.builder, { cache: true });
  const epochP = opts.sourceDateEpochResolved ?? resolveSourceDateEpoch(plan.connector.dir, opts.sourceDateEpoch, opts.env ?? process.env);
  capsP.catch(() => void 0);
  epochP.catch(() => void 0);
  const lint = { errors: 0, warnings: 0, ran: false };
  const ociDest = opts.output?.type === "oci" ? await checkOciDest(opts.output.dest) : void 0;
  let [caps, epoch] = await Promise.all([capsP, epochP]);
  const work = await mkdtemp(join(tmpdir(), "bc-build-"));
  const removeWork = () => rm(work, { recursive: true, force: true });
  const unregister = onCleanup(removeWork);
  try {
    const dockerfile = join(work, "Dockerfile");
    await writeFile(dockerfile, plan.dockerfile);
    await writeFile(join(work, "Dockerfile.dockerignore"), plan.dockerignore);
    const metadataFile = join(work, "metadata.json");
    const want = { ...opts, output: ociDest && opts.output?.type === "oci" ? { ...opts.output, dest: ociDest } : { type: "load" } };
    let prepared;
    try {
      prepared = prepareBuild(plan, want, caps, { dockerfile, metadataFile });
    } catch (err) {
      if (!(err instanceof BcError && err.kind === "environment" && caps.fromCache)) throw err;
      caps = await detectCapabilities(opts.builder, { cache: true, refresh: true });
      prepared = prepareBuild(plan, want, caps, { dockerfile, metadataFile });
    }
    if (ociDest) await mkdir(dirname(ociDest), { recursive: true });
    const mode = progressMode(opts.progress, process.stderr.isTTY === true, opts.env ?? process.env);
    write(
      `build: ${plan.connector.repository}:${plan.connector.version} for ${prepared.platforms.join(", ")} (builder ${caps.builder}/${caps.driver}, SOURCE_DATE_EPOCH=${epoch.value} from ${epoch.from})
`
    );
    const run = await runBuildx(prepared.request, {
      env: { SOURCE_DATE_EPOCH: String(epoch.value) },
      onLine: progressSink(mode, write, t0, prepared.platforms)
    }).catch(async (err) => {
      if (err instanceof BcError && err.kind === "environment") await forgetCapabilities(opts.builder).catch(() => void 0);
      throw err;
    });
    const digest = run.metadata.digest;
    if (!digest) throw new BcError("failed", "buildx reported no image digest", { step: "build" });
    let manifests = [];
    let attestations = null;
    if (ociDest) {
      const archive = await readOciArchive(ociDest);
      if (archive.digest !== digest) {
        throw new BcError("failed", `the OCI archive holds ${archive.digest} but buildx reported ${digest}`, { step: "build", details: [ociDest] });
      }
      manifests = archive.manifests;
      attestations = archive.attestations;
    }
    return resultOf(plan, caps, {
      digest,
      mediaType: run.metadata.mediaType ?? null,
      platforms: prepared.platforms,
      manifests,
      attestations,
      output: ociDest ? "oci" : "load",
      imageRef: ociDest ? null : prepared.tags[0] ?? null,
      tags: prepared.tags,
      ociArchive: ociDest ?? null,
      reproducible: prepared.reproducible,
      sourceDateEpoch: epoch.value,
      sourceDateEpochFrom: epoch.from,
      provenance: prepared.provenance,
      lint,
      durationMs: Math.round(performance.now() - t0),
      buildxMetadata: run.metadata.raw
    });
  } finally {
    unregister();
    await removeWork();
  }
}
function resultOf(plan, caps, r) {
  const c = plan.connector;
  return {
    connector: { name: c.name, repository: c.repository, version: c.version, dir: c.dir },
    mode: plan.mode,
    builder: { name: caps.builder, driver: caps.driver },
    dockerfile: plan.dockerfilePath ?? "(rendered)",
    ...r
  };
}

export {
  buildFailure,
  defaultTags,
  resolveSourceDateEpoch,
  buildImage
};
