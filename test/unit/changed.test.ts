/**
 * `changed` on a generated monorepo with real git history: each kind of
 * change yields exactly the expected affected set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChanged } from '../../src/monorepo/changed.js';
import { BcError } from '../../src/errors.js';
import { hasStackTrace, runCli } from '../support/cli.js';
import { generateMonorepo, type GeneratedRepo } from '../support/monorepo.js';

let repo: GeneratedRepo;
let base: string;

const dirsOf = (lang?: string) => repo.connectors.filter((c) => !lang || c.language === lang).map((c) => c.dir).sort();

/** Make a change on a branch from `base`, run fn, then go back (history stays linear per case). */
async function onBranch(name: string, change: () => Promise<void>): Promise<string[]> {
  repo.git('checkout', '-q', '-b', name, base);
  try {
    await change();
    repo.commit(`change: ${name}`);
    const res = await findChanged({ cwd: repo.root, since: 'main' });
    return res.connectors.map((c) => c.connector);
  } finally {
    repo.git('checkout', '-q', 'main');
  }
}

beforeAll(async () => {
  repo = await generateMonorepo({ count: 9, git: true });
  base = repo.git('rev-parse', 'HEAD');
});
afterAll(() => repo.cleanup());

describe('changed: affected sets', () => {
  it('one connector’s code → exactly that connector', async () => {
    const c = repo.connectors[4];
    const got = await onBranch('one', () => repo.write(`${c?.dir}/main.py`, 'print("changed")\n'));
    expect(got).toEqual([c?.dir]);
  });

  it('a language template → exactly the connectors of that language', async () => {
    const got = await onBranch('tpl', () => repo.write('templates/java/Dockerfile.hbs', 'FROM {{baseImage}}\n# new\n'));
    expect(got).toEqual(dirsOf('java'));
    expect(got.length).toBe(3);
  });

  it('a base-image definition → exactly the connectors on that base', async () => {
    const got = await onBranch('base', () => repo.write('base-images/manifest-only/base.yaml', 'name: manifest-only\nuid: 1000\n'));
    expect(got).toEqual(dirsOf('manifest-only'));
  });

  it('a root README / docs only → nothing', async () => {
    const got = await onBranch('readme', async () => {
      await repo.write('README.md', '# changed\n');
      await repo.write('docs/integrations/index.md', '# changed docs\n');
    });
    expect(got).toEqual([]);
  });

  it('a connector README only → that connector (it is in the build context), unless ignorePaths says otherwise', async () => {
    const c = repo.connectors[2];
    expect(await onBranch('creadme', () => repo.write(`${c?.dir}/README.md`, '# new readme\n'))).toEqual([c?.dir]);
    const got = await onBranch('creadme-ignored', async () => {
      await repo.write('build-connector.yaml', 'roots: [airbyte-integrations/connectors]\nignorePaths: ["*.md"]\n');
      repo.commit('config');
      await repo.write(`${c?.dir}/README.md`, '# newer readme\n');
    });
    // the config commit itself is not a shared path: only the README change matters, and it is ignored
    expect(got).toEqual([]);
  });

  it('a declared shared path → every connector', async () => {
    const got = await onBranch('shared', () => repo.write('poetry.lock', '# bumped\n'));
    expect(got).toEqual(dirsOf());
  });

  it('a custom-mode connector ignores template changes', async () => {
    const java = repo.connectors.filter((c) => c.language === 'java');
    const custom = java[0];
    repo.git('checkout', '-q', '-b', 'custom-base', base);
    await repo.write(`${custom?.dir}/Dockerfile`, 'FROM scratch\n');
    repo.commit('custom connector');
    const mid = repo.git('rev-parse', 'HEAD');
    await repo.write('templates/java/Dockerfile.hbs', 'FROM {{baseImage}}\n# again\n');
    repo.commit('template');
    const res = await findChanged({ cwd: repo.root, since: mid });
    repo.git('checkout', '-q', 'main');
    expect(res.connectors.map((c) => c.connector)).toEqual(java.slice(1).map((c) => c.dir).sort());
  });

  it('uncommitted and untracked files count, deleted connectors do not', async () => {
    const [a, b] = [repo.connectors[0], repo.connectors[1]];
    repo.git('checkout', '-q', '-b', 'wip', base);
    try {
      repo.git('rm', '-q', '-r', b?.dir ?? '');
      repo.commit('delete b');
      await repo.write(`${a?.dir}/new_file.py`, 'x = 1\n');
      const res = await findChanged({ cwd: repo.root, since: base });
      expect(res.connectors.map((c) => c.connector)).toEqual([a?.dir]);
      expect(res.connectors[0]?.reasons).toEqual([{ kind: 'own', path: `${a?.dir}/new_file.py` }]);
    } finally {
      repo.git('checkout', '-q', '-f', 'main');
      repo.git('clean', '-q', '-fd');
    }
  });

  it('an unknown ref is bad input (exit 2) with a fix', async () => {
    const err = await findChanged({ cwd: repo.root, since: 'no-such-branch' }).catch((e: unknown) => e);
    expect((err as BcError).exitCode).toBe(2);
    expect((err as BcError).details.join('\n')).toMatch(/fix:/);
  });
});

