/**
 * The README's ready-made workflows (stored under test/fixtures/workflows)
 * parse as YAML, are shaped like workflows, and use only inputs and outputs
 * that action.yml declares.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { repoRoot } from '../support/cli.js';

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  name: string;
  on: unknown;
  jobs: Record<string, { 'runs-on': string; steps: Step[] }>;
}

const dir = join(repoRoot, 'test/fixtures/workflows');
const isOurs = (uses: string | undefined) => uses !== undefined && /(^\.\/?$|\/build-connector@)/.test(uses);

describe('example workflows', async () => {
  const action = parseYaml(await readFile(join(repoRoot, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown>; outputs: Record<string, unknown> };
  const files = (await readdir(dir)).filter((f) => f.endsWith('.yml')).sort();

  it('there are the three: PR, main, release', () => {
    expect(files).toEqual(['main.yml', 'pr.yml', 'release.yml']);
  });

  for (const file of files) {
    it(`${file}: valid YAML, uses the action with known inputs only, reads known outputs only`, async () => {
      const text = await readFile(join(dir, file), 'utf8');
      const wf = parseYaml(text, { strict: true, uniqueKeys: true }) as Workflow;
      expect(wf.name).toBeTruthy();
      expect(wf.on).toBeTruthy();
      const steps = Object.values(wf.jobs).flatMap((j) => {
        expect(j['runs-on']).toBeTruthy();
        return j.steps;
      });
      const ours = steps.filter((s) => isOurs(s.uses));
      expect(ours.length, 'uses the action at least once').toBeGreaterThan(0);
      const ids = new Set<string>();
      for (const s of ours) {
        if (s.id) ids.add(s.id);
        for (const key of Object.keys(s.with ?? {})) expect(Object.keys(action.inputs), `${file}: input "${key}"`).toContain(key);
      }
      // steps.<id>.outputs.<name> for our steps must name declared outputs.
      for (const m of text.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
        if (!ids.has(m[1] as string)) continue;
        expect(Object.keys(action.outputs), `${file}: output "${m[2]}"`).toContain(m[2]);
      }
    });
  }

  it('PR verifies without pushing; main publishes changed connectors via changed --matrix; release publishes with git-tag', async () => {
    const load = async (f: string) => parseYaml(await readFile(join(dir, f), 'utf8')) as Workflow;
    const withOf = (wf: Workflow) => Object.values(wf.jobs).flatMap((j) => j.steps).find((s) => isOurs(s.uses) && s.with?.command !== 'changed')?.with ?? {};
    const pr = await load('pr.yml');
    expect(withOf(pr).command).toBe('verify');
    expect(withOf(pr).platforms).toBe('linux/amd64,linux/arm64');
    expect(withOf(pr).password).toBeUndefined();
    const main = await load('main.yml');
    expect(withOf(main).command).toBe('publish');
    // the changed job computes the matrix (changed --matrix merge) and the publish job fans out over it
    const changedStep = Object.values(main.jobs).flatMap((j) => j.steps).find((s) => isOurs(s.uses) && s.with?.command === 'changed');
    expect(changedStep?.with?.['changed-since']).toBe('${{ github.event.before }}');
    expect(JSON.stringify(main.jobs)).toContain('fromJSON(needs.changed.outputs.matrix)');
    const release = await load('release.yml');
    expect(JSON.stringify(release.on)).toContain('tags');
    expect(withOf(release)['git-tag']).toBeDefined();
  });
});
