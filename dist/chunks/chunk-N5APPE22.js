import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  toBcError
} from "./chunk-BSQYAL4K.js";
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/core/pipeline.ts
init_define_BC_HELP();
var done = (value, summary) => ({ status: "done", value, summary });
var skip = (value, reason) => ({ status: "skipped", value, reason });
var StepFailure = class extends Error {
  constructor(step, error) {
    super(error.message);
    this.step = step;
    this.error = error;
  }
  step;
  error;
};
async function unwrapStepFailure(fn) {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof StepFailure) throw err.error;
    throw err;
  }
}
var Pipeline = class {
  constructor(order, hooks = {}) {
    this.order = order;
    this.hooks = hooks;
  }
  order;
  hooks;
  records = [];
  async step(name, fn) {
    this.hooks.onStep?.(name, "start");
    const t0 = performance.now();
    let out;
    try {
      out = await fn();
    } catch (err) {
      const e = toBcError(err);
      this.records.push({ step: name, status: "failed", reason: e.message, durationMs: performance.now() - t0 });
      this.hooks.onStep?.(name, "failed", e.message);
      throw new StepFailure(name, e);
    }
    const reason = out.status === "done" ? out.summary : out.reason;
    this.records.push({ step: name, status: out.status, reason, durationMs: performance.now() - t0 });
    this.hooks.onStep?.(name, out.status, reason);
    return out.value;
  }
  /** The steps after `last` that did not run, as skipped with `why`. */
  finish(why) {
    const ran = new Set(this.records.map((r) => r.step));
    for (const s of this.order) if (!ran.has(s)) this.records.push({ step: s, status: "skipped", reason: why, durationMs: 0 });
  }
  /** A flow's failed result from the step that failed: the rest marked not reached. */
  failed(f) {
    this.finish(`not reached: ${f.step} failed`);
    const e = f.error;
    return { result: "failed", step: f.step, reason: e.message, details: e.details, exitCode: e.exitCode, ...e.at ? { at: e.at } : {} };
  }
  durations() {
    return Object.fromEntries(this.records.filter((r) => r.status !== "skipped").map((r) => [r.step, Math.round(r.durationMs)]));
  }
};

export {
  done,
  skip,
  StepFailure,
  unwrapStepFailure,
  Pipeline
};
