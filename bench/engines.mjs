// publish of examples/source-hello (both platforms, verify, push by digest,
// tag) on the classic image store (a second dockerd, the per-platform
// strategy) vs the containerd store (the main engine, the multi-platform
// strategy), measured in the same run, alternating which goes first.
// Each timed run publishes a new version (dockerImageTag 0.1.N) into the
// engine's repository, as a connector's next release does: it builds, verifies,
// pushes the new images by digest and tags for real. The first publish into an
// empty repository is reported too (the classic store pushes uncompressed
// layers from `docker save`, so it cannot mount the base's compressed ones).
// Also: an unchanged re-publish on each store (goal ≤ 1.5 s, pushes nothing; bench/republish.mjs
// measures it beside its raw baselines).
//
//   node bench/engines.mjs      (BENCH_RUNS=N, default 3)
//
// Goal (issue 12): classic-store publish ≤ 1.3 × containerd-store publish.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
  // a copy of the example whose version each run bumps
  const work = mkdtempSync(join(tmpdir(), 'bc-bench-engines-'));
  const dir = join(work, 'source-hello');
  cpSync(example, dir, { recursive: true });
  const meta = join(dir, 'metadata.yaml');
  const original = readFileSync(meta, 'utf8');
  const setVersion = (v) => writeFileSync(meta, original.replace(/dockerImageTag: \S+/, `dockerImageTag: ${v}`));
  const publish = (engine, repo) =>
    timeRun(process.execPath, [cli, 'publish', dir, '--registry', registry, '--repository', repo, '--base-image', base], {
      env: engine === 'classic' ? { DOCKER_HOST: classic } : {},
    });
  const repoOf = (engine) => `bench-engines/${engine}-${stamp}`;
  // the first publish into an empty repository (also warms both build caches and pulls the base into the classic store)
  setVersion('0.1.0');
  const first = { classic: publish('classic', repoOf('classic')), containerd: publish('containerd', repoOf('containerd')) };
  const times = { classic: [], containerd: [] };
  for (let i = 0; i < runs; i++) {
    setVersion(`0.1.${i + 1}`);
    const order = i % 2 === 0 ? ['classic', 'containerd'] : ['containerd', 'classic'];
    for (const engine of order) times[engine].push(publish(engine, repoOf(engine)));
  }
  console.log(`first publish into an empty repository: classic ${fmtMs(first.classic)}, containerd ${fmtMs(first.containerd)} (ratio ${(first.classic / first.containerd).toFixed(2)}; one run, includes the cold caches)`);
  console.log(`classic store runs: ${times.classic.map(fmtMs).join(', ')}; containerd store runs: ${times.containerd.map(fmtMs).join(', ')}`);
  reportRatio('publish of a new version of examples/source-hello, both platforms: classic store (per-platform) vs containerd store (multi-platform)', median(times.classic), median(times.containerd), 1.3);
  const again = [];
  for (let i = 0; i < runs; i++) again.push(publish('containerd', repoOf('containerd')));
  const m = median(again);
  console.log(`unchanged re-publish (nothing built, nothing pushed), containerd store: median ${fmtMs(m)} (goal ≤ 1.5 s): ${m <= 1500 ? 'met' : 'NOT met'}`);
  const againClassic = [];
  for (let i = 0; i < runs; i++) againClassic.push(publish('classic', repoOf('classic')));
  console.log(`unchanged re-publish, classic store: median ${fmtMs(median(againClassic))} (nothing built: the index records its build inputs)`);
  rmSync(work, { recursive: true, force: true });
} finally {
  rmSync(cliDir, { recursive: true, force: true });
}
