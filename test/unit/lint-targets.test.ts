/**
 * `lint [TARGET...]` through the real CLI: a root where connectors are
 * discovered, several explicit targets, the one-report --json, annotations,
 * and the exit codes (1 = an error in any connector, 2 = bad input).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { hasStackTrace, runCli } from '../support/cli.js';
import { generateMonorepo, type GeneratedRepo } from '../support/monorepo.js';

const Report = z.object({
  multi: z.literal(true),
  targets: z.array(
    z.object({
      target: z.string(),
      mode: z.string(),
      errors: z.number(),
      warnings: z.number(),
      fatal: z.boolean(),
      findings: z.array(z.object({ ruleId: z.string(), severity: z.enum(['error', 'warning']), file: z.string(), line: z.number(), message: z.string() })),
    }),
  ),
  bases: z.array(z.object({ ref: z.string(), targets: z.number(), unresolved: z.string().optional(), from: z.string().optional(), unread: z.string().optional(), table: z.string().optional() })),
  errors: z.number(),
  warnings: z.number(),
  failing: z.number(),
  warned: z.number(),
  ok: z.number(),
  fatal: z.boolean(),
});

const CONNECTORS = 'airbyte-integrations/connectors';
/** A custom-mode connector whose Dockerfile runs as root. */
const ROOT_DOCKERFILE = `FROM docker.io/airbyte/python-connector-base:4.0.2@sha256:9fdb1888c4264cf6fee473649ecb593f56f58e5d0096a87ee0b231777e2e3e73
RUN mkdir -p /airbyte && chown airbyte /airbyte
COPY main.py /airbyte/main.py
ENV AIRBYTE_ENTRYPOINT="python /airbyte/main.py"
ENTRYPOINT ["python", "/airbyte/main.py"]
USER root
`;

