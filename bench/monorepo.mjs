// Monorepo scale: discovery + `changed` on a synthetic repository of N
// connectors (default 600, three languages, real-shape metadata.yaml, git
// history), and lint of all of them. Goals: discovery + changed ≤ 1 s,
// lint of 600 ≤ 5 s, measured through the CLI as a user runs it
// (`node cli.js lint <root>`, the CLI bundled from src/ as dist/ is, with
// the default base resolution: each distinct base is resolved once; and with
// --no-resolve). Raw baselines are measured in the same run:
//   changed  vs  `git diff --name-only` + `find -name metadata.yaml` (two processes)
//   lint     vs  reading + YAML-parsing every metadata.yaml (no rules, no render)
// Usage: node bench/monorepo.mjs [--count 600] [--runs 7]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';
import { bundleCli, median, repoRoot } from './lib.mjs';

register();
const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const COUNT = arg('count', Number(process.env.BENCH_COUNT ?? 600));
const RUNS = arg('runs', Number(process.env.BENCH_RUNS ?? 7));

const { generateMonorepo } = await import('../test/support/monorepo.ts');
const { findChanged } = await import('../src/monorepo/changed.ts');
const { discoverConnectors } = await import('../src/monorepo/discovery.ts');
const { lintTarget } = await import('../src/lint/target.ts');
const YAML = await import('yaml');

const ms = (x) => `${x.toFixed(0).padStart(5)} ms`;
async function time(fn) {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}
async function bench(fn, runs = RUNS) {
  await fn(); // warm (file cache, module JIT)
  const xs = [];
  for (let i = 0; i < runs; i++) xs.push(await time(fn));
  return median(xs);
}

const t0 = performance.now();
const repo = await generateMonorepo({ count: COUNT, git: true });
console.log(`generated ${COUNT} connectors with git history in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${repo.root}`);
const base = repo.git('rev-parse', 'HEAD');

