import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  keyAt
} from "./chunk-ATMBG6MK.js";
import {
  MAX_TAG_LENGTH,
  normalizeDockerHub,
  splitDomain,
  tagProblem
} from "./chunk-AC6MT37A.js";
import {
  BcError,
  badInput,
  where
} from "./chunk-BSQYAL4K.js";
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/publish/target.ts
init_define_BC_HELP();
function versionError(source, at, problem, details) {
  return new BcError("badInput", `${source}: ${problem}`, { details, ...at ? { at: { ...at, problem } } : {} });
}
function splitRepository(ref) {
  const { domain, path } = splitDomain(ref);
  return { registry: domain, path };
}
function resolveTarget(c, f) {
  const notes = [];
  const override = f.target ? c.registryOverrides[f.target] : void 0;
  if (f.target && !override?.dockerRepository && !override?.dockerImageTag) {
    notes.push(`--target ${f.target}: metadata.yaml has no data.registryOverrides.${f.target}; using data.dockerRepository / data.dockerImageTag`);
  }
  const repository = f.repository ?? override?.dockerRepository ?? c.repository;
  const fromKey = (key) => {
    const p = c.positionOf(key);
    return { versionSource: p ? `${where(p)} ${key}` : `${c.metadataPath} ${key}`, versionAt: keyAt(c, key) };
  };
  const { version, versionSource, versionAt } = f.version !== void 0 ? { version: f.version, versionSource: "--release-version", versionAt: void 0 } : f.target && override?.dockerImageTag ? { version: override.dockerImageTag, ...fromKey(`data.registryOverrides.${f.target}.dockerImageTag`) } : { version: c.version, ...fromKey("data.dockerImageTag") };
  const problem = tagProblem(version);
  if (problem) throw versionError(versionSource, versionAt, `the version is the image tag: ${problem}`, [`fix: use a version of at most ${MAX_TAG_LENGTH} characters`]);
  const split = splitDomain(repository);
  const { domain: registry, path: repo } = normalizeDockerHub(f.registry ?? split.domain, split.path);
  if (!/^[a-z0-9]+([._-][a-z0-9]+)*(\/[a-z0-9]+([._-][a-z0-9]+)*)*$/.test(repo)) {
    throw badInput(`repository "${repo}" is not valid (lowercase path like airbyte/source-foo)`);
  }
  return { registry, repo, reference: `${registry}/${repo}`, version, versionSource, ...versionAt ? { versionAt } : {}, notes };
}

export {
  versionError,
  splitRepository,
  resolveTarget
};
