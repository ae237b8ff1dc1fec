/**
 * The real CLI over the fixture corpus: test/fixtures/{bad,good}/dockerfile-*
 * each hold a Dockerfile and expect.json {"command":"lint","exitCode":N,"match":"<rule id>","line":N}.
 */
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { hasStackTrace, repoRoot, runCli } from '../support/cli.js';

const Expect = z.object({ command: z.literal('lint'), exitCode: z.number(), match: z.string().optional(), line: z.number().optional() });
const FindingJson = z.array(z.object({ ruleId: z.string(), severity: z.enum(['error', 'warning']), file: z.string(), line: z.number(), column: z.number(), message: z.string(), fix: z.string().optional() }));

async function fixtures(kind: 'bad' | 'good') {
  const root = join(repoRoot, 'test/fixtures', kind);
  const dirs = (await readdir(root)).filter((d) => d.startsWith('dockerfile-')).sort();
  return Promise.all(dirs.map(async (d) => ({ name: d, rel: `test/fixtures/${kind}/${d}`, expect: Expect.parse(JSON.parse(await readFile(join(root, d, 'expect.json'), 'utf8'))) })));
}

const bad = await fixtures('bad');
const good = await fixtures('good');

describe('lint corpus (real CLI)', () => {
  it('has at least 15 bad Dockerfiles', () => {
    expect(bad.length).toBeGreaterThanOrEqual(15);
  });

  it.each(bad.map((b) => [b.name, b] as const))('%s', async (_n, b) => {
    const r = await runCli(['lint', b.rel]);
    const all = r.stdout + r.stderr;
    expect(r.exitCode, all).toBe(b.expect.exitCode);
    // FILE:LINE:COL severity ruleId
    expect(r.stdout).toMatch(new RegExp(`^${b.rel}/Dockerfile:${b.expect.line}:\\d+ (error|warning) ${b.expect.match} `, 'm'));
    expect(r.stdout).toMatch(/^lint: .*(error|could not be analysed)/m);
    expect(hasStackTrace(all)).toBe(false);
  }, 60_000);

  it.each(good.map((g) => [g.name, g] as const))('%s has no findings', async (_n, g) => {
    const r = await runCli(['lint', g.rel]);
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe(`lint: ${g.rel}/Dockerfile: no findings`);
  }, 60_000);
});

