/**
 * Path globs for `build-connector.yaml` (`sharedPaths`, `ignorePaths`),
 * matched by picomatch against the whole repository-relative POSIX path.
 *   `**`   any number of path segments (also none)
 *   `*`    anything inside one segment (dot files included)
 *   `?`    one character inside one segment
 *   `{a,b}` alternatives, `[abc]` a character class
 *   `dir/` a trailing slash means everything under `dir`
 * A pattern without a slash matches at any depth (`*.md`, `docs/`), as in
 * .gitignore, so `*.md` and `**\/*.md` mean the same; a leading `./` or `/`
 * anchors it at the repository root. A leading `!` and `+(...)`-style
 * extglobs are literal text here: the lists have no negation.
 *
 * .dockerignore lines are another grammar (Go's filepath.Match plus `**`,
 * root-anchored): shared/dockerignore.ts matches those.
 */
import picomatch from 'picomatch';

type PathMatcher = (path: string) => boolean;

const OPTIONS: picomatch.PicomatchOptions = { dot: true, nonegate: true, noextglob: true };

/** The picomatch pattern for a `build-connector.yaml` path pattern (anchoring and `dir/` applied). */
function toPicomatch(pattern: string): string {
  let p = pattern.trim();
  // "./x" or "/x": anchored at the repository root, as in .gitignore
  const anchored = p.startsWith('./') || p.startsWith('/');
  p = p.replace(/^\.?\/+/, '');
  const floating = !anchored && !p.replace(/\/+$/, '').includes('/');
  if (p.endsWith('/')) p = `${p}**`;
  if (floating) p = `**/${p}`;
  return p;
}

export function compileGlob(pattern: string): PathMatcher {
  return picomatch(toPicomatch(pattern), OPTIONS);
}

export function compileGlobs(patterns: readonly string[]): PathMatcher {
  const matchers = patterns.filter((p) => p.trim() !== '').map(compileGlob);
  if (matchers.length === 0) return () => false;
  return (path) => matchers.some((m) => m(path));
}
