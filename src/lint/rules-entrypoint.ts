/**
 * The Airbyte Protocol Docker Interface: the image's ENTRYPOINT and its
 * AIRBYTE_ENTRYPOINT environment variable must say the same thing. The
 * platform runs AIRBYTE_ENTRYPOINT through a shell, so the comparison is
 * between the exec-form array and the shell-split string, and anything a
 * shell would act on in that string is a finding of its own.
 *
 * What counts as a "path" in an entrypoint (every one must be absolute):
 *  - the program (first word): when it contains "/" or starts with "." or
 *    "~", or ends in a script/archive extension (main.py, run.sh, app.jar);
 *    a bare name (python, java, source-foo) is a PATH lookup and fine;
 *  - any other word: when it contains "/", starts with "." or "~", or ends
 *    in such an extension; for `--opt=value` the value is checked; `a:b`
 *    lists (classpaths) are checked part by part. Words with whitespace
 *    (code passed to `-c`) and URLs are not paths.
 */
import { posix } from 'node:path';
import type { FactOrigin, Finding } from './types.js';
import type { Pos } from './types.js';
import { splitShell, shellWords, shellQuote, type HazardKind } from '../shared/shell-words.js';
import { baseFieldUnknown, baseNote, finding, inheritedNote, knownOrigin, unseenBaseFinding, type RuleContext } from './rule-context.js';

const FILE_EXT = /\.(py|pyc|pyz|sh|bash|jar|js|mjs|cjs|rb|pl|php|yaml|yml|json|toml|cfg|ini|conf|xml|properties|whl|zip|tar)$/i;
const URL = /^[a-z][a-z0-9+.-]*:\/\//i;

/** The relative path inside an entrypoint word, or undefined when it has none. */
export function relativePathIn(word: string, index: number): string | undefined {
  if (word === '' || /\s/.test(word) || URL.test(word)) return undefined;
  let value = word;
  if (index > 0 && word.startsWith('-')) {
    const eq = word.indexOf('=');
    if (eq === -1) return undefined;
    value = word.slice(eq + 1);
  }
  const parts = index > 0 && value.includes(':') ? value.split(':') : [value];
  for (const p of parts) {
    if (p === '' || p.startsWith('/')) continue;
    if (p.includes('/') || p.startsWith('.') || p.startsWith('~') || FILE_EXT.test(p)) return p;
  }
  return undefined;
}

/** Dockerfile double-quoted string for an ENV fix line. */
const dq = (s: string) => `"${s.replace(/[\\"$]/g, (c) => `\\${c}`)}"`;
const execForm = (argv: string[]) => JSON.stringify(argv).replace(/","/g, '", "');

const HAZARD_TEXT: Record<HazardKind, string> = {
  operator: 'a shell operator, which would run or redirect another command',
  'command-substitution': 'a command substitution, which would run a command',
  'parameter-expansion': 'a variable the shell expands at run time',
  glob: 'a glob the shell expands against the file system',
  tilde: 'a ~ the shell expands to $HOME',
  comment: 'a # that makes the shell drop the rest',
  newline: 'a newline, which starts another command',
  'unterminated-quote': 'an unterminated quote',
};

/**
 * One of the pair is set here and the other is not: an error even when the
 * base is unseen (or its ENTRYPOINT unknown: a table entry whose images
 * differ). A base image cannot know this connector's entrypoint, so the other
 * half could only agree by accident.
 */
function pairNote(ctx: RuleContext): string {
  return ctx.base.kind === 'unknown' || baseFieldUnknown(ctx, 'entrypoint') ? ' (a base image cannot know this connector\'s entrypoint: set both here)' : baseNote(ctx);
}

