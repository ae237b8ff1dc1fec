import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  readOciArchive,
  writeLayoutTar
} from "./chunk-CZB5YCAC.js";
import {
  prepareBuild
} from "./chunk-UZX7B2IA.js";
import {
  verifyImage
} from "./chunk-EFOKFURO.js";
import {
  detectCapabilities,
  forgetCapabilities
} from "./chunk-GC3M4GLA.js";
import {
  docker
} from "./chunk-PGIYBAEJ.js";
import {
  lastCommitTime
} from "./chunk-3DIWK25T.js";
import {
  lastLines,
  run
} from "./chunk-63PP2PAZ.js";
import {
  lintDockerfile
} from "./chunk-3RL3KEEP.js";
import {
  resolvePlan
} from "./chunk-A2PKEVEV.js";
import {
  onCleanup
} from "./chunk-OCQSVPUE.js";
import {
  BcError,
  toBcError
} from "./chunk-XOYO7HYX.js";
import {
  DEFAULT_PLATFORMS,
  REQUIRED_PLATFORM,
  platformObject,
  platformString
} from "./chunk-HTCQJELU.js";
import {
  external_exports
} from "./chunk-BPUH7USV.js";
import {
  connectorVerifyDefaults
} from "./chunk-R4F27TRY.js";
import {
  chooseStrategy,
  platformTag
} from "./chunk-YTMJN7EQ.js";
import {
  init_define_BC_HELP
} from "./chunk-CDVMQLRB.js";

// src/core/pipeline.ts
init_define_BC_HELP();
var done = (value, summary) => ({ status: "done", value, summary });
var skip = (value, reason) => ({ status: "skipped", value, reason });
var StepFailure = class extends Error {
  constructor(step, error) {
    super(error.message);
    this.step = step;
    this.error = error;
  }
  step;
  error;
};
var Pipeline = class {
  constructor(order, hooks = {}) {
    this.order = order;
    this.hooks = hooks;
  }
  order;
  hooks;
  records = [];
  async step(name, fn) {
    this.hooks.onStep?.(name, "start");
    const t0 = performance.now();
    let out;
    try {
      out = await fn();
    } catch (err) {
      const e = toBcError(err);
      this.records.push({ step: name, status: "failed", reason: e.message, durationMs: performance.now() - t0 });
      this.hooks.onStep?.(name, "failed", e.message);
      throw new StepFailure(name, e);
    }
    const reason = out.status === "done" ? out.summary : out.reason;
    this.records.push({ step: name, status: out.status, reason, durationMs: performance.now() - t0 });
    this.hooks.onStep?.(name, out.status, reason);
    return out.value;
  }
  /** The steps after `last` that did not run, as skipped with `why`. */
  finish(why) {
    const ran = new Set(this.records.map((r) => r.step));
    for (const s of this.order) if (!ran.has(s)) this.records.push({ step: s, status: "skipped", reason: why, durationMs: 0 });
  }
  durations() {
    return Object.fromEntries(this.records.filter((r) => r.status !== "skipped").map((r) => [r.step, Math.round(r.durationMs)]));
  }
};

// src/build/build.ts
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
  const platforms = req.platforms && req.platforms.length > 0 ? req.platforms : DEFAULT_PLATFORMS;
  args.push("--platform", platforms.join(","));
  if (req.dockerfile) args.push("-f", req.dockerfile);
  args.push("--metadata-file", req.metadataFile);
  const prov = req.provenance ?? "min";
  args.push(`--provenance=${prov === false ? "false" : `mode=${prov}`}`);
  for (const [k, v] of sortedEntries(req.labels)) args.push("--label", `${k}=${v}`);
  for (const t of req.tags ?? []) args.push("-t", t);
  for (const [k, v] of sortedEntries(req.buildArgs)) args.push("--build-arg", `${k}=${v}`);
  for (const c of req.cacheFrom ?? []) args.push("--cache-from", c);
  for (const c of req.cacheTo ?? []) args.push("--cache-to", c);
  if (req.noCache) args.push("--no-cache");
  args.push(...outputArgs(req.output));
  args.push(req.context);
  return args;
}
var DigestSchema = external_exports.string().regex(/^sha256:[0-9a-f]{64}$/, "not a sha256 digest");
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

