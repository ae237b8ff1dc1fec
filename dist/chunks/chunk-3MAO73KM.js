import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  ImageConfigSchema,
  copyFromContainer,
  createProbe,
  engineJson,
  inspectLocalImage,
  normalizeConfig,
  parsePasswd
} from "./chunk-5OPUOX7Y.js";
import {
  parseImageRef
} from "./chunk-2PTM4VG7.js";
import {
  RegistryClient,
  retryPolicy
} from "./chunk-RULUS656.js";
import {
  external_exports
} from "./chunk-CTABBEN6.js";
import {
  init_define_BC_HELP
} from "./chunk-6ZG2IHFH.js";

// src/lint/base-facts.ts
init_define_BC_HELP();
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

// src/lint/ownership.ts
init_define_BC_HELP();
import { posix } from "node:path";

// src/lint/shell-words.ts
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

// src/lint/ownership.ts
var AIRBYTE_USER = "airbyte";
var AIRBYTE_UID = "1000";
function ownerUser(spec) {
  return spec.split(/[:.]/)[0] ?? spec;
}
var isAirbyteOwner = (spec) => {
  const u = ownerUser(spec);
  return u === AIRBYTE_USER || u === AIRBYTE_UID;
};
var RESERVED = /* @__PURE__ */ new Set(["if", "then", "else", "elif", "do", "while", "until", "!", "{", "("]);
function unwrap(argv) {
  let a = argv;
  for (; ; ) {
    const h = a[0];
    if (h === "sudo" || h === "exec" || h === "command" || h === "nohup" || h !== void 0 && RESERVED.has(h)) a = a.slice(1);
    else if (h === "env") {
      a = a.slice(1);
      while (a[0] !== void 0 && (a[0].includes("=") || a[0].startsWith("-"))) a = a.slice(1);
    } else if (h !== void 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(h)) a = a.slice(1);
    else return a;
  }
}
var isAirbyteDir = (p, workdir) => posix.resolve(workdir, p) === "/airbyte";
function fromChown(args, workdir) {
  const positional = args.filter((a) => !a.startsWith("-"));
  const [owner, ...paths] = positional;
  if (owner === void 0 || !paths.some((p) => isAirbyteDir(p, workdir))) return void 0;
  return { owned: isAirbyteOwner(owner), how: `chown ${args.join(" ")}` };
}
function fromInstall(args, workdir) {
  if (!args.includes("-d") && !args.includes("--directory")) return void 0;
  let owner;
  const paths = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-o" || a === "--owner") owner = args[++i];
    else if (a.startsWith("--owner=")) owner = a.slice("--owner=".length);
    else if (a === "-g" || a === "--group" || a === "-m" || a === "--mode") i++;
    else if (!a.startsWith("-")) paths.push(a);
  }
  if (owner === void 0 || !paths.some((p) => isAirbyteDir(p, workdir))) return void 0;
  return { owned: isAirbyteOwner(owner), how: `install ${args.join(" ")}` };
}
function fromUseradd(cmd, args) {
  let home;
  let create = cmd === "adduser";
  let name;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-d" || a === "--home-dir" || a === "--home" || cmd === "adduser" && a === "-h") home = args[++i];
    else if (a.startsWith("--home-dir=") || a.startsWith("--home=")) home = a.slice(a.indexOf("=") + 1);
    else if (a === "-m" || a === "--create-home") create = true;
    else if (a === "-M" || a === "--no-create-home" || cmd === "adduser" && a === "-H") create = false;
    else if (["-u", "--uid", "-g", "--gid", "-G", "--groups", "-s", "--shell", "-c", "--comment", "--gecos", "--ingroup", "-k"].includes(a)) i++;
    else if (!a.startsWith("-")) name = a;
  }
  if (home === void 0 || posix.normalize(home).replace(/\/$/, "") !== "/airbyte" || !create) return void 0;
  if (name !== AIRBYTE_USER) return void 0;
  return { owned: true, how: `${cmd} ${args.join(" ")}` };
}
function ownershipEvidence(input, workdir) {
  const commands = "argv" in input ? [input.argv] : shellCommands(input.shell, { lookup: input.lookup });
  let last;
  let cwd = workdir;
  for (const raw of commands) {
    const [cmd, ...args] = unwrap(raw);
    if (cmd === void 0) continue;
    const name = posix.basename(cmd);
    if (name === "cd") {
      cwd = posix.resolve(cwd, args[0] ?? "/");
      continue;
    }
    const ev = name === "chown" ? fromChown(args, cwd) : name === "install" ? fromInstall(args, cwd) : name === "useradd" || name === "adduser" ? fromUseradd(name, args) : void 0;
    if (ev) last = ev;
  }
  return last;
}
function createsUser(input, name) {
  const commands = "argv" in input ? [input.argv] : shellCommands(input.shell, { lookup: input.lookup });
  let found;
  for (const raw of commands) {
    const [cmd, ...args] = unwrap(raw);
    if (cmd === void 0) continue;
    const base = posix.basename(cmd);
    if (base !== "useradd" && base !== "adduser") continue;
    const valueFlags = /* @__PURE__ */ new Set(["-u", "--uid", "-g", "--gid", "-G", "--groups", "-s", "--shell", "-c", "--comment", "--gecos", "--ingroup", "-k", "--skel", "-d", "--home-dir", "--home", "-h", "-e", "-f", "-K", "-p", "--password"]);
    const positional = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (valueFlags.has(a)) i++;
      else if (!a.startsWith("-")) positional.push(a);
    }
    if (positional[0] === name && (base === "useradd" || positional.length === 1)) found = `${base} ${args.join(" ")}`;
  }
  return found;
}

