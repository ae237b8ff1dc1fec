import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  where
} from "./chunk-RGI7RSUZ.js";
import {
  MAX_TAG_LENGTH,
  normalizeDockerHub,
  splitDomain,
  tagProblem
} from "./chunk-Q4DKEBY5.js";
import {
  badInput
} from "./chunk-7ZR53DCF.js";
import {
  init_define_BC_HELP
} from "./chunk-4S36LVC7.js";

// src/publish/target.ts
init_define_BC_HELP();
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
  const pos = (path) => {
    const p = c.positionOf(path);
    return p ? `${where(p)} ${path}` : `${c.metadataPath} ${path}`;
  };
  let version;
  let versionSource;
  if (f.version !== void 0) {
    version = f.version;
    versionSource = "--release-version";
  } else if (f.target && override?.dockerImageTag) {
    version = override.dockerImageTag;
    versionSource = pos(`data.registryOverrides.${f.target}.dockerImageTag`);
  } else {
    version = c.version;
    versionSource = pos("data.dockerImageTag");
  }
  const problem = tagProblem(version);
  if (problem) throw badInput(`${versionSource}: the version is the image tag: ${problem}`, [`fix: use a version of at most ${MAX_TAG_LENGTH} characters`]);
  const split = splitDomain(repository);
  const { domain: registry, path: repo } = normalizeDockerHub(f.registry ?? split.domain, split.path);
  if (!/^[a-z0-9]+([._-][a-z0-9]+)*(\/[a-z0-9]+([._-][a-z0-9]+)*)*$/.test(repo)) {
    throw badInput(`repository "${repo}" is not valid (lowercase path like airbyte/source-foo)`);
  }
  return { registry, repo, reference: `${registry}/${repo}`, version, versionSource, notes };
}

export {
  splitRepository,
  resolveTarget
};
