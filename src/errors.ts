/**
 * Exit codes are part of the public contract (README "Exit codes").
 * Every failure the user can cause or meet is a BcError carrying one of them;
 * the CLI prints its message (never a stack trace) and exits with its code.
 */
import { isAbsolute, relative, resolve } from 'node:path';

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

/** A place in a file; line and column count from 1. */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

/**
 * Where an error is, as data: the Action turns it into an annotation and
 * `lint` into a finding without reading the message. `file` is absolute;
 * `problem` is the message without its position and key.
 */
export interface ErrorAt {
  file: string;
  line: number;
  /** absent when only the line is known */
  column?: number;
  /** the key the error is about (`data.dockerImageTag`), when there is one */
  key?: string;
  problem: string;
}

/** How a file is named in messages: relative to the working directory when below it. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

/** `metadata.yaml:12:3` for a position. */
export function where(pos: SourcePosition): string {
  return `${displayPath(pos.file)}:${pos.line}:${pos.column}`;
}

export class BcError extends Error {
  readonly kind: ErrorKind;
  /** extra lines printed under the message: a file:line, a fix, tool output */
  readonly details: string[];
  /** the pipeline step that failed, when there is one */
  readonly step: string | undefined;
  /** the file position the error is about, when there is one */
  readonly at: ErrorAt | undefined;

  constructor(kind: ErrorKind, message: string, opts: { details?: string[]; step?: string; cause?: unknown; at?: ErrorAt } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'BcError';
    this.kind = kind;
    this.details = opts.details ?? [];
    this.step = opts.step;
    this.at = opts.at && { ...opts.at, file: resolve(opts.at.file) };
  }

  get exitCode(): ExitCode {
    return ExitCode[this.kind];
  }
}

/**
 * A bad-input error at a position in a file: the message reads
 * `FILE:LINE:COL: KEY: PROBLEM` (the column and key when known) and `at`
 * holds the same as data.
 */
export function badInputAt(at: ErrorAt, details?: string[]): BcError {
  return new BcError('badInput', atText(at), { details, at });
}

/** `FILE:LINE[:COL]: [KEY: ]PROBLEM`, the one way a position reads in a message or a detail line. */
export function atText(at: ErrorAt): string {
  const pos = `${displayPath(at.file)}:${at.line}${at.column === undefined ? '' : `:${at.column}`}`;
  return `${pos}: ${at.key === undefined ? '' : `${at.key}: `}${at.problem}`;
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
