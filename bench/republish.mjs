// The unchanged re-publish (issue 24): examples/source-hello, both platforms,
// already published, on the containerd store (the main engine), beside raw
// baselines from the same run:
//   - raw read: `docker buildx imagetools inspect --raw REPO:VERSION` (what a
//     "does the tag hold it?" check costs with the docker CLI alone);
//   - raw build: `docker buildx build` of the same rendered Dockerfile into the
//     image store, both platforms, warm cache (what "a cheap build and a
//     digest comparison" would start from);
//   - the rebuild path: the same re-publish with a build arg the Dockerfile
//     does not use (the key differs, so it builds, compares the platform
//     images and pushes nothing — what every unchanged re-publish did before).
// Each run checks the answer: already-published, build skipped, nothing written.
//
//   node bench/republish.mjs      (BENCH_RUNS=N, default 3)
//
// Goal (issue 24): unchanged re-publish ≤ 1.5 s, 0 bytes pushed.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { register } from 'tsx/esm/api';
import { bundleCli, fmtMs, median, repoRoot, timeRun } from './lib.mjs';

register();
const { ensureLocalRoot } = await import('../src/base/local-root.ts');
const { buildBase } = await import('../src/render/base-image.ts');

const runs = Number(process.env.BENCH_RUNS ?? 3);
const registry = process.env.BC_TEST_REGISTRY ?? 'localhost:5000';
const example = join(repoRoot, 'examples', 'source-hello');
const stamp = `${process.pid}-${Date.now().toString(36)}`;
const repo = `bench-republish/hello-${stamp}`;

const cliDir = mkdtempSync(join(repoRoot, 'node_modules', '.bc-bench-republish-'));
const work = mkdtempSync(join(tmpdir(), 'bc-bench-republish-'));
try {
  const cli = await bundleCli(cliDir);
  const root = await ensureLocalRoot({ name: 'python', registry });
  const base = (await buildBase({ name: 'python', rootImage: root.ref, registry: `${registry}/bench-bases`, push: true, platforms: ['linux/amd64', 'linux/arm64'] })).ref;
  const dir = join(work, 'source-hello');
  cpSync(example, dir, { recursive: true });
  const version = readFileSync(join(dir, 'metadata.yaml'), 'utf8').match(/dockerImageTag: (\S+)/)?.[1];
  const args = ['publish', dir, '--registry', registry, '--repository', repo, '--base-image', base];
  timeRun(process.execPath, [cli, ...args]);

  /** one timed re-publish; its JSON must say: already published, and (no-op) nothing built */
  const republish = (extra, noop) => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [cli, '--json', ...args, ...extra], { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const j = JSON.parse(String(r.stdout));
    const build = j.steps.find((s) => s.step === 'build');
    if (r.status !== 0 || j.result !== 'already-published' || (build?.status === 'skipped') !== noop) {
      throw new Error(`unexpected re-publish (exit ${r.status}): ${JSON.stringify({ result: j.result, build })}\n${String(r.stderr).slice(-1500)}`);
    }
    return ms;
  };
  // the rendered Dockerfile, for the raw build
  const rendered = join(work, 'Dockerfile');
  timeRun(process.execPath, [cli, 'render', dir, '--base-image', base, '--out', rendered]);
  const rawBuild = ['buildx', 'build', '--platform', 'linux/amd64,linux/arm64', '-f', rendered, '-t', `bench-republish/raw:${stamp}`, '--load', dir];
  timeRun('docker', rawBuild); // warm

  const t = { noop: [], read: [], raw: [], rebuild: [] };
  for (let i = 0; i < runs; i++) {
    t.noop.push(republish([], true));
    t.read.push(timeRun('docker', ['buildx', 'imagetools', 'inspect', '--raw', `${registry}/${repo}:${version}`]));
    t.raw.push(timeRun('docker', rawBuild));
    t.rebuild.push(republish(['--build-arg', `BENCH_UNUSED=${i}`], false));
  }
  for (const [k, v] of Object.entries(t)) console.log(`${k} runs: ${v.map(fmtMs).join(', ')}`);
  const m = median(t.noop);
  console.log(`unchanged re-publish of examples/source-hello, both platforms, containerd store: median ${fmtMs(m)} (goal ≤ 1.5 s): ${m <= 1500 ? 'met' : 'NOT met'}; 0 blobs and 0 manifests written (build skipped, result already-published, checked each run)`);
  // baselines without a goal of their own: the ratio says where the time goes
  const beside = (label, raw) => console.log(`unchanged re-publish vs ${label}: ours median ${fmtMs(m)}, baseline median ${fmtMs(raw)} → ratio ${(m / raw).toFixed(3)}`);
  beside('raw `imagetools inspect --raw` of the tag', median(t.read));
  beside('raw `buildx build --load` of both platforms (warm cache)', median(t.raw));
  beside('the rebuild path (build + compare, nothing pushed)', median(t.rebuild));
  console.log(`load average: ${loadavg().map((x) => x.toFixed(2)).join(', ')}`);
  spawnSync('docker', ['image', 'rm', `bench-republish/raw:${stamp}`], { stdio: 'ignore' });
} finally {
  rmSync(cliDir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
}
