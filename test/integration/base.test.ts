/**
 * `base build` through the real CLI on the local roots: a multi-arch base in
 * the registry whose every platform carries the write-dirs label and the
 * airbyte user with a writable home; an identical second build is reused.
 */
import { expect, inject, it } from 'vitest';
import { execa } from 'execa';
import { describeEngine, REGISTRY } from '../support/engine.js';
import { runCli, hasStackTrace } from '../support/cli.js';

const NS = `${REGISTRY}/bc-test-a-base`;

describeEngine('base build on the local python root', () => {
  it('builds for amd64 + arm64, stamps the label, creates airbyte; the second run reuses it', async () => {
    const root = inject('roots').python;
    expect(root, 'global setup built no python root').toBeTruthy();
    const first = await runCli(['--json', 'base', 'build', 'python', '--root-image', root!, '--registry', NS, '--push']);
    expect(first.exitCode, first.stderr).toBe(0);
    const res = JSON.parse(first.stdout) as { ref: string; digest: string; tag: string; platforms: string[] };
    expect(res.ref).toMatch(new RegExp(`^${NS}/build-connector/base-python@sha256:[0-9a-f]{64}$`));

    const again = await runCli(['base', 'build', 'python', '--root-image', root!, '--registry', NS, '--push']);
    expect(again.exitCode).toBe(0);
    expect(again.stdout.trim()).toBe(res.ref);
    expect(again.stderr).toContain('reused base python');
    expect(hasStackTrace(again.stderr)).toBe(false);

    const inspect = await execa('docker', ['buildx', 'imagetools', 'inspect', res.ref, '--format', '{{json .Image}}']);
    const perPlatform = JSON.parse(inspect.stdout) as Record<string, { config: { Labels: Record<string, string>; User: string } }>;
    expect(Object.keys(perPlatform).sort()).toEqual(['linux/amd64', 'linux/arm64']);
    for (const img of Object.values(perPlatform)) {
      expect(img.config.Labels['io.airbyte.permitted-write-dirs']).toBe('/airbyte,/tmp,/secrets,/config,/custom_cache');
      expect(img.config.User).toBe('airbyte');
    }

    for (const platform of ['linux/amd64', 'linux/arm64']) {
      const run = await execa('docker', ['run', '--rm', '--platform', platform, res.ref, 'sh', '-c', 'id -u; id -g; echo "$HOME"; touch "$HOME/x" /airbyte/x /config/x && echo writable; command -v python'], { reject: false });
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.stdout.trim().split('\n')).toEqual(['1000', '1000', '/home/airbyte', 'writable', '/usr/local/bin/python']);
    }
  });
});
