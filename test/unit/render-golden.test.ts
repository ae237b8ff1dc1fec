/**
 * Golden files: the rendered Dockerfile (and .dockerignore) of every bundled
 * example, with a fixed placeholder base image, is checked in under
 * test/golden/. Update them only on purpose: UPDATE_GOLDEN=1 npx vitest run test/unit/render-golden.test.ts
 * Every rendered file also lints with zero errors.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolvePlan } from '../../src/render/plan.js';
import { lintDockerfile } from '../../src/lint/lint.js';
import { repoRoot } from '../support/cli.js';

export const GOLDEN_BASE = 'registry.example.com/golden/base:1.0.0@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
const EXAMPLES = ['source-hello', 'destination-echo', 'source-manifest-hello', 'source-java-hello', 'source-custom'];
const update = process.env.UPDATE_GOLDEN === '1';

async function compareGolden(file: string, actual: string): Promise<void> {
  const path = join(repoRoot, 'test', 'golden', file);
  if (update) {
    await writeFile(path, actual);
    return;
  }
  let expected: string;
  try {
    expected = await readFile(path, 'utf8');
  } catch {
    throw new Error(`missing golden file test/golden/${file}; create it with UPDATE_GOLDEN=1`);
  }
  expect(actual, `test/golden/${file} differs (re-render on purpose with UPDATE_GOLDEN=1)`).toBe(expected);
}

describe('golden rendered Dockerfiles', () => {
  for (const name of EXAMPLES) {
    it(`${name}: Dockerfile and .dockerignore match the golden files; lint finds no error`, async () => {
      const plan = await resolvePlan(join(repoRoot, 'examples', name), { baseImage: GOLDEN_BASE });
      await compareGolden(`${name}.Dockerfile`, plan.dockerfile);
      await compareGolden(`${name}.dockerignore`, plan.dockerignore);
      const findings = lintDockerfile(plan.dockerfile, `${name}.Dockerfile`, {
        permittedWriteDirs: plan.permittedWriteDirs,
        dockerignore: plan.dockerignore,
        buildArgs: plan.buildArgs,
      });
      expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
      if (plan.mode === 'rendered') {
        // AIRBYTE_ENTRYPOINT and ENTRYPOINT come from one value
        expect(plan.dockerfile).toContain(`ENV AIRBYTE_ENTRYPOINT="${plan.entrypoint.join(' ')}"`);
        expect(plan.dockerfile).toContain(`ENTRYPOINT ${JSON.stringify(plan.entrypoint).replace(/","/g, '", "')}`);
        expect(plan.dockerfile).toContain(`FROM ${GOLDEN_BASE}\n`);
        expect(plan.dockerfile.trimEnd().split('\n').at(-1)).toBe('USER airbyte');
        expect(findings).toEqual([]);
      }
    });
  }
});
