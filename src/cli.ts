/**
 * build-connector CLI: flags → validated config → the same core the Action calls.
 */
import { pathToFileURL } from 'node:url';
import { Command, CommanderError } from 'commander';
import { BcError, ExitCode, setExecDebug, toBcError, VERSION } from './core/index.js';
import { jsonError, reportError } from './commands/common.js';
import { registerCommands, requestedCommand } from './commands/index.js';

export async function buildProgram(only?: string): Promise<Command> {
  const program = new Command();
  program
    .name('build-connector')
    .description('Build, verify and publish Airbyte connector images (multi-arch, verified before any tag is pushed).')
    .version(VERSION, '-V, --version')
    .option('--json', 'print machine-readable JSON on stdout')
    .option('--debug', 'print every external command run')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ outputError: (str, write) => write(str) });
  program.hook('preAction', (_this, actionCommand) => {
    if (actionCommand.optsWithGlobals<{ debug?: boolean }>().debug) setExecDebug((l) => process.stderr.write(`[exec] ${l}\n`));
  });
  program.addHelpText(
    'after',
    `
Exit codes:
  0  ok
  1  a check, lint rule or build failed
  2  bad input or usage (malformed metadata.yaml, unknown flag, not implemented yet)
  3  environment missing (no engine, no buildx, no arm64 emulation, registry unreachable, login refused)
  4  refused by policy (version already published with another digest)`,
  );
  await registerCommands(program, only);
  for (const c of program.commands) c.exitOverride();
  return program;
}

/** `--json` among the arguments (before a `--`): a usage error is JSON too, though commander stopped before parsing it. */
function wantsJson(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).includes('--json');
}

export async function main(argv: string[]): Promise<void> {
  const g = { json: wantsJson(argv.slice(2)), debug: argv.slice(2).includes('--debug') };
  const program = await buildProgram(requestedCommand(argv.slice(2)));
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // help and version are "errors" to commander; their code is 0.
      if (err.exitCode === 0) {
        process.exitCode = ExitCode.ok;
        return;
      }
      process.exitCode = ExitCode.badInput;
      // commander printed its message on stderr; --json stdout gets the same as one object
      if (g.json) {
        const message = err.message.replace(/^error: /, '');
        process.stdout.write(jsonError(new BcError('badInput', message, { details: ['run with --help for usage'] })));
      }
      return;
    }
    // anything else: a message and an exit code, never a stack trace (--debug shows it)
    const e = toBcError(err);
    reportError(e, g);
    process.exitCode = e.exitCode;
  }
}

// Run when executed directly (tsx src/cli.ts in tests); src/bin.ts imports main() instead.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main(process.argv);
}
