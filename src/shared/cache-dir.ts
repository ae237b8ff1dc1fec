/** The user's cache directory for build-connector: $XDG_CACHE_HOME/build-connector, else ~/.cache/build-connector. */
import { homedir } from 'node:os';
import { join } from 'node:path';

export function userCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'build-connector');
}
