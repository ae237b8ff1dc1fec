/**
 * The tar reader (src/oci/tar.ts) against archives it was not written
 * for: generated ones with PAX and GNU records (checked entry by entry),
 * the same cut at random points, with random bits flipped (in data, in
 * headers with and without a fixed checksum), random headers, and archives
 * written by the real GNU tar in its pax, gnu and ustar formats.
 *
 * Every case must either parse or throw a TarError naming the byte; any other
 * exception (TypeError, RangeError...) fails the test with its seed and case.
 * "Never hangs" is held by an iteration bound, not a clock: the reader's
 * loop turns at most twice per byte it takes. "Never reads past a member":
 * flipping bytes inside file data never changes the entry list, and no
 * entry's content is longer than its size.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, linkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TarReader, type TarEntry, type TarReadOptions } from '../../src/oci/tar.js';
import { BLOCK, normalizeTarPath, TarError, tarHeader, type TarEntryType } from '../../src/oci/tar-header.js';

const SEED = 0x14a7a2;

/** mulberry32: small, seeded, good enough to pick cases */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    pick: <T>(xs: readonly T[]): T => xs[int(xs.length)] as T,
    bytes: (n: number) => Buffer.from(Array.from({ length: n }, () => int(256))),
  };
}
type Rng = ReturnType<typeof prng>;

const counts: Record<string, number> = {};
const count = (what: string, n = 1) => {
  counts[what] = (counts[what] ?? 0) + n;
};
afterAll(() => {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  console.log(`tar fuzz: ${total} cases (${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ')})`);
});

interface Outcome {
  entries?: TarEntry[];
  error?: TarError;
}

/** Feed an archive (whole, or in chunks of the given sizes), returning entries or the TarError; anything else is a bug. */
function read(buf: Buffer, label: string, opts: TarReadOptions = {}, chunks?: Rng): Outcome {
  const r = new TarReader(opts);
  try {
    if (chunks) {
      for (let i = 0; i < buf.length; ) {
        const n = 1 + chunks.int(chunks.next() < 0.3 ? 16 : 2048);
        r.push(buf.subarray(i, i + n));
        i += n;
      }
    } else r.push(buf);
    // the loop bound: no input makes the reader spin
    if (r.turns > 2 * buf.length + 2) throw new Error(`${r.turns} turns for ${buf.length} bytes`);
    return { entries: r.finish() };
  } catch (err) {
    if (err instanceof TarError) {
      expect(err.message, label).toMatch(/^tar archive is malformed at byte \d+: \S/);
      expect(err.offset, label).toBeLessThan(buf.length);
      expect(err.offset % BLOCK, label).toBe(0);
      return { error: err };
    }
    throw new Error(`${label}: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`);
  }
}

/** What holds of any parse: contents within sizes, complete means whole. */
function invariants(entries: readonly TarEntry[], label: string, keep = Number.POSITIVE_INFINITY): void {
  for (const e of entries) {
    expect(Number.isSafeInteger(e.size) && e.size >= 0, label).toBe(true);
    if (e.type !== 'file') continue;
    const len = e.content?.length ?? 0;
    expect(len, label).toBeLessThanOrEqual(Math.min(e.size, keep));
    if (e.complete) expect(len, label).toBe(Math.min(e.size, keep));
  }
}

// ---- a generator of valid archives whose entries are known ----

interface Member {
  path: string;
  type: TarEntryType;
  linkname: string;
  content: Buffer;
  uid: number;
  gid: number;
  mode: number;
}

const pad = (n: number) => Buffer.alloc((BLOCK - (n % BLOCK)) % BLOCK);

function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  let n = Buffer.byteLength(body) + 1;
  while (Buffer.byteLength(`${n}${body}`) !== n) n = Buffer.byteLength(`${n}${body}`);
  return `${n}${body}`;
}

function meta(flag: string, data: Buffer | string, name = '././@LongLink'): Buffer[] {
  const b = Buffer.from(data);
  return [tarHeader({ path: name, size: b.length, flag }), b, pad(b.length)];
}

