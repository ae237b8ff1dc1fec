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
} from "./chunk-NCNAGE66.js";
import "./chunk-BBPJ244V.js";
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
