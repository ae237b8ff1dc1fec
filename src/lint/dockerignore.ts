/**
 * Enough of .dockerignore to answer "is secrets/ kept out of the context?".
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

export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // `**/` = any leading directories (or none); `**` alone = anything.
        if (glob[i + 2] === '/') {
          re += '(?:.*/)?';
          i += 2;
        } else {
          re += '.*';
          i += 1;
        }
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close === -1) re += '\\[';
      else {
        let cls = glob.slice(i + 1, close);
        if (cls.startsWith('!') || cls.startsWith('^')) cls = `^${cls.slice(1)}`;
        re += `[${cls.replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else if (c === '\\' && i + 1 < glob.length) {
      re += (glob[++i] as string).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    } else re += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

export function parseDockerignore(content: string): Pattern[] {
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

/** Is `path` (relative to the context root) left out of the build context? */
export function isExcluded(content: string, path: string): boolean {
  const target = clean(path);
  const parts = target.split('/');
  const prefixes = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
  let excluded = false;
  for (const p of parseDockerignore(content)) {
    if (prefixes.some((x) => p.re.test(x))) excluded = !p.negate;
  }
  return excluded;
}

/** secrets/ is out when a credentials file inside it would be out. */
export const excludesSecrets = (content: string) => isExcluded(content, 'secrets/config.json');
