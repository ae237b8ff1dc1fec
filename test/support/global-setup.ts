/**
 * Integration global setup: make sure the local root images exist in the
 * loopback registry (built from the cached mmdebstrap root filesystems) and
 * hand their pinned references to the tests (`inject('roots')`).
 */
import type { TestProject } from 'vitest/node';
import { engineProblem, REGISTRY } from './engine.js';
import { ensureLocalRoot } from '../../src/base/local-root.js';
import { locateGenerator } from '../../src/sbom/trivy.js';

declare module 'vitest' {
  export interface ProvidedContext {
    roots: Record<string, string>;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const roots: Record<string, string> = {};
  if (!engineProblem()) {
    const t0 = Date.now();
    for (const name of ['python', 'java']) {
      try {
        const root = await ensureLocalRoot({ name, registry: REGISTRY });
        roots[name] = root.ref;
        console.log(`[global-setup] root ${name}: ${root.ref}${root.built ? ' (built)' : ''}`);
      } catch (err) {
        if (process.env.CI === 'true') throw err;
        console.log(`[global-setup] root ${name} unavailable: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    // The SBOM generator, installed once into the setup's cache before any test
    // runs (a test must not download mid-suite; the Action's test finds it
    // through BUILD_CONNECTOR_CACHE, which the allow-listed env keeps).
    try {
      const g = await locateGenerator({ log: (l) => console.log(`[global-setup] ${l}`) });
      console.log(`[global-setup] sbom generator: ${g.path} (${g.source})`);
    } catch (err) {
      if (process.env.CI === 'true') throw err;
      console.log(`[global-setup] sbom generator unavailable: ${err instanceof Error ? err.message : String(err)}`);
    }
    console.log(`[global-setup] ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  project.provide('roots', roots);
}
