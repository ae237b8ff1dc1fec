// `bake` of 10 small connectors vs 10 sequential `build` calls (goal: ratio
// ≤ 0.5), with raw baselines measured in the same run: one raw
// `docker buildx bake` of the same bake file, and 10 raw `docker buildx
// build` calls. Build only (no verify) on both sides, so like is compared
// with like. Each run changes every connector's code, so the COPY and
// pip-install steps really run while the base layers come from the cache
// (the normal CI situation).
// Usage: node bench/bake.mjs [--count 10] [--runs 3]   (BENCH_PLATFORMS=linux/amd64,linux/arm64 for both)
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';
import { median } from './lib.mjs';

register();
const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const COUNT = arg('count', 10);
const RUNS = arg('runs', Number(process.env.BENCH_RUNS ?? 3));
const PLATFORMS = (process.env.BENCH_PLATFORMS ?? 'linux/amd64').split(',');
const REGISTRY = process.env.BC_TEST_REGISTRY ?? 'localhost:5000';
const root = fileURLToPath(new URL('..', import.meta.url));

const { ensureLocalRoot } = await import('../src/base/local-root.ts');
const { ensureExampleBases } = await import('../test/support/examples.ts');
const { bakeConnectors, printBake } = await import('../src/core/flows/bake.ts');
const { resolvePlan } = await import('../src/render/plan.ts');
const { buildImage } = await import('../src/core/images/build.ts');

const sec = (ms) => `${(ms / 1000).toFixed(1).padStart(6)} s`;
const docker = (args) => {
  const r = spawnSync('docker', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`docker ${args.slice(0, 3).join(' ')} exited ${r.status}: ${r.stderr.split('\n').slice(-5).join('\n')}`);
  return r;
};

const pythonRoot = (await ensureLocalRoot({ name: 'python', registry: REGISTRY })).ref;
const base = (await ensureExampleBases({ python: pythonRoot })).python;
const work = await mkdtemp(join(tmpdir(), 'bc-bench-bake-'));
const ID = `bc-bench-bake-${process.pid}`;
const dirs = [];
for (let i = 0; i < COUNT; i++) {
  const dir = join(work, `source-bench${i}`);
  await cp(join(root, 'examples', 'source-hello'), dir, { recursive: true });
  const meta = await readFile(join(dir, 'metadata.yaml'), 'utf8');
  await writeFile(join(dir, 'metadata.yaml'), meta.replace('dockerRepository: airbyte/source-hello', `dockerRepository: ${ID}/source-bench${i}`));
  dirs.push(dir);
}
const touch = async (run) => {
  for (const d of dirs) await writeFile(join(d, 'source_hello', 'bench_marker.py'), `RUN = ${JSON.stringify(`${run}-${d}`)}\n`);
};
const opts = { platforms: PLATFORMS, baseImages: { byLanguage: { python: base } }, provenance: 'min', timeoutSeconds: 120, log: () => {} };
const quiet = { progress: 'quiet', write: () => {} };

// The raw baselines build exactly what we build: the same rendered Dockerfiles, same contexts.
const printed = await printBake(dirs, join(work, 'raw'), opts);
const rawBakeFile = printed.file;
const t = async (fn) => {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
};

const res = { bake: [], builds: [], rawBake: [], rawBuilds: [] };
try {
  // warm: base layers in the cache for everyone
  await touch('warm');
  await bakeConnectors(dirs, { ...opts, verify: false });
  for (let run = 0; run < RUNS; run++) {
    await touch(`bake-${run}`);
    res.bake.push(
      await t(async () => {
        const r = await bakeConnectors(dirs, { ...opts, verify: false });
        if (!r.ok) throw new Error(`bake failed: ${JSON.stringify(r.results.map((x) => [x.connector, x.status, x.problems[0]]))}`);
      }),
    );
    await touch(`build-${run}`);
    res.builds.push(
      await t(async () => {
        for (const d of dirs) {
          const plan = await resolvePlan(d, { platforms: PLATFORMS, baseImage: base });
          await buildImage(plan, { platforms: PLATFORMS, provenance: 'min', ...quiet });
        }
      }),
    );
    await touch(`rawbake-${run}`);
    res.rawBake.push(await t(async () => docker(['buildx', 'bake', '-f', rawBakeFile, '--load', '--progress', 'quiet'])));
    await touch(`rawbuild-${run}`);
    res.rawBuilds.push(
      await t(async () => {
        for (const [name, target] of Object.entries(printed.bakeFile.target)) {
          docker(['buildx', 'build', '--progress', 'quiet', '--load', '--platform', target.platforms.join(','), '-f', target.dockerfile, '-t', `${ID}/raw-${name}:x`, target.context]);
        }
      }),
    );
  }
  const m = Object.fromEntries(Object.entries(res).map(([k, v]) => [k, median(v)]));
  console.log(`\nmedians of ${RUNS} runs, ${COUNT} connectors (examples/source-hello copies, code changed each run), platforms ${PLATFORMS.join(',')}`);
  console.log(`raw: ${COUNT} × docker buildx build       ${sec(m.rawBuilds)}  (baseline)`);
  console.log(`raw: 1 × docker buildx bake             ${sec(m.rawBake)}  ratio to raw builds ${(m.rawBake / m.rawBuilds).toFixed(2)}`);
  console.log(`${COUNT} × build-connector build (buildImage) ${sec(m.builds)}  ratio to raw builds ${(m.builds / m.rawBuilds).toFixed(2)}`);
  console.log(`build-connector bake --no-verify        ${sec(m.bake)}  ratio to raw bake ${(m.bake / m.rawBake).toFixed(2)}`);
  console.log(`bake / sequential builds: ${(m.bake / m.builds).toFixed(2)}  goal ≤ 0.5: ${m.bake / m.builds <= 0.5 ? 'met' : 'NOT met'}`);
} finally {
  const names = dirs.flatMap((_, i) => [`${ID}/source-bench${i}:0.1.0`, `${ID}/source-bench${i}:dev`, `${ID}/raw-source-bench${i}:x`]);
  spawnSync('docker', ['image', 'rm', '-f', ...names], { stdio: 'ignore' });
  await rm(work, { recursive: true, force: true });
}
