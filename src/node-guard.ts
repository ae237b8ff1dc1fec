/**
 * The Node version guard of the launcher (src/bin.ts). It runs before
 * anything else is loaded, so it must parse and run on old Node (18, 20):
 * plain ES2020, no imports. A Node older than package.json `engines.node`
 * gets one line naming both versions and exit 3 (environment), instead of
 * a stack trace from the first newer API the program touches.
 */

/** `>=MAJOR[.MINOR[.PATCH]]` (the form engines.node has); undefined for any other range (no guard). */
export function minimumOf(range: string): { version: number[]; text: string } | undefined {
  const m = /^\s*>=\s*v?((\d+)(?:\.(\d+))?(?:\.(\d+))?)\s*$/.exec(range);
  return m ? { version: [Number(m[2]), Number(m[3] ?? 0), Number(m[4] ?? 0)], text: m[1] as string } : undefined;
}

/** The one line to print when `found` (process.versions.node) is older than `range`, else undefined. */
export function nodeTooOld(found: string, range: string): string | undefined {
  const min = minimumOf(range);
  const have = /^v?(\d+)\.(\d+)\.(\d+)/.exec(found);
  if (!min || !have) return undefined;
  const v = [Number(have[1]), Number(have[2]), Number(have[3])];
  for (let i = 0; i < 3; i++) {
    const a = v[i] as number;
    const b = min.version[i] as number;
    if (a > b) return undefined;
    if (a < b) return `build-connector: needs Node ${range.trim()} (package.json engines.node), found Node ${found} at ${process.execPath}; install Node ${min.text} or newer`;
  }
  return undefined;
}
