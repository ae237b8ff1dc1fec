/**
 * Subcommands whose implementation has not landed. They are registered so
 * `--help` shows the whole tool, and they exit 2 saying so: never a fake success.
 */
import type { Command } from 'commander';
import { action } from './common.js';
import { notImplemented } from '../errors.js';

export function registerStub(program: Command, name: string, args: string, description: string): void {
  program
    .command(`${name}${args ? ` ${args}` : ''}`)
    .description(`${description} (not implemented yet)`)
    .allowUnknownOption(true)
    .action(
      action(async () => {
        throw notImplemented(`build-connector ${name}`);
      }),
    );
}
