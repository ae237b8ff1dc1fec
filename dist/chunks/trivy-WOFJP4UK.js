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
} from "./chunk-FZ4FKNZY.js";
import "./chunk-UEN25T52.js";
import "./chunk-BPFYRHR7.js";
import "./chunk-BRC3U7YZ.js";
import "./chunk-4S36LVC7.js";
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
