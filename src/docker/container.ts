/**
 * Run a connector container the locked-down way, and always clean it up.
 *
 * - `docker create`, then `docker start -a`: the caller gets the container's
 *   name as soon as it exists (`created`) and may read it (docker cp,
 *   inspect) while the connector runs; `hold` keeps it until those reads end.
 * - `--network none` unless the step needs the network; memory, pids and CPU
 *   limits; an explicit `--platform`.
 * - No read-only root: a read-only root with tmpfs mounts hides what the
 *   connector writes (and hides /airbyte/integration_code). Instead the
 *   container is kept after it exits, its writes are listed (from its overlay
 *   upper dir when readable, rw-layer.ts; else the engine's `docker diff`),
 *   then it is removed (ENGINE.md).
 * - A timeout stops the container BY NAME: connectors usually run as PID 1
 *   and ignore SIGTERM, so killing the docker client alone would leave the
 *   container running.
 * - Output is read as a stream with bounded memory (protocol/lines.ts):
 *   stdout line by line with a per-line and a total limit, the container
 *   killed the moment one is passed; stderr (logs) only as a short tail,
 *   never a reason to stop. A flooding connector cannot exhaust our memory.
 * - The container is registered with cleanup.ts, so Ctrl-C removes it.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { docker } from './cli.js';
import { engineJson } from './engine-api.js';
import { containerLayerDirs, upperDirChanges, type DiffEntry, type DiffKind, type LayerDirs } from './rw-layer.js';
import { formatArgv } from '../exec.js';
import { onCleanup } from '../cleanup.js';
import { LineSplitter, LineTail, MAX_LINE_BYTES, MAX_STDOUT_BYTES, type OutputStop } from '../protocol/lines.js';

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
  /** stop the container beyond this many bytes of stdout (stderr is not counted: it is logs) */
  maxOutputBytes?: number;
  /** stop the container when one stdout line grows beyond this many bytes */
  maxLineBytes?: number;
  /**
   * Each complete stdout line as it arrives (1-based number). Without it the
   * lines are kept in `stdoutLines` (bounded by the limits above). It
   * returns false once it needs no more lines (they are then only counted).
   */
  onStdoutLine?: (text: string, line: number) => boolean | void;
  /** prefix of the container name */
  namePrefix?: string;
}

export type { DiffEntry, DiffKind } from './rw-layer.js';

export interface ContainerRunResult {
  name: string;
  /** the argv given to docker, for messages */
  command: string;
  /** the container's exit code; -1 when unknown (killed before it started) */
  exitCode: number;
  /** stdout lines, unless they went to `onStdoutLine` */
  stdoutLines: string[];
  /** the last lines of stderr, each cut to a width */
  stderrTail: string[];
  stdoutBytes: number;
  stderrBytes: number;
  timedOut: boolean;
  /** stdout passed a limit: the container was killed there */
  outputStop?: OutputStop;
  oomKilled: boolean;
  diff: DiffEntry[];
  durationMs: number;
  /** where the time went (ms): docker create, the attached run, waiting on reads through the container, docker diff + state */
  phases?: RunPhases;
}

export interface RunPhases {
  createMs: number;
  runMs: number;
  holdMs: number;
  diffMs: number;
  /** where the writes were read: the container's overlay upper dir, or the engine's diff API */
  diffVia?: 'upper-dir' | 'engine';
}

export const DEFAULT_LIMITS = { memory: '2g', pidsLimit: 512, maxOutputBytes: MAX_STDOUT_BYTES, maxLineBytes: MAX_LINE_BYTES } as const;

