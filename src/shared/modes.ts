/**
 * The modes a build and a publish take, with their one default each:
 * provenance (build, publish, bake, digest-record, doctor's plan) and
 * `latest` (publish, tags, merge). Light on purpose: the schemas load it at
 * start-up.
 */
export type Provenance = 'min' | 'max' | false;

/** What every build attaches when nothing is asked: a min provenance attestation (buildx's own default). */
export const DEFAULT_PROVENANCE: Provenance = 'min';

/** Move `latest`: auto (only when this is the highest stable version), always, or never. */
export const LATEST_MODES = ['auto', 'true', 'false'] as const;
export type LatestMode = (typeof LATEST_MODES)[number];
