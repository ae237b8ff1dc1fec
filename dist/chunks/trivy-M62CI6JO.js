import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  GENERATOR_VERSION,
  JAVA_INDEX_SCHEMA,
  binaryIn,
  ensureJavaIndex,
  generatorArch,
  generatorPackage,
  installArgv,
  locateGenerator,
  runTrivy,
  sbomCacheDir,
  trivyArgv
} from "./chunk-ZNLNUPC5.js";
import "./chunk-FXOVBKVK.js";
import "./chunk-27HXEBHL.js";
import "./chunk-6NTUZ74M.js";
import "./chunk-YMRPEWEX.js";
import "./chunk-SZGEZ2XA.js";
export {
  GENERATOR_VERSION,
  JAVA_INDEX_SCHEMA,
  binaryIn,
  ensureJavaIndex,
  generatorArch,
  generatorPackage,
  installArgv,
  locateGenerator,
  runTrivy,
  sbomCacheDir,
  trivyArgv
};
