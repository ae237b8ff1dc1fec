/**
 * Tiny static ELF executables built in memory. They let `doctor` prove that
 * arm64 emulation works without pulling any image: a `FROM scratch` image
 * holding only this file is built for linux/arm64 and run.
 *
 * The arm64 program is: write(1, "arm64-ok\n", 9); exit(0).
 */
const AARCH64 = 0xb7;

const ARM64_CODE = [
  0xd2800020, // mov x0, #1
  0x100000e1, // adr x1, msg (+28)
  0xd2800122, // mov x2, #9
  0xd2800808, // mov x8, #64 (write)
  0xd4000001, // svc #0
  0xd2800000, // mov x0, #0
  0xd2800ba8, // mov x8, #93 (exit)
  0xd4000001, // svc #0
];

export const ARM64_PROBE_OUTPUT = 'arm64-ok';

export function arm64ProbeElf(): Buffer {
  const code = Buffer.alloc(ARM64_CODE.length * 4);
  ARM64_CODE.forEach((w, i) => code.writeUInt32LE(w, i * 4));
  return elf64(AARCH64, Buffer.concat([code, Buffer.from(`${ARM64_PROBE_OUTPUT}\n`)]));
}

function elf64(machine: number, text: Buffer): Buffer {
  const base = 0x400000;
  const ehsize = 64;
  const phsize = 56;
  const entry = base + ehsize + phsize;
  const total = ehsize + phsize + text.length;
  const b = Buffer.alloc(total);
  b.write('\x7fELF', 0, 'latin1');
  b[4] = 2; // 64-bit
  b[5] = 1; // little endian
  b[6] = 1; // version
  b.writeUInt16LE(2, 16); // ET_EXEC
  b.writeUInt16LE(machine, 18);
  b.writeUInt32LE(1, 20);
  b.writeBigUInt64LE(BigInt(entry), 24);
  b.writeBigUInt64LE(BigInt(ehsize), 32); // phoff
  b.writeBigUInt64LE(0n, 40); // shoff
  b.writeUInt32LE(0, 48);
  b.writeUInt16LE(ehsize, 52);
  b.writeUInt16LE(phsize, 54);
  b.writeUInt16LE(1, 56); // phnum
  b.writeUInt16LE(64, 58);
  b.writeUInt16LE(0, 60);
  b.writeUInt16LE(0, 62);
  // PT_LOAD covering the whole file, R+X
  const p = ehsize;
  b.writeUInt32LE(1, p);
  b.writeUInt32LE(5, p + 4);
  b.writeBigUInt64LE(0n, p + 8);
  b.writeBigUInt64LE(BigInt(base), p + 16);
  b.writeBigUInt64LE(BigInt(base), p + 24);
  b.writeBigUInt64LE(BigInt(total), p + 32);
  b.writeBigUInt64LE(BigInt(total), p + 40);
  b.writeBigUInt64LE(0x1000n, p + 48);
  text.copy(b, ehsize + phsize);
  return b;
}

/** ELF e_machine values → docker architecture names. */
const ELF_MACHINES: Record<number, string> = {
  0x3e: 'amd64',
  0xb7: 'arm64',
  0x03: '386',
  0x28: 'arm',
  0xf3: 'riscv64',
  0x15: 'ppc64le',
  0x16: 's390x',
};

/** Read e_machine from an ELF header; undefined when it is not ELF. */
export function elfArchitecture(header: Buffer): string | undefined {
  if (header.length < 20 || header.toString('latin1', 0, 4) !== '\x7fELF') return undefined;
  const little = header[5] === 1;
  const machine = little ? header.readUInt16LE(18) : header.readUInt16BE(18);
  return ELF_MACHINES[machine] ?? `elf-machine-${machine}`;
}
