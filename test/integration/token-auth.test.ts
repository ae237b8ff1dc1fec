/**
 * The token-auth loopback registry (distribution `auth: token` on
 * 127.0.0.1:5002, our token server test/support/token-server.mjs on :5003,
 * both started by the setup): publish logs in through the Bearer flow with
 * --username/--password-stdin, a re-publish answers "already published", and a
 * user whose token carries no push scope is refused with exit 3, the password
 * never printed and nothing written. The children see a docker config with no
 * credentials, so only the flags can make them succeed.
 */
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { AUTH_PASSWORD, describeEngine } from '../support/engine.js';
import { hasStackTrace, repoRoot, runCli, type CliResult } from '../support/cli.js';
import { ensureExampleBases } from '../support/examples.js';

const TOKEN_REGISTRY = process.env.BC_TEST_TOKEN_REGISTRY ?? '127.0.0.1:5002';
const REALM = 'http://127.0.0.1:5003/token';
const SERVICE = 'build-connector-test';
const STAMP = `${process.pid}${Date.now().toString(36)}`;

/** A token from the realm itself (the test's own reads), then the repository's tags. */
async function tagsOf(repo: string): Promise<string[]> {
  const basic = `Basic ${Buffer.from(`bc-test:${AUTH_PASSWORD}`).toString('base64')}`;
  const t = await fetch(`${REALM}?service=${SERVICE}&scope=repository:${repo}:pull`, { headers: { authorization: basic } });
  expect(t.status).toBe(200);
  const { token } = (await t.json()) as { token: string };
  const res = await fetch(`http://${TOKEN_REGISTRY}/v2/${repo}/tags/list`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status === 404) return [];
  return (((await res.json()) as { tags?: string[] | null }).tags ?? []).sort();
}

describeEngine('the token-auth registry (Bearer tokens per scope)', () => {
  let work = '';
  let dir = '';
  let base = '';
  let cfg = '';
  beforeAll(async () => {
    base = (await ensureExampleBases(inject('roots'))).python;
    work = await mkdtemp(join(tmpdir(), 'bc-token-'));
    dir = join(work, 'source-hello');
    await cp(join(repoRoot, 'examples', 'source-hello'), dir, { recursive: true });
    cfg = join(work, 'docker-config');
    await mkdir(cfg);
    await writeFile(join(cfg, 'config.json'), '{}\n');
  });
  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  const publish = async (repo: string, user: string): Promise<CliResult> => {
    const r = await runCli(['--json', 'publish', dir, '--registry', TOKEN_REGISTRY, '--repository', repo, '--platform', 'linux/amd64', '--base-image', base, '--username', user, '--password-stdin'], {
      env: { DOCKER_CONFIG: cfg, BUILD_CONNECTOR_USERNAME: '', BUILD_CONNECTOR_PASSWORD: '', BUILD_CONNECTOR_RETRY_BASE_MS: '50', SOURCE_DATE_EPOCH: '' },
      input: `${AUTH_PASSWORD}\n`,
    });
    expect(hasStackTrace(r.stdout + r.stderr), r.stderr.slice(-1500)).toBe(false);
    expect(r.stdout + r.stderr).not.toContain(AUTH_PASSWORD);
    return r;
  };

  it('publish and re-publish log in through the token service; a user without push scope exits 3 and writes nothing', async () => {
    const repo = `bc-token/${STAMP}/source-hello`;
    const first = await publish(repo, 'bc-test');
    expect(first.exitCode, first.stderr.slice(-2000)).toBe(0);
    expect((JSON.parse(first.stdout) as { result: string }).result).toBe('published');
    expect(await tagsOf(repo)).toEqual(['0.1.0', 'latest']);

    const again = await publish(repo, 'bc-test');
    expect(again.exitCode, again.stderr.slice(-2000)).toBe(0);
    expect((JSON.parse(again.stdout) as { result: string }).result).toBe('already-published');

    const other = `bc-token/${STAMP}/pull-only`;
    const refused = await publish(other, 'bc-pull');
    expect(refused.exitCode, refused.stderr.slice(-2000)).toBe(3);
    // --json: the failure is in the report on stdout as well as on stderr
    const said = refused.stdout + refused.stderr;
    expect(said).toMatch(/did not grant repository:bc-token\/\S+push to bc-pull/);
    expect(said).toMatch(/nothing was written/);
    expect(await tagsOf(other)).toEqual([]);
  });
});