try {
  // Two scenarios on branches: one connector's code, and a template (every java connector; all metadata parsed).
  const one = repo.connectors[COUNT >> 1];
  repo.git('checkout', '-q', '-b', 'one');
  await repo.write(`${one.dir}/main.py`, 'print(1)\n');
  repo.commit('one connector');
  repo.git('checkout', '-q', '-b', 'tpl', base);
  await repo.write('templates/java/Dockerfile.hbs', 'FROM {{baseImage}}\n# changed\n');
  repo.commit('template');

  const raw = () => {
    spawnSync('git', ['diff', '--name-only', base], { cwd: repo.root });
    spawnSync('find', ['.', '-name', 'node_modules', '-prune', '-o', '-name', 'metadata.yaml', '-print'], { cwd: repo.root });
  };
  const rawMs = await bench(async () => raw());
  const discoverMs = await bench(() => discoverConnectors({ base: repo.root, roots: ['airbyte-integrations/connectors'] }));

  repo.git('checkout', '-q', 'one');
  let affected = 0;
  const oneMs = await bench(async () => {
    affected = (await findChanged({ cwd: repo.root, since: base })).connectors.length;
  });
  const oneAffected = affected;
  repo.git('checkout', '-q', 'tpl');
  const tplMs = await bench(async () => {
    affected = (await findChanged({ cwd: repo.root, since: base })).connectors.length;
  });
  const tplAffected = affected;

  // The CLI as a user runs it (bundled dist/cli.js when it already has `changed`).
  const dist = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
  let cliMs;
  if (existsSync(dist) && spawnSync(process.execPath, [dist, 'changed', '--help']).status === 0) {
    cliMs = await bench(async () => {
      const r = spawnSync(process.execPath, [dist, 'changed', '--since', base, '--matrix', '-C', repo.root], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`changed exited ${r.status}: ${r.stderr}`);
    });
  }

  // Lint of every connector (render + rules), 16 at a time.
  const all = await discoverConnectors({ base: repo.root, roots: ['airbyte-integrations/connectors'] });
  const pool = async (items, n, fn) => {
    const q = [...items];
    await Promise.all(Array.from({ length: n }, async () => {
      for (let x = q.shift(); x; x = q.shift()) await fn(x);
    }));
  };
  let errors = 0;
  const lintMs = await bench(async () => {
    errors = 0;
    await pool(all, 16, async (c) => {
      const r = await lintTarget(c.dir);
      errors += r.findings.filter((f) => f.severity === 'error').length;
    });
  }, Math.max(3, Math.min(RUNS, 5)));
  // The CLI on the repository root: discovery + render + base resolution + rules + output.
  // Inside the repository (as bench/build.mjs does): the bundle finds templates/ by walking up.
  const cliDir = mkdtempSync(join(repoRoot, 'node_modules', '.bc-bench-lint-'));
  const cacheDir = mkdtempSync(join(tmpdir(), 'bc-bench-cache-'));
  let lintCliMs;
  let lintCliNoResolveMs;
  let lintCliCpu;
  let lintCliNoResolveCpu;
  let cliLines = 0;
  try {
    const cli = await bundleCli(cliDir);
    // CPU seconds of the CLI too (GNU time): on a shared 2-core machine wall time mostly measures the neighbours.
    const TIME = '/usr/bin/time';
    const cpu = { '': [], '--no-resolve': [] };
    const lintCli = (extra) => {
      const argv = [cli, 'lint', ...extra, repo.root];
      const withTime = existsSync(TIME);
      const r = spawnSync(withTime ? TIME : process.execPath, withTime ? ['-f', 'cpu %U %S', process.execPath, ...argv] : argv, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, BUILD_CONNECTOR_CACHE: cacheDir } });
      const m = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr ?? '');
      if (m) cpu[extra.join(' ')].push((Number(m[1]) + Number(m[2])) * 1000);
      if (r.status !== 0) throw new Error(`lint exited ${r.status}: ${r.stderr.slice(-1000)}${r.stdout.split('\n').filter((l) => !l.endsWith(': ok')).slice(0, 10).join('\n')}`);
      cliLines = r.stdout.trim().split('\n').length;
    };
    lintCliMs = await bench(async () => lintCli([]), Math.max(3, Math.min(RUNS, 5)));
    lintCliNoResolveMs = await bench(async () => lintCli(['--no-resolve']), Math.max(3, Math.min(RUNS, 5)));
    lintCliCpu = median(cpu['']);
    lintCliNoResolveCpu = median(cpu['--no-resolve']);
  } finally {
    rmSync(cliDir, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  }

  const parseMs = await bench(async () => {
    for (const c of all) YAML.parse(readFileSync(c.metadataPath, 'utf8'));
  });

  const goal = (v, g) => (v <= g ? 'met' : 'NOT met');
  console.log(`\nmedians of ${RUNS} runs, ${COUNT} connectors (${execFileSync('nproc').toString().trim()} CPUs, shared machine)`);
  console.log(`raw: git diff + find metadata.yaml        ${ms(rawMs)}  (baseline)`);
  console.log(`discovery only                            ${ms(discoverMs)}  ratio ${(discoverMs / rawMs).toFixed(2)}x`);
  console.log(`changed (1 connector changed → ${String(oneAffected).padStart(3)})      ${ms(oneMs)}  ratio ${(oneMs / rawMs).toFixed(2)}x  goal ≤ 1000 ms: ${goal(oneMs, 1000)}`);
  console.log(`changed (java template → ${String(tplAffected).padStart(3)} affected)     ${ms(tplMs)}  ratio ${(tplMs / rawMs).toFixed(2)}x  goal ≤ 1000 ms: ${goal(tplMs, 1000)}`);
  if (cliMs !== undefined) console.log(`CLI: node dist/cli.js changed --matrix    ${ms(cliMs)}  ratio ${(cliMs / rawMs).toFixed(2)}x  goal ≤ 1000 ms: ${goal(cliMs, 1000)}`);
  else console.log('CLI: dist/cli.js has no `changed` yet (run npm run build); in-process figures above');
  console.log(`raw: read + YAML-parse ${COUNT} metadata.yaml    ${ms(parseMs)}  (baseline)`);
  console.log(`lint of all ${COUNT} in-process (render + rules) ${ms(lintMs)}  ratio ${(lintMs / parseMs).toFixed(2)}x  (${errors} error findings)`);
  console.log(`CLI: node cli.js lint <root>              ${ms(lintCliMs)}  ratio ${(lintCliMs / parseMs).toFixed(2)}x  goal ≤ 5000 ms: ${goal(lintCliMs, 5000)}  (${cliLines} lines: one per connector + summary; CPU ${Number.isNaN(lintCliCpu) ? 'n/a' : ms(lintCliCpu)})`);
  console.log(`CLI: node cli.js lint --no-resolve <root> ${ms(lintCliNoResolveMs)}  ratio ${(lintCliNoResolveMs / parseMs).toFixed(2)}x  goal ≤ 5000 ms: ${goal(lintCliNoResolveMs, 5000)}  (CPU ${Number.isNaN(lintCliNoResolveCpu) ? 'n/a' : ms(lintCliNoResolveCpu)})`);
  console.log(`load average at the end: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
} finally {
  await repo.cleanup();
}
