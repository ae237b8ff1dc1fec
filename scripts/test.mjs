// The project's test command: runs vitest (all suites, or the args given)
// and ends with one plain line "tests: N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'bc-vitest-'));
const report = join(dir, 'report.json');
const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)];
const res = spawnSync('npx', args, { stdio: 'inherit' });
let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests ?? 0;
  failed = (json.numFailedTests ?? 0) + (json.numRuntimeErrorTestSuites ?? 0);
  skipped = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
} catch {
  failed = failed || 1;
}
rmSync(dir, { recursive: true, force: true });
if (process.env.CI === 'true' && skipped > 0) {
  console.log(`under CI=true no test may be skipped (${skipped} skipped)`);
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
const code = res.status ?? 1;
process.exit(code !== 0 ? code : failed > 0 || (process.env.CI === 'true' && skipped > 0) ? 1 : 0);
