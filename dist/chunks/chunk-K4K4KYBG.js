import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  elfArchitecture
} from "./chunk-4BMBBMZM.js";
import {
  containerLayerDirs,
  copyFromContainer,
  createProbe,
  engineSocket,
  formatBytes,
  inspectLocalImage,
  parsePasswd,
  resolveImage,
  runContainerConfig,
  shellWords,
  splitShell,
  startContainer,
  treeFromLayers
} from "./chunk-7KWH7VUP.js";
import {
  fail,
  pass,
  skip,
  sortResults
} from "./chunk-VKGSEGKY.js";
import {
  docker
} from "./chunk-2UDPR3IH.js";
import {
  withRequired
} from "./chunk-Z2MWC52I.js";
import {
  checkInputFile,
  readBoundedFile
} from "./chunk-STQCJ5OL.js";
import {
  external_exports
} from "./chunk-SVKG5X7A.js";
import {
  badInput
} from "./chunk-BSQYAL4K.js";
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/verify/index.ts
init_define_BC_HELP();

// src/verify/verify.ts
init_define_BC_HELP();
import { rm } from "node:fs/promises";

// src/verify/config-checks.ts
init_define_BC_HELP();
import { posix as posix2 } from "node:path";

// src/verify/imagefs.ts
init_define_BC_HELP();
import { posix } from "node:path";
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
  const split = splitShell(env.trim());
  const tokens = split.tokens.filter((t) => t.kind === "word").map((t) => t.value);
  const op = split.tokens.find((t) => t.kind === "op");
  if (op) {
    return fail(
      "entrypoint-env",
      platform,
      `AIRBYTE_ENTRYPOINT ("${env}") is more than one command: the shell reads ${JSON.stringify(op.value)} as an operator`,
      ep.length > 0 ? `make it the one command of ENTRYPOINT: ENV AIRBYTE_ENTRYPOINT="${ep.join(" ")}"` : "put the command in a script and set ENTRYPOINT and AIRBYTE_ENTRYPOINT to it"
    );
  }
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

// src/verify/launch.ts
init_define_BC_HELP();

// src/protocol/parse.ts
init_define_BC_HELP();

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

// src/protocol/parse.ts
var QUOTE_MAX = 120;
function quoteLine(text, max = QUOTE_MAX) {
  const escaped = JSON.stringify(text.slice(0, max + 1)).slice(1, -1);
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
      problem: `stdout line ${line} has no valid AirbyteMessage type (got ${typeof type === "string" ? `"${quoteLine(type, 40)}"` : JSON.stringify(type ?? null)?.slice(0, 40)}; expected one of ${MESSAGE_TYPES.join(", ")})`
    };
  }
  const parsed = AirbyteMessageSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
    return { line, ok: false, text, type, problem: `stdout line ${line} is not a valid ${type} message: ${issues}` };
  }
  return { line, ok: true, message: parsed.data };
}
var DIGEST_LIMITS = { invalid: 5, statuses: 10, streams: 1e3, name: 1024, judgeInvalid: 1e3 };
var keepName = (n) => n.length <= DIGEST_LIMITS.name ? n : quoteLine(n, DIGEST_LIMITS.name);
var MessageCollector = class {
  d = {
    lines: 0,
    count: {},
    connectionStatuses: [],
    catalogStreams: [],
    recordStreams: {},
    invalid: [],
    invalidCount: 0,
    invalidByType: {},
    judgingStopped: false,
    lastJudged: 0
  };
  /**
   * Judge one line. Returns false once enough lines were invalid that the
   * run fails whatever follows: judging millions of junk lines (a `yes`)
   * costs minutes of CPU for nothing, so the rest go unjudged.
   */
  push = (raw, line) => {
    if (this.d.judgingStopped) return false;
    const text = raw.replace(/\r$/, "");
    this.d.lastJudged = line;
    if (/\S/.test(text)) this.add(parseMessageLine(text, line));
    if (this.d.invalidCount >= DIGEST_LIMITS.judgeInvalid) this.d.judgingStopped = true;
    return !this.d.judgingStopped;
  };
  add(r) {
    const d = this.d;
    d.lines += 1;
    if (!r.ok) {
      d.invalidCount += 1;
      const type = r.type;
      if (type) d.invalidByType[type] = (d.invalidByType[type] ?? 0) + 1;
      if (d.invalid.length < DIGEST_LIMITS.invalid) d.invalid.push({ line: r.line, problem: r.problem, ...type ? { type } : {} });
      return;
    }
    const m = r.message;
    d.count[m.type] = (d.count[m.type] ?? 0) + 1;
    if (m.type === "CONNECTION_STATUS" && d.connectionStatuses.length < DIGEST_LIMITS.statuses) {
      const { status, message } = m.connectionStatus;
      d.connectionStatuses.push({ status, ...message ? { message: quoteLine(message, 500) } : {} });
    } else if (m.type === "CATALOG") {
      for (const s of m.catalog.streams) if (d.catalogStreams.length < DIGEST_LIMITS.streams) d.catalogStreams.push(keepName(s.name));
    } else if (m.type === "RECORD") {
      const name = keepName(m.record.stream);
      if (name in d.recordStreams || Object.keys(d.recordStreams).length < DIGEST_LIMITS.streams) d.recordStreams[name] = (d.recordStreams[name] ?? 0) + 1;
    }
  }
  digest() {
    return this.d;
  }
};

