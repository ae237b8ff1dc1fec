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
} from "./chunk-2SHS2K5R.js";
import "./chunk-VSKSHDA5.js";
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
