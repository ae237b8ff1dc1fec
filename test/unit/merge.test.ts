import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dryRunIndex, imagetoolsCreateArgs, selectRecords } from '../../src/core/flows/merge.js';
import { DIGEST_RECORD_SCHEMA, digestRecordName, readDigestRecord, writeDigestRecord, type DigestRecord } from '../../src/monorepo/digest-record.js';
import { BcError } from '../../src/errors.js';

const d = (c: string) => `sha256:${c.repeat(64).slice(0, 64)}`;
function record(platform: string, over: Partial<DigestRecord> = {}): DigestRecord {
  const digest = over.digest ?? d(platform.endsWith('arm64') ? 'b' : 'a');
  return {
    schema: DIGEST_RECORD_SCHEMA,
    connector: { dirName: 'source-hello', name: 'Hello', repository: 'airbyte/source-hello', version: '1.0.0' },
    platform,
    repository: 'localhost:5000/airbyte/source-hello',
    digest,
    manifest: d(platform.endsWith('arm64') ? 'd' : 'c'),
    ref: `localhost:5000/airbyte/source-hello@${digest}`,
    verify: { ok: true, checks: 13, failed: [] },
    createdAt: '2026-01-01T00:00:00Z',
    ...over,
  };
}
const want = { dirName: 'source-hello', repository: 'airbyte/source-hello', version: '1.0.0', platforms: ['linux/amd64', 'linux/arm64'] };
const err = (fn: () => unknown): BcError => {
  try {
    fn();
  } catch (e) {
    return e as BcError;
  }
  throw new Error('expected a throw');
};

describe('merge: record selection', () => {
  it('both platforms verified → one record per platform', () => {
    const r = selectRecords([{ file: 'a', record: record('linux/amd64') }, { file: 'b', record: record('linux/arm64') }], want);
    expect([...r.byPlatform.keys()]).toEqual(['linux/amd64', 'linux/arm64']);
  });

  it('a missing platform → exit 1, says which and that nothing was tagged', () => {
    const e = err(() => selectRecords([{ file: 'a', record: record('linux/amd64') }], want));
    expect(e.exitCode).toBe(1);
    expect(e.message).toBe('merge refused: missing linux/arm64');
    expect(e.details).toContain('nothing was tagged');
  });

  it('an unverified platform → exit 1 with its failed checks', () => {
    const bad = record('linux/arm64', { verify: { ok: false, checks: 13, failed: [{ id: 'writes', message: 'wrote /usr/local/x', fix: 'write under /tmp' }] } });
    const e = err(() => selectRecords([{ file: 'a', record: record('linux/amd64') }, { file: 'b', record: bad }], want));
    expect(e.exitCode).toBe(1);
    expect(e.message).toBe('merge refused: unverified linux/arm64');
    expect(e.details.join('\n')).toContain('writes: wrote /usr/local/x — fix: write under /tmp');
  });

  it('records of other connectors and unrequested platforms are ignored', () => {
    const other = record('linux/arm64', { connector: { dirName: 'source-x', name: 'X', repository: 'airbyte/source-x', version: '1.0.0' } });
    const r = selectRecords(
      [{ file: 'a', record: record('linux/amd64') }, { file: 'o', record: other }, { file: 'b', record: record('linux/arm64') }, { file: 's', record: record('linux/s390x') }],
      want,
    );
    expect(r.ignored).toEqual(['o: another connector (source-x)', 's: linux/s390x was not requested']);
  });

  it('another version of the same connector, or two different records for one platform → exit 2', () => {
    const old = record('linux/arm64', { connector: { ...record('linux/arm64').connector, version: '0.9.0' } });
    expect(err(() => selectRecords([{ file: 'x', record: old }], want)).exitCode).toBe(2);
    const twin = record('linux/amd64', { digest: d('e'), ref: `localhost:5000/airbyte/source-hello@${d('e')}` });
    const e = err(() => selectRecords([{ file: 'a', record: record('linux/amd64') }, { file: 'a2', record: twin }], want));
    expect(e.exitCode).toBe(2);
    expect(e.message).toMatch(/two different linux\/amd64 records/);
  });

  it('the same record given twice is fine', () => {
    const r = selectRecords([{ file: 'a', record: record('linux/amd64') }, { file: 'a', record: record('linux/amd64') }, { file: 'b', record: record('linux/arm64') }], want);
    expect(r.byPlatform.size).toBe(2);
  });
});

describe('merge: index by digest', () => {
  it('the digest is the sha256 of the dry-run bytes without the trailing newline', () => {
    const json = '{\n  "schemaVersion": 2\n}';
    const r = dryRunIndex(`${json}\n`);
    expect(r.digest).toBe(`sha256:${createHash('sha256').update(json).digest('hex')}`);
    expect(r.bytes.toString()).toBe(json);
  });
  it('argv: --dry-run first, then -t REPO@DIGEST (never a tag)', () => {
    expect(imagetoolsCreateArgs(undefined, ['r@sha256:a', 'r@sha256:b'])).toEqual(['buildx', 'imagetools', 'create', '--dry-run', 'r@sha256:a', 'r@sha256:b']);
    expect(imagetoolsCreateArgs('r@sha256:x', ['r@sha256:a'])).toEqual(['buildx', 'imagetools', 'create', '-t', 'r@sha256:x', 'r@sha256:a']);
  });
});

describe('digest records', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bc-f-rec-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('round-trips through write/read; the default name is artifact-safe', async () => {
    const { schema: _s, createdAt: _c, ...rest } = record('linux/arm64');
    const file = join(dir, digestRecordName('source-hello', 'linux/arm64'));
    expect(file.endsWith('digest-source-hello-arm64.json')).toBe(true);
    const written = await writeDigestRecord(file, rest);
    expect(await readDigestRecord(file)).toEqual(written);
  });

  it('a tag reference is refused: records carry digests only', async () => {
    const file = join(dir, 'tagged.json');
    await writeFile(file, JSON.stringify({ ...record('linux/amd64'), ref: 'localhost:5000/airbyte/source-hello:1.0.0' }));
    const e = (await readDigestRecord(file).catch((x: unknown) => x)) as BcError;
    expect(e.exitCode).toBe(2);
    expect(e.details.join('\n')).toMatch(/^ref: /m);
  });

  it('unreadable or non-JSON files are bad input naming the file', async () => {
    const file = join(dir, 'junk.json');
    await writeFile(file, 'not json');
    await expect(readDigestRecord(file)).rejects.toThrow(`${file}: not JSON`);
    await expect(readDigestRecord(join(dir, 'nope.json'))).rejects.toThrow(/cannot read/);
    expect(JSON.parse(await readFile(join(dir, 'digest-source-hello-arm64.json'), 'utf8')).schema).toBe(DIGEST_RECORD_SCHEMA);
  });
});
