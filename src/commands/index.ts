/**
 * Every subcommand, in the order `--help` lists them. Each lives in its own
 * module so work on one never touches another.
 *
 * Modules are imported lazily: a run of one command loads only that
 * command's code (the bundle is split per command by esbuild), which keeps
 * start-up — paid on every `build`/`verify` — small. Help texts never get
 * here (src/bin.ts prints them from the bundle).
 */
import type { Command } from 'commander';

type CommandModule = { register(program: Command): void };

const COMMANDS: Record<string, () => Promise<CommandModule>> = {
  render: () => import('./render.js'),
  lint: () => import('./lint.js'),
  build: () => import('./build.js'),
  verify: () => import('./verify.js'),
  publish: () => import('./publish.js'),
  tags: () => import('./tags.js'),
  'release-plan': () => import('./release-plan.js'),
  doctor: () => import('./doctor.js'),
  changed: () => import('./changed.js'),
  'digest-record': () => import('./digest-record.js'),
  merge: () => import('./merge.js'),
  bake: () => import('./bake.js'),
  base: () => import('./base.js'),
};

const COMMAND_NAMES = Object.keys(COMMANDS);

/**
 * Register `only` when it names a command, else all of them (help, unknown
 * commands and their suggestions need the full list).
 */
export async function registerCommands(program: Command, only?: string): Promise<void> {
  const names = only !== undefined && only in COMMANDS ? [only] : COMMAND_NAMES;
  const modules = await Promise.all(names.map((n) => COMMANDS[n]!()));
  for (const m of modules) m.register(program);
}

/** The subcommand argv names: the first word that is not a global flag. */
export function requestedCommand(argv: readonly string[]): string | undefined {
  for (const a of argv) {
    if (a === '--json' || a === '--debug') continue;
    return a.startsWith('-') ? undefined : a;
  }
  return undefined;
}
