import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  BcError,
  ExitCode,
  badInput,
  envMissing,
  failed,
  refused,
  toBcError
} from "./chunk-GBOMAGUQ.js";
import "./chunk-6ZG2IHFH.js";
export {
  BcError,
  ExitCode,
  badInput,
  envMissing,
  failed,
  refused,
  toBcError
};
