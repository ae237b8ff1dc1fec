import { describe, expect, it } from 'vitest';
import { AirbyteMessageSchema } from '../../src/protocol/messages.js';
import { DIGEST_LIMITS, digestLines, parseMessages, quoteLine } from '../../src/protocol/parse.js';

const line = (m: unknown) => JSON.stringify(m);

describe('AirbyteMessage schemas', () => {
  it.each([
    ['SPEC', { type: 'SPEC', spec: { connectionSpecification: { type: 'object' } } }],
    ['CONNECTION_STATUS', { type: 'CONNECTION_STATUS', connectionStatus: { status: 'SUCCEEDED' } }],
    ['CATALOG', { type: 'CATALOG', catalog: { streams: [{ name: 's', json_schema: {} }] } }],
    ['RECORD', { type: 'RECORD', record: { stream: 's', data: { a: 1 }, emitted_at: 1700000000000 } }],
    ['STATE', { type: 'STATE', state: { type: 'STREAM', stream: {} } }],
    ['LOG', { type: 'LOG', log: { level: 'INFO', message: 'hi' } }],
    ['TRACE', { type: 'TRACE', trace: { type: 'ERROR', emitted_at: 1, error: { message: 'x' } } }],
    ['CONTROL', { type: 'CONTROL', control: { type: 'CONNECTOR_CONFIG', emitted_at: 1, connectorConfig: { config: {} } } }],
  ])('accepts a valid %s (and keeps unknown fields)', (_t, msg) => {
    const parsed = AirbyteMessageSchema.parse({ ...msg, extra: 1 });
    expect(parsed).toMatchObject({ ...msg, extra: 1 });
  });

  it.each([
    ['SPEC without connectionSpecification', { type: 'SPEC', spec: { documentationUrl: 'x' } }, 'spec.connectionSpecification'],
    ['SPEC with a string connectionSpecification', { type: 'SPEC', spec: { connectionSpecification: 'x' } }, 'spec.connectionSpecification'],
    ['CONNECTION_STATUS with another status', { type: 'CONNECTION_STATUS', connectionStatus: { status: 'OK' } }, 'connectionStatus.status'],
    ['CATALOG stream without json_schema', { type: 'CATALOG', catalog: { streams: [{ name: 's' }] } }, 'catalog.streams.0.json_schema'],
    ['RECORD without emitted_at', { type: 'RECORD', record: { stream: 's', data: {} } }, 'record.emitted_at'],
    ['RECORD with array data', { type: 'RECORD', record: { stream: 's', data: [], emitted_at: 1 } }, 'record.data'],
  ])('rejects %s', (_n, msg, path) => {
    const r = AirbyteMessageSchema.safeParse(msg);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });
});

describe('parseMessages', () => {
  it('numbers lines as the user sees them and skips blank lines', () => {
    const res = parseMessages([line({ type: 'LOG', log: { level: 'INFO', message: 'a' } }), '', 'hello world', line({ type: 'SPEC', spec: { connectionSpecification: {} } })]);
    expect(res.map((r) => [r.line, r.ok])).toEqual([
      [1, true],
      [3, false],
      [4, true],
    ]);
    const bad = res[1];
    expect(bad?.ok === false && bad.problem).toBe('stdout line 3 is not JSON: "hello world"');
  });

  it('quotes long and control-character lines, truncated', () => {
    const long = `x\t${'y'.repeat(500)}`;
    const q = quoteLine(long);
    expect(q.startsWith('x\\ty')).toBe(true);
    expect(q).toMatch(/… \(502 chars\)$/);
    expect(q.length).toBeLessThan(150);
  });

  it('explains JSON that is not a message', () => {
    const [a, b, c, d] = parseMessages(['[1]', '{"type":"HELLO"}', '{"no":"type"}', '{"type":"SPEC","spec":{}}']);
    expect(a?.ok === false && a.problem).toMatch(/line 1 is not a JSON object/);
    expect(b?.ok === false && b.problem).toMatch(/line 2 has no valid AirbyteMessage type \(got "HELLO"; expected one of RECORD, STATE/);
    expect(c?.ok === false && c.problem).toMatch(/got null/);
    expect(d?.ok === false && d.problem).toBe('stdout line 4 is not a valid SPEC message: spec.connectionSpecification: Invalid input: expected record, received undefined');
  });

  it('digests by type, keeping only what the checks need', () => {
    const rec = (stream: string) => line({ type: 'RECORD', record: { stream, data: { big: 'x'.repeat(1000) }, emitted_at: 1 } });
    const d = digestLines([
      rec('a'),
      rec('b'),
      rec('a'),
      line({ type: 'STATE', state: { data: {} } }),
      line({ type: 'CONNECTION_STATUS', connectionStatus: { status: 'FAILED', message: 'bad key' } }),
      line({ type: 'CATALOG', catalog: { streams: [{ name: 's1', json_schema: {} }, { name: 's2', json_schema: {} }] } }),
      '{"type":"SPEC","spec":{}}',
      'oops',
      '',
    ]);
    expect(d.count).toEqual({ RECORD: 3, STATE: 1, CONNECTION_STATUS: 1, CATALOG: 1 });
    expect(d.recordStreams).toEqual({ a: 2, b: 1 });
    expect(d.catalogStreams).toEqual(['s1', 's2']);
    expect(d.connectionStatuses).toEqual([{ status: 'FAILED', message: 'bad key' }]);
    expect(d.invalid.map((i) => [i.line, i.type])).toEqual([
      [7, 'SPEC'],
      [8, undefined],
    ]);
    expect(d.invalidByType).toEqual({ SPEC: 1 });
    expect(d.lines).toBe(8);
    // no message body is kept
    expect(JSON.stringify(d)).not.toContain('xxxx');
  });

  it('stays bounded whatever the connector prints', () => {
    const lines = Array.from({ length: 3000 }, (_, i) => (i % 4 === 0 ? `junk ${i}` : line({ type: 'RECORD', record: { stream: `s${i}`, data: {}, emitted_at: 1 } })));
    const d = digestLines(lines);
    expect(d.invalidCount).toBe(750);
    expect(d.judgingStopped).toBe(false);
    expect(d.invalid).toHaveLength(DIGEST_LIMITS.invalid);
    expect(Object.keys(d.recordStreams)).toHaveLength(DIGEST_LIMITS.streams);
    const long = digestLines([line({ type: 'RECORD', record: { stream: 'n'.repeat(100_000), data: {}, emitted_at: 1 } }), `{"type":"${'T'.repeat(100_000)}"}`]);
    expect(Object.keys(long.recordStreams)[0]?.length).toBeLessThan(DIGEST_LIMITS.name + 40);
    expect(long.invalid[0]?.problem.length).toBeLessThan(300);
  });
});

describe('MessageCollector', () => {
  it('stops judging after so many invalid lines (the run fails anyway), and says where', async () => {
    const { MessageCollector } = await import('../../src/protocol/parse.js');
    const c = new MessageCollector();
    let n = 0;
    let wanted = true;
    while (wanted && n < 10_000) wanted = c.push(n % 3 === 0 ? line({ type: 'LOG', log: { level: 'INFO', message: 'ok' } }) : '{', ++n);
    const d = c.digest();
    expect(d.invalidCount).toBe(DIGEST_LIMITS.judgeInvalid);
    expect(d.judgingStopped).toBe(true);
    expect(d.lastJudged).toBe(n);
    expect(n).toBe(1500);
    expect(c.push('junk', n + 1)).toBe(false);
    expect(c.digest().invalidCount).toBe(DIGEST_LIMITS.judgeInvalid);
  });
});
