/**
 * Shared plumbing for subcommands: global flags, the Output, and the one
 * place where errors become a message + exit code (never a stack trace).
 */
import type { Command } from 'commander';
import { BcError, ExitCode, runCleanups, toBcError, type RegistryLogin } from '../core/index.js';
import { createOutput, type Output } from '../ui/output.js';

interface GlobalOptions {
  json: boolean;
  debug: boolean;
}

function globalOptions(cmd: Command): GlobalOptions {
  const all = cmd.optsWithGlobals<{ json?: boolean; debug?: boolean }>();
  return { json: all.json === true, debug: all.debug === true };
}

type Handler<A extends unknown[]> = (out: Output, g: GlobalOptions, ...args: A) => Promise<number | void>;

/**
 * Wrap a subcommand's handler: the returned number is the exit code.
 * Commander passes (args..., options, command); we hand the handler the
 * output and global options first.
 */
export function action<A extends unknown[]>(handler: Handler<A>) {
  return async (...raw: unknown[]): Promise<void> => {
    const cmd = raw[raw.length - 1] as Command;
    const g = globalOptions(cmd);
    const out = createOutput(g.json);
    const args = raw.slice(0, -1) as A;
    try {
      const code = await handler(out, g, ...args);
      process.exitCode = code ?? ExitCode.ok;
    } catch (err) {
      const e = toBcError(err);
      reportError(e, g);
      process.exitCode = e.exitCode;
    } finally {
      await runCleanups();
    }
  };
}

/** A failure under --json: one object on stdout, `{"error": {…}, "exitCode": N}`. */
export function jsonError(e: BcError): string {
  return `${JSON.stringify({ error: { kind: e.kind, exitCode: e.exitCode, message: e.message, step: e.step ?? null, details: e.details }, exitCode: e.exitCode }, null, 2)}\n`;
}

export function reportError(e: BcError, g: GlobalOptions): void {
  if (g.json) process.stdout.write(jsonError(e));
  const lines = [`error: ${e.message}`, ...e.details.map((d) => `  ${d}`)];
  process.stderr.write(`${lines.join('\n')}\n`);
  if (g.debug && e.cause instanceof Error && e.cause.stack) process.stderr.write(`${e.cause.stack}\n`);
}

const KIND_OF: Record<number, BcError['kind']> = { 1: 'failed', 2: 'badInput', 3: 'environment', 4: 'refused', 130: 'interrupted' };

/** A flow's failed result as the error the CLI reports (message, details, exit code, step). */
function errorOf(r: { reason: string; details: string[]; exitCode: number; step: string }): BcError {
  return new BcError(KIND_OF[r.exitCode] ?? 'failed', r.reason, { details: r.details, step: r.step });
}

/**
 * A flow that ended in failure: under --json its whole result (findings,
 * checks, steps) with the error, one object on stdout, and the exit code;
 * in text, the error as every command prints it.
 */
export function failedFlow(out: Output, r: { reason: string; details: string[]; exitCode: number; step: string }): number {
  const e = errorOf(r);
  if (!out.json) throw e;
  out.result({ ...r, error: { kind: e.kind, exitCode: e.exitCode, message: e.message, step: e.step ?? null, details: e.details } }, () => '');
  process.stderr.write(`error: ${e.message}\n${e.details.map((d) => `  ${d}\n`).join('')}`);
  return e.exitCode;
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** The registry login flags every command that talks to a registry takes (credentialOptions). */
export interface LoginFlags {
  username?: string;
  passwordStdin?: boolean;
}

/**
 * The registry login flags, defined once for every command that talks to a
 * registry (publish, tags, merge, digest-record, verify, doctor). There is
 * deliberately no --password: a password on the command line ends up in
 * shell history and `ps`.
 */
export function credentialOptions(cmd: Command): Command {
  return cmd
    .option('--username <user>', 'registry user (else BUILD_CONNECTOR_USERNAME; with neither, the docker login credentials of that registry)')
    .option('--password-stdin', 'read the registry password from stdin (else BUILD_CONNECTOR_PASSWORD; never a flag)');
}

/**
 * The login flags → the login the flow resolves for its registry. Checked
 * before any work: --password-stdin without a username, an empty stdin, or a
 * username without any password is exit 2 here, before a build or a request.
 */
export async function loginFromFlags(f: LoginFlags, opts: { env?: NodeJS.ProcessEnv; stdin?: NodeJS.ReadableStream } = {}): Promise<RegistryLogin> {
  // loaded here, not at startup: every command imports this module
  const { resolveLogin } = await import('../core/login.js');
  return resolveLogin({ username: f.username, passwordFromStdin: f.passwordStdin }, opts);
}

/**
 * The flags that shape a build, defined once for `build` and `publish`:
 * what is built (platforms, base, build args), where (builder) and with which
 * cache and provenance.
 */
export function buildInputOptions(cmd: Command): Command {
  return cmd
    .option('--platform <list>', 'platforms, comma separated (default: metadata.yaml data.buildConnector.platforms, else linux/amd64,linux/arm64)')
    .option('--base-image <ref>', 'base image to render with, replacing the connector\'s (pinned by digest)')
    .option('--builder <name>', 'buildx builder to use (default: BUILDX_BUILDER or the current one)')
    .option('--build-arg <KEY=VALUE>', 'build argument, repeatable', collect)
    .option('--cache-from <spec>', 'buildx --cache-from, repeatable', collect)
    .option('--cache-to <spec>', 'buildx --cache-to, repeatable', collect)
    .option('--provenance <mode>', 'provenance attestation: min (default), max or false');
}

/** What buildInputOptions defines, as commander hands it over. */
export interface BuildInputFlags {
  platform?: string;
  baseImage?: string;
  builder?: string;
  buildArg?: string[];
  cacheFrom?: string[];
  cacheTo?: string[];
  provenance?: string;
}

/** The build flags → the words of the config schema the CLI and the Action share (src/core/request-schema.ts). */
export function buildInputsOf(f: BuildInputFlags) {
  return { platforms: f.platform, baseImage: f.baseImage, builder: f.builder, cacheFrom: f.cacheFrom, cacheTo: f.cacheTo, buildArgs: f.buildArg, provenance: f.provenance };
}
