/**
 * The CLI and the Action give the same result for the same request: one
 * case table, each case run through both shells (the real CLI and
 * `node dist/index.js` as the runner runs it) against the real engine,
 * comparing what each reports as data (exit code, result, digest, check
 * ids and statuses, lint rule ids) — never their wording.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { describeEngine, REGISTRY } from '../support/engine.js';
import { repoRoot, runCli } from '../support/cli.js';
import { ensureExampleBases } from '../support/examples.js';

interface Facts {
  exitCode: number;
  result: string;
  digest?: string;
  /** platform → image manifest digest */
  images: Record<string, string>;
  checks: string[];
  rules: string[];
}

interface Case {
  name: string;
  /** connector directory inside the workspace */
  dir: string;
  cli: (dir: string, base: string) => string[];
  action: (dir: string, base: string) => Record<string, string>;
  expect: Partial<Facts>;
  /** compare the per-platform image digests of the two runs (reproducible builds; the index differs by its provenance) */
  sameImages?: boolean;
}

const stamp = Date.now().toString(36);

const CASES: Case[] = [
  {
    name: 'build, one platform',
    dir: 'connectors/source-hello',
    cli: (d, b) => ['build', d, '--platform', 'linux/amd64', '--base-image', b],
    action: (d, b) => ({ command: 'build', connectors: d, platforms: 'linux/amd64', 'base-image': b }),
    expect: { exitCode: 0, result: 'built' },
  },
  {
    name: 'verify = build + every check, both platforms',
    dir: 'connectors/source-hello',
    cli: (d, b) => ['build', d, '--verify', '--base-image', b],
    action: (d, b) => ({ command: 'verify', connectors: d, 'base-image': b }),
    expect: { exitCode: 0, result: 'verified' },
  },
  {
    name: 'a lint error stops before the build',
    dir: 'connectors/source-rootuser',
    cli: (d, b) => ['build', d, '--base-image', b],
    action: (d, b) => ({ command: 'build', connectors: d, 'base-image': b }),
    expect: { exitCode: 1, result: 'failed', rules: ['user-root'] },
  },
  {
    name: 'malformed metadata.yaml is bad input',
    dir: 'connectors/source-badmeta',
    cli: (d) => ['build', d],
    action: (d) => ({ command: 'build', connectors: d }),
    expect: { exitCode: 2, result: 'failed' },
  },
  {
    name: 'publish dry run: built and verified, nothing pushed',
    dir: 'connectors/source-hello',
    cli: (d, b) => ['publish', d, '--dry-run', '--platform', 'linux/amd64', '--base-image', b, '--registry', REGISTRY, '--repository', `parity-${stamp}/hello`],
    action: (d, b) => ({ command: 'publish', 'dry-run': 'true', connectors: d, platforms: 'linux/amd64', 'base-image': b, registry: REGISTRY, repository: `parity-${stamp}/hello` }),
    expect: { exitCode: 0, result: 'verified' },
    sameImages: true,
  },
];

const ReportSchema = (raw: unknown) => raw as { result?: string; digest?: string; platformDigests?: Record<string, string>; checks?: { id: string; platform: string; status: string }[]; report?: { checks: { id: string; platform: string; status: string }[] }; findings?: { ruleId: string; severity: string }[]; error?: { exitCode: number } };

describeEngine('the CLI and the Action: same request, same result', () => {
  let ws = '';
  let base = '';

  beforeAll(async () => {
    ws = await mkdtemp(join(tmpdir(), 'bc-parity-'));
    base = (await ensureExampleBases(inject('roots'))).python;
    await cp(join(repoRoot, 'examples', 'source-hello'), join(ws, 'connectors', 'source-hello'), { recursive: true });
    await cp(join(repoRoot, 'examples', 'source-custom'), join(ws, 'connectors', 'source-rootuser'), { recursive: true });
    const df = join(ws, 'connectors', 'source-rootuser', 'Dockerfile');
    await writeFile(df, (await readFile(df, 'utf8')).replace(/USER airbyte\s*$/, 'USER root\n'));
    await cp(join(repoRoot, 'examples', 'source-hello'), join(ws, 'connectors', 'source-badmeta'), { recursive: true });
    const md = join(ws, 'connectors', 'source-badmeta', 'metadata.yaml');
    await writeFile(md, (await readFile(md, 'utf8')).replace(/connectorType: \w+/, 'connectorType: sink'));
  });
  afterAll(async () => {
    if (ws) await rm(ws, { recursive: true, force: true });
  });

  async function viaCli(c: Case): Promise<Facts> {
    const r = await runCli(['--json', ...c.cli(c.dir, base)], { cwd: ws });
    const j = ReportSchema(JSON.parse(r.stdout || '{}'));
    // build/publish --json: the verify report under `report`; verify --json: the report itself
    const checks = (j.report?.checks ?? j.checks ?? []).map((x) => `${x.platform} ${x.id} ${x.status}`).sort();
    const result = j.error || j.result === 'failed' ? 'failed' : j.result === 'dry-run' ? 'verified' : (j.result ?? '');
    return { exitCode: r.exitCode, result, digest: j.digest, images: j.platformDigests ?? {}, checks, rules: [...new Set((j.findings ?? []).filter((f) => f.severity === 'error').map((f) => f.ruleId))].sort() };
  }

  async function viaAction(c: Case): Promise<Facts> {
    const io = await mkdtemp(join(ws, 'io-'));
    const outFile = join(io, 'output');
    await writeFile(outFile, '');
    await writeFile(join(io, 'summary.md'), '');
    const inputEnv = Object.fromEntries(Object.entries(c.action(c.dir, base)).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]));
    const res = await execa(process.execPath, [join(repoRoot, 'dist', 'index.js')], {
      cwd: ws,
      reject: false,
      env: { GITHUB_ACTIONS: 'true', GITHUB_OUTPUT: outFile, GITHUB_STEP_SUMMARY: join(io, 'summary.md'), GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF: 'refs/pull/1/merge', GITHUB_WORKSPACE: ws, RUNNER_TEMP: io, ...inputEnv },
    });
    const outputs = await readFile(outFile, 'utf8');
    const value = (name: string) => new RegExp(`^${name}<<(ghadelimiter_[0-9a-f-]+)\\n([\\s\\S]*?)\\n\\1$`, 'm').exec(outputs)?.[2] ?? '';
    const reportPath = value('report');
    const o = reportPath ? ReportSchema(JSON.parse(await readFile(reportPath, 'utf8'))) : ReportSchema({});
    return {
      exitCode: res.exitCode ?? -1,
      result: value('result'),
      digest: value('digest') || undefined,
      images: o.platformDigests ?? {},
      checks: (o.checks ?? []).map((x) => `${x.platform} ${x.id} ${x.status}`).sort(),
      rules: [...new Set((o.findings ?? []).filter((f) => f.severity === 'error').map((f) => f.ruleId))].sort(),
    };
  }

  for (const [i, c] of CASES.entries()) {
    it(`${i + 1}. ${c.name}`, async () => {
      const cli = await viaCli(c);
      const action = await viaAction(c);
      expect(cli).toMatchObject(c.expect);
      expect({ exitCode: action.exitCode, result: action.result, checks: action.checks, rules: action.rules }).toEqual({ exitCode: cli.exitCode, result: cli.result, checks: cli.checks, rules: cli.rules });
      if (c.sameImages) {
        expect(Object.keys(cli.images)).toEqual(['linux/amd64']);
        expect(action.images).toEqual(cli.images);
      }
    });
  }
});
