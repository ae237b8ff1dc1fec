/**
 * One Dockerfile instruction applied to its stage, as Docker would: ARG and
 * ENV (expanded with what is in scope before them), USER, WORKDIR, VOLUME,
 * ENTRYPOINT, and the RUN / COPY / ADD evidence about /airbyte and user
 * airbyte. lint/model.ts walks the stages and calls applyInstruction.
 */
import { posix } from 'node:path';
import type { Arg, Copy, Env, Instruction, JSONInstruction } from 'dockerfile-ast';
import type { Pos } from './types.js';
import { expandWord, expandWords, type Lookup } from './docker-words.js';
import { createsUser, ownershipEvidence, AIRBYTE_USER } from './ownership.js';
import type { CopySource, Located, Stage } from './model-types.js';

export const posOf = (r: { start: { line: number; character: number } }): Pos => ({ line: r.start.line + 1, column: r.start.character + 1 });

/** Strip leading `--flag[=value]` words (COPY/ADD/RUN flags) from an argument text. */
function stripFlags(text: string): string {
  return text.replace(/^(\s*--\S+)*\s*/, '');
}

/** Docker's rule: an argument that parses as a JSON array of strings is exec form. */
function parseJsonArray(text: string): string[] | undefined {
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

interface Ctx {
  esc: string;
  lookup: Lookup;
  args: Map<string, string | null>;
  globals: Map<string, string | null>;
  buildArgs: Record<string, string>;
}

export function applyInstruction(ins: Instruction, stage: Stage, ctx: Ctx): void {
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
