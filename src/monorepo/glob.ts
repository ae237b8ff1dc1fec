/**
 * Path globs for `build-connector.yaml` (`sharedPaths`, `ignorePaths`).
 *
 * Deliberately small and predictable (node's path.matchesGlob is still
 * experimental on Node 22): a pattern is matched against the whole
 * repository-relative POSIX path.
 *   `**`   any number of path segments (also none)
 *   `*`    anything inside one segment
 *   `?`    one character inside one segment
 *   `{a,b}` alternatives
 *   `dir/` a trailing slash means everything under `dir`
 * A pattern without a slash matches at any depth (`*.md`, `docs/`), as in
 * .gitignore, so `*.md` and `**\/*.md` mean the same; a leading `./` or `/`
 * anchors it at the repository root.
 */

export type PathMatcher = (path: string) => boolean;

export function globToRegExp(pattern: string): RegExp {
  let p = pattern.trim();
  // "./x" or "/x": anchored at the repository root, as in .gitignore
  const anchored = p.startsWith('./') || p.startsWith('/');
  p = p.replace(/^\.?\/+/, '');
  const floating = !anchored && !p.replace(/\/+$/, '').includes('/');
  if (p.endsWith('/')) p = `${p}**`;
  if (floating) p = `**/${p}`;
  let re = '';
  let i = 0;
  let inBraces = 0;
  while (i < p.length) {
    const c = p[i] as string;
    if (c === '*') {
      if (p[i + 1] === '*') {
        const atSegStart = i === 0 || p[i - 1] === '/';
        const atSegEnd = p[i + 2] === '/' || i + 2 === p.length;
        if (atSegStart && p[i + 2] === '/') {
          re += '(?:[^/]+/)*';
          i += 3;
          continue;
        }
        if (atSegStart && atSegEnd) {
          re += '.*';
          i += 2;
          continue;
        }
        re += '[^/]*';
        i += 2;
        continue;
      }
      re += '[^/]*';
    } else if (c === '?') {
      re += '[^/]';
    } else if (c === '{') {
      inBraces++;
      re += '(?:';
    } else if (c === '}' && inBraces > 0) {
      inBraces--;
      re += ')';
    } else if (c === ',' && inBraces > 0) {
      re += '|';
    } else {
      re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
    }
    i++;
  }
  return new RegExp(`^${re}$`);
}

export function compileGlobs(patterns: readonly string[]): PathMatcher {
  const res = patterns.filter((p) => p.trim() !== '').map(globToRegExp);
  if (res.length === 0) return () => false;
  return (path) => res.some((r) => r.test(path));
}
