import { describe, expect, it } from 'vitest';
import { arm64ProbeElf, elfArchitecture } from '../../src/docker/probe-elf.js';

describe('probe ELF', () => {
  it('is a 64-bit little-endian aarch64 executable', () => {
    const elf = arm64ProbeElf();
    expect(elf.subarray(0, 4).toString('latin1')).toBe('\x7fELF');
    expect(elfArchitecture(elf)).toBe('arm64');
  });
  it('reads amd64 and rejects non-ELF', () => {
    const h = Buffer.alloc(64);
    h.write('\x7fELF', 0, 'latin1');
    h[5] = 1;
    h.writeUInt16LE(0x3e, 18);
    expect(elfArchitecture(h)).toBe('amd64');
    expect(elfArchitecture(Buffer.from('#!/bin/sh\n'))).toBeUndefined();
  });
});
