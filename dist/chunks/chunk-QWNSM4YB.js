import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  excludesSecrets,
  globToRegExp
} from "./chunk-Y7I4BW5I.js";
import {
  AIRBYTE_UID,
  AIRBYTE_USER,
  createsUser,
  hostPlatform,
  isResolved,
  ownerUser,
  ownershipEvidence,
  resolveBaseFacts,
  tableName,
  withTable
} from "./chunk-ESJ5KG2Y.js";
import {
  shellQuote,
  shellWords,
  splitShell
} from "./chunk-7KWH7VUP.js";
import {
  require_main
} from "./chunk-FCTKR6QB.js";
import {
  parseImageRef,
  splitImageRef
} from "./chunk-AC6MT37A.js";
import {
  __toESM,
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/lint/lint.ts
init_define_BC_HELP();

// src/lint/model.ts
init_define_BC_HELP();
var import_dockerfile_ast = __toESM(require_main(), 1);

// src/lint/origin.ts
init_define_BC_HELP();
var short = (digest) => digest.slice(0, 19);
function baseOrigin(b, part) {
  if (b.table && (b.from === "table" || part === "fs" && b.fsFrom === "table")) {
    return { ref: b.ref, from: "table", detail: `bundled table, ${b.table.entry}` };
  }
  if (b.from === "engine") return { ref: b.ref, from: "engine", detail: `local engine, image ${short(b.digest)}` };
  const repo = parseImageRef(b.ref)?.repository;
  const host = repo ? tableName(repo).split("/")[0] : void 0;
  return { ref: b.ref, from: "registry", detail: `registry ${host ?? "?"}, manifest ${short(b.digest)}` };
}
function dockerfileOrigin(ref, pos, how) {
  return { ref, from: "dockerfile", detail: `this Dockerfile creates user airbyte at line ${pos.line} (${how}), so its base does not provide it` };
}
var originNote = (o) => `base facts: ${o.detail}`;
function withOrigin(message, o) {
  return `${message} (${originNote(o)})`;
}

// src/lint/docker-words.ts
init_define_BC_HELP();
var isNameChar = (c) => c !== void 0 && /[A-Za-z0-9_]/.test(c);
var Lexer = class {
  constructor(src, lookup, escape) {
    this.src = src;
    this.lookup = lookup;
    this.escape = escape;
  }
  src;
  lookup;
  escape;
  i = 0;
  unknown = [];
  undeclared = [];
  /** Words separated by unquoted whitespace (split = true) or one word. */
  run(split, stopAt) {
    const words = [];
    let word = "";
    let started = false;
    const flush = () => {
      if (started) words.push(word);
      word = "";
      started = false;
    };
    while (this.i < this.src.length) {
      const c = this.src[this.i];
      if (stopAt !== void 0 && c === stopAt) break;
      if (split && (c === " " || c === "	" || c === "\n" || c === "\r")) {
        flush();
        this.i++;
        continue;
      }
      started = true;
      if (c === this.escape) {
        const next = this.src[this.i + 1];
        word += next ?? c;
        this.i += next === void 0 ? 1 : 2;
      } else if (c === "'") {
        const close = this.src.indexOf("'", this.i + 1);
        const end = close === -1 ? this.src.length : close;
        word += this.src.slice(this.i + 1, end);
        this.i = end + 1;
      } else if (c === '"') {
        this.i++;
        while (this.i < this.src.length && this.src[this.i] !== '"') {
          const d = this.src[this.i];
          const next = this.src[this.i + 1];
          if (d === this.escape && next !== void 0 && (next === '"' || next === "$" || next === this.escape)) {
            word += next;
            this.i += 2;
          } else if (d === "$") {
            word += this.dollar();
          } else {
            word += d;
            this.i++;
          }
        }
        this.i++;
      } else if (c === "$") {
        word += this.dollar();
      } else {
        word += c;
        this.i++;
      }
    }
    flush();
    return words;
  }
  resolve(name, written) {
    const v = this.lookup(name);
    if (v === null) {
      this.unknown.push(name);
      return { set: true, value: written };
    }
    if (v === void 0) {
      this.undeclared.push(name);
      return { set: false, value: "" };
    }
    return { set: true, value: v };
  }
  dollar() {
    const start = this.i;
    const next = this.src[this.i + 1];
    if (next === "{") {
      let j = this.i + 2;
      while (isNameChar(this.src[j])) j++;
      const name = this.src.slice(this.i + 2, j);
      const op = this.src.slice(j, j + 2);
      if (this.src[j] === "}") {
        this.i = j + 1;
        return this.resolve(name, this.src.slice(start, this.i)).value;
      }
      const modifier = op === ":-" || op === ":+" ? op : this.src[j] === "-" || this.src[j] === "+" ? this.src[j] : void 0;
      if (modifier === void 0) {
        const close = this.src.indexOf("}", j);
        this.i = close === -1 ? this.src.length : close + 1;
        const written2 = this.src.slice(start, this.i);
        this.unknown.push(name);
        return written2;
      }
      this.i = j + modifier.length;
      const alt = this.run(false, "}").join("");
      this.i++;
      const written = this.src.slice(start, this.i);
      const v = this.lookup(name);
      if (v === null) {
        this.unknown.push(name);
        return written;
      }
      const emptyCounts = modifier.startsWith(":");
      const isSet = v !== void 0 && (!emptyCounts || v !== "");
      if (modifier.endsWith("-")) return isSet ? v : alt;
      return isSet ? alt : "";
    }
    if (isNameChar(next) && !/[0-9]/.test(next)) {
      let j = this.i + 1;
      while (isNameChar(this.src[j])) j++;
      const name = this.src.slice(this.i + 1, j);
      this.i = j;
      return this.resolve(name, this.src.slice(start, j)).value;
    }
    this.i++;
    return "$";
  }
};
function expandWord(raw, lookup, escape = "\\") {
  const lx = new Lexer(raw, lookup, escape);
  const value = lx.run(false).join("");
  return { value, unknown: lx.unknown, undeclared: lx.undeclared };
}
function expandWords(raw, lookup, escape = "\\") {
  const lx = new Lexer(raw, lookup, escape);
  const words = lx.run(true);
  return { words, unknown: lx.unknown, undeclared: lx.undeclared };
}

// src/lint/instructions.ts
init_define_BC_HELP();
import { posix } from "node:path";
var posOf = (r) => ({ line: r.start.line + 1, column: r.start.character + 1 });
function stripFlags(text) {
  return text.replace(/^(\s*--\S+)*\s*/, "");
}
function parseJsonArray(text) {
  const t = text.trim();
  if (!t.startsWith("[")) return void 0;
  try {
    const v = JSON.parse(t);
    if (Array.isArray(v) && v.every((x) => typeof x === "string")) return v;
  } catch {
  }
  return void 0;
}
function applyInstruction(ins, stage, ctx) {
  const st = stage.state;
  const kw = ins.getKeyword();
  const pos = posOf(ins.getRange());
  const content = ins.getArgumentsContent() ?? "";
  const loc = (value, p, unknown = []) => ({ value, pos: p, stage, unknown });
  switch (kw) {
    case "ARG": {
      const prop = ins.getProperty();
      if (!prop) return;
      const name = prop.getName();
      const raw = prop.getUnescapedValue();
      const given = ctx.buildArgs[name];
      let value;
      if (given !== void 0) value = given;
      else if (raw !== null) value = expandWord(raw, ctx.lookup, ctx.esc).value;
      else if (ctx.globals.has(name)) value = ctx.globals.get(name) ?? null;
      else value = null;
      ctx.args.set(name, value);
      return;
    }
    case "ENV": {
      const updates = [];
      for (const prop of ins.getProperties()) {
        const raw = prop.getUnescapedValue() ?? "";
        const e = expandWord(raw, ctx.lookup, ctx.esc);
        updates.push([prop.getName(), loc(e.value, posOf(prop.getNameRange()), e.unknown)]);
      }
      for (const [k, v] of updates) st.env.set(k, v);
      return;
    }
    case "USER": {
      const e = expandWord(content.trim(), ctx.lookup, ctx.esc);
      st.user = loc(e.value, ins.getArguments()[0] ? posOf(ins.getArguments()[0].getRange()) : pos, e.unknown);
      return;
    }
    case "WORKDIR": {
      const e = expandWord(content.trim(), ctx.lookup, ctx.esc);
      const base = st.workdir?.value ?? "/";
      const abs = posix.resolve(base, e.value);
      st.workdir = loc(abs, ins.getArguments()[0] ? posOf(ins.getArguments()[0].getRange()) : pos, e.unknown);
      return;
    }
    case "VOLUME": {
      const json = parseJsonArray(content);
      const words = json ?? expandWords(content, ctx.lookup, ctx.esc).words;
      const argPos = ins.getArguments()[0] ? posOf(ins.getArguments()[0].getRange()) : pos;
      for (const w of words) st.volumes.push(loc(posix.resolve(st.workdir?.value ?? "/", w), argPos));
      return;
    }
    case "ENTRYPOINT": {
      const json = parseJsonArray(content);
      if (json) {
        const strings = ins.getJSONStrings();
        const argPos = json.map((_, i) => strings[i] ? posOf(strings[i].getRange()) : pos);
        st.entrypoint = { form: "exec", argv: json, argPos, raw: content, brokenJson: false, pos, stage };
      } else {
        const first = ins.getArguments()[0];
        const p = first ? posOf(first.getRange()) : pos;
        st.entrypoint = { form: "shell", argv: [content.trim()], argPos: [p], raw: content, brokenJson: content.trim().startsWith("["), pos, stage };
      }
      return;
    }
    case "RUN": {
      const body = stripFlags(content);
      const json = parseJsonArray(body);
      const shellLookup = (n) => ctx.lookup(n) ?? void 0;
      const input = json ? { argv: json } : { shell: body, lookup: shellLookup };
      const ev = ownershipEvidence(input, st.workdir?.value ?? "/");
      if (ev) st.airbyteDir = { ...ev, pos, stage };
      const made = createsUser(input, AIRBYTE_USER);
      if (made) st.airbyteUser = { exists: true, how: made, pos, stage };
      return;
    }
    case "COPY":
    case "ADD": {
      const copy = ins;
      const flags = new Map(copy.getFlags().map((f) => [f.getName().toLowerCase(), f.getValue() ?? ""]));
      const body = stripFlags(content);
      const json = parseJsonArray(body);
      let items;
      if (json) {
        const strings = copy.getJSONStrings();
        items = json.map((value, i) => ({ value, pos: strings[i] ? posOf(strings[i].getRange()) : pos }));
      } else if (body.startsWith("<<")) {
        return;
      } else {
        items = copy.getArguments().map((a) => ({ value: expandWord(a.getValue(), ctx.lookup, ctx.esc).value, pos: posOf(a.getRange()) }));
      }
      if (items.length < 2) return;
      const dest = items[items.length - 1].value;
      const fromFlag = flags.get("from");
      const from = fromFlag === void 0 ? void 0 : expandWord(fromFlag, ctx.lookup, ctx.esc).value;
      const destAbs = posix.resolve(st.workdir?.value ?? "/", dest);
      stage.copies.push({ keyword: kw, sources: items.slice(0, -1), dest, destAbs, from, pos, stage });
      const chown = flags.get("chown");
      if (chown !== void 0) {
        const owner = expandWord(chown, ctx.lookup, ctx.esc).value;
        const absDest = posix.resolve(st.workdir?.value ?? "/", dest);
        if (absDest === "/airbyte") {
          const ev = ownershipEvidence({ argv: ["chown", owner, "/airbyte"] }, "/");
          if (ev) st.airbyteDir = { ...ev, how: `${kw} --chown=${owner} ... /airbyte`, pos, stage };
        }
      }
      return;
    }
    default:
      return;
  }
}

// src/lint/model.ts
var KEYWORDS = /* @__PURE__ */ new Set([
  "ADD",
  "ARG",
  "CMD",
  "COPY",
  "ENTRYPOINT",
  "ENV",
  "EXPOSE",
  "FROM",
  "HEALTHCHECK",
  "LABEL",
  "MAINTAINER",
  "ONBUILD",
  "RUN",
  "SHELL",
  "STOPSIGNAL",
  "USER",
  "VOLUME",
  "WORKDIR"
]);
var PLATFORM_ARGS = /* @__PURE__ */ new Set(["TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT", "BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT"]);
function emptyState() {
  return { env: /* @__PURE__ */ new Map(), user: void 0, entrypoint: void 0, workdir: void 0, volumes: [], airbyteDir: void 0, airbyteUser: void 0 };
}
function stateFromBase(b, pos, stage) {
  const st = emptyState();
  const config = baseOrigin(b, "config");
  const files = baseOrigin(b, "fs");
  const loc = (value) => ({ value, pos, stage, unknown: [], base: config });
  for (const [k, v] of Object.entries(b.env)) st.env.set(k, loc(v));
  if (b.user !== "") st.user = loc(b.user);
  if (b.workdir !== "" && b.workdir !== "/") st.workdir = loc(b.workdir);
  if (b.entrypoint.length > 0) {
    st.entrypoint = { form: "exec", argv: b.entrypoint, argPos: b.entrypoint.map(() => pos), raw: JSON.stringify(b.entrypoint), brokenJson: false, pos, stage, base: config };
  }
  if (b.fs) {
    const d = b.fs.airbyteDir;
    const airbyte = b.fs.passwd?.find((u) => u.name === AIRBYTE_USER);
    if (d) {
      const owner = d.uid === (airbyte?.uid ?? Number(AIRBYTE_UID));
      st.airbyteDir = { owned: owner && d.type === "dir", how: `base image ${b.ref} has /airbyte ${d.type === "dir" ? "" : `as a ${d.type} `}owned by uid ${d.uid}`, pos, stage, base: files };
    }
    const where = files.from === "table" ? "" : " in /etc/passwd";
    st.airbyteUser = airbyte ? { exists: true, how: `base image ${b.ref} has user ${AIRBYTE_USER} (uid ${airbyte.uid})`, pos, stage, base: files } : { exists: false, how: `base image ${b.ref} has no user ${AIRBYTE_USER}${where}`, pos, stage, base: files };
  }
  return st;
}
function cloneState(s) {
  return { ...s, env: new Map(s.env), volumes: [...s.volumes] };
}
function fatal(ruleId, file, pos, message, { fix }) {
  return { ruleId, severity: "error", file, line: pos.line, column: pos.column, message, fix, fatal: true };
}
function buildModel(text, file, opts = {}) {
  const df = import_dockerfile_ast.DockerfileParser.parse(text);
  const esc = df.getEscapeCharacter();
  const buildArgs = opts.buildArgs ?? {};
  const out = { df, stages: [], final: void 0, fatal: [] };
  const instructions = df.getInstructions();
  if (text.includes("\0")) {
    out.fatal.push(fatal("syntax-no-from", file, { line: 1, column: 1 }, "not a Dockerfile (binary content)", { fix: "point lint at the connector Dockerfile" }));
    return out;
  }
  for (const ins of instructions) {
    if (!KEYWORDS.has(ins.getKeyword())) {
      out.fatal.push(
        fatal("syntax-unknown-instruction", file, posOf(ins.getInstructionRange()), `unknown instruction "${ins.getInstruction()}": docker build would fail`, {
          fix: "use a Dockerfile instruction (RUN, COPY, ENV, ...) or join the previous line with a trailing \\"
        })
      );
    }
  }
  const firstFrom = instructions.findIndex((i) => i.getKeyword() === "FROM");
  if (firstFrom === -1) {
    const pos = instructions[0] ? posOf(instructions[0].getRange()) : { line: 1, column: 1 };
    out.fatal.push(fatal("syntax-no-from", file, pos, "no FROM instruction: this is not a buildable Dockerfile", { fix: "start the image with FROM <base image>@sha256:<digest>" }));
    return out;
  }
  for (const ins of instructions.slice(0, firstFrom)) {
    if (ins.getKeyword() !== "ARG" && KEYWORDS.has(ins.getKeyword())) {
      out.fatal.push(fatal("syntax-before-from", file, posOf(ins.getRange()), `${ins.getKeyword()} before the first FROM: only ARG may come before FROM`, { fix: "move it below FROM" }));
    }
  }
  const globals = /* @__PURE__ */ new Map();
  for (const ins of instructions.slice(0, firstFrom)) {
    const prop = ins.getKeyword() === "ARG" ? ins.getProperty() : null;
    if (!prop) continue;
    const raw = prop.getUnescapedValue();
    const given = buildArgs[prop.getName()];
    globals.set(prop.getName(), given ?? (raw === null ? null : expandWord(raw, (n) => globalLookup(n), esc).value));
  }
  function globalLookup(n) {
    if (globals.has(n)) return globals.get(n);
    return PLATFORM_ARGS.has(n) ? null : void 0;
  }
  let current;
  let args = /* @__PURE__ */ new Map();
  const lookup = (n) => {
    const env = current?.state.env.get(n);
    if (env) return env.unknown.length > 0 ? null : env.value;
    if (args.has(n)) return args.get(n);
    return void 0;
  };
  for (const ins of instructions.slice(firstFrom)) {
    const kw = ins.getKeyword();
    if (kw === "FROM") {
      const from = ins;
      const imageRange = from.getImageRange();
      if (!imageRange) {
        out.fatal.push(fatal("syntax-from-image", file, posOf(from.getRange()), "FROM without an image", { fix: "FROM <image>@sha256:<digest>" }));
        continue;
      }
      const raw = from.getImage() ?? "";
      const img = expandWord(raw, globalLookup, esc);
      const imageName = img.value.toLowerCase();
      const parent = out.stages.find((s) => s.name !== void 0 && s.name === imageName);
      const stage = {
        index: out.stages.length,
        name: from.getBuildStage()?.toLowerCase() ?? void 0,
        from,
        pos: posOf(from.getRange()),
        imagePos: posOf(imageRange),
        image: img.value,
        imageUnknown: img.unknown,
        parent,
        instructions: [],
        state: parent ? cloneState(parent.state) : emptyState(),
        // BuildKit: a stage built FROM another stage inherits its ARGs too
        // (checked against the real builder in test/integration/lint-model.test.ts).
        args: new Map(parent?.args),
        copies: []
      };
      if (!parent && opts.base && img.unknown.length === 0 && img.value === opts.base.ref) {
        stage.base = opts.base;
        stage.state = stateFromBase(opts.base, stage.imagePos, stage);
      }
      out.stages.push(stage);
      current = stage;
      args = stage.args;
      continue;
    }
    if (!current) continue;
    current.instructions.push(ins);
    applyInstruction(ins, current, { esc, lookup, args, globals, buildArgs });
  }
  if (out.fatal.length > 0) return out;
  if (opts.target !== void 0) {
    const t = opts.target.toLowerCase();
    out.final = out.stages.find((s) => s.name === t);
    if (!out.final) {
      out.fatal.push(fatal("syntax-target", file, { line: 1, column: 1 }, `no stage named "${opts.target}"`, { fix: `use one of ${out.stages.map((s) => s.name ?? `#${s.index}`).join(", ")}` }));
    }
  } else {
    out.final = out.stages[out.stages.length - 1];
  }
  return out;
}

// src/lint/rule-context.ts
init_define_BC_HELP();
var DEFAULT_PERMITTED_WRITE_DIRS = ["/airbyte", "/tmp", "/secrets", "/config", "/custom_cache"];
function baseStatus(final, given) {
  const root = chainRoot(final);
  if (isScratch(root)) return { kind: "scratch" };
  if (root.base) return { kind: "known", ref: root.base.ref, facts: root.base };
  if (root.imageUnknown.length > 0) {
    return { kind: "unknown", ref: root.image, reason: `${root.imageUnknown.map((n) => `ARG ${n}`).join(", ")} has no value at lint time` };
  }
  const reason = given && "unresolved" in given ? given.unresolved : given ? `facts given for ${given.ref}, not this base` : "base image not resolved";
  return { kind: "unknown", ref: root.image, reason };
}
function finding(ctx, ruleId, severity, pos, message, extras = {}) {
  const { fix, origin } = extras;
  const f = { ruleId, severity, file: ctx.file, line: pos.line, column: pos.column, message: origin ? withOrigin(message, origin) : message };
  if (fix !== void 0) f.fix = fix;
  if (origin !== void 0) {
    if (origin.from !== "dockerfile") f.source = "base";
    f.base = origin.ref;
    f.facts = origin.from;
  }
  return f;
}
function knownOrigin(ctx, part) {
  return ctx.base.kind === "known" ? baseOrigin(ctx.base.facts, part) : void 0;
}
function baseFieldUnknown(ctx, field) {
  return ctx.base.kind === "known" && (ctx.base.facts.unknown?.includes(field) ?? false);
}
function unseenBaseFinding(ctx, ruleId, pos, message, ref, extras = {}) {
  return { ...finding(ctx, ruleId, "warning", pos, message, extras), source: "unresolved-base", base: ref };
}
function unknownBaseNote(ctx) {
  const b = ctx.base;
  return b.kind === "unknown" ? `; base image ${b.ref} could not be read (${b.reason}), so lint cannot tell: verify checks the built image` : "";
}
var stageLabel = (s) => s.name !== void 0 ? `stage "${s.name}"` : `stage #${s.index}`;
function chainRoot(s) {
  let r = s;
  while (r.parent) r = r.parent;
  return r;
}
var isScratch = (s) => s.image.toLowerCase() === "scratch";
function inheritedNote(ctx, from, pos, base) {
  if (base !== void 0) return ` (from base image ${base.ref})`;
  return from === ctx.final ? "" : ` (inherited from ${stageLabel(from)}, line ${pos.line})`;
}
function baseNote(ctx) {
  const b = ctx.base;
  if (b.kind === "scratch") return "";
  if (b.kind === "known") return ` (base image ${b.ref} does not set it either)`;
  return `; a value set by base image ${b.ref} cannot be seen here (${b.reason}; verify checks the built image)`;
}

// src/lint/rules-entrypoint.ts
init_define_BC_HELP();
import { posix as posix2 } from "node:path";
var FILE_EXT = /\.(py|pyc|pyz|sh|bash|jar|js|mjs|cjs|rb|pl|php|yaml|yml|json|toml|cfg|ini|conf|xml|properties|whl|zip|tar)$/i;
var URL = /^[a-z][a-z0-9+.-]*:\/\//i;
function relativePathIn(word, index) {
  if (word === "" || /\s/.test(word) || URL.test(word)) return void 0;
  let value = word;
  if (index > 0 && word.startsWith("-")) {
    const eq = word.indexOf("=");
    if (eq === -1) return void 0;
    value = word.slice(eq + 1);
  }
  const parts = index > 0 && value.includes(":") ? value.split(":") : [value];
  for (const p of parts) {
    if (p === "" || p.startsWith("/")) continue;
    if (p.includes("/") || p.startsWith(".") || p.startsWith("~") || FILE_EXT.test(p)) return p;
  }
  return void 0;
}
var dq = (s) => `"${s.replace(/[\\"$]/g, (c) => `\\${c}`)}"`;
var execForm = (argv) => JSON.stringify(argv).replace(/","/g, '", "');
var HAZARD_TEXT = {
  operator: "a shell operator, which would run or redirect another command",
  "command-substitution": "a command substitution, which would run a command",
  "parameter-expansion": "a variable the shell expands at run time",
  glob: "a glob the shell expands against the file system",
  tilde: "a ~ the shell expands to $HOME",
  comment: "a # that makes the shell drop the rest",
  newline: "a newline, which starts another command",
  "unterminated-quote": "an unterminated quote"
};
function pairNote(ctx) {
  return ctx.base.kind === "unknown" || baseFieldUnknown(ctx, "entrypoint") ? " (a base image cannot know this connector's entrypoint: set both here)" : baseNote(ctx);
}
function entrypointRules(ctx) {
  const out = [];
  const st = ctx.final.state;
  const ep = st.entrypoint && st.entrypoint.argv.length > 0 ? st.entrypoint : void 0;
  const env = st.env.get("AIRBYTE_ENTRYPOINT");
  if (!ep && !env) {
    const b = ctx.base;
    const what = baseFieldUnknown(ctx, "entrypoint") ? ` (base image ${b.kind === "known" ? b.ref : ""} sets no AIRBYTE_ENTRYPOINT; its ENTRYPOINT differs between its images)` : baseNote(ctx);
    const message = `the final image sets neither ENTRYPOINT nor ENV AIRBYTE_ENTRYPOINT${what}`;
    const fix = 'ENV AIRBYTE_ENTRYPOINT="python /airbyte/integration_code/main.py" and ENTRYPOINT ["python", "/airbyte/integration_code/main.py"]';
    out.push(
      b.kind === "unknown" ? unseenBaseFinding(ctx, "entrypoint-missing", ctx.final.pos, message, b.ref, { fix }) : finding(ctx, "entrypoint-missing", "error", ctx.final.pos, message, { fix, origin: knownOrigin(ctx, "config") })
    );
    return out;
  }
  if (!ep && env) {
    const words = shellWords(env.value);
    out.push(
      finding(
        ctx,
        "entrypoint-missing",
        "error",
        env.pos,
        `AIRBYTE_ENTRYPOINT is set${inheritedNote(ctx, env.stage, env.pos, env.base)} but the final image has no ENTRYPOINT${pairNote(ctx)}`,
        { fix: `ENTRYPOINT ${execForm(words)}`, origin: env.base ?? knownOrigin(ctx, "config") }
      )
    );
  }
  if (ep && !env) {
    const argv = ep.form === "exec" ? ep.argv : shellWords(ep.raw);
    out.push(
      finding(
        ctx,
        "airbyte-entrypoint-missing",
        "error",
        ep.pos,
        `ENTRYPOINT is set${inheritedNote(ctx, ep.stage, ep.pos, ep.base)} but ENV AIRBYTE_ENTRYPOINT is not${pairNote(ctx)}`,
        { fix: `ENV AIRBYTE_ENTRYPOINT=${dq(argv.map(shellQuote).join(" "))}`, origin: ep.base ?? knownOrigin(ctx, "config") }
      )
    );
  }
  if (ep?.form === "shell") {
    const words = shellWords(ep.raw.trim().replace(/^\[|\]$/g, ""));
    const fixArgv = ep.brokenJson ? words.map((w) => w.replace(/^"|",?$|,$/g, "")) : words;
    const why = ep.brokenJson ? "looks like exec form but is not valid JSON (strings need double quotes and commas), so Docker runs it through /bin/sh -c" : "is shell form: it runs through /bin/sh -c, so the connector is not PID 1, gets no signals and never sees the spec/check/read arguments";
    out.push(finding(ctx, "entrypoint-shell-form", "error", ep.pos, `ENTRYPOINT ${why}${inheritedNote(ctx, ep.stage, ep.pos, ep.base)}`, { fix: `ENTRYPOINT ${execForm(fixArgv)}`, origin: ep.base }));
  }
  if (ep?.form === "exec") {
    ep.argv.forEach((w, i) => {
      if (/[\u0000-\u001f\u007f]/.test(w)) {
        out.push(finding(ctx, "entrypoint-control-chars", "error", ep.argPos[i] ?? ep.pos, `ENTRYPOINT element ${i + 1} contains a control character (newline, tab...)${inheritedNote(ctx, ep.stage, ep.pos, ep.base)}`, { fix: "remove it", origin: ep.base }));
      }
    });
  }
  let envWords;
  if (env) {
    if (env.unknown.length > 0) {
      out.push(
        finding(
          ctx,
          "airbyte-entrypoint-unresolved",
          "warning",
          env.pos,
          `AIRBYTE_ENTRYPOINT depends on ${env.unknown.map((n) => `$${n}`).join(", ")}, which has no value at lint time, so it cannot be compared with ENTRYPOINT`,
          { fix: "give the ARG a default or write the value out" }
        )
      );
    } else {
      const split = splitShell(env.value);
      const seen = /* @__PURE__ */ new Set();
      for (const h of split.hazards) {
        if (seen.has(h.kind)) continue;
        seen.add(h.kind);
        const severity = h.kind === "glob" || h.kind === "tilde" ? "warning" : "error";
        out.push(
          finding(
            ctx,
            "airbyte-entrypoint-shell-syntax",
            severity,
            env.pos,
            `AIRBYTE_ENTRYPOINT contains ${JSON.stringify(h.text)}: ${HAZARD_TEXT[h.kind]} when the platform runs it through a shell${inheritedNote(ctx, env.stage, env.pos, env.base)}`,
            { fix: "keep only the program and its arguments, quoting any literal special character", origin: env.base }
          )
        );
      }
      envWords = split.tokens.filter((t) => t.kind === "word").map((t) => t.value);
      if (ep?.form === "exec" && (envWords.length !== ep.argv.length || envWords.some((w, i) => w !== ep.argv[i]))) {
        out.push(
          finding(
            ctx,
            "entrypoint-mismatch",
            "error",
            env.pos,
            `AIRBYTE_ENTRYPOINT splits to ${JSON.stringify(envWords)}${inheritedNote(ctx, env.stage, env.pos, env.base)} but ENTRYPOINT (${ep.base !== void 0 ? `from base image ${ep.base.ref}` : `line ${ep.pos.line}`}) is ${JSON.stringify(ep.argv)}`,
            { fix: `ENV AIRBYTE_ENTRYPOINT=${dq(ep.argv.map(shellQuote).join(" "))}${ep.base !== void 0 ? ` or set ENTRYPOINT here` : ""}`, origin: env.base ?? ep.base }
          )
        );
      }
    }
  }
  const workdir = st.workdir?.value ?? "/";
  const reportPaths = (argv, where, posAt, note, base) => {
    argv.forEach((w, i) => {
      const rel = relativePathIn(w, i);
      if (rel === void 0) return;
      const abs = rel.startsWith("~") ? void 0 : posix2.resolve(workdir === "/" ? "/airbyte/integration_code" : workdir, rel);
      out.push(
        finding(
          ctx,
          "entrypoint-relative-path",
          "error",
          posAt(i),
          `${JSON.stringify(rel)} in ${where} is not an absolute path: it depends on the working directory${note}`,
          { fix: `use the absolute path${abs ? ` (${abs})` : ""}`, origin: base }
        )
      );
    });
  };
  const epArgv = ep ? ep.form === "exec" ? ep.argv : shellWords(ep.raw) : void 0;
  if (ep && epArgv) reportPaths(epArgv, "ENTRYPOINT", (i) => ep.argPos[i] ?? ep.pos, inheritedNote(ctx, ep.stage, ep.pos, ep.base), ep.base);
  if (env && envWords && !(epArgv && envWords.join("\0") === epArgv.join("\0"))) {
    reportPaths(envWords, "AIRBYTE_ENTRYPOINT", () => env.pos, inheritedNote(ctx, env.stage, env.pos, env.base), env.base);
  }
  return out;
}

// src/lint/rules-image.ts
init_define_BC_HELP();
import { posix as posix3 } from "node:path";
function userRules(ctx) {
  const st = ctx.final.state;
  const u = st.user;
  if (!u) {
    const elsewhere = ctx.model.stages.find((s) => s !== ctx.final && s.state.user !== void 0 && s.state.user.base === void 0);
    const hint = elsewhere?.state.user ? ` (${stageLabel(elsewhere)} sets USER ${elsewhere.state.user.value} at line ${elsewhere.state.user.pos.line}, but the final stage does not build on it)` : "";
    const b = ctx.base;
    const who = b.kind === "known" ? ` and base image ${b.ref} sets none` : b.kind === "unknown" ? ` (base image ${b.ref} was not read: ${b.reason})` : "";
    return [
      finding(
        ctx,
        "user-missing",
        "error",
        ctx.final.pos,
        `the final stage has no USER${who}, so the connector runs as root${hint}`,
        { fix: `add USER ${AIRBYTE_USER} as the last instruction (uid ${AIRBYTE_UID})`, origin: knownOrigin(ctx, "config") }
      )
    ];
  }
  const note = inheritedNote(ctx, u.stage, u.pos, u.base);
  if (u.unknown.length > 0) {
    return [finding(ctx, "user-unresolved", "warning", u.pos, `USER ${u.value} depends on ${u.unknown.map((n) => `$${n}`).join(", ")}, unknown at lint time${note}`, { fix: `USER ${AIRBYTE_USER}` })];
  }
  const name = ownerUser(u.value);
  if (name === "" || name === "root" || name === "0") {
    return [finding(ctx, "user-root", "error", u.pos, `the final USER is root ("${u.value}")${note}`, { fix: `USER ${AIRBYTE_USER}`, origin: u.base })];
  }
  if (name === AIRBYTE_UID) {
    return [finding(ctx, "user-numeric", "warning", u.pos, `USER ${u.value} is the airbyte uid but not the name${note}`, { fix: `USER ${AIRBYTE_USER} (fails the build if the user does not exist)`, origin: u.base })];
  }
  if (name !== AIRBYTE_USER) {
    return [finding(ctx, "user-not-airbyte", "error", u.pos, `the final USER is "${u.value}", not ${AIRBYTE_USER}${note}`, { fix: `create ${AIRBYTE_USER} (uid ${AIRBYTE_UID}) and set USER ${AIRBYTE_USER}`, origin: u.base })];
  }
  return accountRules(ctx, u.pos);
}
function accountRules(ctx, userPos) {
  const st = ctx.final.state;
  const acct = st.airbyteUser;
  if (!acct) return [];
  if (!acct.exists) {
    return [
      finding(
        ctx,
        "user-account-missing",
        "error",
        userPos,
        `USER ${AIRBYTE_USER}, but ${acct.how} and this Dockerfile does not create it: the container cannot start ("unable to find user ${AIRBYTE_USER}")`,
        { fix: `RUN useradd --uid ${AIRBYTE_UID} --create-home --home-dir /airbyte ${AIRBYTE_USER} before USER, or build on a base image that has the user`, origin: acct.base }
      )
    ];
  }
  const fsFacts = ctx.base.kind === "known" ? ctx.base.facts.fs : void 0;
  const entry = fsFacts?.passwd?.find((p) => p.name === AIRBYTE_USER);
  const home = st.env.get("HOME");
  if (acct.base === void 0 || !fsFacts || !entry || fsFacts.airbyteHome === void 0 || home && home.base === void 0) return [];
  if (entry.home.replace(/\/+$/, "") === "/airbyte" && st.airbyteDir?.owned) return [];
  const h = fsFacts.airbyteHome;
  const why = h === null ? "does not exist" : h.type !== "dir" ? `is a ${h.type}` : h.uid !== entry.uid && (h.mode & 2) === 0 ? `is owned by uid ${h.uid}, not ${AIRBYTE_USER}` : void 0;
  if (why === void 0) return [];
  return [
    finding(
      ctx,
      "user-home-unusable",
      "warning",
      acct.pos,
      `user ${AIRBYTE_USER}'s home ${entry.home} in base image ${acct.base.ref} ${why}: tools that write to $HOME (pip, caches) fail`,
      { fix: "ENV HOME=/airbyte (or another permitted write dir)", origin: acct.base }
    )
  ];
}
function airbyteDirRules(ctx) {
  const ev = ctx.final.state.airbyteDir;
  const fix = `RUN mkdir -p /airbyte && chown -R ${AIRBYTE_USER}:${AIRBYTE_USER} /airbyte (or COPY --chown=${AIRBYTE_USER}:${AIRBYTE_USER} ... /airbyte)`;
  if (ev?.owned) return [];
  if (ev) {
    const what = ev.base !== void 0 ? `${ev.how}, and this Dockerfile does not hand it to ${AIRBYTE_USER}` : `\`${ev.how}\` leaves /airbyte owned by someone other than ${AIRBYTE_USER}${inheritedNote(ctx, ev.stage, ev.pos)}`;
    return [finding(ctx, "airbyte-dir-not-owned", "error", ev.pos, what, { fix, origin: ev.base })];
  }
  const b = ctx.base;
  if (b.kind === "scratch") {
    return [finding(ctx, "airbyte-dir-not-owned", "error", ctx.final.pos, `the final image never creates /airbyte owned by ${AIRBYTE_USER}`, { fix })];
  }
  if (b.kind === "known" && b.facts.fs) {
    return [
      finding(
        ctx,
        "airbyte-dir-not-owned",
        "error",
        ctx.final.pos,
        `neither this Dockerfile nor base image ${b.ref} creates /airbyte owned by ${AIRBYTE_USER} (the base has no /airbyte)`,
        { fix, origin: knownOrigin(ctx, "fs") }
      )
    ];
  }
  const made = ctx.final.state.airbyteUser;
  if (made?.exists && made.base === void 0) {
    return [
      finding(
        ctx,
        "airbyte-dir-not-owned",
        "error",
        ctx.final.pos,
        `this Dockerfile never creates /airbyte owned by ${AIRBYTE_USER}, and base image ${b.ref} cannot provide it: it has no ${AIRBYTE_USER} user`,
        { fix, origin: dockerfileOrigin(b.ref, made.pos, made.how) }
      )
    ];
  }
  const why = b.kind === "known" ? `; only the config of base image ${b.ref} was read (from its registry), not its file system: verify checks the built image` : unknownBaseNote(ctx);
  return [unseenBaseFinding(ctx, "airbyte-dir-not-owned", ctx.final.pos, `this Dockerfile does not create /airbyte owned by ${AIRBYTE_USER}, so it relies on the base image${why}`, b.ref, { fix })];
}
function baseImageRules(ctx) {
  const out = [];
  for (const s of ctx.model.stages) {
    if (s.parent || isScratch(s)) continue;
    if (s.imageUnknown.length > 0) {
      out.push(
        finding(
          ctx,
          "base-image-unpinned",
          "warning",
          s.imagePos,
          `FROM ${s.image} depends on ${s.imageUnknown.map((n) => `$${n}`).join(", ")}, unknown at lint time, so pinning cannot be checked`,
          { fix: "default the ARG to name:tag@sha256:<digest>" }
        )
      );
      continue;
    }
    const ref = splitImageRef(s.image);
    if (ref.digest !== void 0) continue;
    const pinned = `${ref.name}:${ref.tag && ref.tag !== "latest" ? ref.tag : "<version>"}@sha256:<digest>`;
    if (ref.tag === void 0 || ref.tag === "latest") {
      out.push(
        finding(
          ctx,
          "base-image-latest",
          "warning",
          s.imagePos,
          `FROM ${s.image} ${ref.tag === void 0 ? "has no tag (means latest)" : "uses the latest tag"}: the base moves under you`,
          { fix: `FROM ${pinned}` }
        )
      );
    }
    out.push(
      finding(
        ctx,
        "base-image-unpinned",
        "warning",
        s.imagePos,
        `FROM ${s.image} is not pinned by digest, so rebuilds may get a different base`,
        { fix: `FROM ${pinned} (docker buildx imagetools inspect ${s.image} shows the digest)` }
      )
    );
  }
  return out;
}
function isInside(path, dirs) {
  const p = posix3.normalize(path).replace(/(.)\/+$/, "$1");
  return dirs.some((d) => {
    const dir = posix3.normalize(d).replace(/(.)\/+$/, "$1");
    return dir === "/" || p === dir || p.startsWith(`${dir}/`);
  });
}
function writeDirRules(ctx) {
  const out = [];
  const st = ctx.final.state;
  const dirs = ctx.permittedWriteDirs;
  const list = dirs.join(" ");
  if (st.workdir && st.workdir.unknown.length === 0 && !isInside(st.workdir.value, dirs)) {
    out.push(
      finding(
        ctx,
        "workdir-outside-write-dirs",
        "warning",
        st.workdir.pos,
        `the final WORKDIR ${st.workdir.value} is outside the permitted write dirs (${list})${inheritedNote(ctx, st.workdir.stage, st.workdir.pos, st.workdir.base)}: anything the connector writes there breaks under a read-only root`,
        { fix: "WORKDIR /airbyte/integration_code", origin: st.workdir.base }
      )
    );
  }
  for (const v of st.volumes) {
    if (v.unknown.length > 0 || isInside(v.value, dirs)) continue;
    out.push(
      finding(
        ctx,
        "volume-outside-write-dirs",
        "warning",
        v.pos,
        `VOLUME ${v.value} is outside the permitted write dirs (${list})${inheritedNote(ctx, v.stage, v.pos)}`,
        { fix: "remove it or use a directory under one of them" }
      )
    );
  }
  const home = st.env.get("HOME");
  if (home && home.unknown.length === 0 && !isInside(home.value, dirs)) {
    out.push(
      finding(
        ctx,
        "home-outside-write-dirs",
        "warning",
        home.pos,
        `HOME=${home.value} is outside the permitted write dirs (${list})${inheritedNote(ctx, home.stage, home.pos, home.base)}: tools that write caches to $HOME will fail`,
        { fix: "ENV HOME=/airbyte (or another permitted dir)", origin: home.base }
      )
    );
  }
  return out;
}

// src/lint/rules-secrets.ts
init_define_BC_HELP();
import { posix as posix5 } from "node:path";

// src/lint/stages.ts
init_define_BC_HELP();
import { posix as posix4 } from "node:path";
function overlaps(a, b) {
  if (a === "/" || b === "/" || a === b) return true;
  return a.startsWith(`${b}/`) || b.startsWith(`${a}/`);
}
function sourcePrefix(src) {
  const abs = posix4.resolve("/", src);
  const parts = abs.split("/");
  const fixed = [];
  for (const p of parts.slice(1)) {
    if (/[*?[\\$]/.test(p)) break;
    fixed.push(p);
  }
  return `/${fixed.join("/")}`.replace(/\/+$/, "") || "/";
}
function stageByRef(model, ref) {
  const r = ref.toLowerCase();
  if (/^\d+$/.test(r)) return model.stages[Number(r)];
  return model.stages.find((s) => s.name === r);
}
var MOUNT_FROM = /,from=([^,\s]+)/;
function computeReach(model, final) {
  const paths = /* @__PURE__ */ new Map();
  const queue = [];
  const add = (stage, path) => {
    for (let s = stage; s; s = s.parent) {
      let set = paths.get(s);
      if (!set) {
        set = /* @__PURE__ */ new Set();
        paths.set(s, set);
      }
      if (set.has(path) || set.has("/")) continue;
      set.add(path);
      queue.push(s);
    }
  };
  add(final, "/");
  while (queue.length > 0) {
    const s = queue.shift();
    const reached = [...paths.get(s) ?? []];
    for (const c of s.copies) {
      if (c.from === void 0) continue;
      const src = stageByRef(model, c.from);
      if (!src || src === s) continue;
      if (!reached.some((p) => overlaps(p, c.destAbs))) continue;
      for (const item of c.sources) add(src, sourcePrefix(item.value));
    }
    for (const ins of s.instructions) {
      if (ins.getKeyword() !== "RUN") continue;
      for (const flag of ins.getFlags()) {
        if (flag.getName().toLowerCase() !== "mount") continue;
        const from = MOUNT_FROM.exec(`,${flag.getValue() ?? ""}`)?.[1];
        const src = from === void 0 ? void 0 : stageByRef(model, from);
        if (src && src !== s) add(src, "/");
      }
    }
  }
  return {
    paths: new Map([...paths].map(([k, v]) => [k, [...v]])),
    reaches: (stage, path) => [...paths.get(stage) ?? []].some((p) => overlaps(p, path)),
    reachedPaths: (stage) => [...paths.get(stage) ?? []].sort()
  };
}

// src/lint/rules-secrets.ts
var REMOTE = /^(https?:\/\/|git@|git:\/\/)/i;
function segments(source) {
  return posix5.normalize(source.replace(/^\/+/, "")).split("/").filter((s) => s !== "" && s !== ".");
}
var isWildcardOnly = (seg) => /^\*+$/.test(seg);
function namesSecrets(source) {
  return segments(source).some((seg) => seg === "secrets" || /[*?[]/.test(seg) && !isWildcardOnly(seg) && globToRegExp(seg).test("secrets"));
}
function isWholeContext(source) {
  const segs = segments(source);
  return segs.length === 0 || segs.every(isWildcardOnly);
}
function secretsRules(ctx) {
  const out = [];
  const reach = computeReach(ctx.model, ctx.final);
  for (const stage of ctx.model.stages) {
    for (const c of stage.copies) {
      if (c.from !== void 0) continue;
      for (const src of c.sources) {
        if (REMOTE.test(src.value)) continue;
        if (namesSecrets(src.value)) {
          out.push(
            finding(
              ctx,
              "secrets-copied",
              "error",
              src.pos,
              `${c.keyword} ${src.value} puts local credentials from secrets/ into the image`,
              { fix: "remove it (the platform mounts config at run time) and keep secrets/ in .dockerignore" }
            )
          );
        } else if (isWholeContext(src.value)) {
          if (ctx.dockerignore === void 0) {
            out.push(
              finding(
                ctx,
                "secrets-context-copy",
                "warning",
                src.pos,
                `${c.keyword} ${src.value} copies the whole build context; make sure .dockerignore excludes secrets/`,
                { fix: 'add a line "secrets/" to .dockerignore' }
              )
            );
          } else if (ctx.dockerignore === null || !excludesSecrets(ctx.dockerignore)) {
            const why = ctx.dockerignore === null ? "there is no .dockerignore" : "the .dockerignore does not exclude secrets/";
            if (!reach.reaches(stage, c.destAbs)) {
              const taken = reach.reachedPaths(stage);
              const path = taken.length === 0 ? "nothing from it" : `only ${taken.join(", ")} from it`;
              out.push(
                finding(
                  ctx,
                  "secrets-context-copy",
                  "warning",
                  src.pos,
                  `${c.keyword} ${src.value} in ${stageLabel(stage)} copies the whole build context to ${c.destAbs} and ${why}: these files do not reach the final image (it takes ${path}), but local credentials in secrets/ stay in this stage's layers, which leave the machine when the build cache is exported with --cache-to ...,mode=max`,
                  { fix: 'add a line "secrets/" to .dockerignore, or copy only what the build needs' }
                )
              );
              continue;
            }
            out.push(
              finding(
                ctx,
                "secrets-context-copy",
                "error",
                src.pos,
                `${c.keyword} ${src.value} copies the whole build context and ${why}, so local credentials in secrets/ end up in the image`,
                { fix: 'add a line "secrets/" to .dockerignore, or copy only what the connector needs' }
              )
            );
          }
        }
      }
    }
  }
  return out;
}

// src/lint/lint.ts
var RULE_FUNCTIONS = [entrypointRules, userRules, airbyteDirRules, baseImageRules, writeDirRules, secretsRules];
function sortFindings(findings) {
  return [...findings].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
}
function lintDockerfile(text, file, opts = {}) {
  const facts = isResolved(opts.baseFacts) ? opts.baseFacts : void 0;
  const model = facts ? buildModel(text, file, { buildArgs: opts.buildArgs, target: opts.target, base: facts }) : plainModel(text, file, opts);
  if (model.fatal.length > 0 || !model.final) return sortFindings(model.fatal);
  const base = baseStatus(model.final, opts.baseFacts);
  const label = base.kind === "known" ? listLabel(base.facts.labels[WRITE_DIRS_LABEL]) : void 0;
  const ctx = {
    file,
    model,
    final: model.final,
    permittedWriteDirs: opts.permittedWriteDirs ?? label ?? DEFAULT_PERMITTED_WRITE_DIRS,
    dockerignore: opts.dockerignore,
    base
  };
  return sortFindings(RULE_FUNCTIONS.flatMap((rule) => rule(ctx)));
}
var WRITE_DIRS_LABEL = "io.airbyte.permitted-write-dirs";
function listLabel(v) {
  const dirs = v?.split(",").map((d) => d.trim()).filter((d) => d.startsWith("/"));
  return dirs && dirs.length > 0 ? dirs : void 0;
}
var plainModels = /* @__PURE__ */ new Map();
var PLAIN_MODELS_MAX = 64;
function plainModel(text, file, opts) {
  const key = `${file}\0${opts.target ?? ""}\0${JSON.stringify(opts.buildArgs ?? {})}\0${text}`;
  const hit = plainModels.get(key);
  if (hit) return hit;
  const model = buildModel(text, file, { buildArgs: opts.buildArgs, target: opts.target });
  plainModels.set(key, model);
  if (plainModels.size > PLAIN_MODELS_MAX) plainModels.delete(plainModels.keys().next().value);
  return model;
}
function finalBase(text, file, opts = {}) {
  const model = plainModel(text, file, opts);
  if (model.fatal.length > 0 || !model.final) return { kind: "none" };
  const root = chainRoot(model.final);
  if (isScratch(root)) return { kind: "none" };
  if (root.imageUnknown.length > 0) {
    return { kind: "unresolvable", ref: root.image, unresolved: `${root.imageUnknown.map((n) => `ARG ${n}`).join(", ")} has no value at lint time` };
  }
  return { kind: "ref", ref: root.image };
}
async function baseFactsFor(text, file, opts = {}) {
  if (opts.baseFacts !== void 0) return opts.baseFacts;
  const b = finalBase(text, file, opts);
  if (b.kind === "none") return void 0;
  if (b.kind === "unresolvable") return { unresolved: b.unresolved, ref: b.ref };
  if (opts.resolveBase === false) {
    const off = { unresolved: "resolution turned off (--no-resolve)", ref: b.ref };
    return opts.resolve?.table === false ? off : withTable(off, b.ref, opts.resolve?.platform ?? hostPlatform());
  }
  return resolveBaseFacts(b.ref, opts.resolve);
}
async function lintWithBase(text, file, opts = {}) {
  const baseFacts = await baseFactsFor(text, file, opts);
  return lintDockerfile(text, file, { ...opts, baseFacts });
}
function summarize(findings) {
  return {
    errors: findings.filter((f) => f.severity === "error").length,
    warnings: findings.filter((f) => f.severity === "warning").length,
    fatal: findings.some((f) => f.fatal === true)
  };
}

export {
  buildModel,
  sortFindings,
  lintDockerfile,
  baseFactsFor,
  lintWithBase,
  summarize
};
