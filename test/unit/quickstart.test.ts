/**
 * The quick start prepares only what its python example needs: it asks
 * setup-engine.sh for the python root filesystem only (ROOTFS_NAMES), while the
 * test command keeps building all of them. The selection is the script's own
 * code, run in bash.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/cli.js';

const read = (p: string) => readFile(join(repoRoot, p), 'utf8');

/** The ROOTS selection of setup-engine.sh's rootfs section, run with ROOTFS_NAMES; prints the chosen names. */
async function selected(names: string | undefined): Promise<{ exitCode: number; names: string[]; stderr: string }> {
  const script = await read('scripts/setup-engine.sh');
  const start = script.indexOf('  ALL_ROOTS=(');
  const end = script.indexOf('\n', script.indexOf('[ "${#ROOTS[@]}" -gt 0 ]'));
  expect(start, 'the rootfs section declares ALL_ROOTS').toBeGreaterThan(0);
  const snippet = `set -Eeuo pipefail\n${script.slice(start, end)}\nfor s in "\${ROOTS[@]}"; do echo "\${s%%:*}"; done\n`;
  const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin' };
  if (names !== undefined) env.ROOTFS_NAMES = names;
  const r = await execa('bash', ['-c', snippet], { env, extendEnv: false, reject: false });
  return { exitCode: r.exitCode ?? -1, names: String(r.stdout).split('\n').filter(Boolean), stderr: String(r.stderr) };
}

describe('quick start: only the root filesystem the example needs', () => {
  it.each([
    ['default (the tests): all', undefined, ['python', 'java']],
    ['python only (the quick start)', 'python', ['python']],
    ['a comma list', 'java,python', ['python', 'java']],
    ['a space list', 'java python', ['python', 'java']],
  ])('%s', async (_n, names, want) => {
    const r = await selected(names);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.names).toEqual(want);
  });

  it('an unknown name builds nothing and says so (exit 2)', async () => {
    const r = await selected('ruby');
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('ROOTFS_NAMES="ruby" names no root filesystem (python, java)');
  });

  it('quickstart.sh asks for python before preparing; run-tests.sh asks for nothing less than all', async () => {
    const qs = await read('scripts/quickstart.sh');
    const at = qs.indexOf('export ROOTFS_NAMES="${ROOTFS_NAMES:-python}"');
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(qs.indexOf('. scripts/prepare.sh'));
    expect(await read('scripts/run-tests.sh')).not.toContain('ROOTFS_NAMES');
    expect(await read('scripts/prepare.sh')).not.toContain('ROOTFS_NAMES');
  });
});
