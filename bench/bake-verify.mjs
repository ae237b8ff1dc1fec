// `bake` + verify of 40 manifest-only connectors on both platforms (issue 24:
// verify phase ≤ 60 s on 2 cores, every check still run on both platforms),
// with the raw baseline measured in the same run: the bare
// `docker run --rm --platform P IMAGE spec` of every image and platform,
// once one after the other and once at the concurrency bake's verify uses
// (connectors at once × platforms).
//
// The set: the real manifest-only connectors the repository holds
// (test/fixtures/metadata/real/: source-forms, source-ledger, source-tickets)
// and copies of examples/source-manifest-hello, each with its own
// manifest.yaml (stream and spec differ) and metadata.yaml, so every image
// differs; all on the local source-declarative-manifest stand-in the test
// setup builds (test/support/examples.ts ensureExampleBases). Each run
// changes every manifest (a comment), so the COPY layer really changes.
//
// Usage: node bench/bake-verify.mjs [--count 40] [--runs 3]
//   BENCH_PLATFORMS=linux/amd64,linux/arm64 (default both)
//   BC_VERIFY_CONCURRENCY=N to force bake's verify bound (else the machine's)
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';
import { median } from './lib.mjs';

register();
const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const COUNT = arg('count', 40);
const RUNS = arg('runs', Number(process.env.BENCH_RUNS ?? 3));
const PLATFORMS = (process.env.BENCH_PLATFORMS ?? 'linux/amd64,linux/arm64').split(',');
const REGISTRY = process.env.BC_TEST_REGISTRY ?? 'localhost:5000';
const root = fileURLToPath(new URL('..', import.meta.url));

const { ensureLocalRoot } = await import('../src/base/local-root.ts');
const { ensureExampleBases } = await import('../test/support/examples.ts');
const bake = await import('../src/core/flows/bake.ts');

const sec = (ms) => `${(ms / 1000).toFixed(1).padStart(6)} s`;
const pythonRoot = (await ensureLocalRoot({ name: 'python', registry: REGISTRY })).ref;
const base = (await ensureExampleBases({ python: pythonRoot }))['manifest-only'];
const work = await mkdtemp(join(tmpdir(), 'bc-bench-bake-verify-'));
const ID = `bc-bench-bakev-${process.pid}`;
const dirs = [];

// the real manifest-only connectors first, then generated ones up to COUNT
const REAL = ['source-forms', 'source-ledger', 'source-tickets'].filter((n) => existsSync(join(root, 'test/fixtures/metadata/real', n, 'manifest.yaml')));
for (const name of REAL.slice(0, COUNT)) {
  const dir = join(work, name);
  await cp(join(root, 'test/fixtures/metadata/real', name), dir, { recursive: true });
  await rm(join(dir, 'expect.json'), { force: true });
  const meta = await readFile(join(dir, 'metadata.yaml'), 'utf8');
  await writeFile(join(dir, 'metadata.yaml'), meta.replace(/dockerRepository: airbyte\//, `dockerRepository: ${ID}/`));
  dirs.push(dir);
}
const helloDir = join(root, 'examples', 'source-manifest-hello');
const helloManifest = await readFile(join(helloDir, 'manifest.yaml'), 'utf8');
const helloMeta = await readFile(join(helloDir, 'metadata.yaml'), 'utf8');
for (let i = dirs.length; i < COUNT; i++) {
  const name = `source-mf${i}`;
  const dir = join(work, name);
  await cp(helloDir, dir, { recursive: true });
  const hex = i.toString(16).padStart(12, '0');
  await writeFile(
    join(dir, 'metadata.yaml'),
    helloMeta
      .replace('dockerRepository: airbyte/source-manifest-hello', `dockerRepository: ${ID}/${name}`)
      .replace('name: Manifest Hello', `name: Manifest ${i}`)
      .replace(/definitionId: (\S+)-[0-9a-f]{12}$/m, `definitionId: $1-${hex}`)
      .replaceAll('manifest-hello', `mf${i}`),
  );
  await writeFile(join(dir, 'manifest.yaml'), helloManifest.replaceAll('greetings', `greetings_${i}`).replace('title: API key', `title: API key of ${name}`));
  dirs.push(dir);
}
const touch = async (run) => {
  for (const d of dirs) {
    const f = join(d, 'manifest.yaml');
    const text = (await readFile(f, 'utf8')).replace(/^# bench run .*\n/m, '');
    await writeFile(f, `# bench run ${run}\n${text}`);
  }
};

const GIVEN = process.env.BC_VERIFY_CONCURRENCY ? Number(process.env.BC_VERIFY_CONCURRENCY) : undefined;
const opts = {
  platforms: PLATFORMS,
  ...(GIVEN !== undefined ? { verifyConcurrency: GIVEN } : {}),
  baseImages: { byLanguage: { 'manifest-only': base } },
  log: () => {},
  provenance: 'min',
  // each connector's verify defaults (inputs, secrets/, labels, type), as `bake` takes them
  timeoutSeconds: 120,
};

/** `docker run --rm --platform P IMAGE spec`, N at once; resolves with the wall time */
async function rawSpecs(jobs, concurrency) {
  const queue = [...jobs];
  const one = ({ image, platform }) =>
    new Promise((resolve, reject) => {
      const p = spawn('docker', ['run', '--rm', '--platform', platform, image, 'spec'], { stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      p.stderr.on('data', (d) => (err += d));
      p.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`docker run ${platform} ${image} spec exited ${code}: ${err.slice(-500)}`))));
    });
  const t0 = performance.now();
  const worker = async () => {
    for (let j = queue.shift(); j; j = queue.shift()) await one(j);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, worker));
  return performance.now() - t0;
}

