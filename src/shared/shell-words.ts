/**
 * A small POSIX-shell word splitter, written for two jobs:
 *  - AIRBYTE_ENTRYPOINT: the Airbyte platform runs this string through a
 *    shell, so its words are what the shell would make of it; anything the
 *    shell would *act on* (a `;`, `$(...)`, `$VAR`, a glob) is a hazard the
 *    lint reports, because the exec-form ENTRYPOINT never sees it.
 *  - RUN lines: enough of the shell to find `chown`/`mkdir`/`useradd`
 *    commands and their arguments (operators split commands).
 *
 * It is not a shell: no aliases, no arithmetic, no here-documents. It never
 * throws; an unterminated quote is reported as a hazard and the text up to
 * the end is taken as the word.
 */

export type HazardKind =
  | 'operator' // ; & | && || < > ( ) — starts another command or a redirect
  | 'command-substitution' // $( ... ) or ` ... `
  | 'parameter-expansion' // $VAR, ${VAR}, $1 ... expanded at run time
  | 'glob' // unquoted * ? [ — the shell expands it against the file system
  | 'tilde' // unquoted ~ at the start of a word — the shell expands it to $HOME
  | 'comment' // unquoted # at the start of a word — the rest is dropped
  | 'newline' // a newline separates commands
  | 'unterminated-quote';

interface Hazard {
  kind: HazardKind;
  /** the offending text as written */
  text: string;
  /** 0-based offset in the input */
  offset: number;
}

interface ShellToken {
  kind: 'word' | 'op';
  value: string;
  /** 0-based offset of the token's first character in the input */
  offset: number;
}

interface ShellSplit {
  tokens: ShellToken[];
  hazards: Hazard[];
}

interface SplitOptions {
  /**
   * Build-time expansion for RUN: a known variable is replaced by its value
   * (and is no hazard). Unknown variables stay as written and are hazards.
   */
  lookup?: (name: string) => string | undefined;
}

const OPERATOR_CHARS = new Set([';', '&', '|', '<', '>', '(', ')']);
const TWO_CHAR_OPS = new Set(['&&', '||', '>>', ';;', '<<', '>&', '<&', '>|']);
const isNameStart = (c: string) => /[A-Za-z_]/.test(c);
const isNameChar = (c: string) => /[A-Za-z0-9_]/.test(c);

