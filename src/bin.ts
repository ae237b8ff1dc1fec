#!/usr/bin/env node
/**
 * The installed `build-connector` binary. Help and version texts are
 * generated from the real program at bundle time (scripts/build.mjs) and
 * printed without loading it, so `--help` starts in well under 150 ms; every
 * other invocation loads the full CLI (src/cli.ts) lazily.
 */
import { helpKey } from './bin-keys.js';

declare const __BC_HELP__: Record<string, string> | undefined;

const HELP: Record<string, string> = typeof __BC_HELP__ === 'object' && __BC_HELP__ !== null ? __BC_HELP__ : {};

const key = helpKey(process.argv.slice(2));
const text = key === undefined ? undefined : HELP[key];
if (text !== undefined) {
  process.stdout.write(text);
} else {
  const { main } = await import('./cli.js');
  await main(process.argv);
}