// src/build/progress.ts
init_define_BC_HELP();
var STEP = /^#(\d+) /;
var STEP_PLATFORM = /^#(\d+) \[([a-z][a-z0-9]*\/[a-z][a-z0-9_]*(?:\/[a-z0-9]+)?)[ \]]/;
var PLATFORM_WIDTH = 11;
var ProgressFormatter = class {
  /** `single`: the one platform of a single-platform build (buildx does not print it then) */
  constructor(mode, single) {
    this.mode = mode;
    this.single = single;
  }
  mode;
  single;
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
    if (this.mode === "plain") return `${time} ${(platform ?? "").padEnd(PLATFORM_WIDTH)} ${line}`;
    if (step && this.internalSteps.has(step) && !/ERROR|CANCELED/.test(line)) return void 0;
    const dim = (s) => `\x1B[2m${s}\x1B[0m`;
    const color = platform?.endsWith("arm64") ? "\x1B[35m" : "\x1B[36m";
    const plat = platform ? `${color}${platform.padEnd(PLATFORM_WIDTH)}\x1B[0m` : " ".repeat(PLATFORM_WIDTH);
    const body = /ERROR/.test(line) ? `\x1B[31m${line}\x1B[0m` : /^#\d+ DONE/.test(line) ? dim(line) : line;
    return `${dim(time)} ${plat} ${body}`;
  }
};
function progressMode(choice, isTty, env = process.env) {
  if (choice && choice !== "auto") return choice;
  return isTty && env.CI !== "true" && env.TERM !== "dumb" ? "tty" : "plain";
}
function progressSink(mode, write, start = performance.now(), platforms = []) {
  const f = new ProgressFormatter(mode, platforms.length === 1 ? platforms[0] : void 0);
  return (line) => {
    const out = f.format(line, performance.now() - start);
    if (out !== void 0) write(`${out}
`);
  };
}

// src/build/result.ts
init_define_BC_HELP();
var Digest = external_exports.string().regex(/^sha256:[0-9a-f]{64}$/);
var BuildResultSchema = external_exports.object({
  connector: external_exports.object({ name: external_exports.string(), repository: external_exports.string(), version: external_exports.string(), dir: external_exports.string() }),
  mode: external_exports.enum(["rendered", "custom"]),
  /** index digest (multi-platform) or manifest digest, from buildx's metadata file */
  digest: Digest,
  mediaType: external_exports.string().nullable(),
  platforms: external_exports.array(external_exports.string()),
  /** per-platform manifest digests; empty when the output cannot tell (load) */
  manifests: external_exports.array(external_exports.object({ platform: external_exports.string(), digest: Digest })),
  /** provenance attestation manifests in the index (platform unknown/unknown); null when unknown */
  attestations: external_exports.number().nullable(),
  output: external_exports.enum(["load", "oci"]),
  /** first local tag (load) or null */
  imageRef: external_exports.string().nullable(),
  tags: external_exports.array(external_exports.string()),
  ociArchive: external_exports.string().nullable(),
  reproducible: external_exports.object({ index: external_exports.boolean(), manifests: external_exports.boolean(), reason: external_exports.string() }),
  sourceDateEpoch: external_exports.number().int().nonnegative(),
  sourceDateEpochFrom: external_exports.enum(["flag", "env", "git", "default"]),
  provenance: external_exports.union([external_exports.literal(false), external_exports.enum(["min", "max"])]),
  builder: external_exports.object({ name: external_exports.string(), driver: external_exports.string() }),
  dockerfile: external_exports.string(),
  lint: external_exports.object({ errors: external_exports.number(), warnings: external_exports.number(), ran: external_exports.boolean() }),
  durationMs: external_exports.number(),
  buildxMetadata: external_exports.record(external_exports.string(), external_exports.unknown())
});

