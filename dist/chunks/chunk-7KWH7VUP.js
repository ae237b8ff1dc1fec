import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  BLOCK,
  HEADER_ONLY,
  MAX_META_BYTES,
  TarError,
  checksumOk,
  normalizeTarPath,
  parsePaxStrict,
  readString,
  strictNumber,
  tarPadding,
  typeOf
} from "./chunk-G6CWDOAS.js";
import {
  imagetoolsInspect,
  indexFacts
} from "./chunk-J7CCGA2A.js";
import {
  DOCKER,
  docker,
  parseJson
} from "./chunk-2UDPR3IH.js";
import {
  splitImageRef
} from "./chunk-AC6MT37A.js";
import {
  debugLog,
  formatArgv,
  onCleanup,
  run,
  which
} from "./chunk-TVMRY7EN.js";
import {
  external_exports
} from "./chunk-SVKG5X7A.js";
import {
  BcError
} from "./chunk-BSQYAL4K.js";
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

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

// src/oci/layer-tree.ts
init_define_BC_HELP();
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { lstat, readdir, readlink } from "node:fs/promises";
import { posix } from "node:path";
var MAX_CACHE_WEIGHT = 64 * 1024 * 1024;
var cache = /* @__PURE__ */ new Map();
var weights = /* @__PURE__ */ new Map();
var cacheWeight = 0;
var counters = { hits: 0, misses: 0 };
var layerFactsCache = {
  stats: () => ({ ...counters, layers: cache.size, weight: cacheWeight }),
  clear: () => {
    cache.clear();
    weights.clear();
    cacheWeight = 0;
    counters.hits = 0;
    counters.misses = 0;
  }
};
function typeOfStat(st) {
  if (st.isFile()) return "file";
  if (st.isDirectory()) return "dir";
  if (st.isSymbolicLink()) return "symlink";
  return "other";
}
async function sha256File(path) {
  const h = createHash("sha256");
  for await (const chunk of createReadStream(path)) h.update(chunk);
  return h.digest("hex");
}
var isWhiteout = (st) => st.isCharacterDevice() && st.rdev === 0;
async function statOrUndefined(path) {
  try {
    return await lstat(path);
  } catch (err) {
    const code = err.code;
    if (code === "ENOENT" || code === "ENOTDIR") return void 0;
    throw err;
  }
}
async function readLayer(dir, root) {
  const entries = [];
  let weight = 0;
  const add = async (path, st) => {
    const whiteout = isWhiteout(st);
    const type = typeOfStat(st);
    const entry = {
      path: path.slice(1),
      type,
      mode: st.mode & 4095,
      uid: st.uid,
      gid: st.gid,
      size: type === "file" ? st.size : 0,
      linkname: type === "symlink" ? await readlink(dir + path) : "",
      complete: true
    };
    entries.push({ path, whiteout, entry, ...type === "file" ? { file: { disk: dir + path } } : {} });
    weight += 200 + path.length * 2;
  };
  const parts = root.split("/").filter(Boolean);
  for (let i = 1; i < parts.length; i++) {
    const anc = `/${parts.slice(0, i).join("/")}`;
    const st = await statOrUndefined(dir + anc);
    if (!st) return { entries, weight };
    if (!st.isDirectory()) {
      if (st.isSymbolicLink()) return void 0;
      await add(anc, st);
      return { entries, weight };
    }
  }
  const walk = async (path) => {
    const st = await statOrUndefined(dir + path);
    if (!st) return;
    await add(path, st);
    if (!st.isDirectory()) return;
    for (const name of (await readdir(dir + path)).sort()) await walk(posix.join(path, name));
  };
  await walk(root);
  return { entries, weight };
}
function cached(dir, root) {
  const key = `${dir}\0${root}`;
  const hit = cache.get(key);
  if (hit) {
    counters.hits += 1;
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  counters.misses += 1;
  const p = readLayer(dir, root);
  cache.set(key, p);
  p.then(
    (facts) => {
      const w = facts?.weight ?? 0;
      if (!cache.has(key)) return;
      weights.set(key, w);
      cacheWeight += w;
      for (const k of cache.keys()) {
        if (cacheWeight <= MAX_CACHE_WEIGHT || k === key) break;
        cacheWeight -= weights.get(k) ?? 0;
        weights.delete(k);
        cache.delete(k);
      }
    },
    () => cache.delete(key)
  );
  return p;
}
async function treeFromLayers(lowers, root, opts = {}) {
  const facts = await Promise.all(lowers.map((d) => cached(d, root)));
  if (facts.some((f) => f === void 0)) return void 0;
  const merged = /* @__PURE__ */ new Map();
  const dropUnder = (path) => {
    for (const k of merged.keys()) if (k.startsWith(`${path}/`)) merged.delete(k);
  };
  for (const f of [...facts].reverse()) {
    for (const e of f?.entries ?? []) {
      const before = merged.get(e.path);
      if (before?.entry.type === "dir" && (e.whiteout || e.entry.type !== "dir")) dropUnder(e.path);
      if (e.whiteout) merged.delete(e.path);
      else merged.set(e.path, e);
    }
  }
  const top = merged.get(root);
  if (top?.entry.type === "symlink") return void 0;
  const hashSizes = opts.hashSizes ?? /* @__PURE__ */ new Set();
  const inTree = [...merged.entries()].filter(([p]) => p === root || p.startsWith(`${root}/`)).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
  const entries = await Promise.all(
    inTree.map(async ([, e]) => {
      if (!e.file || !hashSizes.has(e.entry.size)) return e.entry;
      e.file.sha256 ??= sha256File(e.file.disk);
      return { ...e.entry, sha256: await e.file.sha256 };
    })
  );
  return { exists: top !== void 0, entries, truncated: false };
}

// src/docker/image.ts
init_define_BC_HELP();

// src/docker/container.ts
init_define_BC_HELP();
import { randomBytes } from "node:crypto";

// src/docker/rw-layer.ts
init_define_BC_HELP();
import { access, lstat as lstat2, readdir as readdir2, stat } from "node:fs/promises";
import { constants } from "node:fs";
import { posix as posix2 } from "node:path";
var InspectSchema = external_exports.object({
  Id: external_exports.string(),
  GraphDriver: external_exports.object({ Name: external_exports.string(), Data: external_exports.record(external_exports.string(), external_exports.string()).nullish() }).loose().nullish()
}).loose();
function parseOverlayMount(text) {
  const m = /^mount -t overlay \S+ \S+ -o (\S+)\s*$/m.exec(text);
  if (!m?.[1]) return void 0;
  const opts = /* @__PURE__ */ new Map();
  for (const kv of m[1].split(",")) {
    const i = kv.indexOf("=");
    if (i > 0) opts.set(kv.slice(0, i), kv.slice(i + 1));
  }
  const upper = opts.get("upperdir");
  const lowers = (opts.get("lowerdir") ?? "").split(":").filter(Boolean);
  return upper && lowers.length > 0 && [upper, ...lowers].every((p) => p.startsWith("/")) ? { upper, lowers } : void 0;
}
var CTR = process.env.BUILD_CONNECTOR_CTR ?? "ctr";
var CONTAINERD_SOCKETS = [process.env.CONTAINERD_ADDRESS, "/run/containerd/containerd.sock", "/var/run/docker/containerd/containerd.sock"].filter((s) => !!s);
var NAMESPACE = process.env.BUILD_CONNECTOR_CONTAINERD_NAMESPACE ?? "moby";
var ctrP;
var knownSocket;
var containerdUnusable = false;
async function isSocket(path) {
  try {
    return (await stat(path)).isSocket();
  } catch {
    return false;
  }
}
async function snapshotDirs(id) {
  if (containerdUnusable || !/^[0-9a-f]{64}$/.test(id)) return void 0;
  ctrP ??= which(CTR);
  if (!await ctrP) return void 0;
  const candidates = knownSocket ? [knownSocket] : (await Promise.all(CONTAINERD_SOCKETS.map(async (s) => await isSocket(s) ? s : void 0))).filter((s) => !!s);
  for (const address of candidates) {
    const res = await run(CTR, ["--address", address, "--namespace", NAMESPACE, "snapshots", "--snapshotter", "overlayfs", "mounts", "/", id], { allowFailure: true, timeoutMs: 1e4 }).catch(() => void 0);
    const parsed = res?.exitCode === 0 ? parseOverlayMount(res.stdout) : void 0;
    if (parsed) {
      knownSocket = address;
      return { ...parsed, via: "containerd" };
    }
  }
  if (!knownSocket) containerdUnusable = true;
  return void 0;
}
async function readable(dirs) {
  try {
    await Promise.all([dirs.upper, dirs.lowers[0] ?? dirs.upper].map((d) => access(d, constants.R_OK | constants.X_OK)));
    return (await lstat2(dirs.upper)).isDirectory();
  } catch {
    return false;
  }
}
async function containerLayerDirs(name) {
  if (process.env.BUILD_CONNECTOR_NO_UPPERDIR) return void 0;
  const api = await engineJson("GET", `/containers/${encodeURIComponent(name)}/json`);
  const parsed = api?.status === 200 ? InspectSchema.safeParse(api.body) : void 0;
  if (!parsed?.success) return void 0;
  const gd = parsed.data.GraphDriver;
  let dirs;
  if (gd?.Name === "overlay2" && gd.Data?.UpperDir && gd.Data.LowerDir) {
    dirs = { upper: gd.Data.UpperDir, lowers: gd.Data.LowerDir.split(":").filter(Boolean), via: "graphdriver" };
  } else if (gd?.Name === "overlayfs") {
    dirs = await snapshotDirs(parsed.data.Id);
  }
  return dirs && await readable(dirs) ? dirs : void 0;
}
function sameStat(a, b) {
  if (a.mode !== b.mode || a.uid !== b.uid || a.gid !== b.gid || a.mtimeMs !== b.mtimeMs) return false;
  return a.isDirectory() || a.size === b.size && a.rdev === b.rdev;
}
async function lowerStat(lowers, path) {
  for (const l of lowers) {
    try {
      return await lstat2(l + path);
    } catch (err) {
      if (err.code !== "ENOENT" && err.code !== "ENOTDIR") throw err;
    }
  }
  return void 0;
}
async function upperDirChanges(dirs) {
  const changes = [];
  const changedDirs = /* @__PURE__ */ new Set();
  const visit = async (rel) => {
    const names = (await readdir2(dirs.upper + rel)).sort();
    for (const name of names) {
      const path = posix2.join(rel || "/", name);
      const st = await lstat2(dirs.upper + path);
      let kind;
      if (isWhiteout(st)) kind = "D";
      else {
        const below = await lowerStat(dirs.lowers, path);
        if (!below || isWhiteout(below)) kind = "A";
        else kind = sameStat(st, below) ? void 0 : "C";
      }
      if (kind && st.isDirectory()) changedDirs.add(path);
      if (kind === "A" || kind === "D") {
        const parent = posix2.dirname(path);
        if (parent !== "/" && !changedDirs.has(parent)) {
          changes.push({ kind: "C", path: parent });
          changedDirs.add(parent);
        }
      }
      if (kind) changes.push({ kind, path });
      if (st.isDirectory()) await visit(path);
    }
  };
  await visit("");
  return changes;
}

// src/protocol/lines.ts
init_define_BC_HELP();
var MAX_LINE_BYTES = 20 * 1024 * 1024;
var MAX_STDOUT_BYTES = 64 * 1024 * 1024;
var STDERR_TAIL_LINES = 20;
var STDERR_LINE_BYTES = 2048;
var NL = 10;
var LineSplitter = class {
  /** `onLine` returns false once it needs no more lines (the limits still apply). */
  constructor(limits, onLine) {
    this.limits = limits;
    this.onLine = onLine;
  }
  limits;
  onLine;
  parts = [];
  pending = 0;
  total = 0;
  lineNo = 0;
  stopped;
  /** the consumer needs no more lines: they are only counted, not decoded */
  muted = false;
  get stop() {
    return this.stopped;
  }
  /** bytes taken so far (all of them, up to the point a limit stopped the stream) */
  get bytes() {
    return this.total;
  }
  /** Feed a chunk; returns the stop once a limit is passed (later chunks are ignored). */
  push(chunk) {
    if (this.stopped) return this.stopped;
    let start = 0;
    while (start <= chunk.length) {
      const nl = chunk.indexOf(NL, start);
      const end = nl < 0 ? chunk.length : nl;
      const piece = end - start;
      if (this.pending + piece > this.limits.maxLineBytes) return this.halt("line", this.lineNo + 1);
      if (this.total + piece + (nl < 0 ? 0 : 1) > this.limits.maxBytes) return this.halt("total", this.lineNo + 1);
      this.total += piece;
      if (nl < 0) {
        if (piece > 0) {
          this.parts.push(Buffer.from(chunk.subarray(start)));
          this.pending += piece;
        }
        return void 0;
      }
      this.total += 1;
      this.parts.push(chunk.subarray(start, nl));
      this.emit();
      start = nl + 1;
    }
    return void 0;
  }
  /** End of stream: the last line, if it had no newline. */
  end() {
    if (!this.stopped && this.pending > 0) this.emit();
    return this.stopped;
  }
  emit() {
    this.lineNo += 1;
    if (this.muted) {
      this.parts = [];
      this.pending = 0;
      return;
    }
    const bytes = this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts);
    this.parts = [];
    this.pending = 0;
    if (this.onLine(bytes.toString("utf8").replace(/\r$/, ""), this.lineNo) === false) this.muted = true;
  }
  halt(limit, line) {
    this.parts = [];
    this.pending = 0;
    this.stopped = { limit, bytes: limit === "line" ? this.limits.maxLineBytes : this.limits.maxBytes, line };
    return this.stopped;
  }
};
var LineTail = class {
  constructor(maxLines = STDERR_TAIL_LINES, maxLineBytes = STDERR_LINE_BYTES) {
    this.maxLines = maxLines;
    this.maxLineBytes = maxLineBytes;
  }
  maxLines;
  maxLineBytes;
  lines = [];
  current = [];
  currentBytes = 0;
  cut = 0;
  total = 0;
  get bytes() {
    return this.total;
  }
  push(chunk) {
    this.total += chunk.length;
    let start = 0;
    let nl = chunk.lastIndexOf(NL);
    for (let n = 0; nl >= 0 && n < this.maxLines; n++) nl = nl === 0 ? -1 : chunk.lastIndexOf(NL, nl - 1);
    if (nl >= 0) {
      this.current = [];
      this.currentBytes = 0;
      this.cut = 0;
      start = nl + 1;
    }
    while (start <= chunk.length) {
      const next = chunk.indexOf(NL, start);
      const end = next < 0 ? chunk.length : next;
      this.keep(chunk.subarray(start, end));
      if (next < 0) return;
      this.close();
      start = next + 1;
    }
  }
  /** the tail: complete lines, then the unfinished one */
  tail() {
    const out = [...this.lines];
    if (this.currentBytes > 0 || this.cut > 0) out.push(this.render());
    return out.slice(-this.maxLines);
  }
  keep(piece) {
    const room = this.maxLineBytes - this.currentBytes;
    if (room > 0 && piece.length > 0) {
      const kept = Buffer.from(piece.subarray(0, room));
      this.current.push(kept);
      this.currentBytes += kept.length;
    }
    this.cut += Math.max(0, piece.length - Math.max(room, 0));
  }
  close() {
    const text = this.render();
    this.current = [];
    this.currentBytes = 0;
    this.cut = 0;
    if (text.trim() === "") return;
    this.lines.push(text);
    if (this.lines.length > this.maxLines) this.lines.shift();
  }
  render() {
    const text = Buffer.concat(this.current).toString("utf8").replace(/\r$/, "");
    return this.cut > 0 ? `${text}\u2026 (${this.cut} more bytes on this line)` : text;
  }
};
function formatBytes(n) {
  if (n >= 1024 * 1024) return `${+(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}

// src/docker/container.ts
var CONTAINER_LABEL = "io.build-connector.verify";
var DEFAULT_LIMITS = { memory: "2g", pidsLimit: 512, maxOutputBytes: MAX_STDOUT_BYTES, maxLineBytes: MAX_LINE_BYTES };
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
async function containerWrites(name, dirs) {
  const found = await dirs;
  if (found) {
    try {
      return { diff: await upperDirChanges(found), via: "upper-dir" };
    } catch {
    }
  }
  return { diff: await containerChanges(name), via: "engine" };
}
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
  let setLayers = () => void 0;
  const layers = new Promise((resolve) => {
    setLayers = (l) => resolve(l);
  });
  const result = execute(spec, name, settleCreated, holds, setLayers);
  return {
    name,
    created,
    layers,
    hold: (until) => {
      holds.push(until.catch(() => void 0));
    },
    result
  };
}
async function execute(spec, name, settleCreated, holds, setLayers) {
  const guard = guardContainer(name);
  const stdoutLines = [];
  const onLine = spec.onStdoutLine ?? ((l) => void stdoutLines.push(l));
  const stdout = new LineSplitter({ maxLineBytes: spec.maxLineBytes ?? DEFAULT_LIMITS.maxLineBytes, maxBytes: spec.maxOutputBytes ?? DEFAULT_LIMITS.maxOutputBytes }, onLine);
  const stderr = new LineTail();
  let timedOut = false;
  let stopping;
  const stop = () => {
    stopping ??= docker(["kill", name], { allowFailure: true, timeoutMs: 6e4, cleanup: true });
  };
  const timer = setTimeout(() => {
    timedOut = true;
    stop();
  }, spec.timeoutMs);
  const t0 = performance.now();
  const createArgv = buildCreateArgv(spec, name);
  const outcome = (exitCode, command, rest = {}) => ({
    name,
    command,
    exitCode,
    stdoutLines,
    stderrTail: stderr.tail(),
    stdoutBytes: stdout.bytes,
    stderrBytes: stderr.bytes,
    timedOut,
    ...stdout.stop ? { outputStop: stdout.stop } : {},
    oomKilled: false,
    diff: [],
    durationMs: performance.now() - t0,
    ...rest
  });
  try {
    const creating = docker(createArgv, { allowFailure: true, timeoutMs: spec.timeoutMs + 6e4 });
    guard.clientDone(creating);
    const made = await creating;
    if (made.exitCode !== 0 || timedOut) {
      const reason = timedOut ? "timed out before the container was created" : daemonReason(made.stderr, `docker create exited ${made.exitCode}`);
      settleCreated({ ok: false, reason });
      stderr.push(Buffer.from(made.stderr));
      return outcome(timedOut ? 137 : 125, made.command);
    }
    settleCreated({ ok: true });
    const tCreated = performance.now();
    const layerDirs = containerLayerDirs(name).catch(() => void 0);
    setLayers(layerDirs);
    const client = docker(["start", "-a", ...spec.input !== void 0 ? ["-i"] : [], name], {
      allowFailure: true,
      input: spec.input,
      // Safety net only: the timer above stops the container by name first.
      timeoutMs: spec.timeoutMs + 6e4,
      // Neither stream is buffered: stdout is split into lines as it comes
      // (a limit passed kills the container at once), stderr keeps its tail.
      onStdoutData: (chunk) => {
        if (stdout.push(chunk)) stop();
      },
      onStderrData: (chunk) => stderr.push(chunk)
    });
    guard.clientDone(client);
    const res = await client;
    clearTimeout(timer);
    stdout.end();
    await stopping;
    const tExited = performance.now();
    const durationMs = tExited - t0;
    await Promise.all(holds);
    const tReleased = performance.now();
    const [writes, state] = await Promise.all([containerWrites(name, layerDirs), containerState(name)]);
    const diff = writes.diff;
    const ms = (a, b) => Math.round(b - a);
    const phases = { createMs: ms(t0, tCreated), runMs: ms(tCreated, tExited), holdMs: ms(tExited, tReleased), diffMs: ms(tReleased, performance.now()), diffVia: writes.via };
    return outcome(state ? state.exitCode : res.exitCode, formatCommand(createArgv), { oomKilled: state?.oomKilled === true, diff, durationMs, phases });
  } finally {
    clearTimeout(timer);
    settleCreated({ ok: false, reason: "the run stopped before the container was created" });
    setLayers(Promise.resolve(void 0));
    await Promise.all(holds);
    await removeContainer(name);
    guard.unregister();
  }
}
function formatCommand(createArgv) {
  return formatArgv("docker", ["run", ...createArgv.slice(1)]);
}

// src/oci/tar.ts
init_define_BC_HELP();
import { createHash as createHash2 } from "node:crypto";
var PAX_NUMBER = /^\d{1,15}$/;
var TarReader = class {
  constructor(opts = {}) {
    this.opts = opts;
  }
  opts;
  entries = [];
  /** the end-of-archive blocks were read */
  ended = false;
  /** the archive is malformed: reading stopped here */
  error;
  /** turns of the read loop so far: at most two per byte taken (the fuzz test holds it to that) */
  turns = 0;
  pending = Buffer.alloc(0);
  state = { kind: "header" };
  offset = 0;
  pax = {};
  globalPax = {};
  longName;
  longLink;
  /** stop taking input: the archive ended, or is malformed */
  get done() {
    return this.ended || this.error !== void 0;
  }
  push(chunk) {
    if (this.done) return;
    try {
      this.consume(chunk);
    } catch (err) {
      if (!(err instanceof TarError)) throw err;
      this.error = err;
      this.pending = Buffer.alloc(0);
    }
  }
  consume(chunk) {
    let buf = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = Buffer.alloc(0);
    while (!this.ended && buf.length > 0) {
      this.turns += 1;
      if (this.state.kind === "header") {
        if (buf.length < BLOCK) {
          this.pending = Buffer.from(buf);
          return;
        }
        this.header(buf.subarray(0, BLOCK));
        buf = buf.subarray(BLOCK);
        this.offset += BLOCK;
        continue;
      }
      const st = this.state;
      if (st.remaining > 0) {
        const take = buf.subarray(0, Math.min(st.remaining, buf.length));
        st.hash?.update(take);
        const room = st.keep - st.kept;
        if (room > 0) {
          const part = Buffer.from(take.subarray(0, Math.min(room, take.length)));
          st.parts.push(part);
          st.kept += part.length;
        }
        st.remaining -= take.length;
        buf = buf.subarray(take.length);
        this.offset += take.length;
        if (st.remaining > 0) return;
        this.dataDone(st);
      }
      const skip = Math.min(st.padding, buf.length);
      st.padding -= skip;
      buf = buf.subarray(skip);
      this.offset += skip;
      if (st.padding === 0) this.state = { kind: "header" };
    }
  }
  header(h) {
    const at = this.offset;
    if (h.every((b) => b === 0)) {
      this.ended = true;
      return;
    }
    if (!checksumOk(h)) throw new TarError(at, "header checksum does not match (not a tar archive, or corrupt)");
    const headerSize = strictNumber(h, 124, 12);
    if (headerSize === void 0) throw new TarError(at, "size field is not a number");
    const flag = String.fromCharCode(h[156] ?? 0);
    if (flag === "x" || flag === "g" || flag === "L" || flag === "K") {
      if (headerSize > MAX_META_BYTES) throw new TarError(at, `${flag === "x" || flag === "g" ? "PAX" : "GNU long name"} record of ${headerSize} bytes (more than ${MAX_META_BYTES})`);
      this.state = { kind: "data", meta: flag, at, remaining: headerSize, padding: tarPadding(headerSize), keep: headerSize, kept: 0, parts: [] };
      if (headerSize === 0) this.dataDone(this.state);
      return;
    }
    if (flag === "S" && h[482] !== 0) throw new TarError(at, "old GNU sparse members with extended sparse maps are not supported");
    const pax = { ...this.globalPax, ...this.pax };
    const size = pax.size !== void 0 ? paxNumber(pax.size, "size", at) : headerSize;
    const dataSize = HEADER_ONLY.has(flag) ? 0 : size;
    const name = readString(h, 0, 100);
    const prefix = h.toString("latin1", 257, 263) === "ustar\0" ? readString(h, 345, 155) : "";
    const mode = strictNumber(h, 100, 8);
    const uid = pax.uid !== void 0 ? paxNumber(pax.uid, "uid", at) : strictNumber(h, 108, 8);
    const gid = pax.gid !== void 0 ? paxNumber(pax.gid, "gid", at) : strictNumber(h, 116, 8);
    if (mode === void 0 || uid === void 0 || gid === void 0) throw new TarError(at, "mode, uid or gid field is not a number");
    const entry = {
      path: normalizeTarPath(pax.path ?? this.longName ?? (prefix ? `${prefix}/${name}` : name)),
      type: typeOf(flag),
      mode: mode & 4095,
      uid,
      gid,
      size: dataSize,
      linkname: pax.linkpath ?? this.longLink ?? readString(h, 157, 100),
      complete: dataSize === 0
    };
    if (entry.type === "file") entry.content = Buffer.alloc(0);
    this.entries.push(entry);
    this.pax = {};
    this.longName = void 0;
    this.longLink = void 0;
    const hash = entry.type === "file" && this.opts.hashSizes?.has(dataSize) ? createHash2("sha256") : void 0;
    const keep = entry.type === "file" ? this.opts.keep?.(entry) ?? Number.POSITIVE_INFINITY : 0;
    this.state = { kind: "data", entry, at, remaining: dataSize, padding: tarPadding(dataSize), keep, kept: 0, parts: [], hash };
    if (dataSize === 0) this.dataDone(this.state);
  }
  /**
   * The stream ended (or was cut): an entry whose data was cut short keeps
   * what arrived of it. Throws the TarError of a malformed archive.
   */
  finish() {
    if (this.error) throw this.error;
    const st = this.state;
    if (st.kind === "data" && st.entry?.type === "file" && !st.entry.complete) st.entry.content = Buffer.concat(st.parts);
    return this.entries;
  }
  dataDone(st) {
    if (st.entry) {
      st.entry.complete = true;
      if (st.entry.type === "file") st.entry.content = Buffer.concat(st.parts);
      if (st.hash) st.entry.sha256 = st.hash.digest("hex");
      return;
    }
    const data = Buffer.concat(st.parts);
    if (st.meta === "x") this.pax = { ...this.pax, ...parsePaxStrict(data, st.at) };
    else if (st.meta === "g") this.globalPax = { ...this.globalPax, ...parsePaxStrict(data, st.at) };
    else if (st.meta === "L") this.longName = readString(data, 0, data.length);
    else if (st.meta === "K") this.longLink = readString(data, 0, data.length);
  }
};
function paxNumber(value, key, at) {
  if (!PAX_NUMBER.test(value)) throw new TarError(at, `PAX ${key} "${value.slice(0, 40)}" is not a number`);
  return Number(value);
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
async function resolveImage(ref, registry = {}) {
  const local = await inspectLocalImage(ref);
  if (local) return { kind: "local", ref, id: local.id, config: local.config };
  const raw = await imagetoolsInspect(ref, registry);
  if (!raw) {
    throw new BcError("badInput", `image ${ref} is neither in the local image store nor in its registry`, {
      details: ["fix: build it first (build-connector build DIR), or give a reference that exists (docker image ls)"]
    });
  }
  const facts = indexFacts(raw);
  const repo = splitImageRef(ref).name;
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
async function createProbe(ref, platform, pull, registry = {}) {
  const name = containerName("bc-probe");
  let removed;
  const remove = async () => {
    removed ??= removeContainer(name);
    await removed;
  };
  const guard = guardContainer(name);
  const creating = docker(["create", "--name", name, "--label", CONTAINER_LABEL, "--pull", pull, "--platform", platform, ref], {
    allowFailure: true,
    timeoutMs: 10 * 6e4,
    // a pull needs the registry's credentials; nothing else of this call does
    ...pull === "missing" && registry.env ? { env: registry.env } : {}
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
    if (reader.error) {
      truncated = true;
      stop();
    } else if (bytes >= maxBytes && !reader.ended) {
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
    return { exists: true, entries: finish(reader, path), truncated };
  }
  const res = await run(DOCKER, ["cp", `${container}:${path}`, "-"], { allowFailure: true, timeoutMs: 3e5, onStdoutData: take });
  if (res.exitCode !== 0 && !truncated) {
    if (/Could not find the file|No such container:path|not found|no such file/i.test(res.stderr)) return { exists: false, entries: [], truncated: false };
    throw new BcError("failed", `could not read ${path} from the image`, { details: res.stderr.trim().split("\n").slice(-3) });
  }
  return { exists: true, entries: finish(reader, path), truncated };
}
function finish(reader, path) {
  if (reader.error) throw new BcError("failed", `could not read ${path} from the image: ${reader.error.message}`);
  return reader.finish();
}

// src/shared/passwd.ts
init_define_BC_HELP();
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

// src/shared/shell-words.ts
init_define_BC_HELP();
var OPERATOR_CHARS = /* @__PURE__ */ new Set([";", "&", "|", "<", ">", "(", ")"]);
var TWO_CHAR_OPS = /* @__PURE__ */ new Set(["&&", "||", ">>", ";;", "<<", ">&", "<&", ">|"]);
var isNameStart = (c) => /[A-Za-z_]/.test(c);
var isNameChar = (c) => /[A-Za-z0-9_]/.test(c);
function splitShell(input, opts = {}) {
  const tokens = [];
  const hazards = [];
  let word = "";
  let started = false;
  let wordStart = 0;
  let i = 0;
  const begin = (at) => {
    if (!started) {
      started = true;
      wordStart = at;
    }
  };
  const flush = () => {
    if (started) tokens.push({ kind: "word", value: word, offset: wordStart });
    word = "";
    started = false;
  };
  const dollar = () => {
    const at = i;
    const next = input[i + 1];
    if (next === "(") {
      let depth = 0;
      let j = i + 1;
      for (; j < input.length; j++) {
        if (input[j] === "(") depth++;
        else if (input[j] === ")" && --depth === 0) break;
      }
      const text = input.slice(at, Math.min(j + 1, input.length));
      hazards.push({ kind: "command-substitution", text, offset: at });
      i = at + text.length;
      return text;
    }
    if (next === "{") {
      const close = input.indexOf("}", i + 2);
      const end = close === -1 ? input.length : close + 1;
      const text = input.slice(at, end);
      const name = input.slice(i + 2, close === -1 ? input.length : close);
      i = end;
      const known = /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? opts.lookup?.(name) : void 0;
      if (known !== void 0) return known;
      hazards.push({ kind: "parameter-expansion", text, offset: at });
      return text;
    }
    if (next !== void 0 && isNameStart(next)) {
      let j = i + 1;
      while (j < input.length && isNameChar(input[j] ?? "")) j++;
      const name = input.slice(i + 1, j);
      const text = input.slice(at, j);
      i = j;
      const known = opts.lookup?.(name);
      if (known !== void 0) return known;
      hazards.push({ kind: "parameter-expansion", text, offset: at });
      return text;
    }
    if (next !== void 0 && /[0-9@*#?$!-]/.test(next)) {
      const text = input.slice(at, at + 2);
      hazards.push({ kind: "parameter-expansion", text, offset: at });
      i = at + 2;
      return text;
    }
    i++;
    return "$";
  };
  while (i < input.length) {
    const c = input[i];
    if (c === " " || c === "	") {
      flush();
      i++;
    } else if (c === "\n") {
      flush();
      hazards.push({ kind: "newline", text: "\\n", offset: i });
      tokens.push({ kind: "op", value: "\n", offset: i });
      i++;
    } else if (c === "\\") {
      const next = input[i + 1];
      if (next === "\n") {
        i += 2;
      } else {
        begin(i);
        word += next ?? "\\";
        i += next === void 0 ? 1 : 2;
      }
    } else if (c === "'") {
      begin(i);
      const close = input.indexOf("'", i + 1);
      if (close === -1) {
        hazards.push({ kind: "unterminated-quote", text: input.slice(i), offset: i });
        word += input.slice(i + 1);
        i = input.length;
      } else {
        word += input.slice(i + 1, close);
        i = close + 1;
      }
    } else if (c === '"') {
      begin(i);
      const open = i;
      i++;
      let closed = false;
      while (i < input.length) {
        const d = input[i];
        if (d === '"') {
          closed = true;
          i++;
          break;
        }
        if (d === "\\" && i + 1 < input.length && '$`"\\\n'.includes(input[i + 1])) {
          if (input[i + 1] !== "\n") word += input[i + 1];
          i += 2;
        } else if (d === "$") {
          word += dollar();
        } else if (d === "`") {
          const close = input.indexOf("`", i + 1);
          const text = input.slice(i, close === -1 ? input.length : close + 1);
          hazards.push({ kind: "command-substitution", text, offset: i });
          word += text;
          i += text.length;
        } else {
          word += d;
          i++;
        }
      }
      if (!closed) hazards.push({ kind: "unterminated-quote", text: input.slice(open), offset: open });
    } else if (c === "$") {
      begin(i);
      word += dollar();
    } else if (c === "`") {
      begin(i);
      const close = input.indexOf("`", i + 1);
      const text = input.slice(i, close === -1 ? input.length : close + 1);
      hazards.push({ kind: "command-substitution", text, offset: i });
      word += text;
      i += text.length;
    } else if (OPERATOR_CHARS.has(c)) {
      flush();
      const two = input.slice(i, i + 2);
      const op = TWO_CHAR_OPS.has(two) ? two : c;
      tokens.push({ kind: "op", value: op, offset: i });
      hazards.push({ kind: "operator", text: op, offset: i });
      i += op.length;
    } else if (c === "#" && !started) {
      const end = input.indexOf("\n", i);
      const text = input.slice(i, end === -1 ? input.length : end);
      hazards.push({ kind: "comment", text, offset: i });
      i += text.length;
    } else {
      if (c === "~" && !started) hazards.push({ kind: "tilde", text: "~", offset: i });
      if (c === "*" || c === "?" || c === "[") hazards.push({ kind: "glob", text: c, offset: i });
      begin(i);
      word += c;
      i++;
    }
  }
  flush();
  return { tokens, hazards };
}
function shellWords(input) {
  return splitShell(input).tokens.filter((t) => t.kind === "word").map((t) => t.value);
}
function shellCommands(input, opts = {}) {
  const commands = [];
  let current = [];
  let skipNext = false;
  for (const t of splitShell(input, opts).tokens) {
    if (t.kind === "op") {
      if (t.value === ">" || t.value === ">>" || t.value === "<" || t.value === ">|" || t.value === ">&" || t.value === "<&") {
        skipNext = true;
        continue;
      }
      if (current.length > 0) commands.push(current);
      current = [];
      continue;
    }
    if (skipNext) {
      skipNext = false;
      continue;
    }
    current.push(t.value);
  }
  if (current.length > 0) commands.push(current);
  return commands;
}
function shellQuote(word) {
  if (word !== "" && /^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

export {
  splitShell,
  shellWords,
  shellCommands,
  shellQuote,
  engineSocket,
  engineJson,
  layerFactsCache,
  treeFromLayers,
  containerLayerDirs,
  formatBytes,
  startContainer,
  ImageConfigSchema,
  normalizeConfig,
  inspectLocalImage,
  resolveImage,
  runContainerConfig,
  createProbe,
  copyFromContainer,
  parsePasswd
};
