#!/usr/bin/env node
/**
 * The installed `build-connector` binary. Help and version texts are
 * generated from the real program at bundle time (scripts/build.mjs) and
 * printed without loading it, so `--help` starts in well under 150 ms; every
 * other invocation loads the full CLI (src/cli.ts) lazily.
 */
import { readFileSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { helpKey } from './bin-keys.js';
import { nodeTooOld } from './node-guard.js';

declare const __BC_HELP__: Record<string, string> | undefined;
declare const __BC_NODE_ENGINES__: string | undefined;

// First of all, before any code that needs a newer Node is loaded (the CLI
// is imported lazily below): an old Node gets one line and exit 3.
function enginesNode(): string {
  if (typeof __BC_NODE_ENGINES__ === 'string') return __BC_NODE_ENGINES__;
  try {
    const pkg: unknown = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    const engines = typeof pkg === 'object' && pkg !== null && 'engines' in pkg ? pkg.engines : undefined;
    const node = typeof engines === 'object' && engines !== null && 'node' in engines ? engines.node : undefined;
    return typeof node === 'string' ? node : '';
  } catch {
    return '';
  }
}
const tooOld = nodeTooOld(process.versions.node, enginesNode());
if (tooOld !== undefined) {
  process.stderr.write(`${tooOld}\n`);
  process.exit(3);
}

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
