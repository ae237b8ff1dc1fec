/**
 * One connector command in its own locked-down container (docker/container.ts),
 * its stdout judged line by line as it arrives; and the image read through a
 * run's own container while the connector runs (no second container).
 */
import type { ConnectorType } from '../connector/types.js';
import { startContainer, type ContainerRunSpec, type StartedContainer } from '../docker/container.js';
import { runContainerConfig, type ProbeResult } from '../docker/image.js';
import { MessageCollector } from '../protocol/parse.js';
import type { VerifyOptions } from './options.js';
import type { NamedRun } from './run-checks.js';

export type RunSpec = Omit<ContainerRunSpec, 'image' | 'platform' | 'timeoutMs' | 'workdir'>;

export interface Launched {
  container: StartedContainer;
  run: Promise<NamedRun>;
  /** let the container go once the image reads through it are done (idempotent) */
  release: () => void;
}

/**
 * Start one connector command. With `forReads`, the container is kept after
 * it exits until `release()`: the image is read through it (see probeThrough).
 * Every path that launches with `forReads` must release.
 */
export function launch(ref: string, platform: string, opts: VerifyOptions, step: string, type: ConnectorType, spec: RunSpec, forReads = false): Launched {
  const workdir = type === 'destination' ? '/dest' : '/source';
  // stdout is judged line by line as it arrives: no run keeps its output.
  const collector = new MessageCollector();
  let validateMs = 0;
  const judge = (line: string, lineNo: number): boolean => {
    const t = performance.now();
    const more = collector.push(line, lineNo);
    validateMs += performance.now() - t;
    return more;
  };
  const container = startContainer({
    image: ref,
    platform,
    workdir,
    timeoutMs: opts.timeoutSeconds * 1000,
    memory: opts.memory,
    pidsLimit: opts.pidsLimit,
    cpus: opts.cpus,
    maxOutputBytes: opts.maxOutputBytes,
    maxLineBytes: opts.maxLineBytes,
    ...spec,
    onStdoutLine: judge,
  });
  let release = () => {};
  if (forReads) container.hold(new Promise<void>((resolve) => (release = resolve)));
  return { container, run: container.result.then((result) => ({ label: step, workdir, result, messages: collector.digest(), validateMs: Math.round(validateMs) })), release };
}

/** The image read through a run's own container (it must have been launched `forReads`). */
export async function probeThrough(l: Launched, imageWorkdir: string): Promise<ProbeResult> {
  try {
    const made = await l.container.created;
    if (!made.ok) {
      l.release();
      return { ok: false, reason: made.reason };
    }
    const config = await runContainerConfig(l.container.name, imageWorkdir);
    return { ok: true, probe: { name: l.container.name, config, remove: async () => l.release(), layers: l.container.layers } };
  } catch (err) {
    l.release();
    throw err;
  }
}

