import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  require_main
} from "./chunk-3V2W6OQB.js";
import {
  __toESM,
  init_define_BC_HELP
} from "./chunk-CBKKNZPR.js";

// src/lint/lint.ts
init_define_BC_HELP();

// src/lint/model.ts
init_define_BC_HELP();
var import_dockerfile_ast = __toESM(require_main(), 1);
import { posix as posix2 } from "node:path";

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

// src/lint/ownership.ts
init_define_BC_HELP();
import { posix } from "node:path";

// src/lint/shell-words.ts
init_define_BC_HELP();
var OPERATOR_CHARS = /* @__PURE__ */ new Set([";", "&", "|", "<", ">", "(", ")"]);
var TWO_CHAR_OPS = /* @__PURE__ */ new Set(["&&", "||", ">>", ";;", "<<", ">&", "<&", ">|"]);
var isNameStart = (c) => /[A-Za-z_]/.test(c);
var isNameChar2 = (c) => /[A-Za-z0-9_]/.test(c);
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
      while (j < input.length && isNameChar2(input[j] ?? "")) j++;
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
function unwrap(argv) {
  let a = argv;
  for (; ; ) {
    const h = a[0];
    if (h === "sudo" || h === "exec" || h === "command" || h === "nohup") a = a.slice(1);
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
var posOf = (r) => ({ line: r.start.line + 1, column: r.start.character + 1 });
function emptyState() {
  return { env: /* @__PURE__ */ new Map(), user: void 0, entrypoint: void 0, workdir: void 0, volumes: [], airbyteDir: void 0 };
}
function cloneState(s) {
  return { ...s, env: new Map(s.env), volumes: [...s.volumes] };
}
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
function fatal(ruleId, file, pos, message) {
  return { ruleId, severity: "error", file, line: pos.line, column: pos.column, message, fatal: true };
}
function buildModel(text, file, opts = {}) {
  const df = import_dockerfile_ast.DockerfileParser.parse(text);
  const esc = df.getEscapeCharacter();
  const buildArgs = opts.buildArgs ?? {};
  const out = { df, stages: [], final: void 0, fatal: [] };
  const instructions = df.getInstructions();
  if (text.includes("\0")) {
    out.fatal.push(fatal("syntax-no-from", file, { line: 1, column: 1 }, "not a Dockerfile (binary content); fix: point lint at the connector Dockerfile"));
    return out;
  }
  for (const ins of instructions) {
    if (!KEYWORDS.has(ins.getKeyword())) {
      out.fatal.push(
        fatal("syntax-unknown-instruction", file, posOf(ins.getInstructionRange()), `unknown instruction "${ins.getInstruction()}": docker build would fail; fix: use a Dockerfile instruction (RUN, COPY, ENV, ...) or join the previous line with a trailing \\`)
      );
    }
  }
  const firstFrom = instructions.findIndex((i) => i.getKeyword() === "FROM");
  if (firstFrom === -1) {
    const pos = instructions[0] ? posOf(instructions[0].getRange()) : { line: 1, column: 1 };
    out.fatal.push(fatal("syntax-no-from", file, pos, "no FROM instruction: this is not a buildable Dockerfile; fix: start the image with FROM <base image>@sha256:<digest>"));
    return out;
  }
  for (const ins of instructions.slice(0, firstFrom)) {
    if (ins.getKeyword() !== "ARG" && KEYWORDS.has(ins.getKeyword())) {
      out.fatal.push(fatal("syntax-before-from", file, posOf(ins.getRange()), `${ins.getKeyword()} before the first FROM: only ARG may come before FROM; fix: move it below FROM`));
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
        out.fatal.push(fatal("syntax-from-image", file, posOf(from.getRange()), "FROM without an image; fix: FROM <image>@sha256:<digest>"));
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
      out.fatal.push(fatal("syntax-target", file, { line: 1, column: 1 }, `no stage named "${opts.target}"; fix: use one of ${out.stages.map((s) => s.name ?? `#${s.index}`).join(", ")}`));
    }
  } else {
    out.final = out.stages[out.stages.length - 1];
  }
  return out;
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
      const abs = posix2.resolve(base, e.value);
      st.workdir = loc(abs, ins.getArguments()[0] ? posOf(ins.getArguments()[0].getRange()) : pos, e.unknown);
      return;
    }
    case "VOLUME": {
      const json = parseJsonArray(content);
      const words = json ?? expandWords(content, ctx.lookup, ctx.esc).words;
      const argPos = ins.getArguments()[0] ? posOf(ins.getArguments()[0].getRange()) : pos;
      for (const w of words) st.volumes.push(loc(posix2.resolve(st.workdir?.value ?? "/", w), argPos));
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
      const ev = ownershipEvidence(json ? { argv: json } : { shell: body, lookup: shellLookup }, st.workdir?.value ?? "/");
      if (ev) st.airbyteDir = { ...ev, pos, stage };
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
      stage.copies.push({ keyword: kw, sources: items.slice(0, -1), dest, from, pos, stage });
      const chown = flags.get("chown");
      if (chown !== void 0) {
        const owner = expandWord(chown, ctx.lookup, ctx.esc).value;
        const absDest = posix2.resolve(st.workdir?.value ?? "/", dest);
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

// src/lint/rule-context.ts
init_define_BC_HELP();
var DEFAULT_PERMITTED_WRITE_DIRS = ["/airbyte", "/tmp", "/secrets", "/config", "/custom_cache"];
function finding(ctx, ruleId, severity, pos, message) {
  return { ruleId, severity, file: ctx.file, line: pos.line, column: pos.column, message };
}
var stageLabel = (s) => s.name !== void 0 ? `stage "${s.name}"` : `stage #${s.index}`;
function chainRoot(s) {
  let r = s;
  while (r.parent) r = r.parent;
  return r;
}
var isScratch = (s) => s.image.toLowerCase() === "scratch";
function inheritedNote(ctx, from, pos) {
  return from === ctx.final ? "" : ` (inherited from ${stageLabel(from)}, line ${pos.line})`;
}
function baseNote(ctx) {
  const root = chainRoot(ctx.final);
  if (isScratch(root)) return "";
  return `; a value set by base image ${root.image} cannot be seen here (inherited from base image, verify checks the built image)`;
}

// src/lint/rules-entrypoint.ts
init_define_BC_HELP();
import { posix as posix3 } from "node:path";
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
function entrypointRules(ctx) {
  const out = [];
  const st = ctx.final.state;
  const ep = st.entrypoint && st.entrypoint.argv.length > 0 ? st.entrypoint : void 0;
  const env = st.env.get("AIRBYTE_ENTRYPOINT");
  if (!ep && !env) {
    const external = !isScratch(chainRoot(ctx.final));
    out.push(
      finding(
        ctx,
        "entrypoint-missing",
        external ? "warning" : "error",
        ctx.final.pos,
        `the final image sets neither ENTRYPOINT nor ENV AIRBYTE_ENTRYPOINT${baseNote(ctx)}; fix: ENV AIRBYTE_ENTRYPOINT="python /airbyte/integration_code/main.py" and ENTRYPOINT ["python", "/airbyte/integration_code/main.py"]`
      )
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
        `AIRBYTE_ENTRYPOINT is set${inheritedNote(ctx, env.stage, env.pos)} but the final image has no ENTRYPOINT${baseNote(ctx)}; fix: ENTRYPOINT ${execForm(words)}`
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
        `ENTRYPOINT is set${inheritedNote(ctx, ep.stage, ep.pos)} but ENV AIRBYTE_ENTRYPOINT is not${baseNote(ctx)}; fix: ENV AIRBYTE_ENTRYPOINT=${dq(argv.map(shellQuote).join(" "))}`
      )
    );
  }
  if (ep?.form === "shell") {
    const words = shellWords(ep.raw.trim().replace(/^\[|\]$/g, ""));
    const fixArgv = ep.brokenJson ? words.map((w) => w.replace(/^"|",?$|,$/g, "")) : words;
    const why = ep.brokenJson ? "looks like exec form but is not valid JSON (strings need double quotes and commas), so Docker runs it through /bin/sh -c" : "is shell form: it runs through /bin/sh -c, so the connector is not PID 1, gets no signals and never sees the spec/check/read arguments";
    out.push(finding(ctx, "entrypoint-shell-form", "error", ep.pos, `ENTRYPOINT ${why}${inheritedNote(ctx, ep.stage, ep.pos)}; fix: ENTRYPOINT ${execForm(fixArgv)}`));
  }
  if (ep?.form === "exec") {
    ep.argv.forEach((w, i) => {
      if (/[\u0000-\u001f\u007f]/.test(w)) {
        out.push(finding(ctx, "entrypoint-control-chars", "error", ep.argPos[i] ?? ep.pos, `ENTRYPOINT element ${i + 1} contains a control character (newline, tab...)${inheritedNote(ctx, ep.stage, ep.pos)}; fix: remove it`));
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
          `AIRBYTE_ENTRYPOINT depends on ${env.unknown.map((n) => `$${n}`).join(", ")}, which has no value at lint time, so it cannot be compared with ENTRYPOINT; fix: give the ARG a default or write the value out`
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
            `AIRBYTE_ENTRYPOINT contains ${JSON.stringify(h.text)}: ${HAZARD_TEXT[h.kind]} when the platform runs it through a shell${inheritedNote(ctx, env.stage, env.pos)}; fix: keep only the program and its arguments, quoting any literal special character`
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
            `AIRBYTE_ENTRYPOINT splits to ${JSON.stringify(envWords)} but ENTRYPOINT (line ${ep.pos.line}) is ${JSON.stringify(ep.argv)}${inheritedNote(ctx, env.stage, env.pos)}; fix: ENV AIRBYTE_ENTRYPOINT=${dq(ep.argv.map(shellQuote).join(" "))}`
          )
        );
      }
    }
  }
  const workdir = st.workdir?.value ?? "/";
  const reportPaths = (argv, where, posAt, note) => {
    argv.forEach((w, i) => {
      const rel = relativePathIn(w, i);
      if (rel === void 0) return;
      const abs = rel.startsWith("~") ? void 0 : posix3.resolve(workdir === "/" ? "/airbyte/integration_code" : workdir, rel);
      out.push(
        finding(
          ctx,
          "entrypoint-relative-path",
          "error",
          posAt(i),
          `${JSON.stringify(rel)} in ${where} is not an absolute path: it depends on the working directory${note}; fix: use the absolute path${abs ? ` (${abs})` : ""}`
        )
      );
    });
  };
  const epArgv = ep ? ep.form === "exec" ? ep.argv : shellWords(ep.raw) : void 0;
  if (ep && epArgv) reportPaths(epArgv, "ENTRYPOINT", (i) => ep.argPos[i] ?? ep.pos, inheritedNote(ctx, ep.stage, ep.pos));
  if (env && envWords && !(epArgv && envWords.join("\0") === epArgv.join("\0"))) {
    reportPaths(envWords, "AIRBYTE_ENTRYPOINT", () => env.pos, inheritedNote(ctx, env.stage, env.pos));
  }
  return out;
}

// src/lint/rules-image.ts
init_define_BC_HELP();
import { posix as posix4 } from "node:path";
function userRules(ctx) {
  const u = ctx.final.state.user;
  if (!u) {
    const elsewhere = ctx.model.stages.find((s) => s !== ctx.final && s.state.user !== void 0);
    const hint = elsewhere?.state.user ? ` (${stageLabel(elsewhere)} sets USER ${elsewhere.state.user.value} at line ${elsewhere.state.user.pos.line}, but the final stage does not build on it)` : "";
    return [
      finding(
        ctx,
        "user-missing",
        "error",
        ctx.final.pos,
        `the final stage has no USER, so the connector runs as root${hint}${baseNote(ctx)}; fix: add USER ${AIRBYTE_USER} as the last instruction (uid ${AIRBYTE_UID})`
      )
    ];
  }
  const note = inheritedNote(ctx, u.stage, u.pos);
  if (u.unknown.length > 0) {
    return [finding(ctx, "user-unresolved", "warning", u.pos, `USER ${u.value} depends on ${u.unknown.map((n) => `$${n}`).join(", ")}, unknown at lint time${note}; fix: USER ${AIRBYTE_USER}`)];
  }
  const name = ownerUser(u.value);
  if (name === "" || name === "root" || name === "0") {
    return [finding(ctx, "user-root", "error", u.pos, `the final USER is root ("${u.value}")${note}; fix: USER ${AIRBYTE_USER}`)];
  }
  if (name === AIRBYTE_UID) {
    return [finding(ctx, "user-numeric", "warning", u.pos, `USER ${u.value} is the airbyte uid but not the name${note}; fix: USER ${AIRBYTE_USER} (fails the build if the user does not exist)`)];
  }
  if (name !== AIRBYTE_USER) {
    return [finding(ctx, "user-not-airbyte", "error", u.pos, `the final USER is "${u.value}", not ${AIRBYTE_USER}${note}; fix: create ${AIRBYTE_USER} (uid ${AIRBYTE_UID}) and set USER ${AIRBYTE_USER}`)];
  }
  return [];
}
function airbyteDirRules(ctx) {
  const ev = ctx.final.state.airbyteDir;
  const fix = `fix: RUN mkdir -p /airbyte && chown -R ${AIRBYTE_USER}:${AIRBYTE_USER} /airbyte (or COPY --chown=${AIRBYTE_USER}:${AIRBYTE_USER} ... /airbyte)`;
  if (ev?.owned) return [];
  if (ev) {
    return [finding(ctx, "airbyte-dir-not-owned", "error", ev.pos, `\`${ev.how}\` leaves /airbyte owned by someone other than ${AIRBYTE_USER}${inheritedNote(ctx, ev.stage, ev.pos)}; ${fix}`)];
  }
  const root = chainRoot(ctx.final);
  const base = isScratch(root) ? "" : ` (if base image ${root.image} already does it, repeat it here: lint cannot see into the base; verify checks the built image)`;
  return [finding(ctx, "airbyte-dir-not-owned", "error", ctx.final.pos, `the final image never creates /airbyte owned by ${AIRBYTE_USER}${base}; ${fix}`)];
}
function parseImageRef(ref) {
  const at = ref.indexOf("@");
  const digest = at === -1 ? void 0 : ref.slice(at + 1);
  const nameTag = at === -1 ? ref : ref.slice(0, at);
  const slash = nameTag.lastIndexOf("/");
  const colon = nameTag.lastIndexOf(":");
  if (colon > slash) return { name: nameTag.slice(0, colon), tag: nameTag.slice(colon + 1), digest };
  return { name: nameTag, tag: void 0, digest };
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
          `FROM ${s.image} depends on ${s.imageUnknown.map((n) => `$${n}`).join(", ")}, unknown at lint time, so pinning cannot be checked; fix: default the ARG to name:tag@sha256:<digest>`
        )
      );
      continue;
    }
    const ref = parseImageRef(s.image);
    if (ref.digest !== void 0) continue;
    const pinned = `${ref.name}:${ref.tag && ref.tag !== "latest" ? ref.tag : "<version>"}@sha256:<digest>`;
    if (ref.tag === void 0 || ref.tag === "latest") {
      out.push(
        finding(
          ctx,
          "base-image-latest",
          "warning",
          s.imagePos,
          `FROM ${s.image} ${ref.tag === void 0 ? "has no tag (means latest)" : "uses the latest tag"}: the base moves under you; fix: FROM ${pinned}`
        )
      );
    }
    out.push(
      finding(
        ctx,
        "base-image-unpinned",
        "warning",
        s.imagePos,
        `FROM ${s.image} is not pinned by digest, so rebuilds may get a different base; fix: FROM ${pinned} (docker buildx imagetools inspect ${s.image} shows the digest)`
      )
    );
  }
  return out;
}
function isInside(path, dirs) {
  const p = posix4.normalize(path).replace(/(.)\/+$/, "$1");
  return dirs.some((d) => {
    const dir = posix4.normalize(d).replace(/(.)\/+$/, "$1");
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
        `the final WORKDIR ${st.workdir.value} is outside the permitted write dirs (${list})${inheritedNote(ctx, st.workdir.stage, st.workdir.pos)}: anything the connector writes there breaks under a read-only root; fix: WORKDIR /airbyte/integration_code`
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
        `VOLUME ${v.value} is outside the permitted write dirs (${list})${inheritedNote(ctx, v.stage, v.pos)}; fix: remove it or use a directory under one of them`
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
        `HOME=${home.value} is outside the permitted write dirs (${list})${inheritedNote(ctx, home.stage, home.pos)}: tools that write caches to $HOME will fail; fix: ENV HOME=/airbyte (or another permitted dir)`
      )
    );
  }
  return out;
}

