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

  // publish validates its flags with the Action's schema (src/core/request-schema.ts): errors name the flag
  it.each([
    [['--registry', 'bad host!'], /^error: --registry: "bad host!" is not a registry host\[:port\]/m],
    [['--build-arg', '1X=y'], /^error: --build-arg: "1X=y" is not KEY=VALUE/m],
    [['--latest', 'sometimes'], /^error: --latest: expected auto, true or false, got "sometimes"/m],
    [['--retries', '0'], /^error: --retries: expected a whole number 1\.\.20, got "0"/m],
    [['--provenance', 'all'], /^error: --provenance: expected min, max or false, got "all"/m],
    [['--target', 'mars'], /^error: --target: expected cloud or oss, got "mars"/m],
    [['--platform', 'amd64'], /^error: --platform: "amd64" is not a linux platform like linux\/amd64/m],
  ])('publish %j: exit 2 before any build, naming the flag', async (flags, message) => {
    const r = await runCli(['publish', 'examples/source-hello', ...flags]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(hasStackTrace(r.stderr + r.stdout)).toBe(false);
  });
});
