/**
 * The modes and knobs a request takes, with their one default each:
 * provenance (build, publish, bake, digest-record, doctor's plan), `latest`
 * (publish, tags, merge), registry attempts and the per-command timeout.
 * core/request-fields.ts applies them when a flag or input is not given;
 * no other layer does. Light on purpose: the schemas load it at start-up.
 */
export type Provenance = 'min' | 'max' | false;

/** What every build attaches when nothing is asked: a min provenance attestation (buildx's own default). */
export const DEFAULT_PROVENANCE: Provenance = 'min';

/** Move `latest`: auto (only when this is the highest stable version), always, or never. */
export const LATEST_MODES = ['auto', 'true', 'false'] as const;
export type LatestMode = (typeof LATEST_MODES)[number];

/** The connector release tag: {dir} = the connector directory's name (--git-tag-format). */
export const DEFAULT_GIT_TAG_FORMAT = '{dir}/v{version}';

/** Attempts per registry operation (--retries, 1..20). */
export const DEFAULT_ATTEMPTS = 5;

/** Seconds per connector command during verify (--timeout). */
export const DEFAULT_TIMEOUT_SECONDS = 120;