describe('lint command', { timeout: 60_000 }, () => {
  let tmp: string;
  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'bc-lint-'));
  });
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  it('--json (and --format json) print the findings array', async () => {
    for (const args of [['--json', 'lint'], ['lint', '--format', 'json']]) {
      const r = await runCli([...args, 'test/fixtures/bad/dockerfile-root-user']);
      expect(r.exitCode).toBe(1);
      const findings = FindingJson.parse(JSON.parse(r.stdout));
      expect(findings).toEqual([
        expect.objectContaining({ ruleId: 'user-root', severity: 'error', file: 'test/fixtures/bad/dockerfile-root-user/Dockerfile', line: 7, column: 6 }),
      ]);
      // the fix is a field of its own; the message ends before it
      expect(findings[0]).toMatchObject({ message: 'the final USER is root ("root")', fix: 'USER airbyte' });
    }
    // text and github output show it where the message used to hold it
    const text = await runCli(['lint', 'test/fixtures/bad/dockerfile-root-user']);
    expect(text.stdout).toContain('Dockerfile:7:6 error user-root the final USER is root ("root"); fix: USER airbyte\n');
    const gh = await runCli(['lint', '--format', 'github', 'test/fixtures/bad/dockerfile-root-user']);
    expect(gh.stdout).toContain('title=user-root::the final USER is root ("root"); fix: USER airbyte');
  });

  it('--format github prints annotations on stdout and the summary on stderr', async () => {
    const r = await runCli(['lint', '--format', 'github', 'test/fixtures/bad/dockerfile-latest-tag']);
    expect(r.exitCode).toBe(0); // warnings only
    expect(r.stdout).toContain('::warning file=test/fixtures/bad/dockerfile-latest-tag/Dockerfile,line=1,col=6,title=base-image-latest::FROM python:latest');
    expect(r.stderr).toContain('0 errors, 2 warnings');
  });

  it('exit 2 for a missing target, an unknown format, a relative write dir', async () => {
    const missing = await runCli(['lint', 'no/such/Dockerfile']);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('no/such/Dockerfile: no such file or directory');
    const fmt = await runCli(['lint', '--format', 'xml', 'test/fixtures/good/dockerfile-minimal']);
    expect(fmt.exitCode).toBe(2);
    expect(fmt.stderr).toContain('--format: expected text, json or github, got "xml"');
    const dirs = await runCli(['lint', '--permitted-write-dirs', 'tmp', 'test/fixtures/good/dockerfile-minimal']);
    expect(dirs.exitCode).toBe(2);
    expect(dirs.stderr).toContain('--permitted-write-dirs: "tmp" is not an absolute path');
    for (const r of [missing, fmt, dirs]) expect(hasStackTrace(r.stdout + r.stderr)).toBe(false);
  });

  it('--build-arg: NAME=VALUE values resolve ARGs; a malformed one is exit 2 with the message build and publish give', async () => {
    const d = join(tmp, 'build-arg');
    await mkdir(d);
    const minimal = await readFile(join(repoRoot, 'test/fixtures/good/dockerfile-minimal/Dockerfile'), 'utf8');
    await writeFile(join(d, 'Dockerfile'), minimal.replace('ENV AIRBYTE_ENTRYPOINT="python /airbyte/integration_code/main.py"', 'ARG APP\nENV AIRBYTE_ENTRYPOINT="python ${APP}"'));
    const ok = await runCli(['lint', '--build-arg', 'APP=/airbyte/integration_code/main.py', d]);
    expect(ok.exitCode, ok.stdout + ok.stderr).toBe(0);
    const relative = await runCli(['lint', '--build-arg', 'APP=main.py', d]);
    expect(relative.exitCode, relative.stdout + relative.stderr).toBe(1);
    expect(relative.stdout).toMatch(/ error entrypoint-mismatch /);
    const bad = await runCli(['lint', '--build-arg', '1X=y', d]);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/^error: --build-arg: "1X=y" is not KEY=VALUE/m);
    expect(hasStackTrace(bad.stdout + bad.stderr)).toBe(false);
  });

  it('--permitted-write-dirs replaces the defaults', async () => {
    const r = await runCli(['lint', '--permitted-write-dirs', '/tmp,/opt', 'test/fixtures/good/dockerfile-minimal']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/Dockerfile:3:9 warning workdir-outside-write-dirs .*\(\/tmp \/opt\)/);
  });

  it('a directory without metadata.yaml lints its Dockerfile; one with neither is bad input', async () => {
    const d = join(tmp, 'empty');
    await mkdir(d);
    const r = await runCli(['lint', d]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('neither metadata.yaml nor Dockerfile found');
  });

  it('a connector directory in custom mode: the verdict build would give, plus a warning for plain docker build', async () => {
    const d = join(tmp, 'source-custom');
    await cp(join(repoRoot, 'test/fixtures/bad/dockerfile-copy-all-no-dockerignore'), d, { recursive: true });
    await writeFile(
      join(d, 'metadata.yaml'),
      ['data:', '  name: Custom', '  connectorType: source', '  dockerRepository: airbyte/source-custom', '  dockerImageTag: 0.1.0', '  tags:', '    - language:python', ''].join('\n'),
    );
    const r1 = await runCli(['lint', d]);
    expect(r1.exitCode, r1.stdout + r1.stderr).toBe(0);
    expect(r1.stdout).toMatch(/Dockerfile:5:6 warning secrets-context-copy .*plain docker build \(build-connector excludes secrets\/ from its own builds\); fix: add a line "secrets\/" to a new \.dockerignore$/m);
    const [plain, ...others] = FindingJson.parse(JSON.parse((await runCli(['lint', '--json', d])).stdout));
    expect(others).toEqual([]);
    // its own fix, the one of the finding it was made from dropped from the data, not cut from text
    expect(plain?.fix).toBe('add a line "secrets/" to a new .dockerignore');
    expect(plain?.message).toMatch(/plain docker build \(build-connector excludes secrets\/ from its own builds\)$/);
    expect(plain?.message).not.toContain('fix:');
    await writeFile(join(d, 'Dockerfile'), (await readFile(join(d, 'Dockerfile'), 'utf8')).replace('USER airbyte', 'USER root'));
    const r0 = await runCli(['lint', d]);
    expect(r0.exitCode, r0.stdout + r0.stderr).toBe(1);
    expect(r0.stdout).toMatch(/source-custom\/Dockerfile:8:6 error user-root /);
    await writeFile(join(d, 'Dockerfile'), (await readFile(join(d, 'Dockerfile'), 'utf8')).replace('USER root', 'USER airbyte'));
    await writeFile(join(d, '.dockerignore'), 'secrets/\n');
    const r2 = await runCli(['lint', d]);
    expect(r2.exitCode, r2.stdout + r2.stderr).toBe(0);
    expect(r2.stdout).toContain('no findings');
  });

  it('a metadata.yaml error is a fatal finding at its position (exit 2)', async () => {
    const d = join(tmp, 'source-badmeta');
    await mkdir(d);
    await writeFile(join(d, 'metadata.yaml'), ['data:', '  name: Bad', '  connectorType: source', '  dockerRepository: airbyte/source-bad', '  dockerImageTag: not-semver', '  tags:', '    - language:python', ''].join('\n'));
    const r = await runCli(['--json', 'lint', d]);
    expect(r.exitCode, r.stdout + r.stderr).toBe(2);
    const [finding] = FindingJson.parse(JSON.parse(r.stdout));
    expect(finding).toMatchObject({ ruleId: 'data.dockerImageTag', line: 5, severity: 'error' });
    expect(hasStackTrace(r.stdout + r.stderr)).toBe(false);
  });

  it('the bundled example renders to a Dockerfile with no findings', async () => {
    const r = await runCli(['lint', 'examples/source-hello']);
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('examples/source-hello/Dockerfile.rendered: no findings');
  });
});
