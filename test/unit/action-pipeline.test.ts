/**
 * The Action's bridge to the publish pipeline (pure parts): config →
 * PublishRequest, PublishResult → what the summary/outputs/annotations show.
 */
import { describe, expect, it } from 'vitest';
import { outcomeOfPublish, publishRequest } from '../../src/action/pipeline.js';
import { readActionInputs } from '../../src/action/inputs.js';
import type { RunContext } from '../../src/action/run.js';
import type { PublishResult } from '../../src/core/result.js';
import { outputsFor } from '../../src/action/outputs.js';
import { annotationsFor } from '../../src/action/annotations.js';

const github = { eventName: 'push', ref: 'refs/heads/main', workspace: '/ws', sha: 'abc' };
/** the inputs as the runner hands them over (action.yml names), through the Action's own reading */
const ctx = (inputs: Record<string, string>, over: Partial<RunContext> = {}): RunContext => ({
  github,
  command: 'publish',
  config: readActionInputs((name) => inputs[name] ?? '', github).config,
  reportDir: '/tmp/r',
  log: () => {},
  ...over,
});

const common = {
  dir: '/ws/connectors/source-foo',
  repository: 'localhost:5000/x/source-foo',
  version: '1.2.0',
  steps: [{ step: 'verify' as const, status: 'done' as const, reason: '26 checks passed on linux/amd64, linux/arm64', durationMs: 900 }],
  durations: { build: 1200, verify: 900 },
  notes: [],
  faults: { total: 0, byReason: {} },
};

describe('publish request from the validated config', () => {
  it('1. push=false and dry-run=true both mean a dry run; the release version and git tag pass through', () => {
    expect(publishRequest('/ws/a', ctx({ push: 'false' })).dryRun).toBe(true);
    expect(publishRequest('/ws/a', ctx({ 'dry-run': 'true' })).dryRun).toBe(true);
    expect(publishRequest('/ws/a', ctx({})).dryRun).toBe(false);
    const r = publishRequest('/ws/a', ctx({ 'git-tag': 'true', latest: 'false', aliases: 'true', password: 'p', username: 'u' }, { releaseVersion: '1.2.3' }));
    expect(r).toMatchObject({ dir: '/ws/a', version: '1.2.3', gitTag: true, pushGitTag: true, latest: 'false', aliases: true, username: 'u', password: 'p' });
  });
});

