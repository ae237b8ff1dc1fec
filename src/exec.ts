/**
 * The one process wrapper. Every docker / buildx / skopeo / git / cosign call
 * goes through here, for the CLI and the Action alike.
 *
 * - Failure is the exit code, never "stderr was non-empty".
 * - Errors carry the argv with secrets redacted, the exit code and the last
 *   lines of output, so a user sees what broke without a stack trace.
 * - Secrets are given as `secrets` (redacted everywhere) and passwords reach a
 *   tool through `input` (stdin), never argv.
 * - Every child is killed when the parent gets SIGINT/SIGTERM (see cleanup.ts).
 */
import { execa, type ResultPromise } from 'execa';
import { BcError, type ErrorKind } from './errors.js';
import { onCleanup, wasInterrupted } from './cleanup.js';

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** written to stdin; use it for passwords */
  input?: string | Buffer;
  /** kill the process after this many ms */
  timeoutMs?: number;
  /** strings redacted from argv and output in errors and logs */
  secrets?: string[];
  /** a non-zero exit is returned, not thrown */
  allowFailure?: boolean;
  /** forward output lines as they arrive (progress) */
  onStdoutLine?: (line: string) => void;
  onStderrLine?: (line: string) => void;
  /** error kind when the process fails (default 'failed') */
  failKind?: ErrorKind;
  /** the pipeline step, for error messages */
  step?: string;
  /** cap on captured stdout bytes (flooding connectors) */
  maxBuffer?: number;
  /**
   * Take stdout as raw chunks as they arrive instead of buffering it (large
   * tar streams); `stop()` kills the process (it then exits non-zero).
   */
  onStdoutData?: (chunk: Buffer, stop: () => void) => void;
  /** the same for stderr: raw chunks, not buffered (a connector's logs, which may be endless) */
  onStderrData?: (chunk: Buffer) => void;
  /** cleanup work (removing a container): still runs after an interrupt, when nothing new may start */
  cleanup?: boolean;
}

export interface RunResult {
  command: string;
  exitCode: number;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  durationMs: number;
}

const REDACTED = '***';

export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const s of secrets) {
    if (s.length > 0) out = out.split(s).join(REDACTED);
  }
  return out;
}

export function formatArgv(file: string, args: readonly string[], secrets: readonly string[] = []): string {
  const quote = (a: string) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);
  return redact([file, ...args].map(quote).join(' '), secrets);
}

export function lastLines(text: string, n = 15): string[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  return lines.slice(-n);
}

/** Global debug hook: `--debug` / BUILD_CONNECTOR_DEBUG prints each argv. */
let debugSink: ((line: string) => void) | undefined =
  process.env.BUILD_CONNECTOR_DEBUG ? (l) => process.stderr.write(`[exec +${Math.round(performance.now())} ms] ${l}\n`) : undefined;
export function setExecDebug(sink: ((line: string) => void) | undefined): void {
  debugSink = sink;
}
/** A line for the --debug log (requests that are not processes, e.g. the engine API). */
export function debugLog(line: string): void {
  debugSink?.(line);
}

function start(file: string, args: readonly string[], opts: RunOptions): ResultPromise {
  const env = opts.env ? { ...process.env, ...opts.env } : process.env;
  return execa(file, [...args], {
    cwd: opts.cwd,
    env,
    extendEnv: false,
    input: opts.input,
    reject: false,
    timeout: opts.timeoutMs,
    killSignal: 'SIGKILL',
    maxBuffer: opts.maxBuffer ?? 256 * 1024 * 1024,
    buffer: { stdout: !opts.onStdoutData, stderr: !opts.onStderrData },
    encoding: 'utf8',
    stripFinalNewline: false,
    stdin: opts.input === undefined ? 'ignore' : 'pipe',
    lines: false,
  });
}

export async function run(file: string, args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  const secrets = opts.secrets ?? [];
  const command = formatArgv(file, args, secrets);
  // Once interrupted, start nothing new: the cleanup is removing what runs.
  if (wasInterrupted() && !opts.cleanup) throw new BcError('interrupted', `interrupted before ${file} could start`, { step: opts.step, details: [`command: ${command}`] });
  debugSink?.(command);
  const t0 = performance.now();
  const child = start(file, args, opts);
  const unregister = onCleanup(() => {
    child.kill('SIGKILL');
  });
  if (opts.onStdoutLine) pipeLines(child.stdout, opts.onStdoutLine, secrets);
  const onData = opts.onStdoutData;
  if (onData) {
    const stop = () => {
      child.kill('SIGKILL');
    };
    child.stdout?.on('data', (chunk: Buffer) => onData(chunk, stop));
  }
  if (opts.onStderrLine) pipeLines(child.stderr, opts.onStderrLine, secrets);
  const onErr = opts.onStderrData;
  if (onErr) child.stderr?.on('data', (chunk: Buffer) => onErr(chunk));
  let result;
  try {
    result = await child;
  } finally {
    unregister();
  }
  const durationMs = performance.now() - t0;
  debugSink?.(`done in ${Math.round(durationMs)} ms, exit ${String(result.exitCode)}: ${command.length > 80 ? `${command.slice(0, 77)}...` : command}`);
  // utf8 text (undefined when the stream went to onStdoutData / onStderrData instead)
  const stdout = String(result.stdout ?? '');
  const stderr = String(result.stderr ?? '');
  const exitCode = typeof result.exitCode === 'number' ? result.exitCode : -1;
  const timedOut = result.timedOut === true;
  const spawnFailed = result.failed && result.exitCode === undefined && !timedOut && !result.isTerminated;

  if (spawnFailed) {
    const notFound = /ENOENT/.test(String(result.message ?? ''));
    throw new BcError(
      notFound ? 'environment' : (opts.failKind ?? 'failed'),
      notFound ? `${file} is not installed or not on PATH` : `could not start ${file}: ${redact(String(result.shortMessage ?? result.message), secrets)}`,
      { step: opts.step, details: [`command: ${command}`] },
    );
  }
  if ((exitCode !== 0 || timedOut) && !opts.allowFailure) {
    const tail = lastLines(redact(`${stderr}\n${stdout.length < 4000 ? stdout : ''}`, secrets));
    const what = timedOut ? `timed out after ${Math.round((opts.timeoutMs ?? 0) / 1000)} s` : `exited with code ${exitCode}`;
    throw new BcError(opts.failKind ?? 'failed', `${opts.step ? `${opts.step}: ` : ''}${file} ${what}`, {
      step: opts.step,
      details: [`command: ${command}`, ...tail.map((l) => `  ${l}`)],
    });
  }
  return { command, exitCode, stdout, stderr: redact(stderr, secrets), timedOut, durationMs };
}

function pipeLines(stream: NodeJS.ReadableStream | null, sink: (line: string) => void, secrets: readonly string[]): void {
  if (!stream) return;
  let buf = '';
  stream.on('data', (chunk: Buffer | string) => {
    buf += chunk.toString();
    let i: number;
    while ((i = buf.indexOf('\n')) >= 0) {
      sink(redact(buf.slice(0, i), secrets));
      buf = buf.slice(i + 1);
    }
  });
  stream.on('end', () => {
    if (buf) sink(redact(buf, secrets));
    buf = '';
  });
}

/** Does a program exist on PATH? (no throw) */
export async function which(file: string): Promise<boolean> {
  const res = await execa('sh', ['-c', `command -v "$1"`, 'sh', file], { reject: false });
  return res.exitCode === 0;
}
