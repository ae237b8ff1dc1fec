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
} from "./chunk-H2O5TF5C.js";
import "./chunk-UEN25T52.js";
import "./chunk-N2CKSR53.js";
import "./chunk-AQYICBEV.js";
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