function name(rng: Rng, len: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789_.-é';
  let s = '';
  while (s.length < len) s += rng.pick([...alphabet]);
  return s;
}

interface Generated {
  buf: Buffer;
  members: Member[];
  /** [start, end) of every file's data, for flips that must not change the listing */
  data: [number, number][];
}

function generate(rng: Rng): Generated {
  const parts: Buffer[] = [];
  const members: Member[] = [];
  const data: [number, number][] = [];
  let at = 0;
  const add = (bufs: Buffer[]) => {
    for (const b of bufs) {
      parts.push(b);
      at += b.length;
    }
  };
  const globalGid = rng.next() < 0.15 ? 700 + rng.int(100) : undefined;
  if (globalGid !== undefined) add(meta('g', paxRecord('gid', String(globalGid)), 'pax_global_header'));
  const n = 1 + rng.int(8);
  for (let i = 0; i < n; i++) {
    const type = rng.pick<TarEntryType>(['file', 'file', 'file', 'dir', 'symlink', 'hardlink']);
    const long = rng.next() < 0.4;
    const path = `${name(rng, 1 + rng.int(8))}/${name(rng, long ? 101 + rng.int(200) : 1 + rng.int(40))}`;
    const linkname = type === 'symlink' || type === 'hardlink' ? name(rng, rng.next() < 0.3 ? 101 + rng.int(150) : 1 + rng.int(30)) : '';
    const size = type === 'file' ? rng.pick([0, 1, 511, 512, 513, rng.int(3000)]) : 0;
    const content = type === 'file' ? rng.bytes(size) : Buffer.alloc(0);
    const uid = rng.int(70000);
    const gid = globalGid ?? rng.int(70000);
    const mode = rng.int(0o7777 + 1);
    const how = rng.pick(['plain', 'pax', 'gnu', 'pax-size']);
    const needsLong = Buffer.byteLength(path) > 100 || Buffer.byteLength(linkname) > 100;
    let headerPath = path;
    let headerLink = linkname;
    let headerSize = size;
    if (how === 'gnu' && needsLong) {
      if (Buffer.byteLength(path) > 100) add(meta('L', `${path}\0`));
      if (Buffer.byteLength(linkname) > 100) add(meta('K', `${linkname}\0`));
      headerPath = path.slice(0, 90);
      headerLink = linkname.slice(0, 90);
    } else if (how === 'pax' || how === 'pax-size' || needsLong) {
      const recs = [paxRecord('path', path)];
      if (linkname) recs.push(paxRecord('linkpath', linkname));
      if (how === 'pax-size' && type === 'file') {
        // the size in PAX only, the header's size field says 0: the data is still `size` bytes
        recs.push(paxRecord('size', String(size)));
        headerSize = 0;
      }
      add(meta('x', recs.join(''), 'PaxHeaders/x'));
      headerPath = `PaxHeaders/${path.slice(0, 60)}`;
      headerLink = linkname.slice(0, 60);
    }
    add([tarHeader({ path: headerPath, type, size: headerSize, linkname: headerLink, uid, gid: globalGid !== undefined ? 1 : gid, mode })]);
    if (size > 0) {
      data.push([at, at + size]);
      add([content, pad(size)]);
    }
    members.push({ path: normalizeTarPath(path), type, linkname, content, uid, gid, mode });
  }
  add([Buffer.alloc(BLOCK * 2)]);
  return { buf: Buffer.concat(parts), members, data };
}

const view = (e: TarEntry) => ({ path: e.path, type: e.type, linkname: e.linkname, size: e.size, uid: e.uid, gid: e.gid, mode: e.mode, content: e.content?.toString('hex') });
const expected = (m: Member) => ({
  path: m.path,
  type: m.type,
  linkname: m.linkname,
  size: m.content.length,
  uid: m.uid,
  gid: m.gid,
  mode: m.mode,
  content: m.type === 'file' ? m.content.toString('hex') : undefined,
});