export function entrypointRules(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const st = ctx.final.state;
  const ep = st.entrypoint && st.entrypoint.argv.length > 0 ? st.entrypoint : undefined;
  const env = st.env.get('AIRBYTE_ENTRYPOINT');

  if (!ep && !env) {
    // Only an unseen base could still set both: a warning then; an error when the base is known.
    // A known base whose ENTRYPOINT varies still sets no AIRBYTE_ENTRYPOINT (its env is known): an error.
    const b = ctx.base;
    const what = baseFieldUnknown(ctx, 'entrypoint')
      ? ` (base image ${b.kind === 'known' ? b.ref : ''} sets no AIRBYTE_ENTRYPOINT; its ENTRYPOINT differs between its images)`
      : baseNote(ctx);
    const message = `the final image sets neither ENTRYPOINT nor ENV AIRBYTE_ENTRYPOINT${what}`;
    const fix = 'ENV AIRBYTE_ENTRYPOINT="python /airbyte/integration_code/main.py" and ENTRYPOINT ["python", "/airbyte/integration_code/main.py"]';
    out.push(
      b.kind === 'unknown'
        ? unseenBaseFinding(ctx, 'entrypoint-missing', ctx.final.pos, message, b.ref, { fix })
        : finding(ctx, 'entrypoint-missing', 'error', ctx.final.pos, message, { fix, origin: knownOrigin(ctx, 'config') }),
    );
    return out;
  }
  if (!ep && env) {
    const words = shellWords(env.value);
    out.push(
      finding(ctx, 'entrypoint-missing', 'error', env.pos,
        `AIRBYTE_ENTRYPOINT is set${inheritedNote(ctx, env.stage, env.pos, env.base)} but the final image has no ENTRYPOINT${pairNote(ctx)}`,
        { fix: `ENTRYPOINT ${execForm(words)}`, origin: env.base ?? knownOrigin(ctx, 'config') }),
    );
  }
  if (ep && !env) {
    const argv = ep.form === 'exec' ? ep.argv : shellWords(ep.raw);
    out.push(
      finding(ctx, 'airbyte-entrypoint-missing', 'error', ep.pos,
        `ENTRYPOINT is set${inheritedNote(ctx, ep.stage, ep.pos, ep.base)} but ENV AIRBYTE_ENTRYPOINT is not${pairNote(ctx)}`,
        { fix: `ENV AIRBYTE_ENTRYPOINT=${dq(argv.map(shellQuote).join(' '))}`, origin: ep.base ?? knownOrigin(ctx, 'config') }),
    );
  }
  if (ep?.form === 'shell') {
    const words = shellWords(ep.raw.trim().replace(/^\[|\]$/g, ''));
    const fixArgv = ep.brokenJson ? words.map((w) => w.replace(/^"|",?$|,$/g, '')) : words;
    const why = ep.brokenJson
      ? 'looks like exec form but is not valid JSON (strings need double quotes and commas), so Docker runs it through /bin/sh -c'
      : 'is shell form: it runs through /bin/sh -c, so the connector is not PID 1, gets no signals and never sees the spec/check/read arguments';
    out.push(finding(ctx, 'entrypoint-shell-form', 'error', ep.pos, `ENTRYPOINT ${why}${inheritedNote(ctx, ep.stage, ep.pos, ep.base)}`, { fix: `ENTRYPOINT ${execForm(fixArgv)}`, origin: ep.base }));
  }
  if (ep?.form === 'exec') {
    ep.argv.forEach((w, i) => {
      if (/[\u0000-\u001f\u007f]/.test(w)) {
        out.push(finding(ctx, 'entrypoint-control-chars', 'error', ep.argPos[i] ?? ep.pos, `ENTRYPOINT element ${i + 1} contains a control character (newline, tab...)${inheritedNote(ctx, ep.stage, ep.pos, ep.base)}`, { fix: 'remove it', origin: ep.base }));
      }
    });
  }

  let envWords: string[] | undefined;
  if (env) {
    if (env.unknown.length > 0) {
      out.push(
        finding(ctx, 'airbyte-entrypoint-unresolved', 'warning', env.pos,
          `AIRBYTE_ENTRYPOINT depends on ${env.unknown.map((n) => `$${n}`).join(', ')}, which has no value at lint time, so it cannot be compared with ENTRYPOINT`,
          { fix: 'give the ARG a default or write the value out' }),
      );
    } else {
      const split = splitShell(env.value);
      const seen = new Set<HazardKind>();
      for (const h of split.hazards) {
        if (seen.has(h.kind)) continue;
        seen.add(h.kind);
        const severity = h.kind === 'glob' || h.kind === 'tilde' ? 'warning' : 'error';
        out.push(
          finding(ctx, 'airbyte-entrypoint-shell-syntax', severity, env.pos,
            `AIRBYTE_ENTRYPOINT contains ${JSON.stringify(h.text)}: ${HAZARD_TEXT[h.kind]} when the platform runs it through a shell${inheritedNote(ctx, env.stage, env.pos, env.base)}`,
            { fix: 'keep only the program and its arguments, quoting any literal special character', origin: env.base }),
        );
      }
      envWords = split.tokens.filter((t) => t.kind === 'word').map((t) => t.value);
      if (ep?.form === 'exec' && (envWords.length !== ep.argv.length || envWords.some((w, i) => w !== ep.argv[i]))) {
        out.push(
          finding(ctx, 'entrypoint-mismatch', 'error', env.pos,
            `AIRBYTE_ENTRYPOINT splits to ${JSON.stringify(envWords)}${inheritedNote(ctx, env.stage, env.pos, env.base)} but ENTRYPOINT (${ep.base !== undefined ? `from base image ${ep.base.ref}` : `line ${ep.pos.line}`}) is ${JSON.stringify(ep.argv)}`,
            { fix: `ENV AIRBYTE_ENTRYPOINT=${dq(ep.argv.map(shellQuote).join(' '))}${ep.base !== undefined ? ` or set ENTRYPOINT here` : ''}`, origin: env.base ?? ep.base }),
        );
      }
    }
  }

  // Relative paths: report ENTRYPOINT's; AIRBYTE_ENTRYPOINT's only when it says something else.
  const workdir = st.workdir?.value ?? '/';
  const reportPaths = (argv: string[], where: string, posAt: (i: number) => Pos, note: string, base: FactOrigin | undefined) => {
    argv.forEach((w, i) => {
      const rel = relativePathIn(w, i);
      if (rel === undefined) return;
      const abs = rel.startsWith('~') ? undefined : posix.resolve(workdir === '/' ? '/airbyte/integration_code' : workdir, rel);
      out.push(
        finding(ctx, 'entrypoint-relative-path', 'error', posAt(i),
          `${JSON.stringify(rel)} in ${where} is not an absolute path: it depends on the working directory${note}`,
          { fix: `use the absolute path${abs ? ` (${abs})` : ''}`, origin: base }),
      );
    });
  };
  const epArgv = ep ? (ep.form === 'exec' ? ep.argv : shellWords(ep.raw)) : undefined;
  if (ep && epArgv) reportPaths(epArgv, 'ENTRYPOINT', (i) => ep.argPos[i] ?? ep.pos, inheritedNote(ctx, ep.stage, ep.pos, ep.base), ep.base);
  if (env && envWords && !(epArgv && envWords.join('\u0000') === epArgv.join('\u0000'))) {
    reportPaths(envWords, 'AIRBYTE_ENTRYPOINT', () => env.pos, inheritedNote(ctx, env.stage, env.pos, env.base), env.base);
  }
  return out;
}
