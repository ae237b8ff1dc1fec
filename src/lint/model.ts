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
import { DockerfileParser, type Arg, type From } from 'dockerfile-ast';
import type { BaseFacts, Finding, Pos } from './types.js';
import { baseOrigin } from './origin.js';
import { expandWord, type Lookup } from './docker-words.js';
import { AIRBYTE_USER, AIRBYTE_UID } from './ownership.js';
import { applyInstruction, posOf } from './instructions.js';
import type { ImageState, Located, Model, Stage } from './model-types.js';

const KEYWORDS = new Set([
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN',
  'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);
/** BuildKit sets these per platform: never known at lint time. */
const PLATFORM_ARGS = new Set(['TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT']);

function emptyState(): ImageState {
  return { env: new Map(), user: undefined, entrypoint: undefined, workdir: undefined, volumes: [], airbyteDir: undefined, airbyteUser: undefined };
}

/**
 * The state an external base image starts a stage with: its config as the
 * image has it (Docker inherits ENV, USER, ENTRYPOINT, WORKDIR) and, when
 * its file system was read, who owns /airbyte and whether user airbyte
 * exists. Every value is placed at the FROM line and marked `base`.
 */
function stateFromBase(b: BaseFacts, pos: Pos, stage: Stage): ImageState {
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

function fatal(ruleId: string, file: string, pos: Pos, message: string, { fix }: { fix: string }): Finding {
  return { ruleId, severity: 'error', file, line: pos.line, column: pos.column, message, fix, fatal: true };
}

interface ModelOptions {
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
    out.fatal.push(fatal('syntax-no-from', file, { line: 1, column: 1 }, 'not a Dockerfile (binary content)', { fix: 'point lint at the connector Dockerfile' }));
    return out;
  }
  for (const ins of instructions) {
    if (!KEYWORDS.has(ins.getKeyword())) {
      out.fatal.push(
        fatal('syntax-unknown-instruction', file, posOf(ins.getInstructionRange()), `unknown instruction "${ins.getInstruction()}": docker build would fail`, {
          fix: 'use a Dockerfile instruction (RUN, COPY, ENV, ...) or join the previous line with a trailing \\',
        }),
      );
    }
  }
  const firstFrom = instructions.findIndex((i) => i.getKeyword() === 'FROM');
  if (firstFrom === -1) {
    const pos = instructions[0] ? posOf(instructions[0].getRange()) : { line: 1, column: 1 };
    out.fatal.push(fatal('syntax-no-from', file, pos, 'no FROM instruction: this is not a buildable Dockerfile', { fix: 'start the image with FROM <base image>@sha256:<digest>' }));
    return out;
  }
  for (const ins of instructions.slice(0, firstFrom)) {
    if (ins.getKeyword() !== 'ARG' && KEYWORDS.has(ins.getKeyword())) {
      out.fatal.push(fatal('syntax-before-from', file, posOf(ins.getRange()), `${ins.getKeyword()} before the first FROM: only ARG may come before FROM`, { fix: 'move it below FROM' }));
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
        out.fatal.push(fatal('syntax-from-image', file, posOf(from.getRange()), 'FROM without an image', { fix: 'FROM <image>@sha256:<digest>' }));
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
      out.fatal.push(fatal('syntax-target', file, { line: 1, column: 1 }, `no stage named "${opts.target}"`, { fix: `use one of ${out.stages.map((s) => s.name ?? `#${s.index}`).join(', ')}` }));
    }
  } else {
    out.final = out.stages[out.stages.length - 1];
  }
  return out;
}

