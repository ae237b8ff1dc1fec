/**
 * NO_COLOR on a real terminal: `build` under a pseudo-terminal (script(1))
 * colours its progress, and prints no escape sequence with NO_COLOR=1.
 * amd64 only, cached after the first build.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { describeEngine } from '../support/engine.js';
import { repoRoot } from '../support/cli.js';
import { allowListedEnv } from '../support/env.js';

// eslint-disable-next-line no-control-regex
const ESC = /\x1b\[[0-9;]*m/;

describeEngine('colour on a terminal', () => {
  let root: string;
  let work: string;
  beforeAll(async () => {
    root = inject('roots').python ?? '';
    expect(root).toMatch(/@sha256:[0-9a-f]{64}$/);
    work = await mkdtemp(join(tmpdir(), 'bc-tty-it-'));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  /** build under a pty; returns everything the terminal received */
  async function buildOnTty(extraEnv: Record<string, string>, n: number): Promise<string> {
    const cli = `${process.execPath} --import tsx ${join(repoRoot, 'src', 'cli.ts')}`;
    const cmd = `${cli} build ${join(repoRoot, 'examples', 'source-hello')} --platform linux/amd64 --base-image ${root} --output oci=${join(work, `i${n}.tar`)}`;
    const env = allowListedEnv({ TERM: 'xterm', ...extraEnv });
    const r = await execa('script', ['-qec', cmd, '/dev/null'], { cwd: repoRoot, env, extendEnv: false, reject: false, timeout: 10 * 60_000 });
    expect(r.exitCode, String(r.stdout).slice(-2000)).toBe(0);
    return String(r.stdout);
  }

  it('colours by default, and NO_COLOR=1 leaves no escape sequence', async () => {
    const coloured = await buildOnTty({}, 1);
    expect(coloured).toMatch(ESC);
    expect(coloured).toContain('linux/amd64');
    const plain = await buildOnTty({ NO_COLOR: '1' }, 2);
    expect(plain).toContain('linux/amd64');
    expect(plain).not.toMatch(ESC);
  });
});