describe('tar reader fuzz (seeded)', () => {
  it('generated archives with PAX, PAX size, PAX global and GNU long name/link records read back exactly, in any chunking', () => {
    const rng = prng(SEED);
    for (let i = 0; i < 1500; i++) {
      const g = generate(rng);
      const whole = read(g.buf, `generated #${i}`);
      expect(whole.error?.message, `generated #${i}`).toBeUndefined();
      expect(whole.entries?.map(view), `generated #${i}`).toEqual(g.members.map(expected));
      const chunked = read(g.buf, `generated #${i} chunked`, {}, rng);
      expect(chunked.entries?.map(view), `generated #${i} chunked`).toEqual(g.members.map(expected));
      count('generated', 2);
    }
  });

  it('cut at any point: a prefix of the entries, the last possibly incomplete, never an error', () => {
    const rng = prng(SEED + 1);
    for (let i = 0; i < 1500; i++) {
      const g = generate(rng);
      const cut = rng.next() < 0.3 ? BLOCK * rng.int(Math.ceil(g.buf.length / BLOCK)) : rng.int(g.buf.length);
      const label = `cut #${i} at ${cut}`;
      const r = read(g.buf.subarray(0, cut), label);
      expect(r.error?.message, label).toBeUndefined();
      const got = r.entries ?? [];
      invariants(got, label);
      expect(got.length, label).toBeLessThanOrEqual(g.members.length);
      got.forEach((e, k) => {
        const m = g.members[k] as Member;
        expect(e.path, label).toBe(m.path);
        if (e.type === 'file') expect(m.content.subarray(0, e.content?.length ?? 0).equals(e.content ?? Buffer.alloc(0)), label).toBe(true);
        if (k < got.length - 1) expect(e.complete, label).toBe(true);
      });
      count('truncated');
    }
  });

  it('bytes flipped inside file data never change the listing (no data is read as a header)', () => {
    const rng = prng(SEED + 2);
    let done = 0;
    for (let i = 0; done < 1500 && i < 10_000; i++) {
      const g = generate(rng);
      if (g.data.length === 0) continue;
      const buf = Buffer.from(g.buf);
      for (let f = 0; f < 1 + rng.int(20); f++) {
        const [a, b] = rng.pick(g.data);
        // a whole fake header in the data, or single bytes
        if (b - a >= BLOCK && rng.next() < 0.3) tarHeader({ path: 'FALSE-ENTRY', size: 0 }).copy(buf, a);
        else flip(buf, a + rng.int(b - a), rng.int(8));
      }
      const r = read(buf, `data flip #${i}`);
      expect(r.entries?.map((e) => [e.path, e.type, e.size]), `data flip #${i}`).toEqual(g.members.map((m) => [m.path, m.type, m.content.length]));
      done++;
      count('data-flipped');
    }
    expect(done).toBe(1500);
  });

  it('bits flipped anywhere (headers too, with and without a fixed checksum): parses or a TarError, in any chunking', () => {
    const rng = prng(SEED + 3);
    for (let i = 0; i < 2000; i++) {
      const g = generate(rng);
      const buf = Buffer.from(g.buf);
      const fixSum = rng.next() < 0.5;
      for (let f = 0; f < 1 + rng.int(6); f++) {
        const pos = rng.int(buf.length);
        if (rng.next() < 0.5) flip(buf, pos, rng.int(8));
        else buf[pos] = rng.pick([0, 0x20, 0x30, 0x37, 0x38, 0x39, 0x0a, 0x3d, 0x78, 0x4c, 0x4b, 0x67, 0x80, 0xff, rng.int(256)]);
        if (fixSum) refreshChecksum(buf, pos - (pos % BLOCK));
      }
      const label = `flip #${i}`;
      const keep = rng.pick([Number.POSITIVE_INFINITY, 0, 7, 600]);
      const opts: TarReadOptions = { keep: () => keep, hashSizes: new Set([0, 1, 512]) };
      const whole = read(buf, label, opts);
      const chunked = read(buf, `${label} chunked`, opts, rng);
      if (whole.entries) invariants(whole.entries, label, keep);
      // the same answer whatever the chunking
      expect(chunked.error?.message ?? chunked.entries?.map(view), label).toEqual(whole.error?.message ?? whole.entries?.map(view));
      count('bit-flipped', 2);
    }
  });

  it('random headers with valid checksums (any flag, any size field, any PAX text): parses or a TarError', () => {
    const rng = prng(SEED + 4);
    for (let i = 0; i < 2000; i++) {
      const blocks: Buffer[] = [];
      for (let b = 0; b < 1 + rng.int(6); b++) {
        const h = rng.next() < 0.5 ? rng.bytes(BLOCK) : tarHeader({ path: name(rng, 5), size: rng.int(2000) });
        h.write(rng.pick(['0', '1', '2', '5', '7', 'x', 'g', 'L', 'K', 'S', 'V', '\0', String.fromCharCode(rng.int(256))]), 156, 'latin1');
        if (rng.next() < 0.4) h.write(rng.pick(['77777777777\0', '00000001000\0', '-1\0', '1e3\0', '   12 \0', '\x80\0\0\0\0\0\0\0\0\0\x10\0', '\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff', '\x80\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff']), 124, 'latin1');
        refreshChecksum(h, 0);
        blocks.push(h);
        const body = rng.next() < 0.5 ? Buffer.from(rng.pick([paxRecord('size', String(rng.int(4000))), paxRecord('path', 'p'), '5 a=b\n', '99 path=x\n', 'x path=y\n', '0 =\n', paxRecord('size', '1e9'), paxRecord('uid', '-3')])) : rng.bytes(rng.int(1500));
        blocks.push(body, pad(body.length));
      }
      if (rng.next() < 0.5) blocks.push(Buffer.alloc(BLOCK * 2));
      const buf = Buffer.concat(blocks);
      const r = read(buf, `random header #${i}`);
      if (r.entries) invariants(r.entries, `random header #${i}`);
      count('random-header');
    }
  });

  it('random bytes are refused as a TarError, not a crash', () => {
    const rng = prng(SEED + 5);
    for (let i = 0; i < 500; i++) {
      const r = read(rng.bytes(1 + rng.int(4096)), `random #${i}`);
      expect(r.entries?.length ?? 0).toBe(0);
      count('random-bytes');
    }
  });
});

