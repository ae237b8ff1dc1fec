import { describe, expect, it } from 'vitest';
import { hasStackTrace, runCli } from '../support/cli.js';

describe('cli shell', () => {
  it('lists every subcommand and the exit codes in --help', async () => {
    const r = await runCli(['--help']);
    expect(r.exitCode).toBe(0);
    for (const c of ['render', 'lint', 'build', 'verify', 'publish', 'tags', 'doctor', 'base']) {
      expect(r.stdout).toMatch(new RegExp(`^  ${c}\\b`, 'm'));
    }
    expect(r.stdout).toContain('4  refused by policy');
  });

  it('prints its version', async () => {
    const r = await runCli(['--version']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('rejects an unknown flag with exit 2 and no stack trace', async () => {
    const r = await runCli(['--no-such-flag']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain("unknown option '--no-such-flag'");
    expect(hasStackTrace(r.stderr + r.stdout)).toBe(false);
  });

  it('rejects an unknown command with exit 2', async () => {
    const r = await runCli(['frobnicate']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/unknown command/);
  });
});
