// publish of examples/source-hello (both platforms, verify, push by digest,
// tag) on the classic image store (a second dockerd, the per-platform
// strategy) vs the containerd store (the main engine, the multi-platform
// strategy), measured in the same run, alternating which goes first. Every
// run publishes to a new repository, so each one pushes and tags for real;
// the build cache is warm for both after the first round (not timed).
// Also: an unchanged re-publish on the containerd store (goal ≤ 2 s, pushes nothing).
//
//   node bench/engines.mjs      (BENCH_RUNS=N, default 3)
//
// Goal (issue 12): classic-store publish ≤ 1.3 × containerd-store publish.
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { register } from 'tsx/esm/api';
import { bundleCli, fmtMs, median, repoRoot, reportRatio, timeRun } from './lib.mjs';

register();
const { ensureLocalRoot } = await import('../src/base/local-root.ts');
const { buildBase } = await import('../src/render/base-image.ts');

const runs = Number(process.env.BENCH_RUNS ?? 3);
const registry = process.env.BC_TEST_REGISTRY ?? 'localhost:5000';
const classic = process.env.BUILD_CONNECTOR_CLASSIC_HOST ?? 'unix:///run/build-connector-classic/docker.sock';
const example = join(repoRoot, 'examples', 'source-hello');
const stamp = `${process.pid}-${Date.now().toString(36)}`;

const probe = spawnSync('docker', ['info', '--format', '{{.Driver}}'], { env: { ...process.env, DOCKER_HOST: classic } });
if (probe.status !== 0) {
  console.log(`bench/engines: no classic engine at ${classic} (scripts/setup-engine.sh starts one); skipped`);
  process.exit(0);
}

const cliDir = mkdtempSync(join(repoRoot, 'node_modules', '.bc-bench-engines-'));
try {
  const cli = await bundleCli(cliDir);
  const root = await ensureLocalRoot({ name: 'python', registry });
  const base = (await buildBase({ name: 'python', rootImage: root.ref, registry: `${registry}/bench-bases`, push: true, platforms: ['linux/amd64', 'linux/arm64'] })).ref;
  const publish = (engine, repo) =>
    timeRun(process.execPath, [cli, 'publish', example, '--registry', registry, '--repository', repo, '--base-image', base], {
      env: engine === 'classic' ? { DOCKER_HOST: classic } : {},
    });
  // warm both build caches (and pull the base into the classic store): not timed
  publish('classic', `bench-engines/warm-classic-${stamp}`);
  publish('containerd', `bench-engines/warm-containerd-${stamp}`);
  const times = { classic: [], containerd: [] };
  for (let i = 0; i < runs; i++) {
    const order = i % 2 === 0 ? ['classic', 'containerd'] : ['containerd', 'classic'];
    for (const engine of order) times[engine].push(publish(engine, `bench-engines/${engine}-${stamp}-${i}`));
  }
  console.log(`classic store runs: ${times.classic.map(fmtMs).join(', ')}; containerd store runs: ${times.containerd.map(fmtMs).join(', ')}`);
  reportRatio('publish examples/source-hello, both platforms: classic store (per-platform) vs containerd store (multi-platform)', median(times.classic), median(times.containerd), 1.3);
  const again = [];
  for (let i = 0; i < runs; i++) again.push(publish('containerd', `bench-engines/containerd-${stamp}-0`));
  const m = median(again);
  console.log(`unchanged re-publish (already published, nothing pushed), containerd store: median ${fmtMs(m)} (goal ≤ 2 s): ${m <= 2000 ? 'met' : 'NOT met'}`);
  const againClassic = [];
  for (let i = 0; i < runs; i++) againClassic.push(publish('classic', `bench-engines/classic-${stamp}-0`));
  console.log(`unchanged re-publish, classic store: median ${fmtMs(median(againClassic))} (no goal; it rebuilds from cache and reads each platform back with docker save)`);
} finally {
  rmSync(cliDir, { recursive: true, force: true });
}
