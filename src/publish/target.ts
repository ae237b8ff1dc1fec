/**
 * Where a publish goes and which version it is: the repository and version
 * from metadata.yaml, Airbyte's registryOverrides for `--target cloud|oss`,
 * and the `--registry` / `--repository` / `--version` flags. Pure.
 */
import type { Connector } from '../connector/types.js';
import { BcError, badInput, where, type ErrorAt } from '../errors.js';
import { keyAt } from '../connector/metadata.js';
import { MAX_TAG_LENGTH, normalizeDockerHub, splitDomain, tagProblem } from '../shared/image-ref.js';

export type PublishTarget = 'cloud' | 'oss';

/** The metadata.yaml key a version came from (an error about the version is placed there). */
export type VersionAt = Omit<ErrorAt, 'problem'>;

/** A bad-input error about the version: `SOURCE: PROBLEM`, placed at its key when it came from one. */
export function versionError(source: string, at: VersionAt | undefined, problem: string, details: string[]): BcError {
  return new BcError('badInput', `${source}: ${problem}`, { details, ...(at ? { at: { ...at, problem } } : {}) });
}

interface TargetFlags {
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
  /** the metadata.yaml key it came from, when it came from one */
  versionAt?: VersionAt;
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
  const fromKey = (key: string): { versionSource: string; versionAt: VersionAt } => {
    const p = c.positionOf(key);
    return { versionSource: p ? `${where(p)} ${key}` : `${c.metadataPath} ${key}`, versionAt: keyAt(c, key) };
  };
  const { version, versionSource, versionAt } =
    f.version !== undefined
      ? { version: f.version, versionSource: '--release-version', versionAt: undefined }
      : f.target && override?.dockerImageTag
        ? { version: override.dockerImageTag, ...fromKey(`data.registryOverrides.${f.target}.dockerImageTag`) }
        : { version: c.version, ...fromKey('data.dockerImageTag') };
  // The version is the image tag: a flag or override the schema did not see is checked here.
  const problem = tagProblem(version);
  if (problem) throw versionError(versionSource, versionAt, `the version is the image tag: ${problem}`, [`fix: use a version of at most ${MAX_TAG_LENGTH} characters`]);
  const split = splitDomain(repository);
  const { domain: registry, path: repo } = normalizeDockerHub(f.registry ?? split.domain, split.path);
  if (!/^[a-z0-9]+([._-][a-z0-9]+)*(\/[a-z0-9]+([._-][a-z0-9]+)*)*$/.test(repo)) {
    throw badInput(`repository "${repo}" is not valid (lowercase path like airbyte/source-foo)`);
  }
  return { registry, repo, reference: `${registry}/${repo}`, version, versionSource, ...(versionAt ? { versionAt } : {}), notes };
}