describe('changed: CLI', () => {
  it('--matrix prints one line with connector × platform and runner labels', async () => {
    repo.git('checkout', '-q', '-b', 'cli', base);
    const c = repo.connectors[7];
    await repo.write(`${c?.dir}/manifest.yaml`, 'version: 7\n');
    const r = await runCli(['changed', '--since', 'main', '--matrix', '--runner-arm64', 'my-arm-runner', '-C', repo.root]);
    const merge = await runCli(['changed', '--since', 'main', '--matrix', 'merge', '-C', repo.root]);
    const json = await runCli(['--json', 'changed', '--since', 'main', '-C', repo.root]);
    const human = await runCli(['changed', '--since', 'main', '-C', repo.root]);
    repo.git('checkout', '-q', '-f', 'main');
    repo.git('clean', '-q', '-fd');

    expect(r.exitCode).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(r.stdout)).toEqual({
      include: [
        { connector: c?.dir, platform: 'linux/amd64', runner: 'ubuntu-24.04', name: c?.name, arch: 'amd64' },
        { connector: c?.dir, platform: 'linux/arm64', runner: 'my-arm-runner', name: c?.name, arch: 'arm64' },
      ],
    });
    expect(JSON.parse(merge.stdout)).toEqual({ include: [{ connector: c?.dir, name: c?.name, platforms: 'linux/amd64,linux/arm64' }] });
    expect(json.exitCode).toBe(0);
    expect(JSON.parse(json.stdout).connectors.map((x: { connector: string }) => x.connector)).toEqual([c?.dir]);
    expect(human.stdout).toContain(`${c?.dir}`);
    expect(human.stdout).toMatch(/1 of 9 connectors affected since main/);
  });

  it('a connector restricted to amd64 gets no arm64 job; a bad metadata.yaml is exit 2 with file:line', async () => {
    repo.git('checkout', '-q', '-b', 'cli2', base);
    const c = repo.connectors[1];
    const d = repo.connectors[3];
    const meta = repo.git('show', `HEAD:${c?.dir}/metadata.yaml`);
    await repo.write(`${c?.dir}/metadata.yaml`, meta.replace('data:\n', 'data:\n  buildConnector:\n    platforms: [linux/amd64]\n'));
    const ok = await runCli(['changed', '--since', 'main', '--matrix', '-C', repo.root]);
    await repo.write(`${d?.dir}/metadata.yaml`, 'data:\n  tags: [language:python\n');
    const bad = await runCli(['changed', '--since', 'main', '--matrix', '-C', repo.root]);
    repo.git('checkout', '-q', '-f', 'main');
    repo.git('clean', '-q', '-fd');

    expect(JSON.parse(ok.stdout).include.map((e: { platform: string }) => e.platform)).toEqual(['linux/amd64']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain(`${d?.dir}/metadata.yaml:`);
    expect(bad.stdout).toBe('');
    expect(hasStackTrace(bad.stderr)).toBe(false);
  });

  it('no --since: compares with the default branch (here main; test/unit/changed-new-branch.test.ts has the rest)', async () => {
    const r = await runCli(['--json', 'changed', '-C', repo.root]);
    expect(r.exitCode, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { since: string }).since).toBe('main');
  });
});
