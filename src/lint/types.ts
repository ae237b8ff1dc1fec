/** A lint finding; `lint --json` prints an array of these. Implemented in src/lint/. */
export type Severity = 'error' | 'warning';

export interface Finding {
  /** stable rule id, e.g. "entrypoint-env-match" or a metadata error path id */
  ruleId: string;
  severity: Severity;
  file: string;
  line: number;
  column: number;
  message: string;
  /**
   * The input could not be analysed at all (no FROM, unknown instruction,
   * unreadable metadata.yaml): `lint` exits 2 (bad input), not 1.
   */
  fatal?: boolean;
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
}