function flip(buf: Buffer, pos: number, bit: number): void {
  buf[pos] = (buf[pos] ?? 0) ^ (1 << bit);
}

function refreshChecksum(buf: Buffer, at: number): void {
  const h = buf.subarray(at, at + BLOCK);
  if (h.length < BLOCK) return;
  h.fill(0x20, 148, 156);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
}

describe('crafted archives', () => {
  it('a PAX size that differs from the header size: the data is the PAX size, the fake header inside it is no entry', () => {
    const inner = Buffer.concat([tarHeader({ path: 'FALSE-ENTRY', size: 0 }), Buffer.alloc(512, 0x41)]);
    const buf = Buffer.concat([...meta('x', paxRecord('size', String(inner.length))), tarHeader({ path: 'real', size: 0 }), inner, tarHeader({ path: 'after', size: 0 }), Buffer.alloc(1024)]);
    const r = read(buf, 'pax size');
    expect(r.entries?.map((e) => [e.path, e.size, e.complete])).toEqual([
      ['real', 1024, true],
      ['after', 0, true],
    ]);
    expect(r.entries?.[0]?.content?.equals(inner)).toBe(true);
  });

  it('GNU long names and links replace the header fields; a PAX path wins over a GNU one', () => {
    const long = `dir/${'n'.repeat(150)}`;
    const target = `t/${'k'.repeat(150)}`;
    const buf = Buffer.concat([
      ...meta('L', `${long}\0`),
      ...meta('K', `${target}\0`),
      tarHeader({ path: 'cut-name', type: 'symlink', size: 0, linkname: 'cut-link' }),
      ...meta('L', 'gnu-name\0'),
      ...meta('x', paxRecord('path', 'pax-name')),
      tarHeader({ path: 'x', size: 0 }),
      Buffer.alloc(1024),
    ]);
    expect(read(buf, 'gnu').entries?.map((e) => [e.path, e.type, e.linkname])).toEqual([
      [long, 'symlink', target],
      ['pax-name', 'file', ''],
    ]);
  });

  it('refuses a huge meta record, a non-numeric PAX size and a bad checksum, naming the byte', () => {
    const huge = Buffer.concat([tarHeader({ path: 'PaxHeaders/x', size: 8 * 1024 * 1024, flag: 'x' }), Buffer.alloc(1024)]);
    expect(read(huge, 'huge').error?.message).toBe('tar archive is malformed at byte 0: PAX record of 8388608 bytes (more than 1048576)');
    const nan = Buffer.concat([...meta('x', paxRecord('size', '12abc')), tarHeader({ path: 'f', size: 0 }), Buffer.alloc(1024)]);
    expect(read(nan, 'nan').error?.message).toBe('tar archive is malformed at byte 1024: PAX size "12abc" is not a number');
    const bad = Buffer.concat([tarHeader({ path: 'ok', size: 0 }), tarHeader({ path: 'f', size: 0 }), Buffer.alloc(1024)]);
    flip(bad, 512, 0);
    const r = new TarReader();
    r.push(bad);
    expect(r.entries.map((e) => e.path)).toEqual(['ok']);
    expect(() => r.finish()).toThrow('tar archive is malformed at byte 512: header checksum does not match (not a tar archive, or corrupt)');
  });
});