// src/build/build.ts
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
async function buildImage(plan, opts = {}) {
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
    const run2 = await runBuildx(prepared.request, {
      env: { SOURCE_DATE_EPOCH: String(epoch.value) },
      onLine: progressSink(mode, write, t0, prepared.platforms)
    }).catch(async (err) => {
      if (err instanceof BcError && err.kind === "environment") await forgetCapabilities(opts.builder).catch(() => void 0);
      throw err;
    });
    const digest = run2.metadata.digest;
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
      mediaType: run2.metadata.mediaType ?? null,
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
      buildxMetadata: run2.metadata.raw
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

// src/core/images.ts
init_define_BC_HELP();
import { join as join3 } from "node:path";
import { mkdir as mkdir3, rm as rm3 } from "node:fs/promises";

// src/oci/compose.ts
init_define_BC_HELP();
import { createHash } from "node:crypto";
import { link, mkdir as mkdir2, mkdtemp as mkdtemp2, readFile as readFile2, rename, rm as rm2, stat as stat2, writeFile as writeFile2 } from "node:fs/promises";
import { join as join2 } from "node:path";
var Digest2 = external_exports.string().regex(/^sha256:[0-9a-f]{64}$/);
var Descriptor = external_exports.object({ mediaType: external_exports.string(), digest: Digest2, size: external_exports.number().int().nonnegative() }).loose();
var IndexJson = external_exports.object({ manifests: external_exports.array(Descriptor) }).loose();
var ManifestJson = external_exports.object({ mediaType: external_exports.string().optional(), config: Descriptor, layers: external_exports.array(Descriptor) }).loose();
var ConfigJson = external_exports.object({ os: external_exports.string(), architecture: external_exports.string(), variant: external_exports.string().optional() }).loose();
var OCI_INDEX = "application/vnd.oci.image.index.v1+json";
var OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
var blobPath = (layout, digest) => join2(layout, "blobs", "sha256", digest.slice("sha256:".length));
async function readJson(schema, file, what) {
  const info = await stat2(file).catch(() => void 0);
  if (!info?.isFile()) throw new BcError("failed", `${what}: ${file} is missing`, { step: "build" });
  if (info.size > 4 * 1024 * 1024) throw new BcError("failed", `${what}: ${file} is too large for a manifest`, { step: "build" });
  const parsed = schema.safeParse(JSON.parse(await readFile2(file, "utf8")));
  if (!parsed.success) throw new BcError("failed", `${what}: ${file} has an unexpected shape`, { step: "build", details: parsed.error.issues.slice(0, 3).map((i) => `${i.path.join(".")}: ${i.message}`) });
  return parsed.data;
}
async function manifestOf(layout, what) {
  const index = await readJson(IndexJson, join2(layout, "index.json"), what);
  const root = index.manifests[0];
  if (!root || index.manifests.length !== 1) throw new BcError("failed", `${what}: expected one image in index.json, found ${index.manifests.length}`, { step: "build" });
  const manifest = await readJson(ManifestJson, blobPath(layout, root.digest), what);
  const config = await readJson(ConfigJson, blobPath(layout, manifest.config.digest), what);
  return { platform: platformString(config), digest: root.digest, size: root.size, mediaType: manifest.mediaType ?? root.mediaType };
}
async function importSaved(savedTar, layout, scratch) {
  const dir = await mkdtemp2(join2(scratch, "saved-"));
  try {
    await run("tar", ["-xf", savedTar, "-C", dir], { step: "push: read docker save", timeoutMs: 10 * 6e4 });
    const m = await manifestOf(dir, `docker save ${savedTar}`);
    await mkdir2(join2(layout, "blobs", "sha256"), { recursive: true });
    const manifest = await readJson(ManifestJson, blobPath(dir, m.digest), "docker save");
    for (const d of [m.digest, manifest.config.digest, ...manifest.layers.map((l) => l.digest)]) {
      const to = blobPath(layout, d);
      if (await stat2(to).catch(() => void 0)) continue;
      await rename(blobPath(dir, d), to);
    }
    return m;
  } finally {
    await rm2(dir, { recursive: true, force: true });
  }
}
function indexBytes(manifests) {
  const index = {
    schemaVersion: 2,
    mediaType: OCI_INDEX,
    manifests: manifests.map((m) => ({ mediaType: m.mediaType, digest: m.digest, size: m.size, platform: platformObject(m.platform) }))
  };
  return Buffer.from(JSON.stringify(index), "utf8");
}
async function writeIndex(layout, manifests) {
  const bytes = indexBytes(manifests);
  const digest = `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
  await mkdir2(join2(layout, "blobs", "sha256"), { recursive: true });
  await writeFile2(blobPath(layout, digest), bytes);
  await writeFile2(join2(layout, "oci-layout"), '{"imageLayoutVersion":"1.0.0"}');
  await writeFile2(join2(layout, "index.json"), JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: [{ mediaType: OCI_INDEX, digest, size: bytes.length }] }));
  return { digest, size: bytes.length };
}
async function writeLoadableTar(layout, manifestDigest, repoTag, dest, scratch) {
  const manifest = await readJson(ManifestJson, blobPath(layout, manifestDigest), `OCI layout ${layout}`);
  const dir = await mkdtemp2(join2(scratch, "load-"));
  try {
    await mkdir2(join2(dir, "blobs", "sha256"), { recursive: true });
    const size = (await stat2(blobPath(layout, manifestDigest))).size;
    for (const d of [manifestDigest, manifest.config.digest, ...manifest.layers.map((l) => l.digest)]) {
      const to = blobPath(dir, d);
      if (await stat2(to).catch(() => void 0)) continue;
      await link(blobPath(layout, d), to);
    }
    const rel = (d) => `blobs/sha256/${d.slice("sha256:".length)}`;
    await writeFile2(join2(dir, "oci-layout"), '{"imageLayoutVersion":"1.0.0"}');
    await writeFile2(
      join2(dir, "index.json"),
      JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: [{ mediaType: manifest.mediaType ?? OCI_MANIFEST, digest: manifestDigest, size, annotations: { "io.containerd.image.name": repoTag } }] })
    );
    await writeFile2(join2(dir, "manifest.json"), JSON.stringify([{ Config: rel(manifest.config.digest), RepoTags: [repoTag], Layers: manifest.layers.map((l) => rel(l.digest)) }]));
    await writeLayoutTar(dir, dest);
  } finally {
    await rm2(dir, { recursive: true, force: true });
  }
}

// src/core/images.ts
function capabilitiesFor(builder) {
  const p = detectCapabilities(builder, { cache: true });
  p.catch(() => void 0);
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
  const tags = req.tags && req.tags.length > 0 ? req.tags : [`${plan.connector.repository}:${plan.connector.version}`, `${plan.connector.repository}:dev`];
  if (strategy.invocations === "one") {
    if (req.goal === "load" && strategy.loadAs === "index") {
      const result2 = await buildImage(plan, { ...common, platforms: req.platforms, output: { type: "load" }, tags });
      const local2 = Object.fromEntries(req.platforms.map((p) => [p, result2.tags[0] ?? tags[0] ?? ""]));
      return { strategy, result: result2, digest: result2.digest, platforms: {}, attestations: result2.attestations ?? 0, local: local2 };
    }
    const dest = req.goal === "oci" ? req.ociDest : req.work ? join3(req.work, "image.oci") : void 0;
    if (!dest) throw new BcError("failed", "internal error: an OCI build needs a destination", { step: "build" });
    const result = await buildImage(plan, { ...common, platforms: req.platforms, output: { type: "oci", dest, layout: req.goal === "oci" ? "tar" : "dir" }, tags });
    const platforms2 = Object.fromEntries(result.manifests.map((m) => [m.platform, m.digest]));
    const built2 = { strategy, result, digest: result.digest, platforms: platforms2, attestations: result.attestations ?? 0, local: {}, ...req.goal === "push" ? { layout: dest } : {} };
    if (req.goal === "load") {
      if (!req.work) throw new BcError("failed", "internal error: loading a layout needs a work directory", { step: "build" });
      await loadImages(built2, tags[0] ?? plan.connector.repository, req.work);
      built2.layout = void 0;
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
    await saveToLayout(built, req.platforms, req.work);
  }
  return built;
}
async function saveToLayout(built, platforms, work) {
  const layout = join3(work, "image.oci");
  await mkdir3(layout, { recursive: true });
  const manifests = [];
  for (const p of platforms) {
    const ref = built.local[p];
    if (!ref) throw new BcError("failed", `no local ${p} image to push`, { step: "build" });
    const tar = join3(work, `save-${p.replace(/\//g, "-")}.tar`);
    await docker(["save", "-o", tar, ref], { step: `build: docker save ${p}`, timeoutMs: 20 * 6e4 });
    const m = await importSaved(tar, layout, work);
    await rm3(tar, { force: true });
    if (m.platform !== p && !m.platform.startsWith(`${p}/`)) {
      throw new BcError("failed", `the ${p} build holds a ${m.platform} image`, { step: "build", details: [ref] });
    }
    manifests.push({ ...m, platform: p });
  }
  const index = await writeIndex(layout, manifests);
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
    const tar = join3(work, "load.tar");
    await writeLayoutTar(layout, tar);
    const out = await docker(["load", "-i", tar], { step: "verify: docker load", timeoutMs: 20 * 6e4 });
    await rm3(tar, { force: true });
    const ref = /Loaded image:\s*(\S+)/.exec(out.stdout)?.[1] ?? name;
    loaded.push(ref);
    for (const p of Object.keys(built.platforms)) built.local[p] = ref;
    return loaded;
  }
  for (const [p, digest] of Object.entries(built.platforms)) {
    const ref = platformTag(name, p);
    const tar = join3(work, `load-${p.replace(/\//g, "-")}.tar`);
    await writeLoadableTar(layout, digest, ref, tar, work);
    await docker(["load", "-i", tar], { step: `verify: docker load ${p}`, timeoutMs: 20 * 6e4 });
    await rm3(tar, { force: true });
    built.local[p] = ref;
    loaded.push(ref);
  }
  return loaded;
}

// src/core/steps.ts
init_define_BC_HELP();
import { join as join4 } from "node:path";
import { mkdtemp as mkdtemp3, rm as rm4 } from "node:fs/promises";
import { tmpdir as tmpdir2 } from "node:os";
var StepError = class extends BcError {
  constructor(kind, message, opts, findings = opts.findings ?? [], checks = opts.checks ?? [], report = opts.report) {
    super(kind, message, { step: opts.step, details: opts.details });
    this.findings = findings;
    this.checks = checks;
    this.report = report;
  }
  findings;
  checks;
  report;
};
function findingLine(f) {
  return `${f.file}:${f.line}:${f.column} ${f.severity} [${f.ruleId}] ${f.message}`;
}
async function workDir(prefix) {
  const path = await mkdtemp3(join4(tmpdir2(), prefix));
  const removeIt = () => rm4(path, { recursive: true, force: true });
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
  const plan = await resolvePlan(dir, { baseImage: opts.baseImage, platforms: opts.platforms });
  return done(plan, `${plan.mode} Dockerfile, base ${plan.baseImage}, platforms ${plan.platforms.join(", ")}`);
}
function lintStep(plan, buildArgs) {
  const file = plan.dockerfilePath ?? join4(plan.context, "Dockerfile (rendered)");
  const findings = lintDockerfile(plan.dockerfile, file, {
    permittedWriteDirs: plan.permittedWriteDirs,
    dockerignore: plan.dockerignore,
    buildArgs: { ...plan.buildArgs ?? {}, ...buildArgs ?? {} }
  });
  if (findings.some((f) => f.fatal === true)) {
    throw new StepError("badInput", `lint: ${file} cannot be analysed; nothing was built`, { step: "lint", details: findings.map(findingLine), findings });
  }
  const errors = findings.filter((f) => f.severity === "error");
  if (errors.length > 0) {
    throw new StepError("failed", `lint: ${errors.length} error(s) in ${file}; nothing was built`, { step: "lint", details: findings.map(findingLine), findings });
  }
  return done(findings, `${findings.length} warning(s)`);
}
async function buildStep(plan, req) {
  const built = await buildImages(plan, req);
  const missing = req.platforms.filter((p) => req.goal !== "load" && !built.platforms[p]);
  if (missing.length > 0) throw new BcError("failed", `the build lacks ${missing.join(", ")}`, { step: "build" });
  const r = built.result;
  const repro = built.strategy.reproducible ? "reproducible" : "not reproducible";
  return done(built, `${built.digest} (${req.platforms.join(", ")}; ${built.strategy.kind} build on ${built.strategy.builder}/${built.strategy.driver}; SOURCE_DATE_EPOCH=${r.sourceDateEpoch} from ${r.sourceDateEpochFrom}; ${repro})`);
}
async function verifyStep(plan, built, o) {
  const loaded = await loadImages(built, o.name, o.work);
  try {
    const defaults = await connectorVerifyDefaults(plan.connector, { config: o.configFile });
    const platforms = Object.keys(built.local).length > 0 ? Object.keys(built.local) : plan.platforms;
    const first = built.local[platforms[0] ?? ""] ?? o.name;
    const report = await verifyImage(built.local["linux/amd64"] ?? first, {
      ...defaults,
      ...o.extra,
      platforms,
      platformImages: built.local,
      exactPlatforms: o.exactPlatforms,
      onProgress: o.onProgress
    });
    const failedChecks = report.checks.filter((c) => c.status === "fail");
    if (failedChecks.length > 0) {
      throw new StepError("failed", `verify: ${failedChecks.length} check(s) failed`, {
        step: "verify",
        details: failedChecks.map((c) => `${c.platform} ${c.id}: ${c.message}${c.fix ? ` (fix: ${c.fix})` : ""}`),
        checks: report.checks,
        report
      });
    }
    return done(report, `${report.checks.filter((c) => c.status === "pass").length} checks passed on ${report.platforms.join(", ")}`);
  } finally {
    if (loaded.length > 0) await docker(["image", "rm", ...loaded], { allowFailure: true });
  }
}
async function untag(refs) {
  if (refs.length > 0) await docker(["image", "rm", ...refs], { allowFailure: true });
}

export {
  done,
  skip,
  StepFailure,
  Pipeline,
  resolveSourceDateEpoch,
  capabilitiesFor,
  StepError,
  findingLine,
  workDir,
  renderStep,
  lintStep,
  buildStep,
  verifyStep,
  untag
};
