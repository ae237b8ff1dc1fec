import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  imagetoolsInspect,
  indexFacts
} from "./chunk-NWQG6TXH.js";
import {
  fail,
  pass,
  skip,
  sortResults
} from "./chunk-5EQVEQ4L.js";
import {
  elfArchitecture
} from "./chunk-GG7UJDFI.js";
import {
  DOCKER,
  docker,
  parseJson
} from "./chunk-WTWHMYE6.js";
import {
  TarReader
} from "./chunk-72EPRZDK.js";
import {
  debugLog,
  formatArgv,
  run
} from "./chunk-2IDTRXAZ.js";
import {
  onCleanup
} from "./chunk-BTV5XUFB.js";
import {
  BcError,
  badInput
} from "./chunk-UKZEXR6B.js";
import {
  withRequired
} from "./chunk-BEB7XHHM.js";
import {
  external_exports
} from "./chunk-4G6BOLVH.js";
import {
  init_define_BC_HELP
} from "./chunk-CBKKNZPR.js";

// src/docker/image.ts
init_define_BC_HELP();

// src/docker/engine-api.ts
init_define_BC_HELP();
import { readFile } from "node:fs/promises";
import { request } from "node:http";
import { homedir } from "node:os";
import { join } from "node:path";
var ContextEndpointSchema = external_exports.object({ Host: external_exports.string() }).loose();
var socketP;
var broken = false;
function socketFromHost(host) {
  const m = /^unix:\/\/(\/.+)$/.exec(host.trim());
  return m?.[1];
}
var CliConfigSchema = external_exports.object({ currentContext: external_exports.string().optional() }).loose();
var DEFAULT_HOST = "unix:///var/run/docker.sock";
async function defaultContextHost() {
  if (process.platform !== "linux") return void 0;
  const context = process.env.DOCKER_CONTEXT;
  if (context) return context === "default" ? DEFAULT_HOST : void 0;
  const dir = process.env.DOCKER_CONFIG || join(homedir(), ".docker");
  let text;
  try {
    text = await readFile(join(dir, "config.json"), "utf8");
  } catch {
    return DEFAULT_HOST;
  }
  try {
    const parsed = CliConfigSchema.safeParse(JSON.parse(text));
    const current = parsed.success ? parsed.data.currentContext : void 0;
    return parsed.success && (current === void 0 || current === "" || current === "default") ? DEFAULT_HOST : void 0;
  } catch {
    return void 0;
  }
}
function engineSocket() {
  if (broken || process.env.BUILD_CONNECTOR_NO_ENGINE_API || DOCKER !== "docker") return Promise.resolve(void 0);
  socketP ??= (async () => {
    let host = process.env.DOCKER_HOST || await defaultContextHost();
    if (!host) {
      const res = await docker(["context", "inspect", "--format", "{{json .Endpoints.docker}}"], { allowFailure: true, timeoutMs: 1e4 });
      if (res.exitCode !== 0) return void 0;
      host = parseJson(ContextEndpointSchema, res.stdout, "docker context inspect").Host;
    }
    return socketFromHost(host);
  })().catch(() => void 0);
  return socketP;
}
async function send(method, path) {
  const socketPath = await engineSocket();
  if (!socketPath) return void 0;
  debugLog(`engine API ${method} ${path}`);
  return new Promise((resolve) => {
    const req = request({ socketPath, path, method, headers: { Host: "docker" } }, resolve);
    req.setTimeout(12e4, () => req.destroy(new Error("engine API timed out")));
    req.on("error", () => {
      broken = true;
      resolve(void 0);
    });
    req.end();
  });
}
async function readBody(res) {
  let text = "";
  res.setEncoding("utf8");
  for await (const chunk of res) text += String(chunk);
  try {
    return text === "" ? void 0 : JSON.parse(text);
  } catch {
    return text;
  }
}
async function containerArchive(container, path) {
  const res = await send("GET", `/containers/${encodeURIComponent(container)}/archive?path=${encodeURIComponent(path)}`);
  if (!res) return void 0;
  if (res.statusCode === 200) return { status: "ok", stream: res };
  const body = await readBody(res).catch(() => void 0);
  const parsed = external_exports.object({ message: external_exports.string() }).loose().safeParse(body);
  const message = parsed.success ? parsed.data.message : String(body ?? "");
  return res.statusCode === 404 && !/No such container/i.test(message) ? { status: "missing", message } : void 0;
}
async function engineJson(method, path) {
  const res = await send(method, path);
  if (!res) return void 0;
  try {
    return { status: res.statusCode ?? 0, body: await readBody(res) };
  } catch {
    return void 0;
  }
}