let counter = 0;
export function containerName(prefix = 'bc-verify'): string {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}-${randomBytes(3).toString('hex')}`;
}

/**
 * The `docker create` argv (pure, unit-tested as a table). The container is
 * created, then started attached (`docker start -a`): between the two its
 * name is known, so the verifier reads the image through it while the
 * connector runs instead of creating a second container.
 */
export function buildCreateArgv(spec: ContainerRunSpec, name: string): string[] {
  const argv = ['create', '--name', name, '--label', CONTAINER_LABEL, '--pull', 'never', '--platform', spec.platform];
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

const containerPath = (name: string, rest = '') => `/containers/${encodeURIComponent(name)}${rest}`;

export async function removeContainer(name: string): Promise<void> {
  const api = await engineJson('DELETE', containerPath(name, '?force=true&v=true'));
  if (api && (api.status === 204 || api.status === 404)) return;
  await docker(['rm', '-f', '-v', name], { allowFailure: true, timeoutMs: 60_000, cleanup: true });
}

const KINDS: Record<number, DiffKind> = { 0: 'C', 1: 'A', 2: 'D' };
const ChangesSchema = z.array(z.object({ Path: z.string(), Kind: z.number() }).loose()).nullable();

/**
 * What the container changed: from its overlay upper dir when this process
 * can read it (rw-layer.ts: a few ms), else the engine's diff API.
 */
export async function containerWrites(name: string, dirs: Promise<LayerDirs | undefined>): Promise<{ diff: DiffEntry[]; via: 'upper-dir' | 'engine' }> {
  const found = await dirs;
  if (found) {
    try {
      return { diff: await upperDirChanges(found), via: 'upper-dir' };
    } catch {
      // the dirs went away or turned unreadable: the engine still knows
    }
  }
  return { diff: await containerChanges(name), via: 'engine' };
}

/** `docker diff`: what the container changed in its writable layer. */
export async function containerChanges(name: string): Promise<DiffEntry[]> {
  const api = await engineJson('GET', containerPath(name, '/changes'));
  const parsed = api?.status === 200 ? ChangesSchema.safeParse(api.body ?? null) : undefined;
  if (parsed?.success) return (parsed.data ?? []).flatMap((c) => (KINDS[c.Kind] ? [{ kind: KINDS[c.Kind] as DiffKind, path: c.Path }] : []));
  const res = await docker(['diff', name], { allowFailure: true, timeoutMs: 60_000 });
  return res.exitCode === 0 ? parseDiff(res.stdout) : [];
}

const StateSchema = z.object({ State: z.object({ ExitCode: z.number(), OOMKilled: z.boolean() }).loose() }).loose();

/** The container's exit code and whether the kernel killed it for memory. */
export async function containerState(name: string): Promise<{ exitCode: number; oomKilled: boolean } | undefined> {
  const api = await engineJson('GET', containerPath(name, '/json'));
  const parsed = api?.status === 200 ? StateSchema.safeParse(api.body) : undefined;
  if (parsed?.success) return { exitCode: parsed.data.State.ExitCode, oomKilled: parsed.data.State.OOMKilled };
  const res = await docker(['inspect', '--format', '{{.State.ExitCode}} {{.State.OOMKilled}}', name], { allowFailure: true, timeoutMs: 60_000 });
  const m = res.exitCode === 0 ? /^(-?\d+) (true|false)/.exec(res.stdout.trim()) : null;
  return m ? { exitCode: Number(m[1]), oomKilled: m[2] === 'true' } : undefined;
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

export type Created = { ok: true } | { ok: false; reason: string };

export interface StartedContainer {
  name: string;
  /** settles once `docker create` is done: ok, or docker's reason (bad image, platform, mount) */
  created: Promise<Created>;
  /** keep the container (no diff, no removal) after it exits until `until` settles: reads through docker cp */
  hold(until: Promise<unknown>): void;
  /** the run, its docker diff and state; the container is removed before it settles */
  result: Promise<ContainerRunResult>;
  /** its overlay dirs once created, when this process can read them (rw-layer.ts) */
  layers: Promise<LayerDirs | undefined>;
}

const daemonReason = (stderr: string, fallback: string) => (stderr.trim().split('\n').pop() ?? fallback).replace(/^Error response from daemon: /, '') || fallback;

export function startContainer(spec: ContainerRunSpec): StartedContainer {
  const name = containerName(spec.namePrefix);
  const holds: Promise<unknown>[] = [];
  let settleCreated: (c: Created) => void = () => undefined;
  const created = new Promise<Created>((resolve) => {
    settleCreated = resolve;
  });
  let setLayers: (l: Promise<LayerDirs | undefined>) => void = () => undefined;
  const layers = new Promise<LayerDirs | undefined>((resolve) => {
    setLayers = (l) => resolve(l);
  });
  const result = execute(spec, name, settleCreated, holds, setLayers);
  return {
    name,
    created,
    layers,
    hold: (until) => {
      holds.push(until.catch(() => undefined));
    },
    result,
  };
}

export async function runContainer(spec: ContainerRunSpec): Promise<ContainerRunResult> {
  return startContainer(spec).result;
}

async function execute(
  spec: ContainerRunSpec,
  name: string,
  settleCreated: (c: Created) => void,
  holds: Promise<unknown>[],
  setLayers: (l: Promise<LayerDirs | undefined>) => void,
): Promise<ContainerRunResult> {
  // Registered before the container exists: Ctrl-C at any point removes it.
  const guard = guardContainer(name);
  const stdoutLines: string[] = [];
  const onLine = spec.onStdoutLine ?? ((l: string) => void stdoutLines.push(l));
  const stdout = new LineSplitter({ maxLineBytes: spec.maxLineBytes ?? DEFAULT_LIMITS.maxLineBytes, maxBytes: spec.maxOutputBytes ?? DEFAULT_LIMITS.maxOutputBytes }, onLine);
  const stderr = new LineTail();
  let timedOut = false;
  let stopping: Promise<unknown> | undefined;
  const stop = () => {
    stopping ??= docker(['kill', name], { allowFailure: true, timeoutMs: 60_000, cleanup: true });
  };
  // The timeout covers create and run alike.
  const timer = setTimeout(() => {
    timedOut = true;
    stop();
  }, spec.timeoutMs);
  const t0 = performance.now();
  const createArgv = buildCreateArgv(spec, name);
  const outcome = (exitCode: number, command: string, rest: Partial<ContainerRunResult> = {}): ContainerRunResult => ({
    name,
    command,
    exitCode,
    stdoutLines,
    stderrTail: stderr.tail(),
    stdoutBytes: stdout.bytes,
    stderrBytes: stderr.bytes,
    timedOut,
    ...(stdout.stop ? { outputStop: stdout.stop } : {}),
    oomKilled: false,
    diff: [],
    durationMs: performance.now() - t0,
    ...rest,
  });
  try {
    const creating = docker(createArgv, { allowFailure: true, timeoutMs: spec.timeoutMs + 60_000 });
    guard.clientDone(creating);
    const made = await creating;
    if (made.exitCode !== 0 || timedOut) {
      // docker refused (bad image, platform or mount; 125 as `docker run` says) or the time ran out first.
      const reason = timedOut ? 'timed out before the container was created' : daemonReason(made.stderr, `docker create exited ${made.exitCode}`);
      settleCreated({ ok: false, reason });
      stderr.push(Buffer.from(made.stderr));
      return outcome(timedOut ? 137 : 125, made.command);
    }
    settleCreated({ ok: true });
    const tCreated = performance.now();
    // Found while the connector runs (an inspect, maybe one ctr call), walked after it exits.
    const layerDirs = containerLayerDirs(name).catch(() => undefined);
    setLayers(layerDirs);
    const client = docker(['start', '-a', ...(spec.input !== undefined ? ['-i'] : []), name], {
      allowFailure: true,
      input: spec.input,
      // Safety net only: the timer above stops the container by name first.
      timeoutMs: spec.timeoutMs + 60_000,
      // Neither stream is buffered: stdout is split into lines as it comes
      // (a limit passed kills the container at once), stderr keeps its tail.
      onStdoutData: (chunk) => {
        if (stdout.push(chunk)) stop();
      },
      onStderrData: (chunk) => stderr.push(chunk),
    });
    guard.clientDone(client);
    const res = await client;
    clearTimeout(timer);
    stdout.end();
    await stopping;
    const tExited = performance.now();
    const durationMs = tExited - t0;
    // Reads through the container (docker cp) must be over before docker
    // diff: a copy in flight shows in the diff (the daemon pivots into the
    // container's root, leaving a transient /.pivot_root* behind).
    await Promise.all(holds);
    const tReleased = performance.now();
    // The container's own state has its exit code (`docker start -a` says 1
    // when the entrypoint cannot even be started, the state says 126/127) and
    // tells an OOM kill from a crash; it costs nothing on the critical path,
    // running next to docker diff.
    const [writes, state] = await Promise.all([containerWrites(name, layerDirs), containerState(name)]);
    const diff = writes.diff;
    const ms = (a: number, b: number) => Math.round(b - a);
    const phases: RunPhases = { createMs: ms(t0, tCreated), runMs: ms(tCreated, tExited), holdMs: ms(tExited, tReleased), diffMs: ms(tReleased, performance.now()), diffVia: writes.via };
    return outcome(state ? state.exitCode : res.exitCode, formatCommand(createArgv), { oomKilled: state?.oomKilled === true, diff, durationMs, phases });
  } finally {
    clearTimeout(timer);
    // Settled on every path (a no-op when it already was): a throw before
    // `docker create` finished must not leave a reader waiting on `created`,
    // while we wait on that reader's hold.
    settleCreated({ ok: false, reason: 'the run stopped before the container was created' });
    setLayers(Promise.resolve(undefined));
    await Promise.all(holds);
    await removeContainer(name);
    guard.unregister();
  }
}

/** What the report shows as the command: `docker run` with the same flags (create + start -a is how it runs). */
function formatCommand(createArgv: readonly string[]): string {
  return formatArgv('docker', ['run', ...createArgv.slice(1)]);
}
