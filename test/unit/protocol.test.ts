import { describe, expect, it } from 'vitest';
import { AirbyteMessageSchema } from '../../src/protocol/messages.js';
import { ofType, parseMessages, quoteLine, summarize } from '../../src/protocol/parse.js';

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

  it('summarizes by type', () => {
    const s = summarize(
      parseMessages([
        line({ type: 'RECORD', record: { stream: 'a', data: {}, emitted_at: 1 } }),
        line({ type: 'RECORD', record: { stream: 'b', data: {}, emitted_at: 1 } }),
        line({ type: 'STATE', state: { data: {} } }),
        'oops',
      ]),
    );
    expect(s.count).toEqual({ RECORD: 2, STATE: 1 });
    expect(s.invalid).toHaveLength(1);
    expect(ofType(s.messages, 'RECORD').map((r) => r.record.stream)).toEqual(['a', 'b']);
  });
});