// src/verify/launch.ts
function launch(ref, platform, opts, step, type, spec, forReads = false) {
  const workdir = type === "destination" ? "/dest" : "/source";
  const collector = new MessageCollector();
  let validateMs = 0;
  const judge = (line, lineNo) => {
    const t = performance.now();
    const more = collector.push(line, lineNo);
    validateMs += performance.now() - t;
    return more;
  };
  const container = startContainer({
    image: ref,
    platform,
    workdir,
    timeoutMs: opts.timeoutSeconds * 1e3,
    memory: opts.memory,
    pidsLimit: opts.pidsLimit,
    cpus: opts.cpus,
    maxOutputBytes: opts.maxOutputBytes,
    maxLineBytes: opts.maxLineBytes,
    ...spec,
    onStdoutLine: judge
  });
  let release = () => {
  };
  if (forReads) container.hold(new Promise((resolve) => release = resolve));
  return { container, run: container.result.then((result) => ({ label: step, workdir, result, messages: collector.digest(), validateMs: Math.round(validateMs) })), release };
}
async function probeThrough(l, imageWorkdir) {
  try {
    const made = await l.container.created;
    if (!made.ok) {
      l.release();
      return { ok: false, reason: made.reason };
    }
    const config = await runContainerConfig(l.container.name, imageWorkdir);
    return { ok: true, probe: { name: l.container.name, config, remove: async () => l.release(), layers: l.container.layers } };
  } catch (err) {
    l.release();
    throw err;
  }
}

