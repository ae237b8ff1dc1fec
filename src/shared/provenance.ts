/**
 * Provenance attestation modes: the one type and the one default every
 * build path (build, publish, bake, digest-record, doctor's plan) uses.
 * Light on purpose: the schemas load it at start-up.
 */
export type Provenance = 'min' | 'max' | false;

/** What every build attaches when nothing is asked: a min provenance attestation (buildx's own default). */
export const DEFAULT_PROVENANCE: Provenance = 'min';