// src/docker/container.ts
init_define_BC_HELP();
import { randomBytes } from "node:crypto";
var CONTAINER_LABEL = "io.build-connector.verify";
var DEFAULT_LIMITS = { memory: "2g", pidsLimit: 512, maxOutputBytes: 64 * 1024 * 1024 };
var STDERR_TAIL = 20;
var counter = 0;
function containerName(prefix = "bc-verify") {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}-${randomBytes(3).toString("hex")}`;
}
function buildCreateArgv(spec, name) {
  const argv = ["create", "--name", name, "--label", CONTAINER_LABEL, "--pull", "never", "--platform", spec.platform];
  argv.push("--network", spec.network ?? "none");
  argv.push("--memory", spec.memory ?? DEFAULT_LIMITS.memory);
  argv.push("--pids-limit", String(spec.pidsLimit ?? DEFAULT_LIMITS.pidsLimit));
  if (spec.cpus !== void 0) argv.push("--cpus", String(spec.cpus));
  argv.push("--log-driver", "none");
  if (spec.workdir) argv.push("-w", spec.workdir);
  for (const m of spec.mounts ?? []) {
    argv.push("--mount", `type=bind,source=${m.source},target=${m.target}${m.readOnly ? ",readonly" : ""}`);
  }
  if (spec.input !== void 0) argv.push("-i");
  let args = spec.args;
  if (spec.entrypoint) {
    const [first, ...rest] = spec.entrypoint;
    argv.push("--entrypoint", first ?? "");
    args = [...rest, ...args];
  }
  argv.push(spec.image, ...args);
  return argv;
}
function parseDiff(text) {
  const out = [];
  for (const line of text.split("\n")) {
    const m = /^([ACD]) (\/.*)$/.exec(line.trimEnd());
    if (m) out.push({ kind: m[1], path: m[2] });
  }
  return out;
}
var containerPath = (name, rest = "") => `/containers/${encodeURIComponent(name)}${rest}`;
async function removeContainer(name) {
  const api = await engineJson("DELETE", containerPath(name, "?force=true&v=true"));
  if (api && (api.status === 204 || api.status === 404)) return;
  await docker(["rm", "-f", "-v", name], { allowFailure: true, timeoutMs: 6e4, cleanup: true });
}
var KINDS = { 0: "C", 1: "A", 2: "D" };
var ChangesSchema = external_exports.array(external_exports.object({ Path: external_exports.string(), Kind: external_exports.number() }).loose()).nullable();
async function containerChanges(name) {
  const api = await engineJson("GET", containerPath(name, "/changes"));
  const parsed = api?.status === 200 ? ChangesSchema.safeParse(api.body ?? null) : void 0;
  if (parsed?.success) return (parsed.data ?? []).flatMap((c) => KINDS[c.Kind] ? [{ kind: KINDS[c.Kind], path: c.Path }] : []);
  const res = await docker(["diff", name], { allowFailure: true, timeoutMs: 6e4 });
  return res.exitCode === 0 ? parseDiff(res.stdout) : [];
}
var StateSchema = external_exports.object({ State: external_exports.object({ ExitCode: external_exports.number(), OOMKilled: external_exports.boolean() }).loose() }).loose();
async function containerState(name) {
  const api = await engineJson("GET", containerPath(name, "/json"));
  const parsed = api?.status === 200 ? StateSchema.safeParse(api.body) : void 0;
  if (parsed?.success) return { exitCode: parsed.data.State.ExitCode, oomKilled: parsed.data.State.OOMKilled };
  const res = await docker(["inspect", "--format", "{{.State.ExitCode}} {{.State.OOMKilled}}", name], { allowFailure: true, timeoutMs: 6e4 });
  const m = res.exitCode === 0 ? /^(-?\d+) (true|false)/.exec(res.stdout.trim()) : null;
  return m ? { exitCode: Number(m[1]), oomKilled: m[2] === "true" } : void 0;
}
function guardContainer(name) {
  let client = Promise.resolve();
  const unregister = onCleanup(async () => {
    await removeContainer(name);
    await client.catch(() => void 0);
    await new Promise((r) => setTimeout(r, 1e3));
    await removeContainer(name);
  });
  return {
    unregister,
    clientDone: (p) => {
      client = p;
    }
  };
}
var daemonReason = (stderr, fallback) => (stderr.trim().split("\n").pop() ?? fallback).replace(/^Error response from daemon: /, "") || fallback;
function startContainer(spec) {
  const name = containerName(spec.namePrefix);
  const holds = [];
  let settleCreated = () => void 0;
  const created = new Promise((resolve) => {
    settleCreated = resolve;
  });
  const result = execute(spec, name, settleCreated, holds);
  return {
    name,
    created,
    hold: (until) => {
      holds.push(until.catch(() => void 0));
    },
    result
  };
}
async function execute(spec, name, settleCreated, holds) {
  const cap = spec.maxOutputBytes ?? DEFAULT_LIMITS.maxOutputBytes;
  const guard = guardContainer(name);
  const stdoutLines = [];
  const stderrTail = [];
  const tailStderr = (l) => {
    stderrTail.push(l);
    if (stderrTail.length > STDERR_TAIL) stderrTail.shift();
  };
  let bytes = 0;
  let truncated = false;
  let timedOut = false;
  let stopping;
  const stop = () => {
    stopping ??= docker(["kill", name], { allowFailure: true, timeoutMs: 6e4, cleanup: true });
  };
  const count = (line) => {
    bytes += Buffer.byteLength(line) + 1;
    if (bytes > cap) {
      if (!truncated) {
        truncated = true;
        stop();
      }
      return false;
    }
    return true;
  };
  const timer = setTimeout(() => {
    timedOut = true;
    stop();
  }, spec.timeoutMs);
  const t0 = performance.now();
  const createArgv = buildCreateArgv(spec, name);
  try {
    const creating = docker(createArgv, { allowFailure: true, timeoutMs: spec.timeoutMs + 6e4 });
    guard.clientDone(creating);
    const made = await creating;
    if (made.exitCode !== 0 || timedOut) {
      const reason = timedOut ? "timed out before the container was created" : daemonReason(made.stderr, `docker create exited ${made.exitCode}`);
      settleCreated({ ok: false, reason });
      for (const l of made.stderr.split("\n").filter((x) => x.trim() !== "")) tailStderr(l);
      return { name, command: made.command, exitCode: timedOut ? 137 : 125, stdoutLines, stderrTail, timedOut, truncated, oomKilled: false, diff: [], durationMs: performance.now() - t0 };
    }
    settleCreated({ ok: true });
    const client = docker(["start", "-a", ...spec.input !== void 0 ? ["-i"] : [], name], {
      allowFailure: true,
      input: spec.input,
      // Safety net only: the timer above stops the container by name first.
      timeoutMs: spec.timeoutMs + 6e4,
      maxBuffer: cap + 1024 * 1024,
      onStdoutLine: (l) => {
        if (count(l)) stdoutLines.push(l);
      },
      onStderrLine: (l) => {
        if (count(l)) tailStderr(l);
      }
    });
    guard.clientDone(client);
    const res = await client;
    clearTimeout(timer);
    await stopping;
    const durationMs = performance.now() - t0;
    await Promise.all(holds);
    const [diff, state] = await Promise.all([containerChanges(name), containerState(name)]);
    return {
      name,
      command: formatCommand(createArgv),
      exitCode: state ? state.exitCode : res.exitCode,
      stdoutLines,
      stderrTail,
      timedOut,
      truncated,
      oomKilled: state?.oomKilled === true,
      diff,
      durationMs
    };
  } finally {
    clearTimeout(timer);
    settleCreated({ ok: false, reason: "the run stopped before the container was created" });
    await Promise.all(holds);
    await removeContainer(name);
    guard.unregister();
  }
}
function formatCommand(createArgv) {
  return formatArgv("docker", ["run", ...createArgv.slice(1)]);
}

// src/docker/image.ts
var ImageConfigSchema = external_exports.object({
  User: external_exports.string().nullish(),
  Env: external_exports.array(external_exports.string()).nullish(),
  Entrypoint: external_exports.array(external_exports.string()).nullish(),
  Cmd: external_exports.array(external_exports.string()).nullish(),
  WorkingDir: external_exports.string().nullish(),
  Labels: external_exports.record(external_exports.string(), external_exports.string()).nullish()
}).loose();
var LocalImageSchema = external_exports.object({ Id: external_exports.string(), Config: ImageConfigSchema.nullish() }).loose();
function normalizeConfig(c) {
  const env = {};
  for (const kv of c?.Env ?? []) {
    const i = kv.indexOf("=");
    if (i > 0) env[kv.slice(0, i)] = kv.slice(i + 1);
  }
  return {
    user: c?.User ?? "",
    env,
    entrypoint: c?.Entrypoint ?? [],
    workdir: c?.WorkingDir ?? "",
    labels: c?.Labels ?? {}
  };
}
function repositoryOf(ref) {
  const noDigest = ref.split("@")[0] ?? ref;
  const slash = noDigest.lastIndexOf("/");
  const colon = noDigest.lastIndexOf(":");
  return colon > slash ? noDigest.slice(0, colon) : noDigest;
}
async function inspectLocalImage(ref) {
  const res = await docker(["image", "inspect", "--format", "{{json .}}", ref], { allowFailure: true, timeoutMs: 3e4 });
  if (res.exitCode !== 0) {
    if (/Cannot connect to the Docker daemon|Is the docker daemon running|error during connect/i.test(res.stderr)) {
      throw new BcError("environment", "the docker engine is not reachable", {
        details: [res.stderr.trim().split("\n").pop() ?? "", "fix: start the engine (scripts/setup-engine.sh), then run build-connector doctor"]
      });
    }
    return void 0;
  }
  const img = parseJson(LocalImageSchema, res.stdout, `docker image inspect ${ref}`);
  return { id: img.Id, config: normalizeConfig(img.Config) };
}
async function resolveImage(ref) {
  const local = await inspectLocalImage(ref);
  if (local) return { kind: "local", ref, id: local.id, config: local.config };
  const raw = await imagetoolsInspect(ref);
  if (!raw) {
    throw new BcError("badInput", `image ${ref} is neither in the local image store nor in its registry`, {
      details: ["fix: build it first (build-connector build DIR), or give a reference that exists (docker image ls)"]
    });
  }
  const facts = indexFacts(raw);
  const repo = repositoryOf(ref);
  const platforms = {};
  for (const m of facts.manifests) platforms[m.platform] ??= `${repo}@${m.digest}`;
  return { kind: "registry", ref, digest: facts.digest, platforms, isIndex: (raw.manifest.manifests ?? []).length > 0 };
}
var ContainerInspectSchema = external_exports.object({ Config: ImageConfigSchema }).loose();
async function runContainerConfig(name, imageWorkdir) {
  const api = await engineJson("GET", `/containers/${encodeURIComponent(name)}/json`);
  const viaApi = api?.status === 200 ? ContainerInspectSchema.safeParse(api.body) : void 0;
  const inspected = viaApi?.success ? viaApi.data : parseJson(ContainerInspectSchema, (await docker(["inspect", "--format", "{{json .}}", name], { timeoutMs: 3e4, step: "inspect the connector container" })).stdout, "docker inspect");
  const config = normalizeConfig(inspected.Config);
  const { [CONTAINER_LABEL]: _ours, ...labels } = config.labels;
  return { ...config, workdir: imageWorkdir, labels };
}
async function createProbe(ref, platform, pull) {
  const name = containerName("bc-probe");
  let removed;
  const remove = async () => {
    removed ??= removeContainer(name);
    await removed;
  };
  const guard = guardContainer(name);
  const creating = docker(["create", "--name", name, "--label", CONTAINER_LABEL, "--pull", pull, "--platform", platform, ref], {
    allowFailure: true,
    timeoutMs: 10 * 6e4
  });
  guard.clientDone(creating);
  const created = await creating;
  if (created.exitCode !== 0) {
    guard.unregister();
    await remove();
    const why = created.stderr.trim().split("\n").pop() ?? `exit ${created.exitCode}`;
    return { ok: false, reason: why.replace(/^Error response from daemon: /, "") };
  }
  const res = await docker(["inspect", "--format", "{{json .}}", name], { timeoutMs: 3e4, step: "inspect probe container" });
  const c = parseJson(ContainerInspectSchema, res.stdout, "docker inspect");
  return {
    ok: true,
    probe: {
      name,
      config: normalizeConfig(c.Config),
      remove: async () => {
        await remove();
        guard.unregister();
      }
    }
  };
}
async function copyFromContainer(container, path, opts = {}) {
  const maxBytes = opts.maxBytes ?? 64 * 1024 * 1024;
  const reader = new TarReader(opts);
  let bytes = 0;
  let truncated = false;
  const take = (chunk, stop) => {
    if (truncated) return;
    const room = maxBytes - bytes;
    bytes += chunk.length;
    reader.push(room < chunk.length ? chunk.subarray(0, room) : chunk);
    if (bytes >= maxBytes && !reader.ended) {
      truncated = true;
      stop();
    }
  };
  const api = await containerArchive(container, path);
  if (api?.status === "missing") return { exists: false, entries: [], truncated: false };
  if (api) {
    const stream = api.stream;
    await new Promise((resolve, reject) => {
      stream.on("data", (chunk) => take(chunk, () => stream.destroy()));
      stream.on("end", resolve);
      stream.on("close", resolve);
      stream.on("error", (err) => truncated ? resolve() : reject(new BcError("failed", `could not read ${path} from the image: ${err.message}`)));
    });
    return { exists: true, entries: reader.finish(), truncated };
  }
  const res = await run(DOCKER, ["cp", `${container}:${path}`, "-"], { allowFailure: true, timeoutMs: 3e5, onStdoutData: take });
  if (res.exitCode !== 0 && !truncated) {
    if (/Could not find the file|No such container:path|not found|no such file/i.test(res.stderr)) return { exists: false, entries: [], truncated: false };
    throw new BcError("failed", `could not read ${path} from the image`, { details: res.stderr.trim().split("\n").slice(-3) });
  }
  return { exists: true, entries: reader.finish(), truncated };
}

// src/verify/verify.ts
init_define_BC_HELP();
import { createHash } from "node:crypto";
import { chmod, copyFile, mkdtemp, readdir, readFile as readFile2, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join as join2, relative } from "node:path";

// src/protocol/messages.ts
init_define_BC_HELP();
var JsonObject = external_exports.record(external_exports.string(), external_exports.unknown());
var ConnectorSpecificationSchema = external_exports.object({
  // The platform renders the connection form from this: without it the
  // connector cannot be configured at all.
  connectionSpecification: JsonObject,
  documentationUrl: external_exports.string().optional(),
  supportsIncremental: external_exports.boolean().optional()
}).loose();
var AirbyteRecordMessageSchema = external_exports.object({
  stream: external_exports.string().min(1),
  namespace: external_exports.string().nullish(),
  data: JsonObject,
  emitted_at: external_exports.number().int()
}).loose();
var AirbyteStateMessageSchema = external_exports.object({
  type: external_exports.enum(["LEGACY", "STREAM", "GLOBAL"]).optional(),
  stream: external_exports.unknown().optional(),
  global: external_exports.unknown().optional(),
  data: external_exports.unknown().optional()
}).loose();
var AirbyteLogMessageSchema = external_exports.object({
  level: external_exports.enum(["FATAL", "ERROR", "WARN", "INFO", "DEBUG", "TRACE"]),
  message: external_exports.string(),
  stack_trace: external_exports.string().nullish()
}).loose();
var AirbyteConnectionStatusSchema = external_exports.object({
  status: external_exports.enum(["SUCCEEDED", "FAILED"]),
  message: external_exports.string().nullish()
}).loose();
var AirbyteStreamSchema = external_exports.object({
  name: external_exports.string().min(1),
  json_schema: JsonObject,
  namespace: external_exports.string().nullish(),
  supported_sync_modes: external_exports.array(external_exports.string()).optional()
}).loose();
var AirbyteCatalogSchema = external_exports.object({ streams: external_exports.array(AirbyteStreamSchema) }).loose();
var AirbyteTraceMessageSchema = external_exports.object({
  type: external_exports.enum(["ERROR", "ESTIMATE", "STREAM_STATUS", "ANALYTICS"]),
  emitted_at: external_exports.number()
}).loose();
var AirbyteControlMessageSchema = external_exports.object({
  type: external_exports.enum(["CONNECTOR_CONFIG"]),
  emitted_at: external_exports.number()
}).loose();
var AirbyteMessageSchema = external_exports.discriminatedUnion("type", [
  external_exports.object({ type: external_exports.literal("RECORD"), record: AirbyteRecordMessageSchema }).loose(),
  external_exports.object({ type: external_exports.literal("STATE"), state: AirbyteStateMessageSchema }).loose(),
  external_exports.object({ type: external_exports.literal("LOG"), log: AirbyteLogMessageSchema }).loose(),
  external_exports.object({ type: external_exports.literal("SPEC"), spec: ConnectorSpecificationSchema }).loose(),
  external_exports.object({ type: external_exports.literal("CONNECTION_STATUS"), connectionStatus: AirbyteConnectionStatusSchema }).loose(),
  external_exports.object({ type: external_exports.literal("CATALOG"), catalog: AirbyteCatalogSchema }).loose(),
  external_exports.object({ type: external_exports.literal("TRACE"), trace: AirbyteTraceMessageSchema }).loose(),
  external_exports.object({ type: external_exports.literal("CONTROL"), control: AirbyteControlMessageSchema }).loose()
]);
var MESSAGE_TYPES = [
  "RECORD",
  "STATE",
  "LOG",
  "SPEC",
  "CONNECTION_STATUS",
  "CATALOG",
  "TRACE",
  "CONTROL"
];
var ConfiguredCatalogSchema = external_exports.object({
  streams: external_exports.array(
    external_exports.object({
      stream: external_exports.object({ name: external_exports.string().min(1), namespace: external_exports.string().nullish() }).loose()
    }).loose()
  )
}).loose();

// src/verify/config-checks.ts
init_define_BC_HELP();
import { posix as posix2 } from "node:path";

// src/verify/imagefs.ts
init_define_BC_HELP();
import { posix } from "node:path";
function parsePasswd(text) {
  const out = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "" || line.startsWith("#")) continue;
    const f = line.split(":");
    if (f.length < 7) continue;
    const uid = Number(f[2]);
    const gid = Number(f[3]);
    if (!Number.isInteger(uid) || !Number.isInteger(gid)) continue;
    out.push({ name: f[0] ?? "", uid, gid, home: f[5] ?? "", shell: f[6] ?? "" });
  }
  return out;
}
function parseGroup(text) {
  return text.split("\n").map((l) => l.split(":")).filter((f) => f.length >= 4 && Number.isInteger(Number(f[2]))).map((f) => ({ name: f[0] ?? "", gid: Number(f[2]), members: (f[3] ?? "").split(",").filter(Boolean) }));
}
function canWrite(entry, uid, gids) {
  if (uid === 0) return true;
  if (entry.uid === uid) return (entry.mode & 192) === 192;
  if (gids.includes(entry.gid)) return (entry.mode & 24) === 24;
  return (entry.mode & 3) === 3;
}
function parseShebang(content) {
  if (content.length < 2 || content[0] !== 35 || content[1] !== 33) return void 0;
  const end = content.indexOf(10);
  const line = content.toString("utf8", 2, end < 0 ? Math.min(content.length, 256) : end).trim();
  const [interpreter, ...rest] = line.split(/\s+/);
  if (!interpreter) return void 0;
  return { interpreter, arg: rest.length > 0 ? rest.join(" ") : void 0 };
}
function containerFs(container) {
  const stats = /* @__PURE__ */ new Map();
  return {
    stat(path, head = 4096) {
      const cap = Math.max(head + 2048, 64 * 1024);
      const key = `${path}\0${cap}`;
      let p = stats.get(key);
      if (!p) {
        p = copyFromContainer(container, path, { maxBytes: cap }).then((c) => c.entries[0]);
        stats.set(key, p);
      }
      return p;
    },
    read: (path, maxBytes) => copyFromContainer(container, path, { maxBytes })
  };
}
var MAX_HOPS = 12;
async function lookPath(fs, name, pathEnv) {
  if (name.includes("/")) return name;
  for (const d of pathEnv.split(":").filter((x) => x.startsWith("/"))) {
    const candidate = posix.join(d, name);
    if (await fs.stat(candidate, 0)) return candidate;
  }
  return void 0;
}
async function resolveExecutable(fs, command, pathEnv, workdir) {
  const chain = [];
  let current = await lookPath(fs, command, pathEnv);
  if (current === void 0) return { ok: false, chain, reason: `"${command}" is not found in PATH (${pathEnv})` };
  if (!current.startsWith("/")) current = posix.join(workdir || "/", current);
  chain.push({ path: current, via: command.includes("/") ? "entrypoint" : "PATH lookup" });
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    const e = await fs.stat(current, 256);
    if (!e) return { ok: false, chain, reason: `${current} does not exist in the image` };
    if (e.type === "symlink") {
      current = e.linkname.startsWith("/") ? posix.normalize(e.linkname) : posix.join(posix.dirname(current), e.linkname);
      chain.push({ path: current, via: "symlink" });
      continue;
    }
    if (e.type === "hardlink") {
      current = `/${e.linkname.replace(/^\/+/, "")}`;
      chain.push({ path: current, via: "hardlink" });
      continue;
    }
    if (e.type !== "file") return { ok: false, chain, reason: `${current} is not a regular file` };
    const head = e.content ?? Buffer.alloc(0);
    const arch = elfArchitecture(head);
    if (arch) return { ok: true, chain, binary: current, arch };
    const sb = parseShebang(head);
    if (!sb) return { ok: false, chain, reason: `${current} is neither an ELF executable nor a script with a #! line` };
    if (posix.basename(sb.interpreter) === "env" && sb.arg) {
      const target = sb.arg.split(/\s+/).filter((t) => !t.startsWith("-"))[0] ?? sb.arg;
      const found = await lookPath(fs, target, pathEnv);
      if (!found) return { ok: false, chain, reason: `${current} runs "${target}" through env, which is not found in PATH` };
      current = found;
      chain.push({ path: current, via: `#! env ${target}` });
    } else {
      current = sb.interpreter;
      chain.push({ path: current, via: "#!" });
    }
  }
  return { ok: false, chain, reason: "too many symlinks or interpreters" };
}
function describeChain(chain) {
  return chain.map((s) => s.path).join(" \u2192 ");
}

