/**
 * Build-time word processing the way the Dockerfile frontend does it for
 * ENV, ARG, FROM, COPY/ADD, WORKDIR, USER, VOLUME...: quotes are removed,
 * the escape character (`\` or the `# escape=` directive) escapes one
 * character, and `$VAR` / `${VAR}` / `${VAR:-word}` / `${VAR:+word}` /
 * `${VAR-word}` / `${VAR+word}` are substituted from ARG/ENV.
 * See https://docs.docker.com/reference/dockerfile/#environment-replacement
 *
 * A variable whose value cannot be known at lint time (an ARG without a
 * default, TARGETARCH...) is kept as written and reported in `unknown`, so
 * rules can say "cannot check" instead of judging a guess. An undeclared
 * variable expands to "" exactly as Docker does, and is reported in
 * `undeclared`.
 */

/** string = known value; null = declared but unknown at lint time; undefined = not declared */
export type Lookup = (name: string) => string | null | undefined;

interface Expanded {
  value: string;
  unknown: string[];
  undeclared: string[];
}

interface ExpandedWords {
  words: string[];
  unknown: string[];
  undeclared: string[];
}

const isNameChar = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_]/.test(c);

class Lexer {
  i = 0;
  unknown: string[] = [];
  undeclared: string[] = [];
  constructor(
    readonly src: string,
    readonly lookup: Lookup,
    readonly escape: string,
  ) {}

  /** Words separated by unquoted whitespace (split = true) or one word. */
  run(split: boolean, stopAt?: string): string[] {
    const words: string[] = [];
    let word = '';
    let started = false;
    const flush = () => {
      if (started) words.push(word);
      word = '';
      started = false;
    };
    while (this.i < this.src.length) {
      const c = this.src[this.i] as string;
      if (stopAt !== undefined && c === stopAt) break;
      if (split && (c === ' ' || c === '\t' || c === '\n' || c === '\r')) {
        flush();
        this.i++;
        continue;
      }
      started = true;
      if (c === this.escape) {
        const next = this.src[this.i + 1];
        word += next ?? c;
        this.i += next === undefined ? 1 : 2;
      } else if (c === "'") {
        const close = this.src.indexOf("'", this.i + 1);
        const end = close === -1 ? this.src.length : close;
        word += this.src.slice(this.i + 1, end);
        this.i = end + 1;
      } else if (c === '"') {
        this.i++;
        while (this.i < this.src.length && this.src[this.i] !== '"') {
          const d = this.src[this.i] as string;
          const next = this.src[this.i + 1];
          if (d === this.escape && next !== undefined && (next === '"' || next === '$' || next === this.escape)) {
            word += next;
            this.i += 2;
          } else if (d === '$') {
            word += this.dollar();
          } else {
            word += d;
            this.i++;
          }
        }
        this.i++; // closing quote
      } else if (c === '$') {
        word += this.dollar();
      } else {
        word += c;
        this.i++;
      }
    }
    flush();
    return words;
  }

  private resolve(name: string, written: string): { set: boolean; value: string } {
    const v = this.lookup(name);
    if (v === null) {
      this.unknown.push(name);
      return { set: true, value: written };
    }
    if (v === undefined) {
      this.undeclared.push(name);
      return { set: false, value: '' };
    }
    return { set: true, value: v };
  }

  private dollar(): string {
    const start = this.i;
    const next = this.src[this.i + 1];
    if (next === '{') {
      let j = this.i + 2;
      while (isNameChar(this.src[j])) j++;
      const name = this.src.slice(this.i + 2, j);
      const op = this.src.slice(j, j + 2);
      if (this.src[j] === '}') {
        this.i = j + 1;
        return this.resolve(name, this.src.slice(start, this.i)).value;
      }
      const modifier = op === ':-' || op === ':+' ? op : this.src[j] === '-' || this.src[j] === '+' ? (this.src[j] as string) : undefined;
      if (modifier === undefined) {
        // ${VAR#pattern} and friends: keep as written, unknown.
        const close = this.src.indexOf('}', j);
        this.i = close === -1 ? this.src.length : close + 1;
        const written = this.src.slice(start, this.i);
        this.unknown.push(name);
        return written;
      }
      this.i = j + modifier.length;
      const alt = this.run(false, '}').join('');
      this.i++; // closing brace
      const written = this.src.slice(start, this.i);
      const v = this.lookup(name);
      if (v === null) {
        this.unknown.push(name);
        return written;
      }
      const emptyCounts = modifier.startsWith(':');
      const isSet = v !== undefined && (!emptyCounts || v !== '');
      if (modifier.endsWith('-')) return isSet ? (v as string) : alt;
      return isSet ? alt : '';
    }
    if (isNameChar(next) && !/[0-9]/.test(next as string)) {
      let j = this.i + 1;
      while (isNameChar(this.src[j])) j++;
      const name = this.src.slice(this.i + 1, j);
      this.i = j;
      return this.resolve(name, this.src.slice(start, j)).value;
    }
    this.i++;
    return '$';
  }
}

export function expandWord(raw: string, lookup: Lookup, escape = '\\'): Expanded {
  const lx = new Lexer(raw, lookup, escape);
  const value = lx.run(false).join('');
  return { value, unknown: lx.unknown, undeclared: lx.undeclared };
}

export function expandWords(raw: string, lookup: Lookup, escape = '\\'): ExpandedWords {
  const lx = new Lexer(raw, lookup, escape);
  const words = lx.run(true);
  return { words, unknown: lx.unknown, undeclared: lx.undeclared };
}
