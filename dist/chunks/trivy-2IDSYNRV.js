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
} from "./chunk-YJHFLMLW.js";
import "./chunk-LKZBC7GO.js";
import "./chunk-ZBE7Q2QI.js";
import "./chunk-3LX63W6I.js";
import "./chunk-5R7AJT4B.js";
import "./chunk-F65AD7ZE.js";
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
