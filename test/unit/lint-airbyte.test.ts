/**
 * Airbyte's own connector Dockerfiles (docker-images/ of airbytehq/airbyte,
 * kept in test/fixtures/airbyte-dockerfiles) give no errors when lint cannot
 * see their base; what depends on the base is a warning that names it.
 * With a base that lacks the airbyte user they fail: that half needs a real
 * image and is in test/integration/lint-base.test.ts.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintDockerfile } from '../../src/lint/lint.js';
import { hasStackTrace, repoRoot, runCli } from '../support/cli.js';

const DIR = 'test/fixtures/airbyte-dockerfiles';
const FILES = ['Dockerfile.python-connector', 'Dockerfile.manifest-only-connector', 'Dockerfile.java-connector'] as const;
const read = (f: string) => readFile(join(repoRoot, DIR, f), 'utf8');

describe("Airbyte's docker-images Dockerfiles, base unseen", { timeout: 60_000 }, () => {
  it.each(FILES)('%s: no errors through the CLI (exit 0)', async (f) => {
    // --no-resolve: the manifest-only default base (…:latest) could be in someone's engine.
    const r = await runCli(['--json', 'lint', '--no-resolve', `${DIR}/${f}`]);
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    const findings = JSON.parse(r.stdout) as { severity: string; ruleId: string; message: string }[];
    expect(findings.filter((x) => x.severity === 'error')).toEqual([]);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('python: the builder stage\'s COPY . is a warning about the exported build cache, /airbyte a warning naming the base', async () => {
    const fs = lintDockerfile(await read(FILES[0]), 'Dockerfile', { dockerignore: null });
    const copy = fs.find((x) => x.ruleId === 'secrets-context-copy')!;
    expect(copy).toMatchObject({ severity: 'warning', line: 22 });
    expect(copy.message).toContain('stage "builder"');
    expect(copy.message).toContain('--cache-to ...,mode=max');
    const dir = fs.find((x) => x.ruleId === 'airbyte-dir-not-owned')!;
    expect(dir).toMatchObject({ severity: 'warning', source: 'unresolved-base', base: '${BASE_IMAGE}' });
    expect(dir.message).toContain('ARG BASE_IMAGE has no value at lint time');
    expect(dir.message).toContain('verify checks the built image');
  });

  it('python with the default resolution: an ARG without value resolves nothing, still no errors', async () => {
    const r = await runCli(['lint', `${DIR}/${FILES[0]}`]);
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    expect(r.stderr).toContain('base image ${BASE_IMAGE} not read (ARG BASE_IMAGE has no value at lint time)');
  });

  it('manifest-only: its .dockerignore (Airbyte\'s) excludes secrets/, so COPY . is fine; /airbyte relies on the base', async () => {
    const r = await runCli(['--json', 'lint', '--no-resolve', `${DIR}/${FILES[1]}`]);
    const ids = (JSON.parse(r.stdout) as { ruleId: string; severity: string }[]).map((x) => `${x.severity} ${x.ruleId}`);
    expect(ids).toEqual(['warning airbyte-dir-not-owned', 'warning base-image-latest', 'warning base-image-unpinned']);
  });

  it('java: chowns /airbyte itself; only the unpinned ARG base is left', () => {
    return read(FILES[2]).then((text) => {
      expect(lintDockerfile(text, 'Dockerfile', { dockerignore: null }).map((x) => `${x.severity} ${x.ruleId}`)).toEqual(['warning base-image-unpinned']);
    });
  });

  it('each fixture names its origin', async () => {
    for (const f of FILES) expect(await read(f)).toContain(`Airbyte's docker-images/${f}\n# from github.com/airbytehq/airbyte at commit`);
  });
});

/** Airbyte's published bases, pinned as Airbyte pins them; lint cannot read them (--no-resolve): only the bundled table decides. */
const TABLE_BASES: Record<(typeof FILES)[number], string> = {
  'Dockerfile.python-connector': 'docker.io/airbyte/python-connector-base:4.0.2@sha256:9fdb1888c4264cf6fee473649ecb593f56f58e5d0096a87ee0b231777e2e3e73',
  'Dockerfile.manifest-only-connector': 'docker.io/airbyte/source-declarative-manifest:6.51.0@sha256:890b109f243b8b9406f23ea7522de41025f7b3e87f6fc9710bc1e521213a276f',
  'Dockerfile.java-connector': 'docker.io/airbyte/java-connector-base:2.0.1',
};

describe("Airbyte's docker-images Dockerfiles on Airbyte's bases, base unreadable: the bundled table decides", { timeout: 60_000 }, () => {
  it.each(FILES)('%s: no errors, and nothing left for verify to decide about the base (exit 0)', async (f) => {
    const r = await runCli(['--json', 'lint', '--no-resolve', '--build-arg', `BASE_IMAGE=${TABLE_BASES[f]}`, `${DIR}/${f}`]);
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    const findings = JSON.parse(r.stdout) as { severity: string; ruleId: string; source?: string }[];
    expect(findings.filter((x) => x.severity === 'error')).toEqual([]);
    // the table knows /airbyte and the airbyte user: no "base could not be read" warning remains
    expect(findings.filter((x) => x.source === 'unresolved-base')).toEqual([]);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('python on python-connector-base 2.0.0 (no airbyte user, no /airbyte in the table): errors from the table (exit 1)', async () => {
    const base = 'docker.io/airbyte/python-connector-base:2.0.0@sha256:c44839ba84406116e8ba68722a0f30e8f6e7056c726f447681bb9e9ece8bd916';
    const r = await runCli(['--json', 'lint', '--no-resolve', '--build-arg', `BASE_IMAGE=${base}`, `${DIR}/${FILES[0]}`]);
    expect(r.exitCode, r.stdout + r.stderr).toBe(1);
    const errors = (JSON.parse(r.stdout) as { severity: string; ruleId: string; line: number; facts?: string; message: string }[]).filter((x) => x.severity === 'error');
    expect(errors.map((x) => `${x.line} ${x.ruleId} ${x.facts}`)).toEqual(['35 airbyte-dir-not-owned table', '50 user-account-missing table']);
    expect(errors[1]!.message).toContain('(base facts: bundled table, docker.io/airbyte/python-connector-base >=1.0.0 <3.0.0)');
  });
});
