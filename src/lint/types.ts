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
}
