// Run every benchmark in turn (npm run bench). Each prints medians and
// ratios against a raw baseline measured in the same run; none asserts times.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const benches = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['help', 'monorepo', 'verify', 'build', 'bake', 'engines'];
let failed = 0;
for (const name of benches) {
  console.log(`\n=== bench/${name}.mjs`);
  const r = spawnSync(process.execPath, [fileURLToPath(new URL(`./${name}.mjs`, import.meta.url))], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed > 0 ? 1 : 0);
