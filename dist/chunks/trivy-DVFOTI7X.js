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
} from "./chunk-FU5XKB33.js";
import "./chunk-STCCTQUZ.js";
import "./chunk-RDTZURDF.js";
import "./chunk-HG4DKFTF.js";
import "./chunk-GBOMAGUQ.js";
import "./chunk-6ZG2IHFH.js";
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