// src/lint/rules-secrets.ts
init_define_BC_HELP();
import { posix as posix6 } from "node:path";

// src/lint/dockerignore.ts
init_define_BC_HELP();
import { posix as posix5 } from "node:path";
function clean(p) {
  let s = p.trim();
  while (s.startsWith("/")) s = s.slice(1);
  s = posix5.normalize(s);
  if (s === ".") return "";
  return s.replace(/\/+$/, "");
}
function globToRegExp(glob) {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "*") {
      if (glob[i + 1] === "*") {
        if (glob[i + 2] === "/") {
          re += "(?:.*/)?";
          i += 2;
        } else {
          re += ".*";
          i += 1;
        }
      } else re += "[^/]*";
    } else if (c === "?") re += "[^/]";
    else if (c === "[") {
      const close = glob.indexOf("]", i + 1);
      if (close === -1) re += "\\[";
      else {
        let cls = glob.slice(i + 1, close);
        if (cls.startsWith("!") || cls.startsWith("^")) cls = `^${cls.slice(1)}`;
        re += `[${cls.replace(/\\/g, "\\\\")}]`;
        i = close;
      }
    } else if (c === "\\" && i + 1 < glob.length) {
      re += glob[++i].replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
    } else re += c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}
function parseDockerignore(content) {
  const out = [];
  for (const line of content.split(/\r?\n/)) {
    const t = line.trim();
    if (t === "" || t.startsWith("#")) continue;
    const negate = t.startsWith("!");
    const p = clean(negate ? t.slice(1) : t);
    if (p === "") continue;
    out.push({ negate, re: globToRegExp(p) });
  }
  return out;
}
function isExcluded(content, path) {
  const target = clean(path);
  const parts = target.split("/");
  const prefixes = parts.map((_, i) => parts.slice(0, i + 1).join("/"));
  let excluded = false;
  for (const p of parseDockerignore(content)) {
    if (prefixes.some((x) => p.re.test(x))) excluded = !p.negate;
  }
  return excluded;
}
var excludesSecrets = (content) => isExcluded(content, "secrets/config.json");

