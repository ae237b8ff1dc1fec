import { describe, expect, it } from 'vitest';
import { planTags, stableVersions, type TagPlanInput } from '../../src/publish/tag-plan.js';
import { BcError } from '../../src/errors.js';

const R = 'localhost:5000/airbyte/source-x';
const SHA = '0123456789abcdef0123456789abcdef01234567';

interface Case {
  n: number;
  name: string;
  input: Omit<TagPlanInput, 'repository' | 'latest'> & Partial<Pick<TagPlanInput, 'latest'>>;
  tags: string[];
  skipped: Record<string, RegExp>;
}

// Numbered cases: the tag rules of the README, one behaviour each.
const cases: Case[] = [
  { n: 1, name: 'first stable version into an empty repository', input: { version: '1.0.0', existingTags: [] }, tags: ['1.0.0', 'latest'], skipped: {} },
  { n: 2, name: 'higher stable moves latest', input: { version: '1.1.0', existingTags: ['1.0.0', 'latest'] }, tags: ['1.1.0', 'latest'], skipped: {} },
  { n: 3, name: 'lower stable never moves latest', input: { version: '0.9.0', existingTags: ['1.0.0', 'latest'] }, tags: ['0.9.0'], skipped: { latest: /latest not moved: 1\.0\.0 > 0\.9\.0/ } },
  { n: 4, name: 'patch of an old line: no latest', input: { version: '1.1.5', existingTags: ['1.2.0', '1.1.4'] }, tags: ['1.1.5'], skipped: { latest: /1\.2\.0 > 1\.1\.5/ } },
  { n: 5, name: 'pre-release: only its own tag', input: { version: '1.1.0-rc.1', existingTags: ['1.0.0'] }, tags: ['1.1.0-rc.1'], skipped: { latest: /pre-release/ } },
  { n: 6, name: 'pre-release with aliases: no aliases', input: { version: '2.0.0-beta.3', existingTags: [], aliases: true }, tags: ['2.0.0-beta.3'], skipped: { latest: /pre-release/, '2.0': /pre-release/, '2': /pre-release/ } },
  { n: 7, name: 'pre-releases in the repository do not hold latest back', input: { version: '1.1.0', existingTags: ['1.0.0', '1.2.0-rc.1', '2.0.0-dev.abcdef0123'] }, tags: ['1.1.0', 'latest'], skipped: {} },
  { n: 8, name: 'non-semver tags are ignored', input: { version: '1.0.1', existingTags: ['latest', '1.0', '1', 'sha256-abc.sig', 'v9.9.9', '1.0.0'] }, tags: ['1.0.1', 'latest'], skipped: {} },
  { n: 9, name: 'aliases: highest of both lines', input: { version: '1.2.3', existingTags: ['1.2.2', '1.1.0'], aliases: true }, tags: ['1.2.3', '1.2', '1', 'latest'], skipped: {} },
  { n: 10, name: 'aliases: X.Y moves, X does not (higher minor exists)', input: { version: '1.2.4', existingTags: ['1.2.3', '1.3.0'], aliases: true }, tags: ['1.2.4', '1.2'], skipped: { '1': /1 not moved: 1\.3\.0 > 1\.2\.4/, latest: /1\.3\.0 > 1\.2\.4/ } },
  { n: 11, name: 'aliases: old line patch when a new major exists', input: { version: '1.3.1', existingTags: ['1.3.0', '2.0.0'], aliases: true }, tags: ['1.3.1', '1.3', '1'], skipped: { latest: /2\.0\.0 > 1\.3\.1/ } },
  { n: 12, name: 'aliases: lower patch of a line moves nothing', input: { version: '1.2.1', existingTags: ['1.2.2'], aliases: true }, tags: ['1.2.1'], skipped: { '1.2': /1\.2\.2 > 1\.2\.1/, '1': /1\.2\.2/, latest: /1\.2\.2/ } },
  { n: 13, name: 're-publishing the highest version keeps latest on it', input: { version: '1.0.0', existingTags: ['1.0.0', '0.9.0', 'latest'] }, tags: ['1.0.0', 'latest'], skipped: {} },
  { n: 14, name: '--latest false', input: { version: '3.0.0', existingTags: ['1.0.0'], latest: 'false' }, tags: ['3.0.0'], skipped: { latest: /--latest false/ } },
  { n: 15, name: '--latest true moves latest back (explicitly)', input: { version: '0.5.0', existingTags: ['1.0.0'], latest: 'true' }, tags: ['0.5.0', 'latest'], skipped: {} },
  { n: 16, name: '--dev: only the dev tag', input: { version: '1.2.3', existingTags: ['1.0.0'], dev: { sha: SHA }, aliases: true }, tags: ['1.2.3-dev.0123456789'], skipped: { latest: /dev builds/, '1.2': /dev builds/ } },
  { n: 17, name: '--dev on a pre-release version uses X.Y.Z', input: { version: '1.2.3-rc.2', existingTags: [], dev: { sha: SHA.toUpperCase() } }, tags: ['1.2.3-dev.0123456789'], skipped: { latest: /dev builds/ } },
  { n: 19, name: '0.x versions follow the same rules', input: { version: '0.10.0', existingTags: ['0.9.0', '0.2.0'], aliases: true }, tags: ['0.10.0', '0.10', '0', 'latest'], skipped: {} },
  { n: 20, name: 'semver order, not string order (1.10.0 > 1.9.0)', input: { version: '1.9.1', existingTags: ['1.10.0'] }, tags: ['1.9.1'], skipped: { latest: /1\.10\.0 > 1\.9\.1/ } },
];

