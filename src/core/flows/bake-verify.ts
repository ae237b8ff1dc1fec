/**
 * bake's verify phase: every built connector verified, each on all of its
 * platforms with every check, several connectors at once in this one
 * process (so what verify keeps per process, such as what it learnt of a
 * layer by digest, serves every image that shares it), each result handed
 * to the caller the moment that connector is done.
 *
 * How many at once: each connector's verify runs one container per
 * platform, mostly waiting on an emulated interpreter start, so more than
 * one per core pays; each container is allowed memory, so free memory
 * bounds it too. The bound is min(2 × cores, free memory / (256 MB ×
 * platforms)), at least 1, at most the number of connectors; a caller's
 * number (`bake --verify-concurrency N`, BC_VERIFY_CONCURRENCY) replaces it.
 */
import { availableParallelism, freemem } from 'node:os';
import { badInput, toBcError } from '../../errors.js';
import type { BuildPlan } from '../../render/types.js';
import { verifyImage } from '../../verify/index.js';
import { connectorVerifyOptions } from './verify.js';
import type { BakeConnectorResult, Prepared } from './bake-file.js';

/** what one connector's verify needs per platform (its container, our reading of it) */
const VERIFY_BYTES_PER_PLATFORM = 256 * 1024 * 1024;

export interface VerifyBound {
  value: number;
  /** how it was decided, for the step's summary */
  why: string;
}

/** How many connectors are verified at once (pure when `machine` is given). */
export function verifyBound(o: { platforms: number; connectors: number; given?: number; machine?: { cores: number; freeBytes: number } }): VerifyBound {
  const most = Math.max(1, o.connectors);
  if (o.given !== undefined) {
    if (!Number.isInteger(o.given) || o.given < 1) throw badInput(`verify concurrency must be a whole number ≥ 1, got ${o.given}`);
    return { value: Math.min(o.given, most), why: `${o.given} as asked` };
  }
  const { cores, freeBytes } = o.machine ?? { cores: availableParallelism(), freeBytes: freemem() };
  const byCores = 2 * cores;
  const byMemory = Math.floor(freeBytes / (VERIFY_BYTES_PER_PLATFORM * Math.max(1, o.platforms)));
  const value = Math.max(1, Math.min(byCores, byMemory, most));
  const mb = Math.round(freeBytes / 2 ** 20);
  return { value, why: `min(2 × ${cores} cores, ${mb} MB free / (256 MB × ${o.platforms} platforms) = ${byMemory}${most < Math.min(byCores, byMemory) ? `, ${most} connectors` : ''})` };
}

interface VerifyPhaseOptions {
  concurrency: number;
  /** seconds per connector command (the other options are each connector's defaults, as `verify DIR` takes them) */
  timeoutSeconds: number;
  /** called as each connector's verify finishes, in the order they finish */
  onResult?: (r: BakeConnectorResult) => void;
}

/**
 * Verify every connector of `built`, `concurrency` at once; their results
 * are written into each one's `result`. A connector's failure is its own
 * result; an environment failure (no engine) stops the phase once the
 * verifies already running have ended (their containers removed).
 */
export async function verifyConnectors(built: readonly Prepared[], o: VerifyPhaseOptions): Promise<void> {
  const queue = [...built];
  let stop: unknown;
  const one = async (p: Prepared) => {
    const plan = p.plan as BuildPlan;
    const image = p.result.image as string;
    try {
      const vopts = await connectorVerifyOptions(plan.connector, o.timeoutSeconds);
      const report = await verifyImage(image, { ...vopts, platforms: p.result.platforms, ...(p.result.platformImages ? { platformImages: p.result.platformImages } : {}) });
      p.result.report = report;
      p.result.status = report.ok ? 'verified' : 'verify-failed';
    } catch (err) {
      const e = toBcError(err);
      if (e.kind === 'environment') {
        stop ??= e;
        queue.length = 0;
        return;
      }
      p.result.status = 'verify-failed';
      p.result.problems = [e.message, ...e.details];
    }
    o.onResult?.(p.result);
  };
  const worker = async () => {
    for (let p = queue.shift(); p && stop === undefined; p = queue.shift()) await one(p);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(o.concurrency, built.length)) }, worker));
  if (stop !== undefined) throw stop;
}