// src/verify/config-checks.ts
function shellWords(text) {
  const words = [];
  let cur = "";
  let inWord = false;
  let quote;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = void 0;
      else if (ch === "\\" && quote === '"' && i + 1 < text.length) cur += text[++i];
      else cur += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (ch === "\\" && i + 1 < text.length) {
      cur += text[++i];
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(cur);
      cur = "";
      inWord = false;
    } else {
      cur += ch;
      inWord = true;
    }
  }
  if (inWord) words.push(cur);
  return words;
}
var execForm = (tokens) => `ENTRYPOINT [${tokens.map((t) => JSON.stringify(t)).join(", ")}]`;
function checkEntrypointEnv(platform, c) {
  const env = c.env.AIRBYTE_ENTRYPOINT;
  const ep = c.entrypoint;
  if (env === void 0 || env.trim() === "") {
    return fail(
      "entrypoint-env",
      platform,
      "AIRBYTE_ENTRYPOINT is not set",
      ep.length > 0 ? `add ENV AIRBYTE_ENTRYPOINT="${ep.join(" ")}" (the same tokens as ENTRYPOINT)` : "set ENTRYPOINT (exec form) and ENV AIRBYTE_ENTRYPOINT to the same command"
    );
  }
  const tokens = shellWords(env);
  if (ep.length === 0) {
    return fail("entrypoint-env", platform, `AIRBYTE_ENTRYPOINT is "${env}" but the image has no ENTRYPOINT`, `add ${execForm(tokens)}`);
  }
  const same = tokens.length === ep.length && tokens.every((t, i) => t === ep[i]);
  if (!same) {
    return fail(
      "entrypoint-env",
      platform,
      `AIRBYTE_ENTRYPOINT ("${env}") differs from ENTRYPOINT (${JSON.stringify(ep)})`,
      `make them the same command: ENV AIRBYTE_ENTRYPOINT="${ep.join(" ")}" or ${execForm(tokens)}`
    );
  }
  return pass("entrypoint-env", platform, `AIRBYTE_ENTRYPOINT = ENTRYPOINT = ${JSON.stringify(ep)}`);
}
function relativeTokens(tokens) {
  return tokens.filter((t) => t.includes("/") && !t.startsWith("/") && !/^[a-z][a-z0-9+.-]*:\/\//i.test(t) && !t.startsWith("-"));
}
function checkEntrypointAbsolute(platform, c, workdir) {
  const envTokens = shellWords(c.env.AIRBYTE_ENTRYPOINT ?? "");
  const bad = [.../* @__PURE__ */ new Set([...relativeTokens(c.entrypoint), ...relativeTokens(envTokens)])];
  const scriptLike = (tokens) => tokens.slice(1).filter((t) => !t.includes("/") && /\.(py|sh|jar|js|rb)$/.test(t));
  bad.push(...[.../* @__PURE__ */ new Set([...scriptLike(c.entrypoint), ...scriptLike(envTokens)])].filter((t) => !bad.includes(t)));
  if (c.entrypoint.length === 0 && envTokens.length === 0) return skip("entrypoint-absolute", platform, "no ENTRYPOINT or AIRBYTE_ENTRYPOINT to check");
  if (bad.length > 0) {
    const abs = (t) => posix2.join(c.workdir || "/", t);
    return fail(
      "entrypoint-absolute",
      platform,
      `the entrypoint uses relative path${bad.length > 1 ? "s" : ""} ${bad.map((b) => `"${b}"`).join(", ")}: the platform runs it with -w ${workdir}, not the image WORKDIR`,
      `use absolute paths in ENTRYPOINT and AIRBYTE_ENTRYPOINT, e.g. ${bad.map((b) => `"${abs(b)}"`).join(", ")}`
    );
  }
  return pass("entrypoint-absolute", platform, "every path in the entrypoint is absolute");
}
async function checkPlatform(platform, c, fs) {
  const first = c.entrypoint[0] ?? shellWords(c.env.AIRBYTE_ENTRYPOINT ?? "")[0];
  if (!first) return fail("platform", platform, "no ENTRYPOINT: cannot tell which binary runs", "set ENTRYPOINT (exec form) to the connector command");
  const pathEnv = c.env.PATH ?? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
  const r = await resolveExecutable(fs, first, pathEnv, c.workdir);
  const want = platform.split("/")[1] ?? platform;
  if (!r.ok) {
    return fail("platform", platform, `cannot resolve the entrypoint "${first}": ${r.reason}`, "make the entrypoint name an executable that exists in the image", r.chain.length ? [describeChain(r.chain)] : void 0);
  }
  const mismatch = (binary, arch, chain) => fail(
    "platform",
    platform,
    `labelled ${platform} but ${binary} is an ${arch} executable`,
    `build the ${platform} image from a base (and binaries) for ${want}: use FROM --platform=$TARGETPLATFORM and download ${want} artifacts (or drop ${platform} from --platform)`,
    [chain]
  );
  if (r.arch !== want) return mismatch(r.binary, r.arch, describeChain(r.chain));
  const execd = [];
  for (const cmd of await launchedCommands(fs, r.chain[0]?.path, r.binary)) {
    const x = await resolveExecutable(fs, cmd, pathEnv, c.workdir);
    if (!x.ok) continue;
    if (x.arch !== want) return mismatch(x.binary, x.arch, `${describeChain(r.chain)}; it execs ${describeChain(x.chain)}`);
    execd.push(`${describeChain(x.chain)} is ${x.arch}`);
  }
  return pass("platform", platform, [`${describeChain(r.chain)} is ${r.arch}`, ...execd].join("; it execs "));
}
var SHELLS = /* @__PURE__ */ new Set(["sh", "dash", "bash", "ash", "busybox", "zsh", "ksh"]);
function execTargets(script) {
  const found = /* @__PURE__ */ new Set();
  for (const m of script.matchAll(/(?:^|[;&|]\s*|\s)exec\s+([A-Za-z0-9_./-]+)/gm)) {
    const word = m[1] ?? "";
    if (word && !word.startsWith("-") && !/^\d/.test(word)) found.add(word);
  }
  if (/\bjava\b/.test(script) && ![...found].some((w) => w.endsWith("java"))) found.add("java");
  return [...found].slice(0, 3);
}
async function launchedCommands(fs, entry, binary) {
  if (!entry || !SHELLS.has(posix2.basename(binary))) return [];
  const e = await fs.stat(entry, 4096);
  const text = e?.type === "file" && e.content ? e.content.toString("utf8") : "";
  return text.startsWith("#!") ? execTargets(text) : [];
}
async function readUsers(fs) {
  const p = await fs.read("/etc/passwd", 4 * 1024 * 1024);
  const text = p.entries[0]?.content?.toString("utf8");
  if (!p.exists || text === void 0) return void 0;
  let groups;
  const loadGroups = () => groups ??= fs.read("/etc/group", 4 * 1024 * 1024).then((g) => parseGroup(g.entries[0]?.content?.toString("utf8") ?? ""));
  return {
    passwd: parsePasswd(text),
    gids: async (name, gid) => [gid, ...(await loadGroups()).filter((x) => x.members.includes(name)).map((x) => x.gid)]
  };
}
var USER_FIX_HOME = "create the user with a home it owns: `useradd --create-home --home-dir /home/airbyte --uid 1000 airbyte` (`adduser --system` sets HOME to /nonexistent)";
async function checkUser(platform, c, fs, users) {
  const spec = c.user.trim();
  if (spec === "" || spec === "root" || spec === "0" || spec.startsWith("0:") || spec.startsWith("root:")) {
    return fail("user", platform, `the image runs as root (USER is ${spec === "" ? "not set" : `"${spec}"`})`, "add `USER airbyte` at the end of the Dockerfile (after creating the user and chowning /airbyte)");
  }
  if (!users) return fail("user", platform, `USER is "${spec}" but the image has no /etc/passwd`, "create the airbyte user in the image (useradd) so its uid and HOME resolve");
  const name = spec.split(":")[0] ?? spec;
  const entry = /^\d+$/.test(name) ? users.passwd.find((u) => u.uid === Number(name)) : users.passwd.find((u) => u.name === name);
  if (!entry) return fail("user", platform, `USER "${name}" is not in /etc/passwd`, "create it: `useradd --create-home --uid 1000 airbyte`");
  if (entry.name !== "airbyte") return fail("user", platform, `the image runs as "${entry.name}" (uid ${entry.uid}), not "airbyte"`, "run as the airbyte user: `USER airbyte`");
  if (entry.uid === 0) return fail("user", platform, "the airbyte user has uid 0 (root)", "give airbyte a non-zero uid: `useradd --uid 1000 airbyte`");
  const home = c.env.HOME ?? entry.home;
  const h = await fs.stat(home, 0);
  if (!h) return fail("user", platform, `HOME of airbyte is ${home}, which does not exist: anything writing to ~ (caches, config) fails`, USER_FIX_HOME);
  if (h.type !== "dir") return fail("user", platform, `HOME of airbyte (${home}) is not a directory`, USER_FIX_HOME);
  if (!canWrite(h, entry.uid, h.uid === entry.uid ? [entry.gid] : await users.gids(entry.name, entry.gid))) {
    return fail("user", platform, `HOME of airbyte (${home}) is not writable by uid ${entry.uid} (owner ${h.uid}:${h.gid}, mode ${h.mode.toString(8)})`, `chown airbyte:airbyte ${home}`);
  }
  return pass("user", platform, `airbyte (uid ${entry.uid}), HOME ${home} writable`);
}
async function checkAirbyteDir(platform, root, users) {
  const FIX = "in the Dockerfile: `RUN mkdir -p /airbyte && chown -R airbyte:airbyte /airbyte` (or COPY --chown=airbyte:airbyte)";
  if (!root) return fail("airbyte-dir", platform, "/airbyte does not exist", FIX);
  if (root.type !== "dir") return fail("airbyte-dir", platform, `/airbyte is a ${root.type}, not a directory`, FIX);
  const airbyte = users?.passwd.find((u) => u.name === "airbyte");
  if (!airbyte || !users) return fail("airbyte-dir", platform, "there is no airbyte user to own /airbyte", "create the user (`useradd --create-home --uid 1000 airbyte`) and chown /airbyte to it");
  if (root.uid !== airbyte.uid) {
    return fail("airbyte-dir", platform, `/airbyte is owned by uid ${root.uid}, not by airbyte (uid ${airbyte.uid})`, FIX);
  }
  if (!canWrite(root, airbyte.uid, [airbyte.gid])) {
    return fail("airbyte-dir", platform, `/airbyte is not writable by its owner (mode ${root.mode.toString(8)})`, "chmod u+rwx /airbyte");
  }
  return pass("airbyte-dir", platform, `/airbyte owned by airbyte (uid ${airbyte.uid}), mode ${root.mode.toString(8)}`);
}
function withoutRuntimeAdditions(trees, diff) {
  const added = new Set(diff.filter((d) => d.kind === "A").map((d) => d.path));
  if (added.size === 0) return trees;
  return trees.map((t) => ({ ...t, entries: t.entries.filter((e) => !added.has(posix2.join(posix2.dirname(t.root), e.path))) }));
}
function checkNoSecrets(platform, trees, secrets, hash) {
  const found = [];
  const byHash = new Map((secrets ?? []).map((s) => [s.sha256, s.name]));
  for (const t of trees) {
    const parent = posix2.dirname(t.root);
    for (const e of t.entries) {
      const abs = posix2.join(parent, e.path);
      if (abs.split("/").includes("secrets")) found.push(`${abs} (a secrets path)`);
      else if (e.type === "file" && e.complete && byHash.size > 0) {
        const digest = e.sha256 ?? (e.content && e.content.length === e.size ? hash(e.content) : void 0);
        const name = digest === void 0 ? void 0 : byHash.get(digest);
        if (name) found.push(`${abs} (same content as secrets/${name})`);
      }
    }
  }
  const scanned = trees.map((t) => t.root).join(", ");
  if (found.length > 0) {
    return fail("no-secrets", platform, `secrets are in the image: ${found.length} file${found.length === 1 ? "" : "s"}`, "exclude secrets/ from the build context (.dockerignore: `secrets/`) and never COPY it", found.slice(0, 20));
  }
  const cut = trees.filter((t) => t.truncated).map((t) => t.root);
  return pass(
    "no-secrets",
    platform,
    `no secrets paths${secrets ? ` and none of ${secrets.length} secrets/ file(s)` : ""} under ${scanned}${cut.length ? ` (scan cut short in ${cut.join(", ")})` : ""}`
  );
}
function checkLabels(platform, c, expected) {
  const name = c.labels["io.airbyte.name"];
  const version = c.labels["io.airbyte.version"];
  const fixFor2 = (n, v) => `LABEL io.airbyte.name="${n}" io.airbyte.version="${v}" (build-connector build sets them from metadata.yaml)`;
  if (!expected) {
    if (name && version) return pass("labels", platform, `io.airbyte.name=${name}, io.airbyte.version=${version} (no metadata.yaml to compare with)`);
    return fail("labels", platform, `missing label${!name && !version ? "s" : ""} ${[!name && "io.airbyte.name", !version && "io.airbyte.version"].filter(Boolean).join(", ")}`, fixFor2(name ?? "airbyte/source-x", version ?? "0.1.0"));
  }
  const problems = [];
  if (name !== expected.name) problems.push(`io.airbyte.name is ${name === void 0 ? "missing" : `"${name}"`}, metadata.yaml dockerRepository is "${expected.name}"`);
  if (version !== expected.version) problems.push(`io.airbyte.version is ${version === void 0 ? "missing" : `"${version}"`}, metadata.yaml dockerImageTag is "${expected.version}"`);
  if (problems.length > 0) return fail("labels", platform, problems.join("; "), `rebuild with the current metadata.yaml (${fixFor2(expected.name, expected.version)})`);
  return pass("labels", platform, `io.airbyte.name=${name}, io.airbyte.version=${version} match metadata.yaml`);
}

// src/verify/run-checks.ts
init_define_BC_HELP();
import { posix as posix3 } from "node:path";

// src/protocol/parse.ts
init_define_BC_HELP();
var QUOTE_MAX = 120;
function quoteLine(text, max = QUOTE_MAX) {
  const escaped = JSON.stringify(text).slice(1, -1);
  return escaped.length > max ? `${escaped.slice(0, max)}\u2026 (${text.length} chars)` : escaped;
}
function parseMessageLine(text, line) {
  let raw;
  try {
    raw = JSON.parse(text);
  } catch {
    return { line, ok: false, text, problem: `stdout line ${line} is not JSON: "${quoteLine(text)}"` };
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return { line, ok: false, text, problem: `stdout line ${line} is not a JSON object: "${quoteLine(text)}"` };
  }
  const type = raw.type;
  if (typeof type !== "string" || !MESSAGE_TYPES.includes(type)) {
    return {
      line,
      ok: false,
      text,
      problem: `stdout line ${line} has no valid AirbyteMessage type (got ${JSON.stringify(type ?? null)}; expected one of ${MESSAGE_TYPES.join(", ")})`
    };
  }
  const parsed = AirbyteMessageSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
    return { line, ok: false, text, problem: `stdout line ${line} is not a valid ${type} message: ${issues}` };
  }
  return { line, ok: true, message: parsed.data };
}
function parseMessages(lines) {
  const out = [];
  lines.forEach((l, i) => {
    const text = l.replace(/\r$/, "");
    if (text.trim() === "") return;
    out.push(parseMessageLine(text, i + 1));
  });
  return out;
}
function summarize(results) {
  const messages = [];
  const invalid = [];
  const count = {};
  for (const r of results) {
    if (r.ok) {
      messages.push(r.message);
      count[r.message.type] = (count[r.message.type] ?? 0) + 1;
    } else invalid.push(r);
  }
  return { messages, invalid, count };
}
function ofType(msgs, type) {
  return msgs.filter((m) => m.type === type);
}

