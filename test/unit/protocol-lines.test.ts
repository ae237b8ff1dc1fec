import { describe, expect, it } from 'vitest';
import { LineSplitter, LineTail, formatBytes } from '../../src/protocol/lines.js';

const collect = (maxLineBytes: number, maxBytes: number) => {
  const lines: [string, number][] = [];
  const s = new LineSplitter({ maxLineBytes, maxBytes }, (t, n) => void lines.push([t, n]));
  return { s, lines };
};

describe('LineSplitter', () => {
  it('hands over complete lines across chunk boundaries, numbered, \\r stripped, the last one at end()', () => {
    const { s, lines } = collect(100, 1000);
    for (const c of ['{"a"', ':1}\r\n\n{"b":', '2}\nlast']) expect(s.push(Buffer.from(c))).toBeUndefined();
    expect(lines).toEqual([
      ['{"a":1}', 1],
      ['', 2],
      ['{"b":2}', 3],
    ]);
    expect(s.end()).toBeUndefined();
    expect(lines.at(-1)).toEqual(['last', 4]);
    expect(s.bytes).toBe(22);
  });

  it('keeps multi-byte characters split between chunks intact', () => {
    const { s, lines } = collect(100, 1000);
    const bytes = Buffer.from('héllo €\n');
    for (let i = 0; i < bytes.length; i++) s.push(bytes.subarray(i, i + 1));
    expect(lines).toEqual([['héllo €', 1]]);
  });

  it('stops at the per-line limit without keeping the line, even with no newline ever', () => {
    const { s, lines } = collect(1024, 1 << 30);
    s.push(Buffer.from('{"ok":1}\n'));
    const chunk = Buffer.alloc(300, 'x');
    let stop;
    let fed = 0;
    while (!stop && fed < 100_000) {
      stop = s.push(chunk);
      fed += chunk.length;
    }
    expect(stop).toEqual({ limit: 'line', bytes: 1024, line: 2 });
    expect(fed).toBe(1200);
    // later chunks are ignored, nothing more is emitted
    expect(s.push(Buffer.from('\n{"late":1}\n'))).toEqual(stop);
    expect(s.end()).toEqual(stop);
    expect(lines).toEqual([['{"ok":1}', 1]]);
  });

  it('a line of exactly the limit passes; one byte more stops', () => {
    const a = collect(4, 100);
    expect(a.s.push(Buffer.from('abcd\n'))).toBeUndefined();
    expect(a.lines).toEqual([['abcd', 1]]);
    const b = collect(4, 100);
    expect(b.s.push(Buffer.from('abcde\n'))?.limit).toBe('line');
    expect(b.lines).toEqual([]);
  });

  it('stops at the total limit, counting newlines', () => {
    const { s, lines } = collect(100, 10);
    expect(s.push(Buffer.from('1234\n5678\n'))).toBeUndefined();
    expect(s.push(Buffer.from('9'))).toEqual({ limit: 'total', bytes: 10, line: 3 });
    expect(lines.map((l) => l[0])).toEqual(['1234', '5678']);
    expect(s.bytes).toBe(10);
  });
});

describe('LineTail', () => {
  it('keeps the last N lines, each cut to a width, and counts every byte', () => {
    const t = new LineTail(3, 8);
    t.push(Buffer.from('one\ntwo\nthree\nfour\n'));
    t.push(Buffer.from(`a very long line indeed\nfi`));
    t.push(Buffer.from('ve'));
    expect(t.tail()).toEqual(['four', 'a very l… (15 more bytes on this line)', 'five']);
    expect(t.bytes).toBe(19 + 26 + 2);
  });

  it('holds at most the width of an endless line', () => {
    const t = new LineTail(2, 16);
    const chunk = Buffer.alloc(64 * 1024, 'e');
    for (let i = 0; i < 200; i++) t.push(chunk);
    expect(t.tail()).toEqual([`${'e'.repeat(16)}… (${200 * 64 * 1024 - 16} more bytes on this line)`]);
    expect(t.bytes).toBe(200 * 64 * 1024);
  });
});

it('formats byte counts', () => {
  expect([formatBytes(12), formatBytes(2048), formatBytes(20 * 1024 * 1024), formatBytes(1.5 * 1024 * 1024)]).toEqual(['12 bytes', '2 KiB', '20 MiB', '1.5 MiB']);
});

it('a consumer that needs no more lines gets none; the limits still count every byte', () => {
  let got = 0;
  const s = new LineSplitter({ maxLineBytes: 10, maxBytes: 100 }, () => {
    got += 1;
    return got < 3;
  });
  expect(s.push(Buffer.from('a\nb\nc\nd\ne\n'))).toBeUndefined();
  expect(got).toBe(3);
  expect(s.push(Buffer.from('x'.repeat(11)))?.limit).toBe('line');
  expect(s.bytes).toBe(10);
});
