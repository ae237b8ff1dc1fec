import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  BcError,
  ExitCode,
  badInput,
  envMissing,
  failed,
  refused,
  toBcError
} from "./chunk-5R7AJT4B.js";
import "./chunk-F65AD7ZE.js";
export {
  BcError,
  ExitCode,
  badInput,
  envMissing,
  failed,
  refused,
  toBcError
};