describe('planTags', () => {
  for (const c of cases) {
    it(`${c.n}. ${c.name}`, () => {
      const p = planTags({ latest: 'auto', repository: R, ...c.input });
      expect(p.tags.map((t) => t.tag)).toEqual(c.tags);
      expect(p.tags[0]!.reason).not.toBe('');
      expect(Object.fromEntries(p.skipped.map((s) => [s.tag, s.reason]))).toEqual(
        Object.fromEntries(Object.entries(c.skipped).map(([k, re]) => [k, expect.stringMatching(re)])),
      );
    });
  }

  it('21. existing tags are marked', () => {
    const p = planTags({ latest: 'auto', repository: R, version: '1.0.0', existingTags: ['1.0.0', 'latest'] });
    expect(p.tags).toEqual([
      { tag: '1.0.0', reason: 'the version', exists: true },
      { tag: 'latest', reason: expect.stringContaining('>= every stable'), exists: true },
    ]);
  });

  it.each([['v1.2.3'], ['1.2'], ['1.0.0+build.5'], ['latest'], [''], ['1.2.3.4'], ['01.2.3'], ['>=1.0.0']])('22. "%s" is not a version: exit 2 naming the source', (version) => {
    let err: unknown;
    try {
      planTags({ latest: 'auto', repository: R, version, existingTags: [], versionSource: 'metadata.yaml:7 data.dockerImageTag' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(BcError);
    expect((err as BcError).exitCode).toBe(2);
    expect((err as BcError).message).toContain('metadata.yaml:7 data.dockerImageTag');
  });

  it('18. build metadata is refused with its reason', () => {
    expect(() => planTags({ latest: 'auto', repository: R, version: '1.0.0+build.5', existingTags: [] })).toThrow(/"\+" is not allowed in tags/);
  });

  it('23. --dev with a non-sha is bad input', () => {
    expect(() => planTags({ latest: 'auto', repository: R, version: '1.0.0', existingTags: [], dev: { sha: 'main' } })).toThrow(/not a git commit sha/);
  });

  it('24. stableVersions sorts by semver, highest first', () => {
    expect(stableVersions(['1.9.0', '1.10.0', '1.10.0-rc.1', 'latest', '0.1.0'])).toEqual(['1.10.0', '1.9.0', '0.1.0']);
  });
});
