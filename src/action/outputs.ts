/**
 * The Action's outputs. One connector: plain values. Several connectors:
 * every output is a JSON object keyed by connector (directory name), so a
 * workflow reads `fromJSON(steps.x.outputs.digest)['source-foo']`. Pure.
 *
 * `labels`, `annotations` and `json` are named and shaped as
 * docker/metadata-action's: `KEY=VALUE` lines, `index:KEY=VALUE` /
 * `manifest:KEY=VALUE` lines, and one JSON object with tags, labels and
 * annotations (plus the rest of the result).
 */
import { LOCAL_TAG } from '../core/images/prepare.js';
import type { ConnectorOutcome } from './types.js';

export const OUTPUT_NAMES = ['digest', 'image', 'tags', 'platforms', 'report', 'result', 'labels', 'annotations', 'json', 'sbom'] as const;
/** Set only with `changed-since` (see src/monorepo/matrix.ts for their shape). */
export const MATRIX_OUTPUTS = ['matrix', 'platform-matrix', 'changed'] as const;
type OutputName = (typeof OUTPUT_NAMES)[number];

/**
 * The references of the image this run produced. Pushed: repository@digest
 * (and the tags written). Built (command build): the engine's references it
 * was loaded under, REPO:VERSION first. A verified image lives in the
 * runner's engine only under a run tag that is removed: none.
 */
function loadedRefs(o: ConnectorOutcome): string[] {
  if (o.result !== 'built') return [];
  if (o.loadedTags && o.loadedTags.length > 0) return o.loadedTags;
  // the CLI's default tags of a load (src/core/images/prepare.ts)
  return o.repository && o.version ? [`${o.repository}:${o.version}`, `${o.repository}:${LOCAL_TAG}`] : [];
}

function imageOf(o: ConnectorOutcome): string {
  const pushed = o.result === 'published' || o.result === 'already-published';
  if (pushed) return o.repository && o.digest ? `${o.repository}@${o.digest}` : '';
  return loadedRefs(o)[0] ?? '';
}

function tagsOf(o: ConnectorOutcome): string[] {
  return o.result === 'built' ? loadedRefs(o) : o.tags;
}

const labelsOf = (o: ConnectorOutcome): Record<string, string> => o.labels ?? {};
const annotationsOf = (o: ConnectorOutcome): string[] => o.annotations ?? [];
/** platform → the attached SBOM's reference (repository@digest) */
const sbomOf = (o: ConnectorOutcome): Record<string, string> =>
  Object.fromEntries(Object.entries(o.sbom ?? {}).flatMap(([p, s]) => (s.ref ? [[p, s.ref]] : [])));

/** The whole result of one connector, as the `json` output holds it. */
function jsonOf(o: ConnectorOutcome): Record<string, unknown> {
  return {
    result: o.result,
    image: imageOf(o),
    digest: o.digest ?? '',
    repository: o.repository ?? '',
    version: o.version ?? '',
    platforms: o.platforms,
    platformDigests: o.platformDigests,
    tags: tagsOf(o),
    skippedTags: o.skippedTags,
    labels: labelsOf(o),
    annotations: annotationsOf(o),
    sbom: sbomOf(o),
    report: o.reportPath ?? '',
    ...(o.error ? { error: { message: o.error.message, exitCode: o.error.exitCode, ...(o.error.step ? { step: o.error.step } : {}) } } : {}),
  };
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
      labels: Object.entries(labelsOf(o))
        .map(([k, v]) => `${k}=${v}`)
        .join('\n'),
      annotations: annotationsOf(o).join('\n'),
      json: JSON.stringify(jsonOf(o)),
      sbom: Object.entries(sbomOf(o))
        .map(([p, ref]) => `${p}=${ref}`)
        .join('\n'),
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
    labels: keyed(labelsOf),
    annotations: keyed(annotationsOf),
    json: keyed(jsonOf),
    sbom: keyed(sbomOf),
  };
}
