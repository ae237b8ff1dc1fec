// publish of examples/source-hello (both platforms, verify, push by digest,
// tag) through the builders users' CI creates — a docker-container builder
// and a remote buildkitd (scripts/setup-buildkit.sh) — vs the docker driver
// on the containerd store, the raw baseline, measured in the same run with the
// order rotated. Each timed run publishes a new version (dockerImageTag 0.1.N)
// into the builder's own repository, as a connector's next release does.
//
//   node bench/builders.mjs      (BENCH_RUNS=N, default 3)
//
// Goal (issue 21): docker-container publish ≤ 1.3 × the docker-driver publish.
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
const builders = { docker: 'default', 'docker-container': 'bc-container', remote: 'bc-remote' };
for (const [driver, name] of Object.entries(builders)) {
  if (spawnSync('docker', ['buildx', 'inspect', name]).status !== 0) {
    console.log(`bench/builders: no ${driver} builder "${name}" (scripts/setup-buildkit.sh creates it); skipped`);
    process.exit(0);
  }
}
const stamp = `${process.pid}-${Date.now().toString(36)}`;
const cliDir = mkdtempSync(join(repoRoot, 'node_modules', '.bc-bench-builders-'));
try {
  const cli = await bundleCli(cliDir);
  const root = await ensureLocalRoot({ name: 'python', registry });
  const base = (await buildBase({ name: 'python', rootImage: root.ref, registry: `${registry}/bench-bases`, push: true, platforms: ['linux/amd64', 'linux/arm64'] })).ref;
  const work = mkdtempSync(join(tmpdir(), 'bc-bench-builders-'));
  const dir = join(work, 'source-hello');
  cpSync(join(repoRoot, 'examples', 'source-hello'), dir, { recursive: true });
  const meta = join(dir, 'metadata.yaml');
  const original = readFileSync(meta, 'utf8');
  const setVersion = (v) => writeFileSync(meta, original.replace(/dockerImageTag: \S+/, `dockerImageTag: ${v}`));
  const publish = (driver) =>
    timeRun(process.execPath, [cli, 'publish', dir, '--registry', registry, '--repository', `bench-builders/${driver}-${stamp}`, '--base-image', base], {
      env: { BUILDX_BUILDER: builders[driver] },
    });
  const drivers = Object.keys(builders);
  // the first publish into an empty repository warms each builder's cache (its own BuildKit state)
  setVersion('0.1.0');
  const first = Object.fromEntries(drivers.map((d) => [d, publish(d)]));
  console.log(`first publish (cold builder cache): ${drivers.map((d) => `${d} ${fmtMs(first[d])}`).join(', ')}`);
  const times = Object.fromEntries(drivers.map((d) => [d, []]));
  for (let i = 0; i < runs; i++) {
    setVersion(`0.1.${i + 1}`);
    for (let k = 0; k < drivers.length; k++) {
      const d = drivers[(i + k) % drivers.length];
      times[d].push(publish(d));
    }
  }
  for (const d of drivers) console.log(`${d} runs: ${times[d].map(fmtMs).join(', ')}`);
  reportRatio('publish of a new version of examples/source-hello, both platforms: docker-container builder vs docker driver (containerd store)', median(times['docker-container']), median(times.docker), 1.3);
  const remote = median(times.remote) / median(times.docker);
  console.log(`the same on a remote buildkitd vs docker driver: median ${fmtMs(median(times.remote))} vs ${fmtMs(median(times.docker))} → ratio ${remote.toFixed(3)} (no goal; for docs/engines.md)`);
  rmSync(work, { recursive: true, force: true });
} finally {
  rmSync(cliDir, { recursive: true, force: true });
}
