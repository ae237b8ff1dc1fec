/**
 * lint reads the base image for real: two tiny images built FROM the local
 * python root (no airbyte user; and one that has the user and /airbyte),
 * Airbyte's own Dockerfiles linted with --build-arg BASE_IMAGE=<that image>
 * through the real CLI, the facts read from the engine (config + a created,
 * never started, container) and from the loopback registry (config only),
 * cached per digest, one resolution per distinct base.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { docker } from '../../src/docker/cli.js';
import { CONTAINER_LABEL } from '../../src/docker/container.js';
import { clearBaseFactsMemo, resolveBaseFacts } from '../../src/lint/base-facts.js';
import { isResolved } from '../../src/lint/base-facts.js';
import { describeEngine } from '../support/engine.js';
import { hasStackTrace, runCli } from '../support/cli.js';

const DIR = 'test/fixtures/airbyte-dockerfiles';
const FILES = ['Dockerfile.python-connector', 'Dockerfile.manifest-only-connector', 'Dockerfile.java-connector'];
const TAG = `${process.pid}-${Date.now()}`;
const NOUSER = `bc-test-h13a-lint-nouser:${TAG}`;
const WITHUSER = `bc-test-h13a-lint-withuser:${TAG}`;

interface JsonFinding {
  ruleId: string;
  severity: string;
  line: number;
  message: string;
  source?: string;
  base?: string;
}

describeEngine('lint with the base image read from the engine', () => {
  let dir: string;
  let cache: string;

  beforeAll(async () => {
    const root = inject('roots').python;
    expect(root, 'global setup built no python root').toBeTruthy();
    dir = await mkdtemp(join(tmpdir(), 'bc-lint-base-'));
    cache = await mkdtemp(join(tmpdir(), 'bc-lint-base-cache-'));
    await writeFile(join(dir, 'nouser.Dockerfile'), `FROM ${root}\nLABEL io.build-connector.test=lint-base\n`);
    await writeFile(
      join(dir, 'withuser.Dockerfile'),
      `FROM ${root}\nRUN useradd --uid 1000 --create-home --home-dir /home/airbyte airbyte && mkdir /airbyte && chown airbyte:airbyte /airbyte\nLABEL io.airbyte.permitted-write-dirs=/airbyte,/tmp\n`,
    );
    for (const [file, tag] of [['nouser.Dockerfile', NOUSER], ['withuser.Dockerfile', WITHUSER]] as const) {
      await docker(['buildx', 'build', '--load', '--provenance=false', '-f', join(dir, file), '-t', tag, dir], { timeoutMs: 10 * 60_000 });
    }
  });

  afterAll(async () => {
    await docker(['image', 'rm', '-f', NOUSER, WITHUSER], { allowFailure: true });
    for (const d of [dir, cache]) if (d) await rm(d, { recursive: true, force: true });
  });

  it.each(FILES)('%s on a base without the airbyte user: the error names the base (exit 1)', async (f) => {
    const r = await runCli(['--json', 'lint', '--build-arg', `BASE_IMAGE=${NOUSER}`, `${DIR}/${f}`], { env: { BUILD_CONNECTOR_CACHE: cache } });
    expect(r.exitCode, r.stdout + r.stderr).toBe(1);
    const findings = JSON.parse(r.stdout) as JsonFinding[];
    const acct = findings.find((x) => x.ruleId === 'user-account-missing');
    expect(acct, JSON.stringify(findings, null, 1)).toMatchObject({ severity: 'error', source: 'base', base: NOUSER });
    expect(acct!.message).toContain(`base image ${NOUSER} has no user airbyte in /etc/passwd`);
    // python and manifest-only do not create /airbyte themselves: that is an error from the base too
    if (!f.includes('java')) expect(findings.find((x) => x.ruleId === 'airbyte-dir-not-owned')).toMatchObject({ severity: 'error', source: 'base', base: NOUSER });
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('the same files with --no-resolve: warnings only (exit 0)', async () => {
    const r = await runCli(['lint', '--no-resolve', '--build-arg', `BASE_IMAGE=${NOUSER}`, ...FILES.map((f) => `${DIR}/${f}`)]);
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('lint: 3 targets: 0 ok, 0 with errors, 3 with warnings only');
  });

  it('on a base that has the user and /airbyte: no errors, and no /airbyte warning', async () => {
    const r = await runCli(['--json', 'lint', '--build-arg', `BASE_IMAGE=${WITHUSER}`, `${DIR}/${FILES[0]}`], { env: { BUILD_CONNECTOR_CACHE: cache } });
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    const ids = (JSON.parse(r.stdout) as JsonFinding[]).map((x) => x.ruleId);
    expect(ids).not.toContain('airbyte-dir-not-owned');
    expect(ids).not.toContain('user-account-missing');
  });

  it('one resolution per distinct base, then answered from the per-digest cache', async () => {
    const fresh = await mkdtemp(join(tmpdir(), 'bc-lint-base-cache-'));
    try {
      const args = ['--debug', 'lint', '--build-arg', `BASE_IMAGE=${NOUSER}`, ...FILES.map((f) => `${DIR}/${f}`)];
      const first = await runCli(args, { env: { BUILD_CONNECTOR_CACHE: fresh } });
      expect(first.exitCode, first.stderr).toBe(1);
      const creates = (s: string) => s.split('\n').filter((l) => /^\[exec\] docker create .*bc-probe/.test(l)).length;
      const inspects = (s: string) => s.split('\n').filter((l) => l.includes(`GET /images/${NOUSER}/json`) || /docker image inspect/.test(l)).length;
      expect(creates(first.stderr), first.stderr).toBe(1);
      expect(inspects(first.stderr), first.stderr).toBe(1);
      const files = await readdir(join(fresh, 'lint-base'));
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(/^v1-[0-9a-f]{64}\.json$/);
      const again = await runCli(args, { env: { BUILD_CONNECTOR_CACHE: fresh } });
      expect(again.exitCode).toBe(1);
      expect(creates(again.stderr), again.stderr).toBe(0);
      expect(again.stdout.replace(/\s+$/, '')).toBe(first.stdout.replace(/\s+$/, ''));
    } finally {
      await rm(fresh, { recursive: true, force: true });
    }
  });

  it('from the registry when the engine does not have it: the config, not the file system', async () => {
    const root = inject('roots').python!;
    clearBaseFactsMemo();
    const r = await resolveBaseFacts(root, { engine: false, cacheDir: false });
    expect(isResolved(r), JSON.stringify(r)).toBe(true);
    if (!isResolved(r)) return;
    expect(r).toMatchObject({ ref: root, from: 'registry' });
    expect(r.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(r.fs).toBeUndefined();
    // and from the engine: the file system too
    clearBaseFactsMemo();
    const e = await resolveBaseFacts(WITHUSER, { cacheDir: false });
    expect(isResolved(e) && e.from).toBe('engine');
    if (!isResolved(e)) return;
    expect(e.fs?.passwd?.find((u) => u.name === 'airbyte')).toMatchObject({ uid: 1000, home: '/home/airbyte' });
    expect(e.fs?.airbyteDir).toMatchObject({ type: 'dir', uid: 1000 });
    expect(e.fs?.airbyteHome).toMatchObject({ type: 'dir', uid: 1000 });
    expect(e.labels['io.airbyte.permitted-write-dirs']).toBe('/airbyte,/tmp');
  });

  it('leaves no probe container behind', async () => {
    const ps = await docker(['ps', '-a', '--filter', `label=${CONTAINER_LABEL}`, '--filter', 'name=bc-probe', '--format', '{{.Names}} {{.Image}}']);
    expect(ps.stdout.split('\n').filter((l) => l.includes('bc-test-h13a-lint'))).toEqual([]);
  });
});
