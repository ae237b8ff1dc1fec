/**
 * Dockerfile → a model of its stages and of the image each stage produces,
 * as far as it can be known from the file alone.
 *
 * A stage `FROM <earlier stage>` starts from that stage's state (ENV, USER,
 * ENTRYPOINT, WORKDIR, VOLUMEs: Docker inherits the image config) and, as
 * BuildKit does, with that stage's ARGs; an unrelated stage sees only the
 * global ARGs it re-declares. The chain ends at an external image (whose config is unknown
 * here: "inherited from base image, verify checks it") or at `scratch`
 * (known empty). Values carry the position of the instruction that set them,
 * which may sit in an earlier stage.
 */
import { posix } from 'node:path';
import { DockerfileParser, type Dockerfile, type Instruction, type From, type Copy, type Env, type Arg, type JSONInstruction } from 'dockerfile-ast';
import type { BaseFacts, FactOrigin, Finding, Pos } from './types.js';
import { baseOrigin } from './origin.js';
import { expandWord, expandWords, type Lookup } from './docker-words.js';
import { createsUser, ownershipEvidence, AIRBYTE_USER, AIRBYTE_UID, type Evidence } from './ownership.js';

export interface Located<T> {
  value: T;
  pos: Pos;
  stage: Stage;
  /** variables whose value is unknown at lint time (the value keeps them as written) */
  unknown: string[];
  /** set when the value came from the base image's config (which image, known from where), not from the file */
  base?: FactOrigin;
}

export interface EntrypointInfo {
  form: 'exec' | 'shell';
  /** exec form: the argv; shell form: [raw text] */
  argv: string[];
  /** position of each argv element (exec form), else of the text */
  argPos: Pos[];
  raw: string;
  /** shell form whose text starts with `[`: broken JSON, Docker silently runs it through /bin/sh -c */
  brokenJson: boolean;
  pos: Pos;
  stage: Stage;
  base?: FactOrigin;
}

export interface CopySource {
  value: string;
  pos: Pos;
}

export interface CopyEvent {
  keyword: 'COPY' | 'ADD';
  sources: CopySource[];
  dest: string;
  /** the destination as an absolute path (WORKDIR applied) */
  destAbs: string;
  /** --from value when set (a stage name/index or an image) */
  from: string | undefined;
  pos: Pos;
  stage: Stage;
}

export interface ImageState {
  env: Map<string, Located<string>>;
  user: Located<string> | undefined;
  entrypoint: EntrypointInfo | undefined;
  workdir: Located<string> | undefined;
  volumes: Located<string>[];
  /** the last instruction that made /airbyte owned by airbyte (or took it away) */
  airbyteDir: (Evidence & { pos: Pos; stage: Stage; base?: FactOrigin }) | undefined;
  /** whether user airbyte exists: created by a RUN here (no `base`), or known from the base image's /etc/passwd */
  airbyteUser: { exists: boolean; how: string; pos: Pos; stage: Stage; base?: FactOrigin } | undefined;
}

export interface Stage {
  index: number;
  /** `AS name`, lower-cased (stage names are case-insensitive) */
  name: string | undefined;
  from: From;
  pos: Pos;
  /** position of the image reference */
  imagePos: Pos;
  /** the expanded image reference */
  image: string;
  imageUnknown: string[];
  /** the earlier stage this one builds on, when FROM names one */
  parent: Stage | undefined;
  instructions: Instruction[];
  state: ImageState;
  /** ARG values in scope at the end of the stage (a child stage starts with them) */
  args: Map<string, string | null>;
  copies: CopyEvent[];
  /** the base image facts this stage started from (external FROM that was resolved) */
  base?: BaseFacts;
}

export interface Model {
  df: Dockerfile;
  stages: Stage[];
  /** the stage that becomes the image (the last one, or the `target`) */
  final: Stage | undefined;
  fatal: Finding[];
}

