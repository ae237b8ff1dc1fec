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
} from "./chunk-UF6NUPZP.js";
import "./chunk-CDVMQLRB.js";
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
