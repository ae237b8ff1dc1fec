import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  where
} from "./chunk-ER4JP5BU.js";
import {
  MAX_TAG_LENGTH,
  tagProblem
} from "./chunk-ZYH5R5FA.js";
import {
  badInput
} from "./chunk-MATTDRBK.js";
import {
  init_define_BC_HELP
} from "./chunk-RB4QTDT4.js";

// src/publish/target.ts
init_define_BC_HELP();
var isHost = (s) => s === "localhost" || s.includes(".") || s.includes(":");
function splitRepository(ref) {
  const [first, ...rest] = ref.split("/");
  if (rest.length > 0 && first !== void 0 && isHost(first)) return { registry: first, path: rest.join("/") };
  return { registry: void 0, path: ref };
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
  const split = splitRepository(repository);
  let registry = f.registry ?? split.registry ?? "docker.io";
  if (registry === "index.docker.io" || registry === "registry-1.docker.io") registry = "docker.io";
  let repo = split.path;
  if (registry === "docker.io" && !repo.includes("/")) repo = `library/${repo}`;
  if (!/^[a-z0-9]+([._-][a-z0-9]+)*(\/[a-z0-9]+([._-][a-z0-9]+)*)*$/.test(repo)) {
    throw badInput(`repository "${repo}" is not valid (lowercase path like airbyte/source-foo)`);
  }
  return { registry, repo, reference: `${registry}/${repo}`, version, versionSource, notes };
}

export {
  splitRepository,
  resolveTarget
};
