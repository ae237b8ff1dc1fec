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
} from "./chunk-G6GUSTSF.js";
import "./chunk-IOSLR57L.js";
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
