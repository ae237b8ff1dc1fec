/**
 * The Action's outputs. One connector: plain values. Several connectors:
 * every output is a JSON object keyed by connector (directory name), so a
 * workflow reads `fromJSON(steps.x.outputs.digest)['source-foo']`. Pure.
 */
import type { ConnectorOutcome, OutcomeResult } from './types.js';

export const OUTPUT_NAMES = ['digest', 'image', 'tags', 'platforms', 'report', 'result'] as const;
/** Set only with `changed-since` (see src/monorepo/matrix.ts for their shape). */
export const MATRIX_OUTPUTS = ['matrix', 'platform-matrix', 'changed'] as const;
export type OutputName = (typeof OUTPUT_NAMES)[number];

/** repository@digest exists only once pushed; a verified or built image lives in the runner's engine only. */
function imageOf(o: ConnectorOutcome): string {
  const pushed = o.result === 'published' || o.result === 'already-published';
  return pushed && o.repository && o.digest ? `${o.repository}@${o.digest}` : '';
}

function tagsOf(o: ConnectorOutcome): string[] {
  return o.tags;
}

/** failed > built > verified > already-published > published: the summary of many. */
const RANK: OutcomeResult[] = ['published', 'already-published', 'verified', 'built', 'failed'];

export function overallResult(outcomes: ConnectorOutcome[]): OutcomeResult {
  if (outcomes.length === 0) return 'failed';
  return outcomes.map((o) => o.result).reduce((a, b) => (RANK.indexOf(b) > RANK.indexOf(a) ? b : a));
}

export function outputsFor(outcomes: ConnectorOutcome[]): Record<OutputName, string> {
  if (outcomes.length === 1) {
    const o = outcomes[0] as ConnectorOutcome;
    return {
      digest: o.digest ?? '',
      image: imageOf(o),
      tags: tagsOf(o).join('\n'),
      platforms: o.platforms.join(','),
      report: o.reportPath ?? '',
      result: o.result,
    };
  }
  const keyed = <T>(f: (o: ConnectorOutcome) => T) => JSON.stringify(Object.fromEntries(outcomes.map((o) => [o.key, f(o)])));
  return {
    digest: keyed((o) => o.digest ?? ''),
    image: keyed(imageOf),
    tags: keyed(tagsOf),
    platforms: keyed((o) => o.platforms),
    report: keyed((o) => o.reportPath ?? ''),
    result: keyed((o) => o.result),
  };
}
