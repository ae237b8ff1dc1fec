/**
 * Content digests: the one sha256 digest grammar (OCI image spec,
 * "Digests": only sha256 is written by the tools we drive) and the one
 * function that computes one.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';

/** `sha256:` and 64 lowercase hex digits, as source text for larger patterns (image references). */
export const DIGEST_PATTERN = 'sha256:[a-f0-9]{64}';

export const DIGEST_RE = new RegExp(`^${DIGEST_PATTERN}$`);

/** A sha256 digest at a boundary (tool output, records, caches). */
export const DigestSchema = z.string().regex(DIGEST_RE, 'not a sha256 digest');

export function isDigest(value: string): boolean {
  return DIGEST_RE.test(value);
}

/** The digest of these bytes: `sha256:<hex>`. */
export function sha256Digest(bytes: Buffer | string): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** A reference pinned by digest: `…@sha256:<hex>` at its end. */
export const DIGEST_REF_RE = new RegExp(`@${DIGEST_PATTERN}$`);
