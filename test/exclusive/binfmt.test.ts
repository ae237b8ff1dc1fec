/**
 * doctor with arm64 emulation switched off. Disabling the qemu-aarch64 binfmt
 * handler is machine-wide: every arm64 process started meanwhile fails with
 * "exec format error". So this file is in the `exclusive` project, which runs
 * alone, after every integration file has finished (vitest.config.ts).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { DoctorReportSchema } from '../../src/core/doctor.js';
import { describeEngine } from '../support/engine.js';
import { hasStackTrace, runCli } from '../support/cli.js';

const BINFMT = '/proc/sys/fs/binfmt_misc/qemu-aarch64';

describeEngine('doctor without arm64 emulation (machine-wide: runs alone)', () => {
  it('doctor exits 3 and names the fix when binfmt for aarch64 is disabled', async () => {
    const before = await readFile(BINFMT, 'utf8');
    expect(before).toMatch(/^enabled/);
    await writeFile(BINFMT, '0');
    try {
      const r = await runCli(['--json', 'doctor']);
      expect(r.exitCode).toBe(3);
      const report = DoctorReportSchema.parse(JSON.parse(r.stdout));
      const arm = report.items.find((i) => i.id === 'arm64-emulation');
      expect(arm?.status).toBe('missing');
      expect(arm?.fix).toMatch(/update-binfmts --enable qemu-aarch64/);
      const text = await runCli(['doctor']);
      expect(text.exitCode).toBe(3);
      expect(text.stdout).toMatch(/✗\s+arm64-emulation/);
      expect(hasStackTrace(text.stdout + text.stderr)).toBe(false);
    } finally {
      await writeFile(BINFMT, '1');
    }
    expect(await readFile(BINFMT, 'utf8')).toMatch(/^enabled/);
  });

});
