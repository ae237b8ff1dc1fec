/**
 * Where a publish goes and which version it is: the repository and version
 * from metadata.yaml, Airbyte's registryOverrides for `--target cloud|oss`,
 * and the `--registry` / `--repository` / `--version` flags. Pure.
 */
import type { Connector } from '../connector/types.js';
import { where } from '../connector/metadata.js';
import { badInput } from '../errors.js';
import { MAX_TAG_LENGTH, normalizeDockerHub, splitDomain, tagProblem } from '../shared/image-ref.js';

export type PublishTarget = 'cloud' | 'oss';

export interface TargetFlags {
  registry?: string;
  repository?: string;
  target?: PublishTarget;
  version?: string;
}

export interface ResolvedTarget {
  /** host[:port], e.g. localhost:5000, docker.io */
  registry: string;
  /** path inside the registry, e.g. airbyte/source-hello */
  repo: string;
  /** registry/repo as users write it */
  reference: string;
  version: string;
  /** where the version came from, for messages */
  versionSource: string;
  notes: string[];
}

/** Split "host/path" → registry and path; Docker Hub when there is no host. */
export function splitRepository(ref: string): { registry: string | undefined; path: string } {
  const { domain, path } = splitDomain(ref);
  return { registry: domain, path };
}

export function resolveTarget(c: Connector, f: TargetFlags): ResolvedTarget {
  const notes: string[] = [];
  const override = f.target ? c.registryOverrides[f.target] : undefined;
  if (f.target && !override?.dockerRepository && !override?.dockerImageTag) {
    notes.push(`--target ${f.target}: metadata.yaml has no data.registryOverrides.${f.target}; using data.dockerRepository / data.dockerImageTag`);
  }
  const repository = f.repository ?? override?.dockerRepository ?? c.repository;
  const pos = (path: string) => {
    const p = c.positionOf(path);
    return p ? `${where(p)} ${path}` : `${c.metadataPath} ${path}`;
  };
  let version: string;
  let versionSource: string;
  if (f.version !== undefined) {
    version = f.version;
    versionSource = '--release-version';
  } else if (f.target && override?.dockerImageTag) {
    version = override.dockerImageTag;
    versionSource = pos(`data.registryOverrides.${f.target}.dockerImageTag`);
  } else {
    version = c.version;
    versionSource = pos('data.dockerImageTag');
  }
  // The version is the image tag: a flag or override the schema did not see is checked here.
  const problem = tagProblem(version);
  if (problem) throw badInput(`${versionSource}: the version is the image tag: ${problem}`, [`fix: use a version of at most ${MAX_TAG_LENGTH} characters`]);
  const split = splitDomain(repository);
  const { domain: registry, path: repo } = normalizeDockerHub(f.registry ?? split.domain, split.path);
  if (!/^[a-z0-9]+([._-][a-z0-9]+)*(\/[a-z0-9]+([._-][a-z0-9]+)*)*$/.test(repo)) {
    throw badInput(`repository "${repo}" is not valid (lowercase path like airbyte/source-foo)`);
  }
  return { registry, repo, reference: `${registry}/${repo}`, version, versionSource, notes };
}
