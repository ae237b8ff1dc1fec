import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  BcError,
  ExitCode,
  badInput,
  envMissing,
  failed,
  notImplemented,
  refused,
  toBcError
} from "./chunk-6JMBDXIW.js";
import "./chunk-F7JS4Q65.js";
export {
  BcError,
  ExitCode,
  badInput,
  envMissing,
  failed,
  notImplemented,
  refused,
  toBcError
};
