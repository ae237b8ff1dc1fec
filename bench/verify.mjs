// verify of both platforms vs the raw `docker run --platform P IMAGE spec` of
// the slowest platform, medians of N runs measured in the same session.
// Goal (issue 5): ratio <= 1.5 — the checks run concurrently, so the slowest
// emulated run should dominate.
//
//   node bench/verify.mjs [IMAGE]      (BENCH_RUNS=N, default 5)
//
// Without IMAGE it builds the good fixture connector (test/fixtures/broken,
// target "good") for linux/amd64 + linux/arm64 from the local python root.
// The CLI is bundled from src/ with esbuild (the way dist/ is), so the
// figure includes Node startup, as a user sees it.
import { build } from 'esbuild';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './lib.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 5);
const platforms = ['linux/amd64', 'linux/arm64'];
const tmp = mkdtempSync(join(tmpdir(), 'bc-bench-verify-'));

function time(file, args, okCodes = [0]) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(file, args, { stdio: ['ignore', 'pipe', 'pipe'], cwd: root });
  if (!okCodes.includes(r.status)) throw new Error(`${file} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

async function bundleCli() {
  await build({
    entryPoints: { cli: join(root, 'src/bin.ts') },
    outdir: tmp,
    bundle: true,
    splitting: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    logLevel: 'warning',
    define: { __BC_VERSION__: '"bench"', __BC_HELP__: '{}' },
    banner: { js: "import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);" },
  });
  return join(tmp, 'cli.js');
}

function fixtureImage() {
  const rootRef = execFileSync(
    process.execPath,
    ['--import', 'tsx', '-e', "const { ensureLocalRoot } = await import('./src/base/local-root.ts'); console.log((await ensureLocalRoot({ name: 'python', registry: 'localhost:5000' })).ref)"],
    { cwd: root, encoding: 'utf8' },
  ).trim();
  const tag = `bc-bench/verify-good:${process.pid}`;
  execFileSync('docker', ['buildx', 'build', '--platform', platforms.join(','), '--target', 'good', '--build-arg', `ROOT=${rootRef}`, '--provenance=false', '--load', '-t', tag, join(root, 'test/fixtures/broken')], { stdio: 'ignore' });
  return tag;
}

const given = process.argv[2];
const image = given ?? fixtureImage();
try {
  const cli = await bundleCli();
  // Warm up: image layers in the page cache, qemu binfmt loaded.
  for (const p of platforms) time('docker', ['run', '--rm', '--network', 'none', '--platform', p, image, 'spec']);
  time(process.execPath, [cli, '--json', 'verify', image], given ? [0, 1] : [0]);
  const raw = Object.fromEntries(platforms.map((p) => [p, []]));
  const verify = [];
  for (let i = 0; i < runs; i++) {
    for (const p of platforms) raw[p].push(time('docker', ['run', '--rm', '--network', 'none', '--platform', p, image, 'spec']));
    verify.push(time(process.execPath, [cli, '--json', 'verify', image], given ? [0, 1] : [0]));
  }
  const rawMed = Object.fromEntries(platforms.map((p) => [p, median(raw[p])]));
  const slowest = platforms.reduce((a, b) => (rawMed[a] >= rawMed[b] ? a : b));
  const v = median(verify);
  const ratio = v / rawMed[slowest];
  for (const p of platforms) console.log(`raw docker run --platform ${p} IMAGE spec   median ${rawMed[p].toFixed(0)} ms`);
  console.log(`build-connector verify (both platforms)   median ${v.toFixed(0)} ms`);
  console.log(`ratio vs slowest raw (${slowest}): ${ratio.toFixed(2)}  goal <= 1.5: ${ratio <= 1.5 ? 'met' : 'NOT met'}  (${runs} runs each, image ${image})`);
} finally {
  if (!given) spawnSync('docker', ['image', 'rm', '-f', image], { stdio: 'ignore' });
  rmSync(tmp, { recursive: true, force: true });
}