// src/verify/options.ts
init_define_BC_HELP();
import { createHash } from "node:crypto";
import { chmod, copyFile, mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
var CONFIG_MOUNT = "/airbyte/config.json";
var CATALOG_MOUNT = "/airbyte/catalog.json";
var STATE_MOUNT = "/airbyte/state.json";
async function listFiles(dir) {
  const out = [];
  const walk = async (d) => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = join(d, e.name);
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
  const hashed = await Promise.all(files.map(async (f) => ({ name: relative(dir, f), content: await readFile(f) })));
  return hashed.filter((h) => h.content.length > 0).map((h) => ({ name: h.name, sha256: sha256(h.content), size: h.content.length }));
}
async function stageInputs(inputs) {
  const dir = await mkdtemp(join(tmpdir(), "bc-verify-"));
  const staged = { dir, mounts: {} };
  const stage = async (file, name, target, kind) => {
    if (!file) return void 0;
    const dest = join(dir, name);
    await checkInputFile(file, { kind, fix: "fix: pass an existing regular file" });
    try {
      await copyFile(file, dest);
    } catch {
      throw badInput(`cannot read ${file}`, ["fix: pass an existing file"]);
    }
    await chmod(dest, 420);
    return { source: dest, target, readOnly: true };
  };
  staged.mounts.config = await stage(inputs.config, "config.json", CONFIG_MOUNT, "config JSON");
  staged.mounts.catalog = await stage(inputs.catalog, "catalog.json", CATALOG_MOUNT, "catalog JSON");
  staged.mounts.state = await stage(inputs.state, "state.json", STATE_MOUNT, "state JSON");
  if (inputs.catalog) {
    const text = await readBoundedFile(inputs.catalog, { kind: "catalog JSON" });
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
  if (inputs.input) staged.input = await readBoundedFile(inputs.input, { kind: "input messages" });
  return staged;
}

// src/verify/run-checks.ts
init_define_BC_HELP();
import { posix as posix3 } from "node:path";
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
function judgeRun(run, timeoutMs) {
  const { result: r, messages } = run;
  const problems = [];
  const stop = r.outputStop;
  if (stop?.limit === "line") problems.push(`stdout line ${stop.line} grew past the per-line limit of ${formatBytes(stop.bytes)} (no newline): the container was stopped`);
  else if (stop?.limit === "total") problems.push(`printed more than the stdout limit of ${formatBytes(stop.bytes)} (stopped at line ${stop.line}): the container was stopped`);
  else if (r.timedOut) problems.push(`did not finish within ${Math.round(timeoutMs / 1e3)} s: the container was killed (a hung connector)`);
  else if (r.oomKilled) problems.push("was killed by the memory limit (OOM)");
  else if (r.exitCode !== 0) problems.push(`exited with code ${r.exitCode}`);
  for (const inv of messages.invalid) problems.push(inv.problem);
  if (messages.invalidCount > messages.invalid.length) {
    const more = messages.invalidCount - messages.invalid.length;
    problems.push(messages.judgingStopped ? `... and ${more} more invalid lines; the lines after line ${messages.lastJudged} were not judged` : `... and ${more} more invalid lines`);
  }
  return { ok: problems.length === 0, problems, messages };
}
function tail(r) {
  if (r.stderrBytes === 0) return [];
  const lines = r.stderrTail.slice(-5);
  return [`stderr: ${formatBytes(r.stderrBytes)}${lines.length > 0 ? `, the last ${lines.length} line${lines.length === 1 ? "" : "s"}:` : ""}`, ...lines.map((l) => `stderr: ${quoteLine(l, 160)}`)];
}
var FIX_PROTOCOL = "print only AirbyteMessage JSON lines on stdout (logs go to stderr or as LOG messages)";
var FIX_HANG = "make the command return: look for blocking reads of stdin, network calls without timeouts, or a server started in the foreground";
var FIX_FLOOD = "print one AirbyteMessage per line, each line well under the per-line limit (Airbyte Cloud refuses records over 20 MB); send logs to stderr";
function fixFor(problems, otherwise) {
  if (problems.some((p) => p.includes("the container was stopped"))) return FIX_FLOOD;
  if (problems.some((p) => p.includes("did not finish"))) return FIX_HANG;
  if (problems.some((p) => p.includes("is not JSON") || p.includes("not a valid") || p.includes("no valid AirbyteMessage"))) return FIX_PROTOCOL;
  return otherwise;
}
function checkSpec(platform, runs, timeoutMs, airbyteEntrypointSame = false) {
  const failures = [];
  const details = [];
  let specs = 0;
  for (const run of runs) {
    const j = judgeRun(run, timeoutMs);
    const n = j.messages.count.SPEC ?? 0;
    const problems = [...j.problems];
    if (n === 0 && !run.result.timedOut && !run.result.outputStop && !j.messages.judgingStopped && !j.messages.invalidByType.SPEC) problems.push("printed no SPEC message");
    specs += n;
    if (problems.length > 0) {
      failures.push(`${run.label}: ${problems[0]}`);
      details.push(...problems.slice(1).map((p) => `${run.label}: ${p}`), `command: docker ${run.result.command.replace(/^\S+ /, "")}`, ...tail(run.result));
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
function checkOperation(id, platform, run, timeoutMs, catalog) {
  const j = judgeRun(run, timeoutMs);
  const problems = [...j.problems];
  const m = j.messages;
  let good = "";
  if (id === "check") {
    const st = m.connectionStatuses;
    if (st.length === 0) problems.push("printed no CONNECTION_STATUS message");
    else if (st.some((s) => s.status !== "SUCCEEDED")) {
      problems.push(`CONNECTION_STATUS is FAILED: ${st.map((s) => s.message ?? "").join(" ")}`.trim());
    } else good = "CONNECTION_STATUS SUCCEEDED";
  } else if (id === "discover") {
    const streams = m.catalogStreams;
    if (streams.length === 0) problems.push(!m.count.CATALOG ? "printed no CATALOG message" : "the CATALOG has no streams");
    else good = `CATALOG with ${streams.length} stream${streams.length === 1 ? "" : "s"} (${streams.slice(0, 5).join(", ")})`;
  } else if (id === "read") {
    const wanted = new Set((catalog?.streams ?? []).map((s) => s.stream.name));
    const records = m.count.RECORD ?? 0;
    const stray = Object.keys(m.recordStreams).filter((s) => !wanted.has(s));
    if (stray.length > 0) problems.push(`RECORDs for streams not in the configured catalog: ${stray.slice(0, 10).join(", ")}${stray.length > 10 ? ` and ${stray.length - 10} more` : ""}`);
    good = `${records} RECORD${records === 1 ? "" : "s"}, ${m.count.STATE ?? 0} STATE`;
  } else {
    good = `${m.count.STATE ?? 0} STATE message(s) echoed`;
  }
  if (problems.length > 0) {
    return fail(
      id,
      platform,
      `${run.label}: ${problems[0]}`,
      fixFor(problems, `run the connector's ${id} locally with the same inputs and fix the error`),
      [...problems.slice(1), `command: docker ${run.result.command.replace(/^\S+ /, "")}`, ...tail(run.result)]
    );
  }
  return pass(id, platform, `exit 0, ${good}`);
}

// src/verify/verify.ts
function connectorTypeOf(labels, ref) {
  const name = labels["io.airbyte.name"] ?? ref;
  return /(^|\/)destination-/.test(name) ? "destination" : "source";
}
function platformList(requested) {
  return withRequired(requested);
}
var TREE_SCAN_BYTES = 16 * 1024 * 1024 * 1024;
var RUN_CHECKS = ["spec", "check", "discover", "read", "write", "writes"];
var ALL_AFTER_PLATFORM = ["entrypoint-env", "entrypoint-absolute", "user", "airbyte-dir", ...RUN_CHECKS, "no-secrets", "labels"];
async function verifyPlatform(ctx) {
  const { platform, opts, staged } = ctx;
  const tPlatform = performance.now();
  const timed = (read, p, t = performance.now(), via) => {
    return p.then((v) => {
      const end = performance.now();
      ctx.reads.push({ platform, read, ms: Math.round(end - t), endMs: Math.round(end - tPlatform), ...via ? { via } : {} });
      return v;
    });
  };
  const timeoutMs = opts.timeoutSeconds * 1e3;
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
    const p = launched.then((run) => {
      const { result } = run;
      ctx.records.push({
        platform,
        step,
        command: result.command,
        exitCode: result.exitCode,
        timedOut: result.timedOut,
        durationMs: Math.round(result.durationMs),
        ...result.phases ? { phases: result.phases } : {},
        ...run.validateMs !== void 0 ? { validateMs: run.validateMs } : {}
      });
      progress(`${step}: ${result.timedOut ? "timed out" : `exit ${result.exitCode}`} in ${(result.durationMs / 1e3).toFixed(1)} s`);
      return run;
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
    probeRes = await timed("config", probeThrough(spec, ctx.source.config.workdir));
  }
  const pulled = !local && !await inspectLocalImage(ref);
  const dropPulled = async () => {
    if (pulled) await docker(["image", "rm", ref], { allowFailure: true, timeoutMs: 12e4 });
  };
  probeRes ??= await timed("pull + config", createProbe(ref, platform, "missing", { env: opts.registryEnv }));
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
    const usersP = timed("passwd/group", readUsers(fs));
    const scanRoots = ["/airbyte", ...config.workdir && config.workdir !== "/" && !config.workdir.startsWith("/airbyte") ? [config.workdir] : []];
    const hashSizes = new Set((ctx.secrets ?? []).map((x) => x.size));
    const layersP = (probe.layers ?? containerLayerDirs(probe.name)).catch(() => void 0);
    const treesP = Promise.all(
      scanRoots.map(async (root) => {
        const t = performance.now();
        const layers = await layersP;
        const fromLayers = layers ? await treeFromLayers(layers.lowers, root, { hashSizes }).catch(() => void 0) : void 0;
        const c = fromLayers ? await timed(`tree ${root}`, Promise.resolve(fromLayers), t, "layers") : await timed(`tree ${root}`, copyFromContainer(probe.name, root, { maxBytes: TREE_SCAN_BYTES, keep: () => 0, hashSizes }), t, "engine");
        return { root, entries: c.entries, truncated: c.truncated, exists: c.exists };
      })
    );
    const [platformRes, users, trees] = await Promise.all([timed("ELF (platform)", checkPlatform(platform, config, fs)), usersP, treesP]);
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
      const run = done.find((r) => r.label === id);
      if (run) results.push(checkOperation(id, platform, run, timeoutMs, staged.catalog));
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
async function verifyImage(image, opts) {
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
    source = await resolveImage(image, { env: opts.registryEnv });
    [staged, secrets] = await Promise.all([stageInputs(opts.inputs ?? {}), opts.secretsDir ? hashSecrets(opts.secretsDir) : Promise.resolve(void 0)]);
  } catch (err) {
    await dropEarly();
    throw err;
  }
  const type = opts.connectorType ?? (source.kind === "local" ? connectorTypeOf(source.config.labels, image) : void 0);
  const keepEarly = source.kind === "local" && type === guess;
  if (!keepEarly) await dropEarly();
  const records = [];
  const reads = [];
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
      reads,
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
      reads: reads.sort((a, b) => platforms.indexOf(a.platform) - platforms.indexOf(b.platform) || a.endMs - b.endMs),
      durationMs: Math.round(performance.now() - t0)
    };
  } finally {
    await rm(staged.dir, { recursive: true, force: true });
  }
}

export {
  hashSecrets,
  connectorTypeOf,
  platformList,
  verifyImage
};