describe('lint of a repository root (real CLI)', { timeout: 120_000 }, () => {
  let repo: GeneratedRepo;
  let bad: string;
  let tmp: string;
  beforeAll(async () => {
    repo = await generateMonorepo({ count: 4 });
    bad = `${CONNECTORS}/${repo.connectors[1]!.name}`;
    await repo.write(`${bad}/Dockerfile`, ROOT_DOCKERFILE);
    await repo.write(`${bad}/.dockerignore`, 'secrets/\n');
    tmp = await mkdtemp(join(tmpdir(), 'bc-lint-targets-'));
  });
  afterAll(async () => {
    await repo?.cleanup();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('text: one line per connector, the findings under the failing one, exit 1', async () => {
    const r = await runCli(['lint', '.'], { cwd: repo.root });
    expect(r.exitCode, r.stdout + r.stderr).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    const names = repo.connectors.map((c) => `${CONNECTORS}/${c.name}`);
    expect(lines.filter((l) => !l.startsWith('  ')).slice(0, -1)).toEqual(
      names.map((n) => (n === bad ? `${n}: 1 error, 0 warnings` : `${n}: ok`)),
    );
    expect(lines).toContain(`  ${bad}/Dockerfile:6:6 error user-root the final USER is root ("root"); fix: USER airbyte`);
    expect(lines.at(-1)).toBe('lint: 4 targets: 3 ok, 1 with errors, 0 with warnings only (1 error, 0 warnings)');
    expect(hasStackTrace(r.stdout + r.stderr)).toBe(false);
  });

  it('--json: one report; the same result for several explicit targets', async () => {
    const r = await runCli(['--json', 'lint', '--no-resolve', CONNECTORS], { cwd: repo.root });
    expect(r.exitCode).toBe(1);
    const report = Report.parse(JSON.parse(r.stdout));
    expect(report.targets.map((t) => [t.target, t.errors])).toEqual(repo.connectors.map((c) => [`${CONNECTORS}/${c.name}`, c.name === bad.split('/').pop() ? 1 : 0]));
    expect(report).toMatchObject({ errors: 1, failing: 1, ok: 3, fatal: false });
    expect(report.targets.find((t) => t.errors > 0)!.findings[0]).toMatchObject({ ruleId: 'user-root', line: 6 });
    // --no-resolve: every base is reported as not read, and why; Airbyte's bases the table knows say so
    expect(report.bases.length).toBeGreaterThan(0);
    for (const b of report.bases) expect(b.unresolved ?? b.unread, JSON.stringify(b)).toBe('resolution turned off (--no-resolve)');
    const python = report.bases.find((b) => b.ref.includes('/python-connector-base:4.0.0@'));
    expect(python).toMatchObject({ from: 'table', table: 'docker.io/airbyte/python-connector-base >=3.0.0 <5.0.0' });
    expect(python?.unresolved).toBeUndefined();

    const two = await runCli(['lint', '--no-resolve', '--format', 'json', `${CONNECTORS}/${repo.connectors[0]!.name}`, bad], { cwd: repo.root });
    expect(two.exitCode).toBe(1);
    expect(Report.parse(JSON.parse(two.stdout)).targets.map((t) => t.target)).toEqual([`${CONNECTORS}/${repo.connectors[0]!.name}`, bad]);
  });

  it('--format github: annotations for every connector, the summary on stderr', async () => {
    const r = await runCli(['lint', '--no-resolve', '--format', 'github', '.'], { cwd: repo.root });
    expect(r.exitCode).toBe(1);
    expect(r.stdout.trim().split('\n')).toEqual([`::error file=${bad}/Dockerfile,line=6,col=6,title=user-root::the final USER is root ("root"); fix: USER airbyte`]);
    expect(r.stderr).toContain('lint: 4 targets: 3 ok, 1 with errors');
  });

  it('exit 0 when no connector has an error (warnings do not fail)', async () => {
    const r = await runCli(['lint', '--no-resolve', ...repo.connectors.filter((c) => !bad.endsWith(c.name)).map((c) => `${CONNECTORS}/${c.name}`)], { cwd: repo.root });
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('lint: 3 targets: 3 ok, 0 with errors, 0 with warnings only (0 errors, 0 warnings)');
  });

  it('exit 2 for bad input: a missing target, a directory without connectors; a broken connector is listed and the others still linted', async () => {
    const missing = await runCli(['lint', '.', 'no/such/dir'], { cwd: repo.root });
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('no/such/dir: no such file or directory');
    await mkdir(join(tmp, 'empty/sub'), { recursive: true });
    const empty = await runCli(['lint', join(tmp, 'empty')]);
    expect(empty.exitCode).toBe(2);
    expect(empty.stderr).toContain('no connector (a directory with metadata.yaml) below it');
    expect(hasStackTrace(empty.stderr)).toBe(false);

    const broken = `${CONNECTORS}/${repo.connectors[2]!.name}`;
    await writeFile(join(repo.root, broken, 'metadata.yaml'), 'data:\n  dockerRepository: [\n');
    try {
      const r = await runCli(['lint', '--no-resolve', '.'], { cwd: repo.root });
      expect(r.exitCode, r.stdout + r.stderr).toBe(2);
      expect(r.stdout).toMatch(new RegExp(`^${broken}: could not be analysed, 1 error, 0 warnings$`, 'm'));
      expect(r.stdout).toMatch(new RegExp(`^  ${broken}/metadata.yaml:\\d+:\\d+ error `, 'm'));
      expect(r.stdout).toContain(`${CONNECTORS}/${repo.connectors[3]!.name}: ok`);
    } finally {
      await writeFile(join(repo.root, broken, 'metadata.yaml'), (await import('../support/monorepo.js')).metadataYaml(repo.connectors[2]!.name, repo.connectors[2]!.language, 2));
    }
  });

  it('a single connector keeps the single-target output', async () => {
    const r = await runCli(['lint', '--no-resolve', bad], { cwd: repo.root });
    expect(r.exitCode).toBe(1);
    expect(r.stdout.trim().split('\n')).toEqual([
      `${bad}/Dockerfile:6:6 error user-root the final USER is root ("root"); fix: USER airbyte`,
      `lint: ${bad}/Dockerfile: 1 error, 0 warnings`,
    ]);
  });
});
