/**
 * Strategy selection as a table of capability sets (core/strategy.ts). The
 * docker-driver rows also run for real (containerd store: every integration
 * test; classic store: test/integration/classic-engine.test.ts); the
 * docker-container, kubernetes and remote rows cannot run here (no BuildKit
 * image offline), so this table is their evidence.
 */
import { describe, expect, it } from 'vitest';
import { capabilitiesFrom, type CapabilityFacts } from '../../src/docker/buildx-capabilities.js';
import { chooseStrategy, platformTag, type BuildGoal } from '../../src/core/strategy.js';
import { checkGoal } from '../../src/core/images/images.js';
import { BcError } from '../../src/errors.js';

const BOTH = ['linux/amd64', 'linux/arm64'];
const facts = (over: Partial<CapabilityFacts>): CapabilityFacts => ({
  builder: 'default',
  driver: 'docker',
  nodes: 1,
  platforms: BOTH,
  buildxVersion: 'v0.13.1',
  buildkitVersion: undefined,
  engineVersion: '26.1.5',
  containerdStore: true,
  ...over,
});

interface Row {
  n: number;
  setup: string;
  facts: Partial<CapabilityFacts>;
  goal: BuildGoal;
  platforms?: string[];
  kind: string;
  invocations: 'one' | 'per-platform';
  pushFrom: string;
  loadAs: string;
  reproducible: boolean;
  provenance: 'min' | false;
  unavailable: string[];
}

const rows: Row[] = [
  { n: 1, setup: 'containerd store, docker driver, publish', facts: {}, goal: 'push', kind: 'multi-platform', invocations: 'one', pushFrom: 'oci-layout', loadAs: 'index', reproducible: true, provenance: 'min', unavailable: ['push-by-digest'] },
  { n: 2, setup: 'containerd store, docker driver, build --load', facts: {}, goal: 'load', kind: 'multi-platform', invocations: 'one', pushFrom: 'oci-layout', loadAs: 'index', reproducible: false, provenance: 'min', unavailable: ['push-by-digest'] },
  { n: 3, setup: 'containerd store, engine 25 (BuildKit 0.12)', facts: { engineVersion: '25.0.3' }, goal: 'push', kind: 'multi-platform', invocations: 'one', pushFrom: 'oci-layout', loadAs: 'index', reproducible: false, provenance: 'min', unavailable: ['reproducible-digests', 'push-by-digest'] },
  { n: 4, setup: 'classic store, docker driver, publish (stock runner)', facts: { containerdStore: false }, goal: 'push', kind: 'per-platform', invocations: 'per-platform', pushFrom: 'saved-images', loadAs: 'per-platform', reproducible: false, provenance: false, unavailable: ['provenance', 'reproducible-digests', 'multi-platform-image'] },
  { n: 5, setup: 'classic store, docker driver, one platform', facts: { containerdStore: false }, goal: 'load', platforms: ['linux/amd64'], kind: 'per-platform', invocations: 'per-platform', pushFrom: 'saved-images', loadAs: 'per-platform', reproducible: false, provenance: false, unavailable: ['provenance', 'reproducible-digests'] },
  { n: 6, setup: 'classic store, docker driver, --output oci', facts: { containerdStore: false }, goal: 'oci', kind: 'per-platform', invocations: 'per-platform', pushFrom: 'saved-images', loadAs: 'per-platform', reproducible: false, provenance: false, unavailable: ['provenance', 'reproducible-digests', 'multi-platform-image', 'oci-output'] },
  { n: 7, setup: 'setup-buildx-action on a stock runner: docker-container + classic store', facts: { driver: 'docker-container', builder: 'builder-1', buildkitVersion: 'v0.18.2', containerdStore: false }, goal: 'push', kind: 'oci-layout', invocations: 'one', pushFrom: 'oci-layout', loadAs: 'per-platform', reproducible: true, provenance: 'min', unavailable: ['multi-platform-image'] },
  { n: 8, setup: 'docker-container + containerd store', facts: { driver: 'docker-container', buildkitVersion: 'v0.18.2', containerdStore: true }, goal: 'push', kind: 'oci-layout', invocations: 'one', pushFrom: 'oci-layout', loadAs: 'index', reproducible: true, provenance: 'min', unavailable: [] },
  { n: 9, setup: 'docker-container, old BuildKit 0.12', facts: { driver: 'docker-container', buildkitVersion: 'v0.12.5', containerdStore: false }, goal: 'push', kind: 'oci-layout', invocations: 'one', pushFrom: 'oci-layout', loadAs: 'per-platform', reproducible: false, provenance: 'min', unavailable: ['reproducible-digests', 'multi-platform-image'] },
  { n: 10, setup: 'remote BuildKit, no local engine facts', facts: { driver: 'remote', buildkitVersion: 'v0.19.0', containerdStore: undefined, engineVersion: undefined }, goal: 'push', kind: 'oci-layout', invocations: 'one', pushFrom: 'oci-layout', loadAs: 'per-platform', reproducible: true, provenance: 'min', unavailable: ['multi-platform-image'] },
  { n: 11, setup: 'remote BuildKit, one platform (a native arm64 runner)', facts: { driver: 'remote', buildkitVersion: 'v0.19.0', containerdStore: false }, goal: 'push', platforms: ['linux/arm64'], kind: 'oci-layout', invocations: 'one', pushFrom: 'oci-layout', loadAs: 'index', reproducible: true, provenance: 'min', unavailable: [] },
  { n: 12, setup: 'kubernetes driver with 2 nodes + containerd store', facts: { driver: 'kubernetes', nodes: 2, buildkitVersion: 'v0.18.0', containerdStore: true }, goal: 'push', kind: 'oci-layout', invocations: 'one', pushFrom: 'oci-layout', loadAs: 'per-platform', reproducible: true, provenance: 'min', unavailable: ['multi-platform-image'] },
];