describe('archives written by GNU tar', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bc-tar-fuzz-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const rng = prng(SEED + 6);
  const src = join(dir, 'src');
  const files = new Map<string, Buffer>();
  mkdirSync(join(src, `deep-${'d'.repeat(110)}`, 'x'), { recursive: true });
  for (let i = 0; i < 12; i++) {
    const rel = rng.next() < 0.5 ? `deep-${'d'.repeat(110)}/x/file-${i}-${'f'.repeat(rng.int(120))}.bin` : `file-${i}-é.bin`;
    const content = rng.bytes(rng.pick([0, 1, 512, 4097, rng.int(20_000)]));
    writeFileSync(join(src, rel), content);
    files.set(rel, content);
  }
  const linkTarget = `deep-${'d'.repeat(110)}/x/${'t'.repeat(60)}`;
  symlinkSync(linkTarget, join(src, 'long-link'));
  writeFileSync(join(src, 'linked.bin'), 'hard linked');
  linkSync(join(src, 'linked.bin'), join(src, 'hard'));

  it.each(['pax', 'gnu', 'posix', 'oldgnu'])('--format=%s: every file, link and directory as written, whole and cut', (format) => {
    const tar = execFileSync('tar', [`--format=${format}`, '--numeric-owner', '--owner=0', '--group=0', '-cf', '-', '-C', src, '.'], { maxBuffer: 64 * 1024 * 1024 });
    const r = read(tar, format);
    expect(r.error?.message).toBeUndefined();
    const entries = r.entries ?? [];
    for (const [rel, content] of files) {
      const e = entries.find((x) => x.path === rel);
      expect(e?.type, `${format} ${rel}`).toBe('file');
      expect(e?.content?.equals(content), `${format} ${rel}`).toBe(true);
      expect(e?.uid).toBe(0);
    }
    expect(entries.find((e) => e.path === 'long-link')).toMatchObject({ type: 'symlink', linkname: linkTarget });
    expect(entries.find((e) => e.path === 'hard')?.type).toMatch(/hardlink|file/);
    expect(entries.find((e) => e.path === `deep-${'d'.repeat(110)}/x`)?.type).toBe('dir');
    count('gnu-tar');
    for (let i = 0; i < 50; i++) {
      const cut = read(tar.subarray(0, rng.int(tar.length)), `${format} cut`);
      expect(cut.error?.message).toBeUndefined();
      invariants(cut.entries ?? [], `${format} cut`);
      count('gnu-tar-cut');
    }
  });
});