// src/verify/run-checks.ts
var DEFAULT_PERMITTED_WRITE_DIRS = ["/airbyte", "/tmp", "/secrets", "/config", "/custom_cache"];
var PERMITTED_WRITE_DIRS_LABEL = "io.airbyte.permitted-write-dirs";
function permittedWriteDirs(labels) {
  const raw = labels[PERMITTED_WRITE_DIRS_LABEL];
  if (raw === void 0 || raw.trim() === "") return { dirs: DEFAULT_PERMITTED_WRITE_DIRS, from: "defaults" };
  const dirs = raw.split(/[\s,:]+/).map((d) => d.trim()).filter((d) => d.startsWith("/")).map((d) => posix3.normalize(d).replace(/(.)\/$/, "$1"));
  return { dirs, from: "label" };
}
function offendingWrites(diff, permitted, workdir) {
  const inside = (p) => permitted.some((d) => d === "/" || p === d || p.startsWith(`${d}/`));
  const paths = diff.map((d) => d.path);
  const isParent = (p) => paths.some((q) => q !== p && q.startsWith(`${p}/`));
  return diff.filter((d) => {
    if (inside(d.path)) return false;
    if (d.kind === "A" && d.path === workdir) return false;
    if (d.kind === "C" && isParent(d.path)) return false;
    return true;
  });
}
function checkWrites(platform, runs, permitted) {
  const offending = /* @__PURE__ */ new Map();
  for (const r of runs) {
    for (const d of offendingWrites(r.result.diff, permitted.dirs, r.workdir)) {
      const key = `${d.kind} ${d.path}`;
      if (!offending.has(key)) offending.set(key, /* @__PURE__ */ new Set());
      offending.get(key)?.add(r.label);
    }
  }
  const where = `${permitted.dirs.join(" ")} (${permitted.from === "label" ? `label ${PERMITTED_WRITE_DIRS_LABEL}` : "Airbyte defaults"})`;
  if (offending.size > 0) {
    const details = [...offending].slice(0, 20).map(([k, labels]) => `${k}   during ${[...labels].join(", ")}`);
    return fail(
      "writes",
      platform,
      `the connector wrote ${offending.size} path${offending.size === 1 ? "" : "s"} outside the permitted write dirs ${where}`,
      "write only under /airbyte, /tmp or another permitted dir (e.g. point caches and state files to /tmp or /airbyte); the platform may run the image with a read-only root",
      details
    );
  }
  return pass("writes", platform, `${runs.length} run${runs.length === 1 ? "" : "s"} wrote only under ${where}`);
}
function judgeRun(r, timeoutMs) {
  const summary = summarize(parseMessages(r.stdoutLines));
  const problems = [];
  if (r.timedOut) problems.push(`did not finish within ${Math.round(timeoutMs / 1e3)} s: the container was killed (a hung connector)`);
  else if (r.truncated) problems.push("printed more output than the capture limit: the container was stopped");
  else if (r.oomKilled) problems.push("was killed by the memory limit (OOM)");
  else if (r.exitCode !== 0) problems.push(`exited with code ${r.exitCode}`);
  for (const inv of summary.invalid.slice(0, 5)) problems.push(inv.problem);
  if (summary.invalid.length > 5) problems.push(`... and ${summary.invalid.length - 5} more invalid lines`);
  return { ok: problems.length === 0, problems, summary };
}
function tail(r) {
  return r.stderrTail.slice(-5).map((l) => `stderr: ${quoteLine(l, 160)}`);
}
var FIX_PROTOCOL = "print only AirbyteMessage JSON lines on stdout (logs go to stderr or as LOG messages)";
var FIX_HANG = "make the command return: look for blocking reads of stdin, network calls without timeouts, or a server started in the foreground";
function fixFor(problems, otherwise) {
  if (problems.some((p) => p.includes("did not finish"))) return FIX_HANG;
  if (problems.some((p) => p.includes("is not JSON") || p.includes("not a valid") || p.includes("no valid AirbyteMessage"))) return FIX_PROTOCOL;
  return otherwise;
}
function checkSpec(platform, runs, timeoutMs, airbyteEntrypointSame = false) {
  const failures = [];
  const details = [];
  let specs = 0;
  for (const run2 of runs) {
    const j = judgeRun(run2.result, timeoutMs);
    const s = ofType(j.summary.messages, "SPEC");
    const problems = [...j.problems];
    if (s.length === 0 && !run2.result.timedOut) {
      const badSpec = j.summary.invalid.find((i) => i.problem.includes("SPEC message"));
      if (!badSpec) problems.push("printed no SPEC message");
    }
    specs += s.length;
    if (problems.length > 0) {
      failures.push(`${run2.label}: ${problems[0]}`);
      details.push(...problems.slice(1).map((p) => `${run2.label}: ${p}`), `command: docker ${run2.result.command.replace(/^\S+ /, "")}`, ...tail(run2.result));
    }
  }
  if (failures.length > 0) {
    const all = failures.join(" | ");
    const missingConnSpec = all.includes("connectionSpecification");
    return fail(
      "spec",
      platform,
      all,
      missingConnSpec ? "the SPEC message needs spec.connectionSpecification (a JSON schema object of the config)" : fixFor(all.split(" | "), "run `docker run --rm IMAGE spec` and fix what it prints; it must exit 0 with a SPEC message"),
      details
    );
  }
  const same = airbyteEntrypointSame ? " (AIRBYTE_ENTRYPOINT is the same argv: this run covers it)" : "";
  return pass("spec", platform, `${runs.map((r) => r.label).join(" and ")}: exit 0, ${specs} SPEC message${specs === 1 ? "" : "s"}, every line valid${same}`);
}
function checkOperation(id, platform, run2, timeoutMs, catalog) {
  const j = judgeRun(run2.result, timeoutMs);
  const problems = [...j.problems];
  const m = j.summary.messages;
  let good = "";
  if (id === "check") {
    const st = ofType(m, "CONNECTION_STATUS");
    if (st.length === 0) problems.push("printed no CONNECTION_STATUS message");
    else if (st.some((s) => s.connectionStatus.status !== "SUCCEEDED")) {
      problems.push(`CONNECTION_STATUS is FAILED: ${st.map((s) => s.connectionStatus.message ?? "").join(" ")}`.trim());
    } else good = "CONNECTION_STATUS SUCCEEDED";
  } else if (id === "discover") {
    const cats = ofType(m, "CATALOG");
    const streams = cats.flatMap((c) => c.catalog.streams.map((s) => s.name));
    if (streams.length === 0) problems.push(cats.length === 0 ? "printed no CATALOG message" : "the CATALOG has no streams");
    else good = `CATALOG with ${streams.length} stream${streams.length === 1 ? "" : "s"} (${streams.slice(0, 5).join(", ")})`;
  } else if (id === "read") {
    const wanted = new Set((catalog?.streams ?? []).map((s) => s.stream.name));
    const records = ofType(m, "RECORD");
    const stray = [...new Set(records.map((r) => r.record.stream).filter((s) => !wanted.has(s)))];
    if (stray.length > 0) problems.push(`RECORDs for streams not in the configured catalog: ${stray.join(", ")}`);
    good = `${records.length} RECORD${records.length === 1 ? "" : "s"}, ${ofType(m, "STATE").length} STATE`;
  } else {
    good = `${ofType(m, "STATE").length} STATE message(s) echoed`;
  }
  if (problems.length > 0) {
    return fail(
      id,
      platform,
      `${run2.label}: ${problems[0]}`,
      fixFor(problems, `run the connector's ${id} locally with the same inputs and fix the error`),
      [...problems.slice(1), `command: docker ${run2.result.command.replace(/^\S+ /, "")}`, ...tail(run2.result)]
    );
  }
  return pass(id, platform, `exit 0, ${good}`);
}

