// Shared bench helpers: medians, timing a process, bundling the CLI the way
// dist/ is bundled (so figures include Node startup as a user sees it), and
// printing "ours vs raw" lines with their goal.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export function median(xs) {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Run a process to completion; return wall time in ms. Throws on an unexpected exit code. */
export function timeRun(file, args, { env, cwd = repoRoot, okCodes = [0] } = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(file, args, { stdio: ['ignore', 'pipe', 'pipe'], cwd, env: env ? { ...process.env, ...env } : process.env, maxBuffer: 256 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (!okCodes.includes(r.status)) {
    throw new Error(`${file} ${args.join(' ')} exited ${r.status}:\n${String(r.stderr).split('\n').slice(-15).join('\n')}`);
  }
  return ms;
}

/** Bundle src/bin.ts (the installed binary) into DIR; returns the path of cli.js. */
export async function bundleCli(dir) {
  await build({
    entryPoints: { cli: join(repoRoot, 'src/bin.ts') },
    outdir: dir,
    bundle: true,
    splitting: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    logLevel: 'warning',
    define: { __BC_VERSION__: '"bench"', __BC_HELP__: '{}' },
    banner: { js: "import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);" },
  });
  return join(dir, 'cli.js');
}

export const fmtMs = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`);

/** "label: ours X, raw Y → ratio R (goal ≤ G): met" */
export function reportRatio(label, ours, raw, goal) {
  const r = ours / raw;
  const met = r <= goal;
  console.log(`${label}: ours median ${fmtMs(ours)}, raw median ${fmtMs(raw)} → ratio ${r.toFixed(3)} (goal ≤ ${goal}): ${met ? 'met' : 'NOT met'}`);
  return { label, ours, raw, ratio: r, goal, met };
}

/** "label: ours X, raw Y → difference D (goal ≤ G ms): met" */
export function reportDifference(label, ours, raw, goalMs) {
  const d = ours - raw;
  const met = d <= goalMs;
  console.log(`${label}: ours median ${fmtMs(ours)}, raw median ${fmtMs(raw)} → difference ${d.toFixed(0)} ms (goal ≤ ${goalMs} ms): ${met ? 'met' : 'NOT met'}`);
  return { label, ours, raw, difference: d, goal: goalMs, met };
}
