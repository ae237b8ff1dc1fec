import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/docker/probe-elf.ts
init_define_BC_HELP();
var AARCH64 = 183;
var ARM64_CODE = [
  3531604e3,
  // mov x0, #1
  268435681,
  // adr x1, msg (+28)
  3531604258,
  // mov x2, #9
  3531606024,
  // mov x8, #64 (write)
  3556769793,
  // svc #0
  3531603968,
  // mov x0, #0
  3531606952,
  // mov x8, #93 (exit)
  3556769793
  // svc #0
];
var ARM64_PROBE_OUTPUT = "arm64-ok";
function arm64ProbeElf() {
  const code = Buffer.alloc(ARM64_CODE.length * 4);
  ARM64_CODE.forEach((w, i) => code.writeUInt32LE(w, i * 4));
  return elf64(AARCH64, Buffer.concat([code, Buffer.from(`${ARM64_PROBE_OUTPUT}
`)]));
}
function elf64(machine, text) {
  const base = 4194304;
  const ehsize = 64;
  const phsize = 56;
  const entry = base + ehsize + phsize;
  const total = ehsize + phsize + text.length;
  const b = Buffer.alloc(total);
  b.write("\x7FELF", 0, "latin1");
  b[4] = 2;
  b[5] = 1;
  b[6] = 1;
  b.writeUInt16LE(2, 16);
  b.writeUInt16LE(machine, 18);
  b.writeUInt32LE(1, 20);
  b.writeBigUInt64LE(BigInt(entry), 24);
  b.writeBigUInt64LE(BigInt(ehsize), 32);
  b.writeBigUInt64LE(0n, 40);
  b.writeUInt32LE(0, 48);
  b.writeUInt16LE(ehsize, 52);
  b.writeUInt16LE(phsize, 54);
  b.writeUInt16LE(1, 56);
  b.writeUInt16LE(64, 58);
  b.writeUInt16LE(0, 60);
  b.writeUInt16LE(0, 62);
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
var ELF_MACHINES = {
  62: "amd64",
  183: "arm64",
  3: "386",
  40: "arm",
  243: "riscv64",
  21: "ppc64le",
  22: "s390x"
};
function elfArchitecture(header) {
  if (header.length < 20 || header.toString("latin1", 0, 4) !== "\x7FELF") return void 0;
  const little = header[5] === 1;
  const machine = little ? header.readUInt16LE(18) : header.readUInt16BE(18);
  return ELF_MACHINES[machine] ?? `elf-machine-${machine}`;
}

export {
  ARM64_PROBE_OUTPUT,
  arm64ProbeElf,
  elfArchitecture
};
