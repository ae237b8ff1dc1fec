/**
 * The one grammar of the commands' own flags and the Action's own inputs
 * (src/core/request-fields.ts): what each field accepts, what it turns a
 * value into, and that a refusal names the flag or the input the user wrote.
 */
import { describe, expect, it } from 'vitest';
import { parseFields } from '../../src/core/request-fields.js';
import { BcError } from '../../src/errors.js';

function refusal(f: () => unknown): BcError {
  try {
    f();
  } catch (e) {
    if (e instanceof BcError) return e;
    throw e;
  }
  throw new Error('not refused');
}

describe('command fields', () => {
  it('not given, or empty, stays not given where the field has no default', () => {
    expect(parseFields({ type: '  ', matrix: undefined, platforms: undefined, target: '' })).toEqual({
      type: undefined,
      matrix: undefined,
      platforms: undefined,
      target: undefined,
    });
  });

  it('the request defaults are applied here, once: not given or empty gives the default', () => {
    expect(parseFields({ timeout: undefined, retries: '', provenance: undefined, latest: ' ', gitTagFormat: undefined })).toEqual({
      timeout: 120,
      retries: 5,
      provenance: 'min',
      latest: 'auto',
      gitTagFormat: '{dir}/v{version}',
    });
    // a value given wins over the default, false included
    expect(parseFields({ provenance: 'false', latest: false, retries: '1' })).toEqual({ provenance: false, latest: 'false', retries: 1 });
  });

  it('values become typed', () => {
    expect(
      parseFields({
        timeout: '1.5',
        retries: '20',
        verifyConcurrency: '3',
        provenance: 'MODE=MAX',
        latest: false,
        target: 'oss',
        matrix: true,
        platform: 'linux/arm64',
        platforms: 'linux/amd64, linux/arm64',
        permittedWriteDirs: '/airbyte,/tmp',
        changedSince: 'origin/main~2',
        roots: ['connectors,extra'],
      }),
    ).toEqual({
      timeout: 1.5,
      retries: 20,
      verifyConcurrency: 3,
      provenance: 'max',
      latest: 'false',
      target: 'oss',
      matrix: 'build',
      platform: 'linux/arm64',
      platforms: ['linux/amd64', 'linux/arm64'],
      permittedWriteDirs: ['/airbyte', '/tmp'],
      changedSince: 'origin/main~2',
      roots: ['connectors', 'extra'],
    });
    expect(parseFields({ matrix: 'merge', provenance: 'none' })).toEqual({ matrix: 'merge', provenance: false });
  });

  it.each([
    [{ timeout: '0' }, '--timeout: expected a positive number of seconds, got "0"'],
    [{ timeout: '1e3' }, '--timeout: expected a positive number of seconds, got "1e3"'],
    [{ retries: '21' }, '--retries: expected a whole number 1..20, got "21"'],
    [{ retries: '2.5' }, '--retries: expected a whole number 1..20, got "2.5"'],
    [{ verifyConcurrency: '0' }, '--verify-concurrency (or BC_VERIFY_CONCURRENCY): expected a whole number ≥ 1, got "0"'],
    [{ matrix: 'deploy' }, '--matrix: expected build or merge, got "deploy"'],
    [{ platform: 'linux/amd64,linux/arm64' }, '--platform: expected exactly one platform, e.g. linux/arm64, got "linux/amd64,linux/arm64"'],
    [{ platforms: 'linux/amd64,windows/amd64' }, '--platform: "windows/amd64" is not a linux platform like linux/amd64 or linux/arm64'],
    [{ changedSince: '--upload-pack=x' }, '--since: expected a git ref, got "--upload-pack=x"'],
    [{ sourceDateEpoch: 'yesterday' }, '--source-date-epoch: expected unix seconds (a non-negative integer), got "yesterday"'],
  ] as [Parameters<typeof parseFields>[0], string][])('a flag refused: %o', (raw, message) => {
    const e = refusal(() => parseFields(raw));
    expect(e.exitCode).toBe(2);
    expect(e.message).toBe(message);
  });

  it('an input is named as the workflow names it, and every bad value is listed', () => {
    const e = refusal(() => parseFields({ changedSince: '-x', command: 'deploy' }, 'input'));
    expect(e.message).toBe('input "changed-since": expected a git ref, got "-x"');
    expect(e.details).toEqual(['input "command": expected build, verify, publish or changed, got "deploy"']);
  });

  it('the config input: refused without its text, with the fix', () => {
    const e = refusal(() => parseFields({ configJson: '{"token": "hunter2"' }, 'input'));
    expect(e.message).toBe('input "config": is not valid JSON (its content is secret and not shown)');
    expect(e.details).toEqual(['fix: pass the connector config as a JSON object, e.g. config: ${{ secrets.SOURCE_FOO_CONFIG }}']);
    expect(JSON.stringify(e)).not.toContain('hunter2');
    expect(parseFields({ configJson: ' {"a": 1} ' }, 'input').configJson).toBe(' {"a": 1} ');
  });
});
