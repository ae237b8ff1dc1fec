import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/errors.ts
init_define_BC_HELP();
import { isAbsolute, relative, resolve } from "node:path";
var ExitCode = {
  ok: 0,
  /** a check, lint rule or build failed */
  failed: 1,
  /** bad input or usage: malformed metadata.yaml, unknown flag, not implemented */
  badInput: 2,
  /** environment missing: no engine, no buildx, no arm64 emulation, registry unreachable */
  environment: 3,
  /** refused by policy: version already published with another digest */
  refused: 4,
  /** interrupted by the user (SIGINT) */
  interrupted: 130
};
function displayPath(file) {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : file;
}
function where(pos) {
  return `${displayPath(pos.file)}:${pos.line}:${pos.column}`;
}
var BcError = class extends Error {
  kind;
  /** extra lines printed under the message: a file:line, a fix, tool output */
  details;
  /** the pipeline step that failed, when there is one */
  step;
  /** the file position the error is about, when there is one */
  at;
  constructor(kind, message, opts = {}) {
    super(message, opts.cause === void 0 ? void 0 : { cause: opts.cause });
    this.name = "BcError";
    this.kind = kind;
    this.details = opts.details ?? [];
    this.step = opts.step;
    this.at = opts.at && { ...opts.at, file: resolve(opts.at.file) };
  }
  get exitCode() {
    return ExitCode[this.kind];
  }
};
function badInputAt(at, details) {
  return new BcError("badInput", atText(at), { details, at });
}
function atText(at) {
  const pos = `${displayPath(at.file)}:${at.line}${at.column === void 0 ? "" : `:${at.column}`}`;
  return `${pos}: ${at.key === void 0 ? "" : `${at.key}: `}${at.problem}`;
}
var badInput = (message, details) => new BcError("badInput", message, { details });
var envMissing = (message, details) => new BcError("environment", message, { details });
var failed = (message, details, step) => new BcError("failed", message, { details, step });
var refused = (message, details) => new BcError("refused", message, { details });
function toBcError(err) {
  if (err instanceof BcError) return err;
  if (err instanceof Error) {
    const code = err.code;
    if (code === "ENOENT" || code === "EACCES" || code === "EISDIR" || code === "ENOTDIR") {
      return badInput(err.message);
    }
    return new BcError("failed", `internal error: ${err.message}`, { cause: err });
  }
  return new BcError("failed", `internal error: ${String(err)}`);
}

export {
  ExitCode,
  displayPath,
  where,
  BcError,
  badInputAt,
  atText,
  badInput,
  envMissing,
  failed,
  refused,
  toBcError
};