// src/lint/base-facts.ts
var PathFactsSchema = external_exports.object({ type: external_exports.enum(["file", "dir", "symlink", "hardlink", "other"]), uid: external_exports.number(), gid: external_exports.number(), mode: external_exports.number() });
var BaseFactsSchema = external_exports.object({
  ref: external_exports.string(),
  digest: external_exports.string(),
  from: external_exports.enum(["engine", "registry"]),
  platform: external_exports.string(),
  user: external_exports.string(),
  env: external_exports.record(external_exports.string(), external_exports.string()),
  entrypoint: external_exports.array(external_exports.string()),
  workdir: external_exports.string(),
  labels: external_exports.record(external_exports.string(), external_exports.string()),
  fs: external_exports.object({
    passwd: external_exports.array(external_exports.object({ name: external_exports.string(), uid: external_exports.number(), gid: external_exports.number(), home: external_exports.string(), shell: external_exports.string() })).nullable(),
    airbyteDir: PathFactsSchema.nullable(),
    airbyteHome: PathFactsSchema.nullable().optional()
  }).optional()
});
var CACHE_VERSION = 1;
var isResolved = (f) => f !== void 0 && !("unresolved" in f);
function hostPlatform() {
  return `linux/${process.arch === "arm64" ? "arm64" : "amd64"}`;
}
function defaultCacheDir() {
  const root = process.env.BUILD_CONNECTOR_CACHE;
  return root ? join(root, "lint-base") : join(tmpdir(), "build-connector-lint-base");
}
function registryLocation(ref) {
  const parsed = parseImageRef(ref);
  if (!parsed) return void 0;
  const parts = parsed.repository.split("/");
  const first = parts[0] ?? "";
  const hasHost = parts.length > 1 && (first.includes(".") || first.includes(":") || first === "localhost");
  const registry = hasHost ? first : "docker.io";
  let repository = hasHost ? parts.slice(1).join("/") : parsed.repository;
  if ((registry === "docker.io" || registry === "index.docker.io") && !repository.includes("/")) repository = `library/${repository}`;
  return { registry, repository, reference: parsed.digest ?? parsed.tag ?? "latest" };
}
var cacheFile = (dir, digest) => join(dir, `v${CACHE_VERSION}-${digest.replace(/^sha256:/, "")}.json`);
async function readCache(dir, digest, ref) {
  if (dir === false || !digest || !/^sha256:[0-9a-f]{64}$/.test(digest)) return void 0;
  try {
    const parsed = BaseFactsSchema.safeParse(JSON.parse(await readFile(cacheFile(dir, digest), "utf8")));
    return parsed.success ? { ...parsed.data, ref } : void 0;
  } catch {
    return void 0;
  }
}
async function writeCache(dir, digests, facts) {
  if (dir === false) return;
  try {
    await mkdir(dir, { recursive: true });
    for (const d of new Set(digests)) {
      if (!d || !/^sha256:[0-9a-f]{64}$/.test(d)) continue;
      const file = cacheFile(dir, d);
      const tmp = `${file}.${process.pid}.tmp`;
      await writeFile(tmp, JSON.stringify(facts));
      await rename(tmp, file);
    }
  } catch {
  }
}
var EngineImageSchema = external_exports.object({ Id: external_exports.string(), RepoDigests: external_exports.array(external_exports.string()).nullish(), Config: ImageConfigSchema.nullish() }).loose();
async function inspectEngine(ref) {
  const api = await engineJson("GET", `/images/${encodeURI(ref)}/json`);
  if (api?.status === 404) return { missing: true };
  if (api?.status === 200) {
    const img = EngineImageSchema.safeParse(api.body);
    if (img.success) return { id: img.data.Id, config: normalizeConfig(img.data.Config) };
  }
  try {
    const local = await inspectLocalImage(ref);
    return local ?? { missing: true };
  } catch (err) {
    return { unreachable: err instanceof Error ? err.message : String(err) };
  }
}
var pathFacts = (e) => e ? { type: e.type, uid: e.uid, gid: e.gid, mode: e.mode } : null;
async function statPath(container, path) {
  const r = await copyFromContainer(container, path, { keep: () => 0, maxBytes: 64 * 1024 });
  return r.exists ? pathFacts(r.entries[0]) : null;
}
async function readFsFacts(ref, platform) {
  const created = await createProbe(ref, platform, "never");
  if (!created.ok) return void 0;
  const { probe } = created;
  try {
    const passwdTar = await copyFromContainer(probe.name, "/etc/passwd", { maxBytes: 4 * 1024 * 1024 });
    const entry = passwdTar.entries.find((e) => e.type === "file");
    const passwd = !passwdTar.exists ? null : entry?.content ? parsePasswd(entry.content.toString("utf8")) : void 0;
    if (passwd === void 0) return void 0;
    const airbyteDir = await statPath(probe.name, "/airbyte");
    const user = passwd?.find((u) => u.name === AIRBYTE_USER);
    const airbyteHome = user ? user.home === "/airbyte" ? airbyteDir : await statPath(probe.name, user.home) : void 0;
    return { passwd, airbyteDir, ...user ? { airbyteHome } : {} };
  } catch {
    return void 0;
  } finally {
    await probe.remove();
  }
}
var DescriptorSchema = external_exports.object({ digest: external_exports.string(), mediaType: external_exports.string().optional(), platform: external_exports.object({ os: external_exports.string(), architecture: external_exports.string(), variant: external_exports.string().optional() }).loose().optional() }).loose();
var ManifestSchema = external_exports.object({ manifests: external_exports.array(DescriptorSchema).optional(), config: DescriptorSchema.optional() }).loose();
var ConfigBlobSchema = external_exports.object({ config: ImageConfigSchema.nullish() }).loose();
async function readRegistry(ref, platform, timeoutMs) {
  const loc = registryLocation(ref);
  if (!loc) return { unresolved: `${ref} is not an image reference` };
  const client = new RegistryClient(loc.registry, { retry: retryPolicy(1), timeoutMs });
  try {
    const top = await client.getManifest(loc.repository, loc.reference);
    if (!top) return { unresolved: `${loc.registry} has no ${loc.repository}:${loc.reference}` };
    let manifest = ManifestSchema.parse(JSON.parse(top.bytes.toString("utf8")));
    let chosen = platform;
    if (manifest.manifests) {
      const [os, arch] = platform.split("/");
      const real = manifest.manifests.filter((m) => m.platform && m.platform.os !== "unknown");
      const pick = real.find((m) => m.platform?.os === os && m.platform?.architecture === arch) ?? real[0];
      if (!pick?.platform) return { unresolved: `${ref}: the index lists no platform image` };
      chosen = [pick.platform.os, pick.platform.architecture, pick.platform.variant].filter(Boolean).join("/");
      const sub = await client.getManifest(loc.repository, pick.digest);
      if (!sub) return { unresolved: `${ref}: ${pick.digest} is listed but missing` };
      manifest = ManifestSchema.parse(JSON.parse(sub.bytes.toString("utf8")));
    }
    if (!manifest.config) return { unresolved: `${ref}: the manifest has no config` };
    const blob = await client.getBlob(loc.repository, manifest.config.digest);
    if (!blob) return { unresolved: `${ref}: config blob ${manifest.config.digest.slice(0, 19)} missing` };
    const cfg = ConfigBlobSchema.parse(JSON.parse(blob.toString("utf8")));
    return { digest: top.digest, config: normalizeConfig(cfg.config), platform: chosen };
  } catch (err) {
    return { unresolved: `registry ${loc.registry} did not answer (${shortReason(err)})` };
  }
}
function shortReason(err) {
  const msg = (err instanceof Error ? err.message : String(err)).split("\n")[0] ?? "";
  const m = /failed: (.*?)(?: — |$)/.exec(msg);
  return (m?.[1] ?? msg).slice(0, 160);
}
var memo = /* @__PURE__ */ new Map();
function clearBaseFactsMemo() {
  memo.clear();
}
function resolveBaseFacts(ref, opts = {}) {
  const key = JSON.stringify([ref, opts.engine ?? true, opts.registry ?? true, opts.fileSystem ?? true, opts.platform ?? "", opts.cacheDir ?? ""]);
  let p = memo.get(key);
  if (!p) {
    p = resolveUncached(ref, opts).catch((err) => ({ unresolved: err instanceof Error ? err.message : String(err), ref }));
    memo.set(key, p);
  }
  return p;
}
async function resolveUncached(ref, opts) {
  const platform = opts.platform ?? hostPlatform();
  const cacheDir = opts.cacheDir === void 0 ? defaultCacheDir() : opts.cacheDir;
  const pinned = parseImageRef(ref)?.digest;
  const readFs = opts.fileSystem ?? true;
  const reasons = [];
  const cachedPinned = await readCache(cacheDir, pinned, ref);
  if (cachedPinned && (cachedPinned.fs || !readFs)) return cachedPinned;
  if (opts.engine ?? true) {
    const img = await inspectEngine(ref);
    if ("id" in img) {
      const cached = await readCache(cacheDir, img.id, ref);
      if (cached && (cached.fs || !readFs)) return cached;
      const fs = readFs ? await readFsFacts(ref, platform) : void 0;
      const c = img.config;
      const facts = { ref, digest: img.id, from: "engine", platform, user: c.user, env: c.env, entrypoint: c.entrypoint, workdir: c.workdir, labels: c.labels, ...fs ? { fs } : {} };
      if (fs || !readFs) await writeCache(cacheDir, [img.id, pinned], facts);
      return facts;
    }
    reasons.push("unreachable" in img ? "the docker engine is not reachable" : "not in the local engine");
  }
  if (cachedPinned) return cachedPinned;
  if (opts.registry ?? true) {
    const r = await readRegistry(ref, platform, opts.registryTimeoutMs ?? 5e3);
    if (!("unresolved" in r)) {
      const c = r.config;
      const facts = { ref, digest: r.digest, from: "registry", platform: r.platform, user: c.user, env: c.env, entrypoint: c.entrypoint, workdir: c.workdir, labels: c.labels };
      await writeCache(cacheDir, [r.digest, pinned], facts);
      return facts;
    }
    reasons.push(r.unresolved);
  }
  return { unresolved: reasons.join("; ") || "resolution turned off", ref };
}

export {
  splitShell,
  shellWords,
  shellQuote,
  AIRBYTE_USER,
  AIRBYTE_UID,
  ownerUser,
  ownershipEvidence,
  createsUser,
  isResolved,
  hostPlatform,
  defaultCacheDir,
  registryLocation,
  shortReason,
  clearBaseFactsMemo,
  resolveBaseFacts
};
