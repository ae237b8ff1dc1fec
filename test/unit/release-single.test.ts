/**
 * A repository holding one connector (at its root, or the only one under
 * connectors/) is released with a plain `vX.Y.Z` tag (or build-connector.yaml's
 * releaseTagPattern). Real git in temp repositories, the real CLI.
 */
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCommand, releaseTagOf } from '../../src/action/inputs.js';
import { resolveRelease as resolveWith } from '../../src/publish/release-plan.js';

/** resolveRelease with the default connector tag format (the request grammar's). */
const resolveRelease = (ref: string, opts: { root: string }) => resolveWith(ref, { format: '{dir}/v{version}', ...opts });
import { runRelease } from '../../src/core/flows/release.js';
import { BcError } from '../../src/errors.js';
import { repoRoot, runCli } from '../support/cli.js';

const gitEnv = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid', GIT_CONFIG_NOSYSTEM: '1', HOME: '/nonexistent-home-for-git-test' };
const g = (cwd: string, args: string[]) => execa('git', args, { cwd, env: gitEnv });

let tmp: string;
/** A git repository with the example connector at `at` (relative; "." = the root), plus `extra` files. */
async function repo(name: string, at: string[], extra: Record<string, string> = {}): Promise<string> {
  const root = join(tmp, name);
  await mkdir(root, { recursive: true });
  for (const rel of at) await cp(join(repoRoot, 'examples', 'source-hello'), join(root, rel), { recursive: true });
  for (const [f, text] of Object.entries(extra)) await writeFile(join(root, f), text);
  await g(root, ['init', '-q', '-b', 'main']);
  await g(root, ['add', '.']);
  await g(root, ['commit', '-q', '-m', 'init']);
  return root;
}

let single: string;
let underConnectors: string;
let two: string;
let custom: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'bc-release-'));
  single = await repo('single', ['.']);
  underConnectors = await repo('under', ['connectors/source-hello']);
  two = await repo('two', ['connectors/source-a', 'connectors/source-b']);
  custom = await repo('custom', ['.'], { 'build-connector.yaml': 'releaseTagPattern: release-{version}\n' });
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('release-plan for a single-connector repository', () => {
  it('1. CLI: refs/tags/v0.1.0 maps to the connector at the repository root', async () => {
    const r = await runCli(['--json', 'release-plan', '--git-ref', 'refs/tags/v0.1.0', '--root', single]);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ tag: 'v0.1.0', dir: single, version: '0.1.0', repository: 'airbyte/source-hello' });
  });

  it('2. CLI: a version metadata.yaml does not say → exit 2 naming metadata.yaml:LINE and the fix', async () => {
    const r = await runCli(['release-plan', '--git-ref', 'v0.2.0', '--root', single]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/metadata\.yaml:\d+:\d+: data\.dockerImageTag is 0\.1\.0, but release tag v0\.2\.0 says 0\.2\.0/);
  });

  it('3. the only connector under connectors/', async () => {
    expect(await resolveRelease('refs/tags/v0.1.0', { root: underConnectors })).toMatchObject({ dir: join(underConnectors, 'connectors', 'source-hello'), version: '0.1.0' });
  });

  it('4. several connectors: a plain vX.Y.Z names none (exit 2), the fix names the connector tag form', async () => {
    const err = await resolveRelease('refs/tags/v0.1.0', { root: two }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BcError);
    expect((err as BcError).exitCode).toBe(2);
    expect((err as BcError).message).toContain('several connector directories match: connectors/source-a, connectors/source-b');
    expect((err as BcError).details.join('\n')).toContain('tag source-a/v0.1.0');
    // the connector tag form still works there
    expect(await resolveRelease('refs/tags/source-b/v0.1.0', { root: two })).toMatchObject({ dirName: 'source-b' });
  });

  it('5. build-connector.yaml releaseTagPattern replaces v{version}; --release-tag-pattern overrides it', async () => {
    expect(await resolveRelease('release-0.1.0', { root: custom })).toMatchObject({ version: '0.1.0', dir: custom });
    await expect(resolveRelease('v0.1.0', { root: custom })).rejects.toThrow(/not a release tag of the form CONNECTOR-DIR\/vX\.Y\.Z \(or release-X\.Y\.Z/);
    const r = await runCli(['--json', 'release-plan', '--git-ref', 'rel/0.1.0', '--root', custom, '--release-tag-pattern', 'rel/{version}']);
    expect(r.exitCode, r.stderr).toBe(0);
    const bad = await runCli(['release-plan', '--git-ref', 'x', '--root', custom, '--release-tag-pattern', '{dir}-{version}']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('must contain {version} and no {dir}');
  });

  it('6. the release flow over several roots (the connectors input of the Action): roots are searched in order', async () => {
    const release = (gitRef: string, searchRoots: string[]) => runRelease({ gitRef, format: '{dir}/v{version}', searchRoots }).then((r) => r.plan);
    expect(await release('refs/tags/v0.1.0', [single])).toMatchObject({ dir: single, version: '0.1.0' });
    // a plain tag names no directory: a root without any connector is skipped, the next one has it
    await mkdir(join(underConnectors, 'docs'), { recursive: true });
    await writeFile(join(underConnectors, 'docs', 'index.md'), '# docs\n');
    expect(await release('refs/tags/v0.1.0', [join(underConnectors, 'docs'), join(underConnectors, 'connectors')])).toMatchObject({ dirName: 'source-hello' });
    // a connector tag: the first root holding that directory
    expect(await release('refs/tags/source-b/v0.1.0', [single, two])).toMatchObject({ dirName: 'source-b', dir: join(two, 'connectors', 'source-b') });
    expect(await release('refs/tags/release-0.1.0', [custom])).toMatchObject({ version: '0.1.0' });
    await expect(release('refs/tags/v9.9.9', [single])).rejects.toThrow(/says 9\.9\.9/);
    await expect(release('refs/tags/source-zzz/v0.1.0', [single, two])).rejects.toThrow(/no connector directory named "source-zzz" under /);
  });

  it('7. the Action defaults to publish on a pushed vX.Y.Z, as on source-foo/vX.Y.Z; not on a branch or a bare number', () => {
    const ctx = (ref: string, eventName = 'push') => ({ eventName, ref, workspace: '/ws', sha: '' });
    expect(releaseTagOf(ctx('refs/tags/v0.2.0'))).toBe('v0.2.0');
    expect(defaultCommand(ctx('refs/tags/v0.2.0')).command).toBe('publish');
    expect(defaultCommand(ctx('refs/tags/source-foo/v1.2.3')).command).toBe('publish');
    expect(releaseTagOf(ctx('refs/tags/0.2.0'))).toBeUndefined();
    expect(releaseTagOf(ctx('refs/heads/v0.2.0'))).toBeUndefined();
    expect(defaultCommand(ctx('refs/tags/v0.2.0', 'pull_request')).command).toBe('verify');
  });
});
