import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  BcError,
  ExitCode,
  badInput,
  envMissing,
  failed,
  refused,
  toBcError
} from "./chunk-UKZEXR6B.js";
import "./chunk-CBKKNZPR.js";
export {
  BcError,
  ExitCode,
  badInput,
  envMissing,
  failed,
  refused,
  toBcError
};