/** Split `input` into shell words and operators, recording every hazard. */
export function splitShell(input: string, opts: SplitOptions = {}): ShellSplit {
  const tokens: ShellToken[] = [];
  const hazards: Hazard[] = [];
  let word = '';
  let started = false; // a word exists even when empty ('' or "")
  let wordStart = 0;
  let i = 0;

  const begin = (at: number) => {
    if (!started) {
      started = true;
      wordStart = at;
    }
  };
  const flush = () => {
    if (started) tokens.push({ kind: 'word', value: word, offset: wordStart });
    word = '';
    started = false;
  };

  /** `$...` at input[i]; returns the text to append and advances i. */
  const dollar = (): string => {
    const at = i;
    const next = input[i + 1];
    if (next === '(') {
      let depth = 0;
      let j = i + 1;
      for (; j < input.length; j++) {
        if (input[j] === '(') depth++;
        else if (input[j] === ')' && --depth === 0) break;
      }
      const text = input.slice(at, Math.min(j + 1, input.length));
      hazards.push({ kind: 'command-substitution', text, offset: at });
      i = at + text.length;
      return text;
    }
    if (next === '{') {
      const close = input.indexOf('}', i + 2);
      const end = close === -1 ? input.length : close + 1;
      const text = input.slice(at, end);
      const name = input.slice(i + 2, close === -1 ? input.length : close);
      i = end;
      const known = /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? opts.lookup?.(name) : undefined;
      if (known !== undefined) return known;
      hazards.push({ kind: 'parameter-expansion', text, offset: at });
      return text;
    }
    if (next !== undefined && isNameStart(next)) {
      let j = i + 1;
      while (j < input.length && isNameChar(input[j] ?? '')) j++;
      const name = input.slice(i + 1, j);
      const text = input.slice(at, j);
      i = j;
      const known = opts.lookup?.(name);
      if (known !== undefined) return known;
      hazards.push({ kind: 'parameter-expansion', text, offset: at });
      return text;
    }
    if (next !== undefined && /[0-9@*#?$!-]/.test(next)) {
      const text = input.slice(at, at + 2);
      hazards.push({ kind: 'parameter-expansion', text, offset: at });
      i = at + 2;
      return text;
    }
    i++;
    return '$'; // a lone $ is literal
  };

  while (i < input.length) {
    const c = input[i] as string;
    if (c === ' ' || c === '\t') {
      flush();
      i++;
    } else if (c === '\n') {
      flush();
      hazards.push({ kind: 'newline', text: '\\n', offset: i });
      tokens.push({ kind: 'op', value: '\n', offset: i });
      i++;
    } else if (c === '\\') {
      const next = input[i + 1];
      if (next === '\n') {
        i += 2; // line continuation
      } else {
        begin(i);
        word += next ?? '\\';
        i += next === undefined ? 1 : 2;
      }
    } else if (c === "'") {
      begin(i);
      const close = input.indexOf("'", i + 1);
      if (close === -1) {
        hazards.push({ kind: 'unterminated-quote', text: input.slice(i), offset: i });
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
        const d = input[i] as string;
        if (d === '"') {
          closed = true;
          i++;
          break;
        }
        if (d === '\\' && i + 1 < input.length && '$`"\\\n'.includes(input[i + 1] as string)) {
          if (input[i + 1] !== '\n') word += input[i + 1];
          i += 2;
        } else if (d === '$') {
          word += dollar();
        } else if (d === '`') {
          const close = input.indexOf('`', i + 1);
          const text = input.slice(i, close === -1 ? input.length : close + 1);
          hazards.push({ kind: 'command-substitution', text, offset: i });
          word += text;
          i += text.length;
        } else {
          word += d;
          i++;
        }
      }
      if (!closed) hazards.push({ kind: 'unterminated-quote', text: input.slice(open), offset: open });
    } else if (c === '$') {
      begin(i);
      word += dollar();
    } else if (c === '`') {
      begin(i);
      const close = input.indexOf('`', i + 1);
      const text = input.slice(i, close === -1 ? input.length : close + 1);
      hazards.push({ kind: 'command-substitution', text, offset: i });
      word += text;
      i += text.length;
    } else if (OPERATOR_CHARS.has(c)) {
      flush();
      const two = input.slice(i, i + 2);
      const op = TWO_CHAR_OPS.has(two) ? two : c;
      tokens.push({ kind: 'op', value: op, offset: i });
      hazards.push({ kind: 'operator', text: op, offset: i });
      i += op.length;
    } else if (c === '#' && !started) {
      const end = input.indexOf('\n', i);
      const text = input.slice(i, end === -1 ? input.length : end);
      hazards.push({ kind: 'comment', text, offset: i });
      i += text.length;
    } else {
      if (c === '~' && !started) hazards.push({ kind: 'tilde', text: '~', offset: i });
      if (c === '*' || c === '?' || c === '[') hazards.push({ kind: 'glob', text: c, offset: i });
      begin(i);
      word += c;
      i++;
    }
  }
  flush();
  return { tokens, hazards };
}

/** Just the words (operators dropped), e.g. for AIRBYTE_ENTRYPOINT. */
export function shellWords(input: string): string[] {
  return splitShell(input)
    .tokens.filter((t) => t.kind === 'word')
    .map((t) => t.value);
}

/**
 * The simple commands of a shell line: word lists separated by operators
 * (`&&`, `;`, `|`, newline...). Redirect targets are dropped.
 */
export function shellCommands(input: string, opts: SplitOptions = {}): string[][] {
  const commands: string[][] = [];
  let current: string[] = [];
  let skipNext = false;
  for (const t of splitShell(input, opts).tokens) {
    if (t.kind === 'op') {
      if (t.value === '>' || t.value === '>>' || t.value === '<' || t.value === '>|' || t.value === '>&' || t.value === '<&') {
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

/** Quote a word so a POSIX shell reads it back unchanged (for fix messages). */
export function shellQuote(word: string): string {
  if (word !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
