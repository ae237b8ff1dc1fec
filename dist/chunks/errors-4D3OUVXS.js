import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  BcError,
  ExitCode,
  badInput,
  envMissing,
  failed,
  refused,
  toBcError
} from "./chunk-YMRPEWEX.js";
import "./chunk-SZGEZ2XA.js";
export {
  BcError,
  ExitCode,
  badInput,
  envMissing,
  failed,
  refused,
  toBcError
};