// src/lint/rules-secrets.ts
var REMOTE = /^(https?:\/\/|git@|git:\/\/)/i;
function segments(source) {
  return posix6.normalize(source.replace(/^\/+/, "")).split("/").filter((s) => s !== "" && s !== ".");
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
              `${c.keyword} ${src.value} puts local credentials from secrets/ into the image; fix: remove it (the platform mounts config at run time) and keep secrets/ in .dockerignore`
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
                `${c.keyword} ${src.value} copies the whole build context; make sure .dockerignore excludes secrets/ (fix: add a line "secrets/" to .dockerignore)`
              )
            );
          } else if (ctx.dockerignore === null || !excludesSecrets(ctx.dockerignore)) {
            const why = ctx.dockerignore === null ? "there is no .dockerignore" : "the .dockerignore does not exclude secrets/";
            out.push(
              finding(
                ctx,
                "secrets-context-copy",
                "error",
                src.pos,
                `${c.keyword} ${src.value} copies the whole build context and ${why}, so local credentials in secrets/ end up in the image; fix: add a line "secrets/" to .dockerignore, or copy only what the connector needs`
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
  const model = buildModel(text, file, { buildArgs: opts.buildArgs, target: opts.target });
  if (model.fatal.length > 0 || !model.final) return sortFindings(model.fatal);
  const ctx = {
    file,
    model,
    final: model.final,
    permittedWriteDirs: opts.permittedWriteDirs ?? DEFAULT_PERMITTED_WRITE_DIRS,
    dockerignore: opts.dockerignore
  };
  return sortFindings(RULE_FUNCTIONS.flatMap((rule) => rule(ctx)));
}
function summarize(findings) {
  return {
    errors: findings.filter((f) => f.severity === "error").length,
    warnings: findings.filter((f) => f.severity === "warning").length,
    fatal: findings.some((f) => f.fatal === true)
  };
}

export {
  sortFindings,
  lintDockerfile,
  summarize
};
