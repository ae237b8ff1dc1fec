/**
 * Base facts over base.yaml: when the base a connector is rendered FROM
 * resolves — in the local engine, or in a registry that answers — the
 * entrypoint the manifest-only template relies on comes from that image's
 * own config, and the plan says where it came from; base.yaml is the
 * fallback (unresolvable base, or --no-resolve).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { execa } from 'execa';
import { describeEngine, REGISTRY } from '../support/engine.js';
import { repoRoot, runCli } from '../support/cli.js';

const EXAMPLE = join(repoRoot, 'examples', 'source-manifest-hello');
const ID = randomBytes(4).toString('hex');
const LOCAL = `bc-test-base-facts/runner-${ID}:local`;
const REMOTE = `${REGISTRY}/bc-test-base-facts/runner-${ID}:remote`;

interface Plan {
  entrypoint: string[];
  baseFacts: { source: string; resolved: string | null; entrypoint: string[] | null; user: string | null };
  dockerfile: string;
}

describeEngine('render takes the base entrypoint and user from the base image config', () => {
  let ctx: string;

  beforeAll(async () => {
    const root = inject('roots').python;
    if (!root) throw new Error('no python root image (global setup could not build it)');
    ctx = await mkdtemp(join(tmpdir(), 'bc-base-facts-'));
    // a declarative runner whose launcher lives elsewhere than base.yaml says; no RUN step: seconds to build
    const dockerfile = (launcher: string) =>
      `FROM ${root}\nENV AIRBYTE_ENTRYPOINT="python ${launcher}"\nENTRYPOINT ["python", "${launcher}"]\nUSER nobody\n`;
    await writeFile(join(ctx, 'Dockerfile.local'), dockerfile('/opt/runner/launch.py'));
    await writeFile(join(ctx, 'Dockerfile.remote'), dockerfile('/srv/declarative/run.py'));
    await execa('docker', ['buildx', 'build', '--platform', 'linux/amd64', '--provenance=false', '-f', join(ctx, 'Dockerfile.local'), '-t', LOCAL, '--load', ctx]);
    await execa('docker', ['buildx', 'build', '--platform', 'linux/amd64', '--provenance=false', '-f', join(ctx, 'Dockerfile.remote'), '-t', REMOTE, '--push', ctx]);
    // only in the registry, not in the engine
    await execa('docker', ['image', 'rm', '-f', REMOTE], { reject: false });
  }, 10 * 60_000);

  afterAll(async () => {
    await execa('docker', ['image', 'rm', '-f', LOCAL, REMOTE], { reject: false });
    if (ctx) await rm(ctx, { recursive: true, force: true });
  });

  const render = async (base: string, extra: string[] = []) => {
    const r = await runCli(['--json', 'render', EXAMPLE, '--base-image', base, ...extra]);
    expect(r.exitCode, r.stderr).toBe(0);
    return { plan: JSON.parse(r.stdout) as Plan, stderr: r.stderr };
  };

  it('a base in the local engine: its ENTRYPOINT, reported as from the engine', async () => {
    const { plan } = await render(LOCAL);
    expect(plan.baseFacts).toEqual({ source: 'engine', resolved: 'engine', entrypoint: ['python', '/opt/runner/launch.py'], user: 'nobody' });
    expect(plan.entrypoint).toEqual(['python', '/opt/runner/launch.py']);
    expect(plan.dockerfile).toContain('ENV AIRBYTE_ENTRYPOINT="python /opt/runner/launch.py"');
    expect(plan.dockerfile).toContain('ENTRYPOINT ["python", "/opt/runner/launch.py"]');
  });

  it('a base only in a registry: its config blob, reported as from the registry; text output says so', async () => {
    const { plan } = await render(REMOTE);
    expect(plan.baseFacts).toMatchObject({ source: 'registry', resolved: 'registry', entrypoint: ['python', '/srv/declarative/run.py'], user: 'nobody' });
    expect(plan.entrypoint).toEqual(['python', '/srv/declarative/run.py']);
    const text = await runCli(['render', EXAMPLE, '--base-image', REMOTE]);
    expect(text.stderr).toContain('base facts from the registry: entrypoint ["python","/srv/declarative/run.py"]');
  });

  it('--no-resolve, or a base nobody answers for: base.yaml', async () => {
    const { plan } = await render(LOCAL, ['--no-resolve']);
    expect(plan.baseFacts).toEqual({ source: 'base.yaml', resolved: null, entrypoint: ['python', '/airbyte/integration_code/main.py'], user: null });
    expect(plan.entrypoint).toEqual(['python', '/airbyte/integration_code/main.py']);
    const missing = await render(`${REGISTRY}/bc-test-base-facts/never-pushed-${ID}:1`);
    expect(missing.plan.baseFacts.source).toBe('base.yaml');
  });
});
