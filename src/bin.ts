#!/usr/bin/env node
/**
 * The installed `build-connector` binary. Help and version texts are
 * generated from the real program at bundle time (scripts/build.mjs) and
 * printed without loading it, so `--help` starts in well under 150 ms; every
 * other invocation loads the full CLI (src/cli.ts) lazily.
 */
import * as nodeModule from 'node:module';
import { helpKey } from './bin-keys.js';

declare const __BC_HELP__: Record<string, string> | undefined;

const HELP: Record<string, string> = typeof __BC_HELP__ === 'object' && __BC_HELP__ !== null ? __BC_HELP__ : {};

const key = helpKey(process.argv.slice(2));
const text = key === undefined ? undefined : HELP[key];
if (text !== undefined) {
  process.stdout.write(text);
} else {
  // V8's code cache on disk (Node >= 22.1): the second start of a command
  // skips compiling its chunks, about a third of the start-up time.
  // BUILD_CONNECTOR_NO_COMPILE_CACHE=1 turns it off.
  if (!process.env.BUILD_CONNECTOR_NO_COMPILE_CACHE) nodeModule.enableCompileCache?.();
  const { main } = await import('./cli.js');
  await main(process.argv);
}
