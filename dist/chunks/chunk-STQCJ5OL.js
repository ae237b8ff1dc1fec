import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  BcError
} from "./chunk-BSQYAL4K.js";
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/fs-util.ts
init_define_BC_HELP();
import { constants } from "node:fs";
import { lstat, open, realpath, stat } from "node:fs/promises";
import { isAbsolute, relative } from "node:path";
async function isFile(p) {
  return stat(p).then(
    (s) => s.isFile(),
    () => false
  );
}
var INPUT_LIMITS = {
  "metadata.yaml": 1024 * 1024,
  "manifest.yaml": 16 * 1024 * 1024,
  "components.py": 4 * 1024 * 1024,
  "pyproject.toml": 1024 * 1024,
  Dockerfile: 1024 * 1024,
  ".dockerignore": 1024 * 1024,
  "repository config": 1024 * 1024,
  "config JSON": 4 * 1024 * 1024,
  "catalog JSON": 64 * 1024 * 1024,
  "state JSON": 64 * 1024 * 1024,
  "input messages": 256 * 1024 * 1024,
  "digest record": 16 * 1024 * 1024,
  "base image definition": 1024 * 1024,
  template: 1024 * 1024,
  "image manifest": 4 * 1024 * 1024,
  sbom: 64 * 1024 * 1024
};
function shown(file) {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : file;
}
function notRegularReason(s) {
  if (s.isFile()) return void 0;
  if (s.isDirectory()) return "is a directory";
  if (s.isCharacterDevice()) return "is a character device";
  if (s.isBlockDevice()) return "is a block device";
  if (s.isFIFO()) return "is a FIFO (named pipe)";
  if (s.isSocket()) return "is a socket";
  return "is not a regular file";
}
var mb = (n) => n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(n % (1024 * 1024) === 0 ? 0 : 1)} MiB` : n >= 1024 ? `${Math.ceil(n / 1024)} KiB` : `${n} bytes`;
function refusal(file, what, o) {
  return new BcError("badInput", `${shown(file)}: ${what}`, { details: o.fix ? [o.fix] : [] });
}
function tooLarge(file, size, max, o) {
  return refusal(file, `${size === void 0 ? "more than" : `${mb(size)} is more than`} the ${mb(max)} limit for a ${o.kind} (only regular files up to that size are read)`, o);
}
function errnoMessage(file, err, o) {
  const code = err.code;
  if (code === "ENOENT") return refusal(file, o.notFound ?? "not found", o);
  if (code === "EACCES" || code === "EPERM") return refusal(file, "permission denied", o);
  if (code === "ELOOP") return refusal(file, "is a symlink loop", o);
  if (code === "ENOTDIR") return refusal(file, "a component of the path is not a directory", o);
  if (code === "ENXIO") return refusal(file, "is a socket", o);
  return refusal(file, `cannot be read (${code ?? (err instanceof Error ? err.message : String(err))})`, o);
}
async function checkInputFile(file, o) {
  const max = o.maxBytes ?? INPUT_LIMITS[o.kind];
  let s;
  try {
    s = await stat(file);
  } catch (err) {
    if (err.code === "ENOENT" && await lstat(file).then((l) => l.isSymbolicLink(), () => false)) {
      throw refusal(file, "is a symlink to a file that does not exist", o);
    }
    throw errnoMessage(file, err, o);
  }
  const why = notRegularReason(s);
  if (why) {
    const link = await realpath(file).catch(() => void 0);
    const via = link && await lstat(file).then((l) => l.isSymbolicLink(), () => false) ? `is a symlink to ${link}, which ` : "";
    throw refusal(file, `${via}${why}; only regular files are read`, o);
  }
  if (s.size > max) throw tooLarge(file, s.size, max, o);
  return s.size;
}
async function readBoundedFile(file, o) {
  return (await readBoundedBytes(file, o)).toString("utf8");
}
async function readBoundedBytes(file, o) {
  const max = o.maxBytes ?? INPUT_LIMITS[o.kind];
  await checkInputFile(file, o);
  let fh;
  try {
    fh = await open(file, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (err) {
    throw errnoMessage(file, err, o);
  }
  try {
    const s = await fh.stat();
    const why = notRegularReason(s);
    if (why) throw refusal(file, `${why}; only regular files are read`, o);
    if (s.size > max) throw tooLarge(file, s.size, max, o);
    const chunks = [];
    let total = 0;
    const buf = Buffer.allocUnsafe(Math.min(max + 1, 1024 * 1024));
    for (; ; ) {
      let n;
      try {
        ({ bytesRead: n } = await fh.read(buf, 0, buf.length, null));
      } catch (err) {
        throw errnoMessage(file, err, o);
      }
      if (n === 0) break;
      total += n;
      if (total > max) throw tooLarge(file, void 0, max, o);
      chunks.push(Buffer.from(buf.subarray(0, n)));
    }
    return Buffer.concat(chunks, total);
  } finally {
    await fh.close();
  }
}
async function optionalInputFile(file, o) {
  try {
    await stat(file);
  } catch (err) {
    if (err.code === "ENOENT" && !await lstat(file).then((l) => l.isSymbolicLink(), () => false)) return "missing";
  }
  await checkInputFile(file, o);
  return "file";
}

export {
  isFile,
  INPUT_LIMITS,
  checkInputFile,
  readBoundedFile,
  optionalInputFile
};
