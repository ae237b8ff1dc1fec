/**
 * .dockerignore matching: is a path sent in the build context? (lint's
 * secrets rule, publish's build-input key, `changed` for the files no
 * build ever sends).
 * Semantics as documented at https://docs.docker.com/build/concepts/context/#dockerignore-files:
 * patterns are matched against paths relative to the context root (a
 * leading "/" or "./" is dropped), `*` and `?` do not cross "/", `**`
 * matches any number of directories, a pattern that matches a directory
 * excludes everything below it, `!` re-includes, and the last matching line
 * wins.
 */
import { posix } from 'node:path';

interface Pattern {
  negate: boolean;
  re: RegExp;
}

function clean(p: string): string {
  let s = p.trim();
  while (s.startsWith('/')) s = s.slice(1);
  s = posix.normalize(s);
  if (s === '.') return '';
  return s.replace(/\/+$/, '');
}

const REGEXP_SPECIAL = /[.*+?^${}()|[\]\\/]/g;
const escapeRe = (s: string) => s.replace(REGEXP_SPECIAL, '\\$&');

/**
 * One .dockerignore pattern (already cleaned) as a regexp, the way
 * moby/patternmatcher compiles it (Pattern.compile and its match types):
 * `*` and `?` stay inside a segment; `**` followed by more pattern is
 * `(.*\/)?` (a following "/" is eaten), a trailing `**` is anything; a
 * pattern that is `**` then literal text matches every path ending with it;
 * `[...]` is passed through as in Go's filepath.Match, where only `^`
 * negates (`[!a]` means "!" or "a"); `\x` is a literal x.
 * A glob engine such as picomatch reads `[!a]`, `{a,b}` and `**x` otherwise,
 * so Docker's own rules are written out here, once (rules-secrets uses it
 * for COPY sources, which buildkit matches the same way).
 */
export function globToRegExp(glob: string): RegExp {
  if (glob.startsWith('**') && !/[*?[\]\\]/.test(glob.slice(2))) {
    // patternmatcher's suffixMatch: "**/foo" is foo at any depth, "**foo" any path ending in foo
    const suffix = glob.slice(2);
    return new RegExp(suffix.startsWith('/') ? `^(?:.*/)?${escapeRe(suffix.slice(1))}$` : `^.*${escapeRe(suffix)}$`);
  }
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        i += glob[i + 2] === '/' ? 2 : 1; // "**/" reads as "**"
        re += i + 1 === glob.length ? '.*' : '(?:.*/)?';
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close === -1) re += '\\[';
      else {
        re += `[${glob.slice(i + 1, close).replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else if (c === '\\' && i + 1 < glob.length) {
      re += escapeRe(glob[++i] as string);
    } else re += escapeRe(c);
  }
  try {
    return new RegExp(`^${re}$`);
  } catch {
    return /$^/; // Docker refuses a bad pattern (filepath.ErrBadPattern); here it matches nothing
  }
}

function parseDockerignore(content: string): Pattern[] {
  const out: Pattern[] = [];
  for (const line of content.split(/\r?\n/)) {
    const t = line.trim();
    if (t === '' || t.startsWith('#')) continue;
    const negate = t.startsWith('!');
    const p = clean(negate ? t.slice(1) : t);
    if (p === '') continue;
    out.push({ negate, re: globToRegExp(p) });
  }
  return out;
}

/** A compiled .dockerignore: whether a path is left out, and whether any `!` line may bring files back. */
interface ContextMatcher {
  excluded(path: string): boolean;
  hasNegation: boolean;
}

export function compileDockerignore(content: string): ContextMatcher {
  const patterns = parseDockerignore(content);
  return {
    hasNegation: patterns.some((p) => p.negate),
    excluded(path: string): boolean {
      const parts = clean(path).split('/');
      const prefixes = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
      let out = false;
      for (const p of patterns) if (prefixes.some((x) => p.re.test(x))) out = !p.negate;
      return out;
    },
  };
}

/** Is `path` (relative to the context root) left out of the build context? */
export function isExcluded(content: string, path: string): boolean {
  return compileDockerignore(content).excluded(path);
}

/** secrets/ is out when a credentials file inside it would be out. */
export const excludesSecrets = (content: string) => isExcluded(content, 'secrets/config.json');
