/**
 * Run the real CLI (the bundled dist/cli.js when BC_TEST_DIST=1, else the
 * TypeScript source through tsx) the way a user does, capturing everything.
 */
import { execa } from 'execa';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export async function runCli(args: string[], opts: { cwd?: string; env?: Record<string, string>; input?: string; timeoutMs?: number } = {}): Promise<CliResult> {
  const useDist = process.env.BC_TEST_DIST === '1';
  const file = process.execPath;
  // tsx by URL: a cwd outside the repository (a generated monorepo) must still find it.
  const argv = useDist ? [`${root}dist/cli.js`, ...args] : ['--import', import.meta.resolve('tsx'), `${root}src/cli.ts`, ...args];
  const res = await execa(file, argv, {
    cwd: opts.cwd ?? root,
    env: { ...opts.env, FORCE_COLOR: '0' },
    input: opts.input,
    reject: false,
    timeout: opts.timeoutMs ?? 10 * 60_000,
  });
  return { exitCode: res.exitCode ?? -1, stdout: String(res.stdout), stderr: String(res.stderr) };
}

/** No output a user sees may contain a stack trace. */
export function hasStackTrace(text: string): boolean {
  return /\n\s+at .+\(.+:\d+:\d+\)/.test(text) || /\n\s+at .+:\d+:\d+/.test(text);
}

export const repoRoot = root;
