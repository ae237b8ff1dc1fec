/**
 * Run a connector container the locked-down way, and always clean it up.
 *
 * - `--network none` unless the step needs the network; memory, pids and CPU
 *   limits; an explicit `--platform`.
 * - No read-only root: a read-only root with tmpfs mounts hides what the
 *   connector writes (and hides /airbyte/integration_code). Instead the
 *   container is kept after it exits, `docker diff` lists every write, then
 *   it is removed (ENGINE.md).
 * - A timeout stops the container BY NAME: connectors usually run as PID 1
 *   and ignore SIGTERM, so killing the docker client alone would leave the
 *   container running.
 * - Output is streamed and capped: a connector flooding stdout is stopped
 *   and reported as truncated, it cannot exhaust our memory.
 * - The container is registered with cleanup.ts, so Ctrl-C removes it.
 */
import { randomBytes } from 'node:crypto';
import { docker } from './cli.js';
import { onCleanup } from '../cleanup.js';

/** Label on every container we start, so leftovers are findable (tests assert there are none). */
export const CONTAINER_LABEL = 'io.build-connector.verify';

export interface Mount {
  source: string;
  target: string;
  readOnly: boolean;
}

export interface ContainerRunSpec {
  image: string;
  platform: string;
  /** arguments after the entrypoint (e.g. ["spec"]) */
  args: string[];
  /** replace the image ENTRYPOINT with these tokens */
  entrypoint?: string[];
  workdir?: string;
  /** "none" (default) or a docker network name such as "bridge" */
  network?: string;
  memory?: string;
  pidsLimit?: number;
  cpus?: number;
  mounts?: Mount[];
  /** written to the container's stdin (e.g. messages for `write`) */
  input?: string;
  timeoutMs: number;
  /** stop capturing (and stop the container) beyond this many bytes of stdout+stderr */
  maxOutputBytes?: number;
  /** prefix of the container name */
  namePrefix?: string;
}

export type DiffKind = 'A' | 'C' | 'D';
export interface DiffEntry {
  kind: DiffKind;
  path: string;
}

export interface ContainerRunResult {
  name: string;
  /** the argv given to docker, for messages */
  command: string;
  /** the container's exit code; -1 when unknown (killed before it started) */
  exitCode: number;
  stdoutLines: string[];
  stderrTail: string[];
  timedOut: boolean;
  /** output went over maxOutputBytes: the container was stopped */
  truncated: boolean;
  oomKilled: boolean;
  diff: DiffEntry[];
  durationMs: number;
}

export const DEFAULT_LIMITS = { memory: '2g', pidsLimit: 512, maxOutputBytes: 64 * 1024 * 1024 } as const;
const STDERR_TAIL = 20;