describe('publish result → outcome', () => {
  it('2. published: tags written as references, tags not written with why, digests per platform', () => {
    const r: PublishResult = {
      ...common,
      result: 'published',
      digest: 'sha256:aa',
      platforms: ['linux/amd64', 'linux/arm64'],
      platformDigests: { 'linux/amd64': 'sha256:a1', 'linux/arm64': 'sha256:a2' },
      attestations: 2,
      tags: [{ tag: '1.2.0', action: 'created', ref: 'localhost:5000/x/source-foo:1.2.0' }],
      skippedTags: [{ tag: 'latest', reason: 'latest not moved: 1.3.0 > 1.2.0' }],
      push: { blobsUploaded: 1, blobsMounted: 0, blobsPresent: 0, bytesUploaded: 1, manifestsWritten: 3, manifestsPresent: 0 },
      signed: false,
      forced: false,
    };
    const o = outcomeOfPublish('source-foo', common.dir, r);
    expect(o.result).toBe('published');
    expect(outputsFor([o])).toMatchObject({ image: 'localhost:5000/x/source-foo@sha256:aa', tags: 'localhost:5000/x/source-foo:1.2.0', result: 'published', platforms: 'linux/amd64,linux/arm64' });
    expect(o.skippedTags).toEqual([{ tag: 'latest', reason: 'latest not moved: 1.3.0 > 1.2.0' }]);
    expect(o.notes).toContain('verify: 26 checks passed on linux/amd64, linux/arm64');
    expect(o.durations).toEqual({ verify: 900 });
  });

  it('3. already-published is a success whose outputs are a publish\'s (digest, platforms, the tags holding it); dry-run is "verified"; refused is exit 4', () => {
    const ap = outcomeOfPublish(
      'source-foo',
      common.dir,
      {
        ...common,
        result: 'already-published',
        digest: 'sha256:aa',
        sameBy: 'build inputs',
        builtDigest: 'sha256:aa',
        platforms: ['linux/amd64', 'linux/arm64'],
        platformDigests: { 'linux/amd64': 'sha256:a1', 'linux/arm64': 'sha256:a2' },
        tags: [{ tag: '1.2.0', action: 'unchanged', ref: 'localhost:5000/x/source-foo:1.2.0' }],
      },
    );
    expect(ap.result).toBe('already-published');
    expect(outputsFor([ap])).toMatchObject({ image: 'localhost:5000/x/source-foo@sha256:aa', digest: 'sha256:aa', tags: 'localhost:5000/x/source-foo:1.2.0', platforms: 'linux/amd64,linux/arm64' });
    const dry = outcomeOfPublish(
      'source-foo',
      common.dir,
      { ...common, result: 'dry-run', digest: 'sha256:bb', platforms: ['linux/amd64'], platformDigests: { 'linux/amd64': 'sha256:b1' }, plan: { repository: 'r', version: '1.2.0', tags: [{ tag: '1.2.0', reason: 'the version', exists: false }], skipped: [] } as never, wouldBe: 'published' },
    );
    expect(dry.result).toBe('verified');
    expect(outputsFor([dry]).image).toBe('');
    expect(dry.notes).toContain('would tag localhost:5000/x/source-foo:1.2.0 — the version');
    const refused = outcomeOfPublish('source-foo', common.dir, { ...common, result: 'refused', reason: 'version 1.2.0 already published as sha256:cc; bump dockerImageTag or pass --force', existingDigest: 'sha256:cc', builtDigest: 'sha256:dd' });
    expect(refused.result).toBe('failed');
    expect(refused.error?.exitCode).toBe(4);
  });

  it('4. a verify failure becomes ✗ rows and annotations naming the fix; a lint failure becomes findings at file:line (as data, never parsed back from text)', () => {
    const checks = [
      { id: 'airbyte-dir' as const, platform: 'linux/arm64', status: 'fail' as const, message: '/airbyte is owned by uid 0', fix: 'chown -R airbyte:airbyte /airbyte' },
      { id: 'spec' as const, platform: 'linux/amd64', status: 'fail' as const, message: 'stdout line 1 is not JSON: "hi"' },
      { id: 'user' as const, platform: 'linux/amd64', status: 'pass' as const, message: 'runs as airbyte' },
    ];
    // the report rides on the failed result itself (no side channel)
    const report = { image: 'x', source: 'local' as const, connectorType: 'source' as const, platforms: ['linux/amd64', 'linux/arm64'], ok: false, checks, runs: [], durationMs: 1 };
    const o = outcomeOfPublish('source-foo', '/ws/connectors/source-foo', { ...common, result: 'failed', step: 'verify', reason: 'verify: 2 check(s) failed', details: ['(text for people)'], exitCode: 1, report });
    expect(o.checks.filter((c) => c.status === 'fail').map((c) => c.id)).toEqual(['airbyte-dir', 'spec']);
    const a = annotationsFor(o, '/ws');
    expect(a.map((x) => x.title)).toEqual(['source-foo: check airbyte-dir failed on linux/arm64', 'source-foo: check spec failed on linux/amd64']);
    expect(a[0]?.message).toBe('/airbyte is owned by uid 0\nfix: chown -R airbyte:airbyte /airbyte');
    expect(a[0]?.file).toBe('connectors/source-foo/metadata.yaml');

    const finding = { file: 'connectors/source-foo/Dockerfile', line: 7, column: 1, severity: 'error' as const, ruleId: 'user-airbyte', message: 'the final USER is root; add USER airbyte' };
    const lint = outcomeOfPublish('source-foo', '/ws/connectors/source-foo', { ...common, result: 'failed', step: 'lint', reason: 'lint: 1 error(s)', details: [], exitCode: 1, findings: [finding] });
    expect(lint.findings).toEqual([finding]);
  });
});