// bake's verify bound: what the flow says it uses (verifyBound), else the old fixed 2 connectors
const connectorsAtOnce = bake.verifyBound ? bake.verifyBound({ platforms: PLATFORMS.length, connectors: COUNT, given: GIVEN }).value : 2;
const res = { build: [], verify: [], rawSeq: [], rawConc: [], load: [] };
try {
  await touch('warm');
  const warm = await bake.bakeConnectors(dirs, { ...opts, verify: false });
  if (!warm.ok) throw new Error(`warm bake failed: ${JSON.stringify(warm.results.filter((x) => x.status !== 'built').map((x) => [x.connector, x.status, x.problems[0]]))}`);
  for (let run = 0; run < RUNS; run++) {
    await touch(`run-${run}`);
    const r = await bake.bakeConnectors(dirs, opts);
    if (!r.ok) throw new Error(`bake failed: ${JSON.stringify(r.results.filter((x) => x.status !== 'verified').map((x) => [x.connector, x.status, x.problems[0], x.report?.checks.find((c) => c.status === 'fail')]))}`);
    res.build.push(r.buildMs);
    res.verify.push(r.verifyMs);
    const jobs = r.results.flatMap((x) => x.platforms.map((platform) => ({ image: x.platformImages?.[platform] ?? x.image, platform })));
    res.rawSeq.push(await rawSpecs(jobs, 1));
    res.rawConc.push(await rawSpecs(jobs, connectorsAtOnce * PLATFORMS.length));
    res.load.push(loadavg()[0]);
    console.log(`run ${run + 1}/${RUNS}: build ${sec(r.buildMs)}, verify ${sec(r.verifyMs)}, raw spec sequential ${sec(res.rawSeq.at(-1))}, raw spec ${connectorsAtOnce * PLATFORMS.length} at once ${sec(res.rawConc.at(-1))}, load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  }
  const m = Object.fromEntries(Object.entries(res).map(([k, v]) => [k, median(v)]));
  console.log(`\nmedians of ${RUNS} runs, ${COUNT} manifest-only connectors (${REAL.length} real + ${COUNT - REAL.length} from examples/source-manifest-hello), platforms ${PLATFORMS.join(',')}, load average ${m.load.toFixed(2)}`);
  console.log(`bake build phase                                  ${sec(m.build)}`);
  console.log(`bake verify phase (${connectorsAtOnce} connectors at once)          ${sec(m.verify)}  goal ≤ 60 s: ${m.verify <= 60_000 ? 'met' : 'NOT met'}`);
  console.log(`raw: ${COUNT}×${PLATFORMS.length} docker run spec, sequential          ${sec(m.rawSeq)}  verify / raw ${(m.verify / m.rawSeq).toFixed(2)}`);
  console.log(`raw: ${COUNT}×${PLATFORMS.length} docker run spec, ${connectorsAtOnce * PLATFORMS.length} at once           ${sec(m.rawConc)}  verify / raw ${(m.verify / m.rawConc).toFixed(2)}`);
} finally {
  // every image this run made, whatever step stopped it (its own ID prefix, nobody else's)
  const ls = spawnSync('docker', ['image', 'ls', '--format', '{{.Repository}}:{{.Tag}}'], { encoding: 'utf8' });
  const names = ls.stdout.split('\n').filter((n) => n.startsWith(`${ID}/`));
  if (names.length > 0) spawnSync('docker', ['image', 'rm', '-f', ...names], { stdio: 'ignore' });
  await rm(work, { recursive: true, force: true });
}