describe('build strategy from capabilities', () => {
  for (const r of rows) {
    it(`${r.n}. ${r.setup}`, () => {
      const s = chooseStrategy(capabilitiesFrom(facts(r.facts)), { platforms: r.platforms ?? BOTH, goal: r.goal, provenance: 'min' });
      expect({ kind: s.kind, invocations: s.invocations, pushFrom: s.pushFrom, loadAs: s.loadAs, reproducible: s.reproducible, provenance: s.provenance }).toEqual({
        kind: r.kind,
        invocations: r.invocations,
        pushFrom: r.pushFrom,
        loadAs: r.loadAs,
        reproducible: r.reproducible,
        provenance: r.provenance,
      });
      expect(s.unavailable.map((u) => u.what)).toEqual(r.unavailable);
      for (const u of s.unavailable.filter((x) => x.what !== 'push-by-digest')) expect(u.fix, u.what).toBeTruthy();
    });
  }

  it('13. provenance off when asked: nothing reported unavailable for it', () => {
    const s = chooseStrategy(capabilitiesFrom(facts({ containerdStore: false })), { platforms: BOTH, goal: 'push', provenance: false });
    expect(s.unavailable.map((u) => u.what)).not.toContain('provenance');
  });

  it('14. an OCI archive on the classic store is refused before any build (exit 3, with the fix)', () => {
    const s = chooseStrategy(capabilitiesFrom(facts({ containerdStore: false })), { platforms: BOTH, goal: 'oci', provenance: 'min' });
    let err: unknown;
    try {
      checkGoal(s, 'oci');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(BcError);
    expect((err as BcError).exitCode).toBe(3);
    expect((err as BcError).details.join('\n')).toMatch(/fix: enable the containerd image store/);
    expect(() => checkGoal(chooseStrategy(capabilitiesFrom(facts({})), { platforms: BOTH, goal: 'oci', provenance: 'min' }), 'oci')).not.toThrow();
  });

  it('15. per-platform local tags', () => {
    expect(platformTag('airbyte/source-x:1.2.3', 'linux/arm64')).toBe('airbyte/source-x:1.2.3-arm64');
    expect(platformTag('localhost:5000/a/b', 'linux/amd64')).toBe('localhost:5000/a/b:amd64');
    expect(platformTag('localhost:5000/a/b:dev', 'linux/arm/v7')).toBe('localhost:5000/a/b:dev-arm-v7');
  });
});
