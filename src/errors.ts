/**
 * Exit codes are part of the public contract (README "Exit codes").
 * Every failure the user can cause or meet is a BcError carrying one of them;
 * the CLI prints its message (never a stack trace) and exits with its code.
 */
export const ExitCode = {
  ok: 0,
  /** a check, lint rule or build failed */
  failed: 1,
  /** bad input or usage: malformed metadata.yaml, unknown flag, not implemented */
  badInput: 2,
  /** environment missing: no engine, no buildx, no arm64 emulation, registry unreachable */
  environment: 3,
  /** refused by policy: version already published with another digest */
  refused: 4,
  /** interrupted by the user (SIGINT) */
  interrupted: 130,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export type ErrorKind = 'failed' | 'badInput' | 'environment' | 'refused' | 'interrupted';

export class BcError extends Error {
  readonly kind: ErrorKind;
  /** extra lines printed under the message: a file:line, a fix, tool output */
  readonly details: string[];
  /** the pipeline step that failed, when there is one */
  readonly step: string | undefined;

  constructor(kind: ErrorKind, message: string, opts: { details?: string[]; step?: string; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'BcError';
    this.kind = kind;
    this.details = opts.details ?? [];
    this.step = opts.step;
  }

  get exitCode(): ExitCode {
    return ExitCode[this.kind];
  }
}

export const badInput = (message: string, details?: string[]) => new BcError('badInput', message, { details });
export const envMissing = (message: string, details?: string[]) => new BcError('environment', message, { details });
export const failed = (message: string, details?: string[], step?: string) =>
  new BcError('failed', message, { details, step });
export const refused = (message: string, details?: string[]) => new BcError('refused', message, { details });

/** Turn anything thrown into a BcError without losing its message. */
export function toBcError(err: unknown): BcError {
  if (err instanceof BcError) return err;
  if (err instanceof Error) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR' || code === 'ENOTDIR') {
      return badInput(err.message);
    }
    return new BcError('failed', `internal error: ${err.message}`, { cause: err });
  }
  return new BcError('failed', `internal error: ${String(err)}`);
}
