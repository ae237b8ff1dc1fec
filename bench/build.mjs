// `build-connector build` vs a raw `docker buildx build` of the same rendered
// Dockerfile (and the same .dockerignore, provenance, SOURCE_DATE_EPOCH,
// --load, two tags), both platforms, medians of N runs measured in the same
// session, alternating which goes first to spread the noise of a shared machine.
//
//   node bench/build.mjs        (BENCH_COLD_RUNS=N default 3, BENCH_WARM_RUNS=N default 7)
//
// Goals (issue 5): cold cache (--no-cache for both) ratio ≤ 1.03; warm cache at
// most 0.3 s above raw.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { register } from 'tsx/esm/api';
import { bundleCli, median, repoRoot, reportDifference, reportRatio, timeRun } from './lib.mjs';

register();
const { ensureLocalRoot } = await import('../src/base/local-root.ts');
const { resolvePlan } = await import('../src/render/plan.ts');
const { lastCommitTime } = await import('../src/git.ts');

const coldRuns = Number(process.env.BENCH_COLD_RUNS ?? 3);
const warmRuns = Number(process.env.BENCH_WARM_RUNS ?? 7);
const registry = process.env.BC_TEST_REGISTRY ?? 'localhost:5000';
const example = join(repoRoot, 'examples', 'source-hello');
const tmp = mkdtempSync(join(tmpdir(), 'bc-bench-build-'));
const tagOurs = [`bc-bench/ours:${process.pid}`, `bc-bench/ours:dev-${process.pid}`];
const cliDirs = [];
const tagRaw = [`bc-bench/raw:${process.pid}`, `bc-bench/raw:dev-${process.pid}`];

try {
  const root = await ensureLocalRoot({ name: 'python', registry });
  const plan = await resolvePlan(example, { baseImage: root.ref });
  const rawDir = join(tmp, 'raw');
  spawnSync('mkdir', ['-p', rawDir]);
  writeFileSync(join(rawDir, 'Dockerfile'), plan.dockerfile);
  writeFileSync(join(rawDir, 'Dockerfile.dockerignore'), plan.dockerignore);
  const epoch = String((await lastCommitTime(example)) ?? 0);
  // inside the repository: the CLI finds templates/ and base-images/ by walking up from itself
  const cliDir = mkdtempSync(join(repoRoot, 'node_modules', '.bc-bench-build-'));
  cliDirs.push(cliDir);
  const cli = await bundleCli(cliDir);

  const labels = Object.entries(plan.labels).flatMap(([k, v]) => ['--label', `${k}=${v}`]);
  const raw = (noCache) =>
    timeRun('docker', [
      'buildx', 'build', '--progress', 'plain', '--platform', 'linux/amd64,linux/arm64', '-f', join(rawDir, 'Dockerfile'),
      '--provenance=mode=min', ...labels, '-t', tagRaw[0], '-t', tagRaw[1], ...(noCache ? ['--no-cache'] : []), '--load', example,
    ], { env: { SOURCE_DATE_EPOCH: epoch } });
  const ours = (noCache) =>
    timeRun(process.execPath, [
      cli, 'build', example, '--base-image', root.ref, '--tag', tagOurs[0], '--tag', tagOurs[1], '--progress', 'plain', ...(noCache ? ['--no-cache'] : []),
    ]);

  // warm the caches (base layers, file cache, the bundle) once each
  ours(false);
  raw(false);

  const warm = { ours: [], raw: [] };
  for (let i = 0; i < warmRuns; i++) {
    if (i % 2 === 0) {
      warm.ours.push(ours(false));
      warm.raw.push(raw(false));
    } else {
      warm.raw.push(raw(false));
      warm.ours.push(ours(false));
    }
  }
  const cold = { ours: [], raw: [] };
  for (let i = 0; i < coldRuns; i++) {
    if (i % 2 === 0) {
      cold.ours.push(ours(true));
      cold.raw.push(raw(true));
    } else {
      cold.raw.push(raw(true));
      cold.ours.push(ours(true));
    }
  }
  console.log(`build bench: examples/source-hello, linux/amd64 + linux/arm64 (arm64 through qemu), ${warmRuns} warm / ${coldRuns} cold runs each`);
  console.log(`  warm runs ours: ${warm.ours.map((x) => x.toFixed(0)).join(', ')} ms; raw: ${warm.raw.map((x) => x.toFixed(0)).join(', ')} ms`);
  console.log(`  cold runs ours: ${cold.ours.map((x) => x.toFixed(0)).join(', ')} ms; raw: ${cold.raw.map((x) => x.toFixed(0)).join(', ')} ms`);
  reportRatio('build cold cache (--no-cache)', median(cold.ours), median(cold.raw), 1.03);
  reportDifference('build warm cache', median(warm.ours), median(warm.raw), 300);
} finally {
  spawnSync('docker', ['image', 'rm', '-f', ...tagOurs, ...tagRaw], { stdio: 'ignore' });
  rmSync(tmp, { recursive: true, force: true });
  for (const d of cliDirs) rmSync(d, { recursive: true, force: true });
}
