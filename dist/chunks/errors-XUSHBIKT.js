import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  BcError,
  ExitCode,
  badInput,
  envMissing,
  failed,
  refused,
  toBcError
} from "./chunk-RW67NCSM.js";
import "./chunk-GZBHEZT2.js";
export {
  BcError,
  ExitCode,
  badInput,
  envMissing,
  failed,
  refused,
  toBcError
};
