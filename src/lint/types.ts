/** A lint finding; `lint --json` prints an array of these. Implemented in src/lint/. */
export type Severity = 'error' | 'warning';

export interface Finding {
  /** stable rule id, e.g. "entrypoint-env-match" or a metadata error path id */
  ruleId: string;
  severity: Severity;
  file: string;
  line: number;
  column: number;
  /** what is wrong, without the fix */
  message: string;
  /**
   * how to fix it, as the text after "fix: " (e.g. `USER airbyte`); text
   * output shows it after the message: findingText
   */
  fix?: string;
  /**
   * The input could not be analysed at all (no FROM, unknown instruction,
   * unreadable metadata.yaml): `lint` exits 2 (bad input), not 1.
   */
  fatal?: boolean;
  /** `file` is the Dockerfile build-connector rendered: it exists in no repository file */
  rendered?: true;
  /**
   * 'base': the value judged came from the base image's config or file
   * system (read by src/lint/base-facts.ts), not from this Dockerfile.
   * 'unresolved-base': a warning that would be decided by a base image lint
   * could not read. `base` names that image.
   */
  source?: 'base' | 'unresolved-base';
  base?: string;
  /**
   * Where the fact about the base that decided this finding came from: read
   * from the local engine or the registry, the bundled table
   * (src/lint/base-table-data.ts), or this Dockerfile (it creates the airbyte
   * user, so its base has none). Absent when no base fact was used.
   */
  facts?: FactSource;
}

/**
 * A finding's message with its fix, as every text shows it (lint's lines and
 * annotations, build's warnings, a failed lint step's details):
 * "MESSAGE; fix: FIX". The one place the two are joined.
 */
export function findingText(f: Pick<Finding, 'message' | 'fix'>): string {
  return f.fix === undefined ? f.message : `${f.message}; fix: ${f.fix}`;
}

/** Where a fact about the final stage's base image came from. */
type FactSource = 'engine' | 'registry' | 'table' | 'dockerfile';

/**
 * A value (or the absence of one) that a rule judges and that came from
 * outside the Dockerfile's own instructions: the base image `ref`, as known
 * from `from`. `detail` names the source in messages ("local engine, image
 * sha256:…", "bundled table, docker.io/library/python").
 */
export interface FactOrigin {
  ref: string;
  from: FactSource;
  detail: string;
}

export interface LintOptions {
  /** permitted write directories (default: Airbyte's /airbyte /tmp /secrets /config /custom_cache) */
  permittedWriteDirs?: string[];
  /**
   * Content of the .dockerignore that applies to the build context:
   * a string = that file; null = there is none; undefined = unknown
   * (a pure lintDockerfile call that was not told).
   */
  dockerignore?: string | null;
  /** values for ARGs (as `--build-arg` would give them); others stay unknown */
  buildArgs?: Record<string, string>;
  /** lint this stage as the final image instead of the last one (`--target`) */
  target?: string;
  /**
   * What the final stage's external base image gives (src/lint/base-facts.ts
   * resolveBaseFacts), or why it could not be read. Absent = not resolved:
   * rules that depend on the base say so with a warning.
   */
  baseFacts?: BaseFacts | BaseUnresolved;
}

export interface BaseUnresolved {
  unresolved: string;
  /** the base reference as far as it is known */
  ref?: string;
}

import type { PasswdEntry as PasswdUser } from '../shared/passwd.js';

export interface PathFacts {
  type: 'file' | 'dir' | 'symlink' | 'hardlink' | 'other';
  uid: number;
  gid: number;
  mode: number;
}

/** What the file system of the base image says (read from a created, never started, container). */
export interface BaseFsFacts {
  /**
   * the users in /etc/passwd; null = the image has no /etc/passwd. From the
   * table: only the airbyte account when the base has one (else empty).
   */
  passwd: PasswdUser[] | null;
  /** the /airbyte entry; null = absent */
  airbyteDir: PathFacts | null;
  /** the airbyte user's home directory entry (null = absent); undefined when there is no airbyte user */
  airbyteHome?: PathFacts | null;
}

export interface BaseFacts {
  /** the reference as written in FROM (after ARG expansion) */
  ref: string;
  /** image id (engine) or manifest digest (registry): the cache key; table: the reference's own digest, else '' */
  digest: string;
  /**
   * where the facts come from: read from the local engine or the registry, or
   * (when neither could read the image) the bundled table of known bases
   */
  from: 'engine' | 'registry' | 'table';
  platform: string;
  user: string;
  env: Record<string, string>;
  entrypoint: string[];
  workdir: string;
  labels: Record<string, string>;
  /** undefined: the file system was not read (registry source, or the probe failed) */
  fs?: BaseFsFacts;
  /**
   * 'table': `fs` is the bundled table's (the registry gave the config, not
   * the file system). Absent: `fs` came from where `from` says.
   */
  fsFrom?: 'table';
  /**
   * Config fields the source does not know (a table entry whose images differ
   * there, e.g. an ENTRYPOINT added in later releases). Their value here is
   * empty; rules do not conclude from it.
   */
  unknown?: Array<'entrypoint' | 'workdir'>;
  /** set when the table answered: the entry that matched, and why the image itself was not read */
  table?: { entry: string; unread: string };
}

/** A 1-based position in the Dockerfile. */
export interface Pos {
  line: number;
  column: number;
}