const KEYWORDS = new Set([
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN',
  'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);
/** BuildKit sets these per platform: never known at lint time. */
const PLATFORM_ARGS = new Set(['TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT']);

export const posOf = (r: { start: { line: number; character: number } }): Pos => ({ line: r.start.line + 1, column: r.start.character + 1 });

function emptyState(): ImageState {
  return { env: new Map(), user: undefined, entrypoint: undefined, workdir: undefined, volumes: [], airbyteDir: undefined, airbyteUser: undefined };
}

/**
 * The state an external base image starts a stage with: its config as the
 * image has it (Docker inherits ENV, USER, ENTRYPOINT, WORKDIR) and, when
 * its file system was read, who owns /airbyte and whether user airbyte
 * exists. Every value is placed at the FROM line and marked `base`.
 */
export function stateFromBase(b: BaseFacts, pos: Pos, stage: Stage): ImageState {
  const st = emptyState();
  const config = baseOrigin(b, 'config');
  const files = baseOrigin(b, 'fs');
  const loc = (value: string): Located<string> => ({ value, pos, stage, unknown: [], base: config });
  for (const [k, v] of Object.entries(b.env)) st.env.set(k, loc(v));
  if (b.user !== '') st.user = loc(b.user);
  // "/" is Docker's default working directory: the same as none set.
  if (b.workdir !== '' && b.workdir !== '/') st.workdir = loc(b.workdir);
  if (b.entrypoint.length > 0) {
    st.entrypoint = { form: 'exec', argv: b.entrypoint, argPos: b.entrypoint.map(() => pos), raw: JSON.stringify(b.entrypoint), brokenJson: false, pos, stage, base: config };
  }
  if (b.fs) {
    const d = b.fs.airbyteDir;
    const airbyte = b.fs.passwd?.find((u) => u.name === AIRBYTE_USER);
    if (d) {
      const owner = d.uid === (airbyte?.uid ?? Number(AIRBYTE_UID));
      st.airbyteDir = { owned: owner && d.type === 'dir', how: `base image ${b.ref} has /airbyte ${d.type === 'dir' ? '' : `as a ${d.type} `}owned by uid ${d.uid}`, pos, stage, base: files };
    }
    // the table knows the account, not the file it was read from
    const where = files.from === 'table' ? '' : ' in /etc/passwd';
    st.airbyteUser = airbyte
      ? { exists: true, how: `base image ${b.ref} has user ${AIRBYTE_USER} (uid ${airbyte.uid})`, pos, stage, base: files }
      : { exists: false, how: `base image ${b.ref} has no user ${AIRBYTE_USER}${where}`, pos, stage, base: files };
  }
  return st;
}

function cloneState(s: ImageState): ImageState {
  return { ...s, env: new Map(s.env), volumes: [...s.volumes] };
}

/** Strip leading `--flag[=value]` words (COPY/ADD/RUN flags) from an argument text. */
function stripFlags(text: string): string {
  return text.replace(/^(\s*--\S+)*\s*/, '');
}

/** Docker's rule: an argument that parses as a JSON array of strings is exec form. */
export function parseJsonArray(text: string): string[] | undefined {
  const t = text.trim();
  if (!t.startsWith('[')) return undefined;
  try {
    const v: unknown = JSON.parse(t);
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
  } catch {
    // not JSON: shell form
  }
  return undefined;
}

function fatal(ruleId: string, file: string, pos: Pos, message: string): Finding {
  return { ruleId, severity: 'error', file, line: pos.line, column: pos.column, message, fatal: true };
}

export interface ModelOptions {
  buildArgs?: Record<string, string>;
  target?: string;
  /** facts of an external base image: stages FROM exactly this reference start from its state */
  base?: BaseFacts;
}

export function buildModel(text: string, file: string, opts: ModelOptions = {}): Model {
  const df = DockerfileParser.parse(text);
  const esc = df.getEscapeCharacter();
  const buildArgs = opts.buildArgs ?? {};
  const out: Model = { df, stages: [], final: undefined, fatal: [] };
  const instructions = df.getInstructions();

  if (text.includes('\u0000')) {
    out.fatal.push(fatal('syntax-no-from', file, { line: 1, column: 1 }, 'not a Dockerfile (binary content); fix: point lint at the connector Dockerfile'));
    return out;
  }
  for (const ins of instructions) {
    if (!KEYWORDS.has(ins.getKeyword())) {
      out.fatal.push(
        fatal('syntax-unknown-instruction', file, posOf(ins.getInstructionRange()), `unknown instruction "${ins.getInstruction()}": docker build would fail; fix: use a Dockerfile instruction (RUN, COPY, ENV, ...) or join the previous line with a trailing \\`),
      );
    }
  }
  const firstFrom = instructions.findIndex((i) => i.getKeyword() === 'FROM');
  if (firstFrom === -1) {
    const pos = instructions[0] ? posOf(instructions[0].getRange()) : { line: 1, column: 1 };
    out.fatal.push(fatal('syntax-no-from', file, pos, 'no FROM instruction: this is not a buildable Dockerfile; fix: start the image with FROM <base image>@sha256:<digest>'));
    return out;
  }
  for (const ins of instructions.slice(0, firstFrom)) {
    if (ins.getKeyword() !== 'ARG' && KEYWORDS.has(ins.getKeyword())) {
      out.fatal.push(fatal('syntax-before-from', file, posOf(ins.getRange()), `${ins.getKeyword()} before the first FROM: only ARG may come before FROM; fix: move it below FROM`));
    }
  }

  // Global ARGs: visible in FROM lines, and as defaults for `ARG NAME` in stages.
  const globals = new Map<string, string | null>();
  for (const ins of instructions.slice(0, firstFrom)) {
    const prop = ins.getKeyword() === 'ARG' ? (ins as Arg).getProperty() : null;
    if (!prop) continue;
    const raw = prop.getUnescapedValue();
    const given = buildArgs[prop.getName()];
    globals.set(prop.getName(), given ?? (raw === null ? null : expandWord(raw, (n) => globalLookup(n), esc).value));
  }
  function globalLookup(n: string): string | null | undefined {
    if (globals.has(n)) return globals.get(n);
    return PLATFORM_ARGS.has(n) ? null : undefined;
  }

  let current: Stage | undefined;
  let args = new Map<string, string | null>();
  const lookup: Lookup = (n) => {
    const env = current?.state.env.get(n);
    if (env) return env.unknown.length > 0 ? null : env.value;
    if (args.has(n)) return args.get(n);
    return undefined;
  };

  for (const ins of instructions.slice(firstFrom)) {
    const kw = ins.getKeyword();
    if (kw === 'FROM') {
      const from = ins as From;
      const imageRange = from.getImageRange();
      if (!imageRange) {
        out.fatal.push(fatal('syntax-from-image', file, posOf(from.getRange()), 'FROM without an image; fix: FROM <image>@sha256:<digest>'));
        continue;
      }
      const raw = from.getImage() ?? '';
      const img = expandWord(raw, globalLookup, esc);
      const imageName = img.value.toLowerCase();
      const parent = out.stages.find((s) => s.name !== undefined && s.name === imageName);
      const stage: Stage = {
        index: out.stages.length,
        name: from.getBuildStage()?.toLowerCase() ?? undefined,
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
        copies: [],
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
    if (!current) continue; // before FROM: globals handled above
    current.instructions.push(ins);
    applyInstruction(ins, current, { esc, lookup, args, globals, buildArgs });
  }

  if (out.fatal.length > 0) return out;
  if (opts.target !== undefined) {
    const t = opts.target.toLowerCase();
    out.final = out.stages.find((s) => s.name === t);
    if (!out.final) {
      out.fatal.push(fatal('syntax-target', file, { line: 1, column: 1 }, `no stage named "${opts.target}"; fix: use one of ${out.stages.map((s) => s.name ?? `#${s.index}`).join(', ')}`));
    }
  } else {
    out.final = out.stages[out.stages.length - 1];
  }
  return out;
}

interface Ctx {
  esc: string;
  lookup: Lookup;
  args: Map<string, string | null>;
  globals: Map<string, string | null>;
  buildArgs: Record<string, string>;
}

function applyInstruction(ins: Instruction, stage: Stage, ctx: Ctx): void {
  const st = stage.state;
  const kw = ins.getKeyword();
  const pos = posOf(ins.getRange());
  const content = ins.getArgumentsContent() ?? '';
  const loc = <T>(value: T, p: Pos, unknown: string[] = []): Located<T> => ({ value, pos: p, stage, unknown });

  switch (kw) {
    case 'ARG': {
      const prop = (ins as Arg).getProperty();
      if (!prop) return;
      const name = prop.getName();
      const raw = prop.getUnescapedValue();
      const given = ctx.buildArgs[name];
      let value: string | null;
      if (given !== undefined) value = given;
      else if (raw !== null) value = expandWord(raw, ctx.lookup, ctx.esc).value;
      else if (ctx.globals.has(name)) value = ctx.globals.get(name) ?? null;
      else value = null;
      ctx.args.set(name, value);
      return;
    }
    case 'ENV': {
      // All values of one ENV line are expanded with the environment before it.
      const updates: Array<[string, Located<string>]> = [];
      for (const prop of (ins as Env).getProperties()) {
        const raw = prop.getUnescapedValue() ?? '';
        const e = expandWord(raw, ctx.lookup, ctx.esc);
        updates.push([prop.getName(), loc(e.value, posOf(prop.getNameRange()), e.unknown)]);
      }
      for (const [k, v] of updates) st.env.set(k, v);
      return;
    }
    case 'USER': {
      const e = expandWord(content.trim(), ctx.lookup, ctx.esc);
      st.user = loc(e.value, ins.getArguments()[0] ? posOf(ins.getArguments()[0]!.getRange()) : pos, e.unknown);
      return;
    }
    case 'WORKDIR': {
      const e = expandWord(content.trim(), ctx.lookup, ctx.esc);
      const base = st.workdir?.value ?? '/';
      const abs = posix.resolve(base, e.value);
      st.workdir = loc(abs, ins.getArguments()[0] ? posOf(ins.getArguments()[0]!.getRange()) : pos, e.unknown);
      return;
    }
    case 'VOLUME': {
      const json = parseJsonArray(content);
      const words = json ?? expandWords(content, ctx.lookup, ctx.esc).words;
      const argPos = ins.getArguments()[0] ? posOf(ins.getArguments()[0]!.getRange()) : pos;
      for (const w of words) st.volumes.push(loc(posix.resolve(st.workdir?.value ?? '/', w), argPos));
      return;
    }
    case 'ENTRYPOINT': {
      const json = parseJsonArray(content);
      if (json) {
        const strings = (ins as JSONInstruction).getJSONStrings();
        const argPos = json.map((_, i) => (strings[i] ? posOf(strings[i]!.getRange()) : pos));
        st.entrypoint = { form: 'exec', argv: json, argPos, raw: content, brokenJson: false, pos, stage };
      } else {
        const first = ins.getArguments()[0];
        const p = first ? posOf(first.getRange()) : pos;
        st.entrypoint = { form: 'shell', argv: [content.trim()], argPos: [p], raw: content, brokenJson: content.trim().startsWith('['), pos, stage };
      }
      return;
    }
    case 'RUN': {
      const body = stripFlags(content);
      const json = parseJsonArray(body);
      const shellLookup = (n: string) => ctx.lookup(n) ?? undefined;
      const input = json ? { argv: json } : { shell: body, lookup: shellLookup };
      const ev = ownershipEvidence(input, st.workdir?.value ?? '/');
      if (ev) st.airbyteDir = { ...ev, pos, stage };
      const made = createsUser(input, AIRBYTE_USER);
      if (made) st.airbyteUser = { exists: true, how: made, pos, stage };
      return;
    }
    case 'COPY':
    case 'ADD': {
      const copy = ins as Copy;
      const flags = new Map(copy.getFlags().map((f) => [f.getName().toLowerCase(), f.getValue() ?? '']));
      const body = stripFlags(content);
      const json = parseJsonArray(body);
      let items: CopySource[];
      if (json) {
        const strings = copy.getJSONStrings();
        items = json.map((value, i) => ({ value, pos: strings[i] ? posOf(strings[i]!.getRange()) : pos }));
      } else if (body.startsWith('<<')) {
        return; // here-document: content is inline, not from the context
      } else {
        items = copy.getArguments().map((a) => ({ value: expandWord(a.getValue(), ctx.lookup, ctx.esc).value, pos: posOf(a.getRange()) }));
      }
      if (items.length < 2) return;
      const dest = items[items.length - 1]!.value;
      const fromFlag = flags.get('from');
      const from = fromFlag === undefined ? undefined : expandWord(fromFlag, ctx.lookup, ctx.esc).value;
      const destAbs = posix.resolve(st.workdir?.value ?? '/', dest);
      stage.copies.push({ keyword: kw, sources: items.slice(0, -1), dest, destAbs, from, pos, stage });
      const chown = flags.get('chown');
      if (chown !== undefined) {
        const owner = expandWord(chown, ctx.lookup, ctx.esc).value;
        const absDest = posix.resolve(st.workdir?.value ?? '/', dest);
        if (absDest === '/airbyte') {
          const ev = ownershipEvidence({ argv: ['chown', owner, '/airbyte'] }, '/');
          if (ev) st.airbyteDir = { ...ev, how: `${kw} --chown=${owner} ... /airbyte`, pos, stage };
        }
      }
      return;
    }
    default:
      return;
  }
}
