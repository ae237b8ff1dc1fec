/**
 * The step runner every flow uses: steps run in the order the flow lists
 * them, each returns a value and what it did (`done`) or why it did nothing
 * (`skip`, a value, not an exception); a failure is a BcError naming the
 * step. `finish` marks the steps a flow did not reach as skipped with the
 * reason it stopped (already published, refused, dry run).
 */
import { BcError, toBcError, type ErrorAt } from '../errors.js';

const STEP_NAMES = [
  'resolve',
  'render',
  'write',
  'lint',
  'build',
  'verify',
  'signature',
  'sbom',
  'push',
  'tag',
  'record',
  'merge',
  'list',
  'plan',
  'discover',
  'affected',
  'matrix',
] as const;
export type StepName = (typeof STEP_NAMES)[number];

export interface StepRecord {
  step: StepName;
  status: 'done' | 'skipped' | 'failed';
  /** what it did, or why it was skipped / failed */
  reason?: string;
  durationMs: number;
}

/** A flow's result when a step failed: the step, its error's message, details and exit code, and where in a file, when known. */
export interface FailedStep {
  result: 'failed';
  step: StepName;
  reason: string;
  details: string[];
  exitCode: number;
  /** the file position the error is about (metadata.yaml:LINE:COL), as data */
  at?: ErrorAt;
}

export type StepOutcome<T> = { status: 'done'; value: T; summary: string } | { status: 'skipped'; value: T; reason: string };

export const done = <T>(value: T, summary: string): StepOutcome<T> => ({ status: 'done', value, summary });
export const skip = <T>(value: T, reason: string): StepOutcome<T> => ({ status: 'skipped', value, reason });

export interface StepHooks {
  onStep?: (step: StepName, status: 'start' | StepRecord['status'], reason?: string) => void;
}

/** A step failed: the error, and the step it failed in. */
export class StepFailure extends Error {
  constructor(
    readonly step: StepName,
    readonly error: BcError,
  ) {
    super(error.message);
  }
}

/**
 * Run a flow whose shell reports the failing step's own error (message,
 * details, exit code) as any command does: the StepFailure is unwrapped.
 */
export async function unwrapStepFailure<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof StepFailure) throw err.error;
    throw err;
  }
}

export class Pipeline {
  readonly records: StepRecord[] = [];
  constructor(
    private readonly order: readonly StepName[],
    private readonly hooks: StepHooks = {},
  ) {}

  async step<T>(name: StepName, fn: () => Promise<StepOutcome<T>>): Promise<T> {
    this.hooks.onStep?.(name, 'start');
    const t0 = performance.now();
    let out: StepOutcome<T>;
    try {
      out = await fn();
    } catch (err) {
      const e = toBcError(err);
      this.records.push({ step: name, status: 'failed', reason: e.message, durationMs: performance.now() - t0 });
      this.hooks.onStep?.(name, 'failed', e.message);
      throw new StepFailure(name, e);
    }
    const reason = out.status === 'done' ? out.summary : out.reason;
    this.records.push({ step: name, status: out.status, reason, durationMs: performance.now() - t0 });
    this.hooks.onStep?.(name, out.status, reason);
    return out.value;
  }

  /** The steps after `last` that did not run, as skipped with `why`. */
  finish(why: string): void {
    const ran = new Set(this.records.map((r) => r.step));
    for (const s of this.order) if (!ran.has(s)) this.records.push({ step: s, status: 'skipped', reason: why, durationMs: 0 });
  }

  /** A flow's failed result from the step that failed: the rest marked not reached. */
  failed(f: StepFailure): FailedStep {
    this.finish(`not reached: ${f.step} failed`);
    const e = f.error;
    return { result: 'failed', step: f.step, reason: e.message, details: e.details, exitCode: e.exitCode, ...(e.at ? { at: e.at } : {}) };
  }

  durations(): Record<string, number> {
    return Object.fromEntries(this.records.filter((r) => r.status !== 'skipped').map((r) => [r.step, Math.round(r.durationMs)]));
  }
}
