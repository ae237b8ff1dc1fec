/**
 * `changed` on the push that creates a branch: GitHub's github.event.before is
 * forty zeros there (the ready main workflow passes it as changed-since). A
 * missing or all-zero --since compares with the merge base of the default
 * branch (origin/HEAD, else origin/main, origin/master, main, master). And the
 * fix a shallow clone gets is a command git accepts as written.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChanged } from '../../src/monorepo/changed.js';
import { runCli } from '../support/cli.js';

const gitEnv = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid', GIT_CONFIG_NOSYSTEM: '1', HOME: '/nonexistent-home-for-git-test' };
const g = async (cwd: string, ...args: string[]) => (await execa('git', args, { cwd, env: gitEnv })).stdout.trim();
const ZEROS = '0'.repeat(40);

const metadata = (name: string) =>
  `data:\n  name: ${name}\n  connectorType: source\n  dockerRepository: acme/${name}\n  dockerImageTag: "0.1.0"\n  tags: [language:python]\n`;

let tmp: string;
let origin: string;
let clone: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'bc-newbranch-'));
  origin = join(tmp, 'origin');
  for (const n of ['source-a', 'source-b']) {
    await mkdir(join(origin, 'connectors', n), { recursive: true });
    await writeFile(join(origin, 'connectors', n, 'metadata.yaml'), metadata(n));
    await writeFile(join(origin, 'connectors', n, 'main.py'), 'print(1)\n');
  }
  await g(tmp, 'init', '-q', '-b', 'main', origin);
  await g(origin, 'add', '.');
  await g(origin, 'commit', '-q', '-m', 'two connectors');
  await writeFile(join(origin, 'connectors', 'source-a', 'main.py'), 'print(2)\n');
  await g(origin, 'commit', '-q', '-am', 'main moves on: source-a');
  // the checkout a runner has: a clone (origin/HEAD set), a new branch changing source-b
  clone = join(tmp, 'clone');
  await g(tmp, 'clone', '-q', origin, clone);
  await g(clone, 'checkout', '-q', '-b', 'feature');
  await writeFile(join(clone, 'connectors', 'source-b', 'main.py'), 'print(3)\n');
  await g(clone, 'commit', '-q', '-am', 'feature: source-b');
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('changed with no base commit (a new branch)', () => {
  it('forty zeros: the branch\'s changes since the default branch (origin/HEAD), as the CLI prints them', async () => {
    const r = await runCli(['--json', 'changed', '--since', ZEROS, '-C', clone]);
    expect(r.exitCode, r.stderr).toBe(0);
    const res = JSON.parse(r.stdout) as { since: string; connectors: { connector: string }[] };
    expect(res.since).toBe('origin/main');
    expect(res.connectors.map((c) => c.connector)).toEqual(['connectors/source-b']);
  });

  it('no --since at all: the same', async () => {
    const res = await findChanged({ cwd: clone });
    expect(res.since).toBe('origin/main');
    expect(res.connectors.map((c) => c.connector)).toEqual(['connectors/source-b']);
  });

  it('without a remote: the local main branch', async () => {
    const local = join(tmp, 'local');
    await g(tmp, 'clone', '-q', origin, local);
    await g(local, 'remote', 'remove', 'origin');
    await g(local, 'checkout', '-q', '-b', 'feature', 'HEAD~1');
    await writeFile(join(local, 'connectors', 'source-a', 'main.py'), 'print(4)\n');
    await g(local, 'commit', '-q', '-am', 'feature: source-a');
    const res = await findChanged({ cwd: local, since: ZEROS });
    expect(res.since).toBe('main');
    expect(res.connectors.map((c) => c.connector)).toEqual(['connectors/source-a']);
  });

  it('no default branch anywhere: exit 2, and the fix is a command that works', async () => {
    const lone = join(tmp, 'lone');
    await g(tmp, 'init', '-q', '-b', 'trunk', lone);
    await writeFile(join(lone, 'x.txt'), 'x\n');
    await g(lone, 'add', '.');
    await g(lone, 'commit', '-q', '-m', 'x');
    const r = await runCli(['changed', '--since', ZEROS, '-C', lone]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`--since ${ZEROS} is no commit (a new branch), and there is no default branch`);
    expect(r.stderr).toContain('fix: fetch the default branch: git fetch origin');
  });

  it('a shallow clone: the fix names git fetch --unshallow origin, and running it as written makes changed work', async () => {
    const shallow = join(tmp, 'shallow');
    await g(tmp, 'clone', '-q', '--depth', '1', '--no-single-branch', `file://${origin}`, shallow);
    await g(shallow, 'checkout', '-q', '-b', 'feature');
    await writeFile(join(shallow, 'connectors', 'source-b', 'main.py'), 'print(5)\n');
    await g(shallow, 'commit', '-q', '-am', 'feature: source-b');
    const first = await runCli(['changed', '--since', 'HEAD~5', '-C', shallow]);
    expect(first.exitCode).toBe(2);
    const fix = /fix: fetch the history: (git fetch [^(,]+?) \(/.exec(first.stderr)?.[1];
    expect(fix, first.stderr).toBe('git fetch --unshallow origin');
    await execa('git', (fix as string).split(' ').slice(1), { cwd: shallow, env: gitEnv });
    const again = await runCli(['--json', 'changed', '--since', 'HEAD~2', '-C', shallow]);
    expect(again.exitCode, again.stderr).toBe(0);
  });
});
