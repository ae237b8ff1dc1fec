/**
 * Which files of which stage reach the final image.
 *
 * The final stage and the stages it is built FROM contribute everything.
 * A stage reached at some paths contributes, through each
 * `COPY --from=<stage> SRC DEST` whose DEST lies in a reached path, the
 * source stage's SRC (and so on, to a fixpoint). `RUN --mount=...,from=X`
 * may copy anything out of X, so X counts as reached in full. Everything
 * else stays in builder layers: not in the image, but in the build cache,
 * which `--cache-to type=registry,...,mode=max` exports with every
 * intermediate layer.
 *
 * Judged by paths only: a RUN that moves files between directories of a
 * builder stage is not followed (pip install, for instance, copies the
 * package into site-packages, not the context's other files).
 */
import { posix } from 'node:path';
import type { Run } from 'dockerfile-ast';
import type { Model, Stage } from './model-types.js';

/** '/' contains every path; otherwise a prefix relation in either direction. */
export function overlaps(a: string, b: string): boolean {
  if (a === '/' || b === '/' || a === b) return true;
  return a.startsWith(`${b}/`) || b.startsWith(`${a}/`);
}

/** A COPY --from source as the absolute path prefix it can match (globs and variables widen it). */
export function sourcePrefix(src: string): string {
  const abs = posix.resolve('/', src);
  const parts = abs.split('/');
  const fixed: string[] = [];
  for (const p of parts.slice(1)) {
    if (/[*?[\\$]/.test(p)) break;
    fixed.push(p);
  }
  return `/${fixed.join('/')}`.replace(/\/+$/, '') || '/';
}

function stageByRef(model: Model, ref: string): Stage | undefined {
  const r = ref.toLowerCase();
  if (/^\d+$/.test(r)) return model.stages[Number(r)];
  return model.stages.find((s) => s.name === r);
}

/** `from=` inside a --mount value (`type=bind,from=builder,target=/b`) */
const MOUNT_FROM = /,from=([^,\s]+)/;

interface Reach {
  /** the path prefixes of each stage that end up in the final image */
  paths: Map<Stage, string[]>;
  /** does a file written at `path` in `stage` reach the final image? */
  reaches(stage: Stage, path: string): boolean;
  /** the paths of `stage` that do reach (for messages) */
  reachedPaths(stage: Stage): string[];
}

export function computeReach(model: Model, final: Stage): Reach {
  const paths = new Map<Stage, Set<string>>();
  const queue: Stage[] = [];
  const add = (stage: Stage, path: string) => {
    // A stage built FROM another carries that stage's files at the same paths.
    for (let s: Stage | undefined = stage; s; s = s.parent) {
      let set = paths.get(s);
      if (!set) {
        set = new Set();
        paths.set(s, set);
      }
      if (set.has(path) || set.has('/')) continue;
      set.add(path);
      queue.push(s);
    }
  };
  add(final, '/');
  while (queue.length > 0) {
    const s = queue.shift() as Stage;
    const reached = [...(paths.get(s) ?? [])];
    for (const c of s.copies) {
      if (c.from === undefined) continue;
      const src = stageByRef(model, c.from);
      if (!src || src === s) continue;
      if (!reached.some((p) => overlaps(p, c.destAbs))) continue;
      for (const item of c.sources) add(src, sourcePrefix(item.value));
    }
    for (const ins of s.instructions) {
      if (ins.getKeyword() !== 'RUN') continue;
      for (const flag of (ins as Run).getFlags()) {
        if (flag.getName().toLowerCase() !== 'mount') continue;
        const from = MOUNT_FROM.exec(`,${flag.getValue() ?? ''}`)?.[1];
        const src = from === undefined ? undefined : stageByRef(model, from);
        if (src && src !== s) add(src, '/');
      }
    }
  }
  return {
    paths: new Map([...paths].map(([k, v]) => [k, [...v]])),
    reaches: (stage, path) => [...(paths.get(stage) ?? [])].some((p) => overlaps(p, path)),
    reachedPaths: (stage) => [...(paths.get(stage) ?? [])].sort(),
  };
}
