// Startup time of the bundled CLI: `node dist/cli.js --help` against the raw
// baseline `node -e 0` measured in the same run. Goal: --help under 150 ms.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median } from './lib.mjs';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 21);

function time(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}`);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}
// warm the file cache
time([cli, '--help']);
const raw = [];
const help = [];
for (let i = 0; i < runs; i++) {
  raw.push(time(['-e', '0']));
  help.push(time([cli, '--help']));
}
const m = median(help);
const b = median(raw);
console.log(`node -e 0            median ${b.toFixed(1)} ms (baseline)`);
console.log(`build-connector --help median ${m.toFixed(1)} ms  ratio ${(m / b).toFixed(2)}x  goal < 150 ms: ${m < 150 ? 'met' : 'NOT met'}`);