let counter = 0;
export function containerName(prefix = 'bc-verify'): string {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}-${randomBytes(3).toString('hex')}`;
}

/** The `docker run` argv (pure, unit-tested as a table). */
export function buildRunArgv(spec: ContainerRunSpec, name: string): string[] {
  const argv = ['run', '--name', name, '--label', CONTAINER_LABEL, '--pull', 'never', '--platform', spec.platform];
  argv.push('--network', spec.network ?? 'none');
  argv.push('--memory', spec.memory ?? DEFAULT_LIMITS.memory);
  argv.push('--pids-limit', String(spec.pidsLimit ?? DEFAULT_LIMITS.pidsLimit));
  if (spec.cpus !== undefined) argv.push('--cpus', String(spec.cpus));
  // The attach streams carry the output; a log driver would store a second
  // copy on disk (a flooding connector would fill it).
  argv.push('--log-driver', 'none');
  if (spec.workdir) argv.push('-w', spec.workdir);
  for (const m of spec.mounts ?? []) {
    argv.push('--mount', `type=bind,source=${m.source},target=${m.target}${m.readOnly ? ',readonly' : ''}`);
  }
  if (spec.input !== undefined) argv.push('-i');
  let args = spec.args;
  if (spec.entrypoint) {
    const [first, ...rest] = spec.entrypoint;
    argv.push('--entrypoint', first ?? '');
    args = [...rest, ...args];
  }
  argv.push(spec.image, ...args);
  return argv;
}

/** Parse `docker diff` output ("A /path" per line). */
export function parseDiff(text: string): DiffEntry[] {
  const out: DiffEntry[] = [];
  for (const line of text.split('\n')) {
    const m = /^([ACD]) (\/.*)$/.exec(line.trimEnd());
    if (m) out.push({ kind: m[1] as DiffKind, path: m[2] as string });
  }
  return out;
}

export async function removeContainer(name: string): Promise<void> {
  await docker(['rm', '-f', '-v', name], { allowFailure: true, timeoutMs: 60_000 });
}

/**
 * Ctrl-C safety for a container whose `docker create`/`docker run` may be in
 * flight: remove it now, and once more after the client has exited, because
 * the daemon can finish creating a container after its client was killed.
 * Returns the function that unregisters the guard once the caller removed
 * the container itself.
 */
export function guardContainer(name: string): { unregister: () => void; clientDone: (p: Promise<unknown>) => void } {
  let client: Promise<unknown> = Promise.resolve();
  const unregister = onCleanup(async () => {
    await removeContainer(name);
    await client.catch(() => undefined);
    await new Promise((r) => setTimeout(r, 1000));
    await removeContainer(name);
  });
  return {
    unregister,
    clientDone: (p) => {
      client = p;
    },
  };
}

export async function runContainer(spec: ContainerRunSpec): Promise<ContainerRunResult> {
  const name = containerName(spec.namePrefix);
  const argv = buildRunArgv(spec, name);
  const cap = spec.maxOutputBytes ?? DEFAULT_LIMITS.maxOutputBytes;
  // Registered before the container exists: Ctrl-C at any point removes it.
  const guard = guardContainer(name);
  const stdoutLines: string[] = [];
  const stderrTail: string[] = [];
  let bytes = 0;
  let truncated = false;
  let timedOut = false;
  let stopping: Promise<unknown> | undefined;
  const stop = () => {
    stopping ??= docker(['kill', name], { allowFailure: true, timeoutMs: 60_000 });
  };
  const count = (line: string): boolean => {
    bytes += Buffer.byteLength(line) + 1;
    if (bytes > cap) {
      if (!truncated) {
        truncated = true;
        stop();
      }
      return false;
    }
    return true;
  };
  const timer = setTimeout(() => {
    timedOut = true;
    stop();
  }, spec.timeoutMs);
  const t0 = performance.now();
  try {
    const client = docker(argv, {
      allowFailure: true,
      input: spec.input,
      // Safety net only: the timer above stops the container by name first.
      timeoutMs: spec.timeoutMs + 60_000,
      maxBuffer: cap + 1024 * 1024,
      onStdoutLine: (l) => {
        if (count(l)) stdoutLines.push(l);
      },
      onStderrLine: (l) => {
        if (count(l)) {
          stderrTail.push(l);
          if (stderrTail.length > STDERR_TAIL) stderrTail.shift();
        }
      },
    });
    guard.clientDone(client);
    const res = await client;
    clearTimeout(timer);
    await stopping;
    const durationMs = performance.now() - t0;
    // `docker run` exits with the container's own code; only a kill (137)
    // we did not cause needs the state to tell an OOM kill from a crash.
    const needState = res.exitCode < 0 || (res.exitCode === 137 && !timedOut && !truncated);
    const [diffRes, stateRes] = await Promise.all([
      docker(['diff', name], { allowFailure: true, timeoutMs: 60_000 }),
      needState ? docker(['inspect', '--format', '{{.State.ExitCode}} {{.State.OOMKilled}}', name], { allowFailure: true, timeoutMs: 60_000 }) : undefined,
    ]);
    const state = stateRes?.exitCode === 0 ? /^(-?\d+) (true|false)/.exec(stateRes.stdout.trim()) : null;
    // When docker itself refused (125: bad image, platform or mount) there is
    // no container; its message is already in stderrTail.
    const exitCode = state ? Number(state[1]) : res.exitCode;
    return {
      name,
      command: res.command,
      exitCode,
      stdoutLines,
      stderrTail,
      timedOut,
      truncated,
      oomKilled: state?.[2] === 'true',
      diff: diffRes.exitCode === 0 ? parseDiff(diffRes.stdout) : [],
      durationMs,
    };
  } finally {
    clearTimeout(timer);
    await removeContainer(name);
    guard.unregister();
  }
}