// src/verify/verify.ts
var DEFAULT_TIMEOUT_SECONDS = 120;
var CONFIG_MOUNT = "/airbyte/config.json";
var CATALOG_MOUNT = "/airbyte/catalog.json";
var STATE_MOUNT = "/airbyte/state.json";
function connectorTypeOf(labels, ref) {
  const name = labels["io.airbyte.name"] ?? ref;
  return /(^|\/)destination-/.test(name) ? "destination" : "source";
}
function platformList(requested) {
  return withRequired(requested);
}
async function listFiles(dir) {
  const out = [];
  const walk = async (d) => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = join2(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile()) out.push(p);
    }
  };
  await walk(dir);
  return out;
}
var sha256 = (b) => createHash("sha256").update(b).digest("hex");
async function hashSecrets(dir) {
  let files;
  try {
    files = await listFiles(dir);
  } catch {
    return [];
  }
  const hashed = await Promise.all(files.map(async (f) => ({ name: relative(dir, f), content: await readFile2(f) })));
  return hashed.filter((h) => h.content.length > 0).map((h) => ({ name: h.name, sha256: sha256(h.content), size: h.content.length }));
}
async function stageInputs(inputs) {
  const dir = await mkdtemp(join2(tmpdir(), "bc-verify-"));
  const staged = { dir, mounts: {} };
  const stage = async (file, name, target) => {
    if (!file) return void 0;
    const dest = join2(dir, name);
    try {
      await copyFile(file, dest);
    } catch {
      throw badInput(`cannot read ${file}`, ["fix: pass an existing file"]);
    }
    await chmod(dest, 420);
    return { source: dest, target, readOnly: true };
  };
  staged.mounts.config = await stage(inputs.config, "config.json", CONFIG_MOUNT);
  staged.mounts.catalog = await stage(inputs.catalog, "catalog.json", CATALOG_MOUNT);
  staged.mounts.state = await stage(inputs.state, "state.json", STATE_MOUNT);
  if (inputs.catalog) {
    const text = await readFile2(inputs.catalog, "utf8");
    let raw;
    try {
      raw = JSON.parse(text);
    } catch {
      throw badInput(`${inputs.catalog} is not JSON`);
    }
    const parsed = ConfiguredCatalogSchema.safeParse(raw);
    if (!parsed.success) throw badInput(`${inputs.catalog} is not a configured catalog`, parsed.error.issues.slice(0, 3).map((i) => `${i.path.join(".")}: ${i.message}`));
    staged.catalog = parsed.data;
  }
  if (inputs.input) staged.input = await readFile2(inputs.input, "utf8");
  return staged;
}
function launch(ref, platform, opts, step, type, spec, forReads = false) {
  const workdir = type === "destination" ? "/dest" : "/source";
  const container = startContainer({
    image: ref,
    platform,
    workdir,
    timeoutMs: (opts.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1e3,
    memory: opts.memory,
    pidsLimit: opts.pidsLimit,
    cpus: opts.cpus,
    maxOutputBytes: opts.maxOutputBytes,
    ...spec
  });
  let release = () => {
  };
  if (forReads) container.hold(new Promise((resolve) => release = resolve));
  return { container, run: container.result.then((result) => ({ label: step, workdir, result })), release };
}
async function probeThrough(l, imageWorkdir) {
  try {
    const made = await l.container.created;
    if (!made.ok) {
      l.release();
      return { ok: false, reason: made.reason };
    }
    const config = await runContainerConfig(l.container.name, imageWorkdir);
    return { ok: true, probe: { name: l.container.name, config, remove: async () => l.release() } };
  } catch (err) {
    l.release();
    throw err;
  }
}
var TREE_SCAN_BYTES = 16 * 1024 * 1024 * 1024;
var RUN_CHECKS = ["spec", "check", "discover", "read", "write", "writes"];
var ALL_AFTER_PLATFORM = ["entrypoint-env", "entrypoint-absolute", "user", "airbyte-dir", ...RUN_CHECKS, "no-secrets", "labels"];
async function verifyPlatform(ctx) {
  const { platform, opts, staged } = ctx;
  const timeoutMs = (opts.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1e3;
  const progress = (l) => opts.onProgress?.(`[${platform}] ${l}`);
  let ref = ctx.image;
  if (ctx.source.kind === "registry" && ctx.source.isIndex) {
    const pinned = ctx.source.platforms[platform];
    if (!pinned) {
      const have = Object.keys(ctx.source.platforms).join(", ") || "none";
      return [
        fail("platform", platform, `the image index has no ${platform} manifest (it has: ${have})`, `build with --platform ${platform} (linux/amd64 is required)`),
        ...ALL_AFTER_PLATFORM.map((id) => skip(id, platform, `no ${platform} image`))
      ];
    }
    ref = pinned;
  }
  const local = ctx.source.kind === "local";
  const runs = [];
  const byStep = /* @__PURE__ */ new Map();
  const adopt = (step, launched) => {
    const p = launched.then((run2) => {
      const { result } = run2;
      ctx.records.push({ platform, step, command: result.command, exitCode: result.exitCode, timedOut: result.timedOut, durationMs: Math.round(result.durationMs) });
      progress(`${step}: ${result.timedOut ? "timed out" : `exit ${result.exitCode}`} in ${(result.durationMs / 1e3).toFixed(1)} s`);
      return run2;
    });
    runs.push(p);
    byStep.set(step, p);
  };
  const start = (step, type2, spec) => adopt(step, launch(ref, platform, opts, step, type2, spec).run);
  const startIo = (type2) => {
    const m = staged.mounts;
    if (!m.config) return;
    const net = opts.ioNetwork ?? "bridge";
    const cfg = ["--config", CONFIG_MOUNT];
    if (type2 === "source") {
      start("check", type2, { args: ["check", ...cfg], mounts: [m.config], network: net });
      start("discover", type2, { args: ["discover", ...cfg], mounts: [m.config], network: net });
      if (m.catalog) {
        const mounts = [m.config, m.catalog, ...m.state ? [m.state] : []];
        start("read", type2, { args: ["read", ...cfg, "--catalog", CATALOG_MOUNT, ...m.state ? ["--state", STATE_MOUNT] : []], mounts, network: net });
      }
    } else {
      start("check", type2, { args: ["check", ...cfg], mounts: [m.config], network: net });
      if (m.catalog) start("write", type2, { args: ["write", ...cfg, "--catalog", CATALOG_MOUNT], mounts: [m.config, m.catalog], network: net, input: staged.input ?? "" });
    }
  };
  let type = ctx.type;
  let probeRes;
  if (ctx.source.kind === "local" && type) {
    const spec = ctx.early ?? launch(ref, platform, opts, "spec (ENTRYPOINT)", type, { args: ["spec"] }, true);
    adopt("spec (ENTRYPOINT)", spec.run);
    startIo(type);
    probeRes = await probeThrough(spec, ctx.source.config.workdir);
  }
  const pulled = !local && !await inspectLocalImage(ref);
  const dropPulled = async () => {
    if (pulled) await docker(["image", "rm", ref], { allowFailure: true, timeoutMs: 12e4 });
  };
  probeRes ??= await createProbe(ref, platform, "missing");
  if (!probeRes.ok) {
    await Promise.allSettled(runs);
    await dropPulled();
    for (let i = ctx.records.length - 1; i >= 0; i--) if (ctx.records[i]?.platform === platform) ctx.records.splice(i, 1);
    return [
      fail("platform", platform, `no ${platform} image: ${probeRes.reason}`, `build with --platform ${platform} (linux/amd64 is required)${local ? " and --load it (multi-platform --load needs the containerd image store)" : ""}`),
      ...ALL_AFTER_PLATFORM.map((id) => skip(id, platform, `no ${platform} image`))
    ];
  }
  const probe = probeRes.probe;
  try {
    const config = probe.config;
    if (!type) {
      type = connectorTypeOf(config.labels, ctx.image);
      ctx.detectedType = type;
      start("spec (ENTRYPOINT)", type, { args: ["spec"] });
      startIo(type);
    }
    const envTokens = shellWords(config.env.AIRBYTE_ENTRYPOINT ?? "");
    const sameArgv = envTokens.length === config.entrypoint.length && envTokens.every((t, i) => t === config.entrypoint[i]);
    if (envTokens.length > 0 && !sameArgv) start("spec (AIRBYTE_ENTRYPOINT)", type, { args: ["spec"], entrypoint: envTokens });
    const workdir = type === "destination" ? "/dest" : "/source";
    const fs = containerFs(probe.name);
    const usersP = readUsers(fs);
    const scanRoots = ["/airbyte", ...config.workdir && config.workdir !== "/" && !config.workdir.startsWith("/airbyte") ? [config.workdir] : []];
    const hashSizes = new Set((ctx.secrets ?? []).map((x) => x.size));
    const treesP = Promise.all(
      scanRoots.map(async (root) => {
        const c = await copyFromContainer(probe.name, root, { maxBytes: TREE_SCAN_BYTES, keep: () => 0, hashSizes });
        return { root, entries: c.entries, truncated: c.truncated, exists: c.exists };
      })
    );
    const [platformRes, users, trees] = await Promise.all([checkPlatform(platform, config, fs), usersP, treesP]);
    const airbyteTree = trees[0];
    const rootEntry = airbyteTree?.exists ? airbyteTree.entries.find((e) => e.path === "airbyte") : void 0;
    const results = [
      platformRes,
      checkEntrypointEnv(platform, config),
      checkEntrypointAbsolute(platform, config, workdir),
      await checkUser(platform, config, fs, users),
      await checkAirbyteDir(platform, rootEntry, users),
      checkLabels(platform, config, opts.expectedLabels)
    ];
    await probe.remove();
    const done = (await Promise.all(runs)).filter((r) => r !== void 0);
    const imageTrees = withoutRuntimeAdditions(trees.filter((t) => t.exists), done.find((r) => r.result.name === probe.name)?.result.diff ?? []);
    results.push(checkNoSecrets(platform, imageTrees, ctx.secrets, sha256));
    const specRuns = done.filter((r) => r.label.startsWith("spec"));
    results.push(checkSpec(platform, specRuns, timeoutMs, sameArgv && envTokens.length > 0));
    const noConfig = "no --config given (and no secrets/config.json in the connector directory)";
    for (const id of ["check", "discover", "read", "write"]) {
      const applies = type === "source" ? id !== "write" : id === "check" || id === "write";
      if (!applies) {
        results.push(skip(id, platform, `not a ${type} command`));
        continue;
      }
      const run2 = done.find((r) => r.label === id);
      if (run2) results.push(checkOperation(id, platform, run2, timeoutMs, staged.catalog));
      else results.push(skip(id, platform, staged.mounts.config ? "needs --catalog" : noConfig));
    }
    results.push(checkWrites(platform, done, permittedWriteDirs(config.labels)));
    return results;
  } finally {
    await probe.remove();
    await Promise.allSettled(runs);
    await dropPulled();
  }
}
async function verifyImage(image, opts = {}) {
  const t0 = performance.now();
  const platforms = opts.exactPlatforms && opts.platforms && opts.platforms.length > 0 ? [...opts.platforms] : platformList(opts.platforms);
  const refOf = (p) => opts.platformImages?.[p] ?? image;
  const host = process.arch === "x64" ? "amd64" : process.arch;
  const emulatedFirst = [...platforms].sort((a, b) => Number(a.split("/")[1] === host) - Number(b.split("/")[1] === host));
  const guess = opts.connectorType ?? connectorTypeOf({}, image);
  const early = new Map(emulatedFirst.map((p) => [p, launch(refOf(p), p, opts, "spec (ENTRYPOINT)", guess, { args: ["spec"] }, true)]));
  void engineSocket();
  const dropEarly = async () => {
    for (const l of early.values()) l.release();
    await Promise.allSettled([...early.values()].map((l) => l.run));
  };
  let source;
  let staged;
  let secrets;
  try {
    source = await resolveImage(image);
    [staged, secrets] = await Promise.all([stageInputs(opts.inputs ?? {}), opts.secretsDir ? hashSecrets(opts.secretsDir) : Promise.resolve(void 0)]);
  } catch (err) {
    await dropEarly();
    throw err;
  }
  const type = opts.connectorType ?? (source.kind === "local" ? connectorTypeOf(source.config.labels, image) : void 0);
  const keepEarly = source.kind === "local" && type === guess;
  if (!keepEarly) await dropEarly();
  const records = [];
  try {
    const contexts = platforms.map((platform) => ({
      image: refOf(platform),
      source,
      platform,
      type,
      opts,
      staged,
      secrets,
      records,
      ...keepEarly ? { early: early.get(platform) } : {}
    }));
    const order = emulatedFirst.map((p) => contexts.find((c) => c.platform === p));
    const done = new Map(await Promise.all(order.map(async (c) => [c, await verifyPlatform(c)])));
    const perPlatform = contexts.map((c) => done.get(c) ?? []);
    const checks = sortResults(perPlatform.flat(), platforms);
    const finalType = type ?? contexts.find((c) => c.detectedType)?.detectedType ?? connectorTypeOf({}, image);
    return {
      image,
      source: source.kind,
      connectorType: finalType,
      platforms,
      ok: !checks.some((c) => c.status === "fail"),
      checks,
      runs: records.sort((a, b) => platforms.indexOf(a.platform) - platforms.indexOf(b.platform) || a.step.localeCompare(b.step)),
      durationMs: Math.round(performance.now() - t0)
    };
  } finally {
    await rm(staged.dir, { recursive: true, force: true });
  }
}

// src/verify/index.ts
init_define_BC_HELP();

export {
  inspectLocalImage,
  verifyImage
};
