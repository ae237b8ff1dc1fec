/**
 * Terminal and machine conventions: NO_COLOR / FORCE_COLOR decide colour; under
 * --json every failure, usage errors included, is one JSON object on stdout
 * with the exit code the process exits with (the real CLI).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { colorEnabled } from '../../src/ui/color.js';
import { ProgressFormatter, progressSink } from '../../src/core/images/progress.js';
import { hasStackTrace, runCli } from '../support/cli.js';

// eslint-disable-next-line no-control-regex
const ESC = /\x1b\[/;
const LINE = '#5 [linux/arm64 2/4] RUN pip install .';

describe('colour: NO_COLOR and FORCE_COLOR', () => {
  it.each([
    ['1 terminal', true, {}, true],
    ['2 not a terminal', false, {}, false],
    ['3 NO_COLOR=1 on a terminal', true, { NO_COLOR: '1' }, false],
    ['4 NO_COLOR empty is unset (no-color.org)', true, { NO_COLOR: '' }, true],
    ['5 FORCE_COLOR=1 off a terminal', false, { FORCE_COLOR: '1' }, true],
    ['6 FORCE_COLOR=0 on a terminal', true, { FORCE_COLOR: '0' }, false],
    ['7 FORCE_COLOR=false', true, { FORCE_COLOR: 'false' }, false],
    ['8 FORCE_COLOR wins over NO_COLOR (as in Node)', false, { FORCE_COLOR: '1', NO_COLOR: '1' }, true],
    ['9 TERM=dumb', true, { TERM: 'dumb' }, false],
  ])('%s', (_n, tty, env, want) => {
    expect(colorEnabled(tty, env as NodeJS.ProcessEnv)).toBe(want);
  });

  it('the build progress: tty colours; tty under NO_COLOR and plain print no escape; plain under FORCE_COLOR colours', () => {
    expect(new ProgressFormatter('tty', undefined, true).format(LINE, 1200)).toMatch(ESC);
    const noColor = new ProgressFormatter('tty', undefined, false).format(LINE, 1200);
    expect(noColor).not.toMatch(ESC);
    expect(noColor).toContain('linux/arm64');
    expect(new ProgressFormatter('plain').format(LINE, 1200)).toBe(`   1.2s linux/arm64 ${LINE}`);
    expect(new ProgressFormatter('plain', undefined, true).format(LINE, 1200)).toMatch(ESC);
    // plain keeps every line, coloured or not (tty drops internal steps)
    expect(new ProgressFormatter('plain', undefined, true).format('#1 [internal] load build definition', 10)).toContain('[internal]');
    expect(new ProgressFormatter('tty', undefined, true).format('#1 [internal] load build definition', 10)).toBeUndefined();
  });

  describe('progressSink reads the environment', () => {
    const saved = { NO_COLOR: process.env.NO_COLOR, FORCE_COLOR: process.env.FORCE_COLOR };
    afterEach(() => {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    });
    const run = (mode: 'tty' | 'plain') => {
      let out = '';
      progressSink(mode, (s) => (out += s), performance.now(), ['linux/arm64'])(LINE);
      return out;
    };
    it('NO_COLOR=1: a terminal gets no escape sequence', () => {
      delete process.env.FORCE_COLOR;
      process.env.NO_COLOR = '1';
      expect(run('tty')).not.toMatch(ESC);
      delete process.env.NO_COLOR;
      expect(run('tty')).toMatch(ESC);
    });
    it('FORCE_COLOR=1: a CI log gets colour', () => {
      process.env.FORCE_COLOR = '1';
      expect(run('plain')).toMatch(ESC);
      process.env.FORCE_COLOR = '0';
      expect(run('plain')).not.toMatch(ESC);
    });
  });
});

describe('--json: every failure is one JSON object on stdout with the exit code', () => {
  it.each([
    ['unknown option', ['--json', '--no-such-flag'], /unknown option '--no-such-flag'/],
    ['unknown command', ['--json', 'frobnicate'], /unknown command 'frobnicate'/],
    ['missing argument', ['--json', 'verify'], /missing required argument 'target'/],
    ['missing required option', ['--json', 'release-plan'], /required option '--git-ref <ref>' not specified/],
    ['--json after the command', ['lint', '--json', '--frob', 'x'], /unknown option '--frob'/],
    ['a bad flag value', ['--json', 'publish', 'examples/source-hello', '--latest', 'sometimes'], /--latest/],
    ['a bad input from the core', ['--json', 'render', 'test'], /metadata\.yaml/],
  ])('%s', async (_n, args, message) => {
    const r = await runCli(args);
    expect(r.exitCode).toBe(2);
    const body = JSON.parse(r.stdout) as { error: { message: string; exitCode: number; kind: string }; exitCode: number };
    expect(body.exitCode).toBe(r.exitCode);
    expect(body.error.exitCode).toBe(r.exitCode);
    expect(body.error.message).toMatch(message);
    expect(hasStackTrace(r.stdout + r.stderr)).toBe(false);
  });

  it('without --json a usage error stays text on stderr, stdout empty', async () => {
    const r = await runCli(['--no-such-flag']);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("unknown option '--no-such-flag'");
  });

  it('--help and --version under --json are no failure', async () => {
    const r = await runCli(['--json', '--version']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).not.toContain('"error"');
  });
});
