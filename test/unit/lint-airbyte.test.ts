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
