/**
 * Platforms: the one definition of the default set, the grammar and the
 * parsing every shell and every flow uses (metadata.yaml, build-connector.yaml,
 * CLI flags, Action inputs, digest records, verify).
 *
 * Grammar: linux/arch[/variant], lowercase (what BuildKit's platform parser
 * accepts after normalising, e.g. linux/amd64, linux/arm64, linux/arm/v7).
 */
import { z } from 'zod';

/** What we build by default: linux/amd64 is required of every connector image; arm64 serves Apple silicon and Graviton. */
export const DEFAULT_PLATFORMS: readonly string[] = Object.freeze(['linux/amd64', 'linux/arm64']);

/**
 * A connector's platforms, decided once: the ones asked for (a flag, an
 * input), else metadata.yaml's data.buildConnector.platforms, else
 * DEFAULT_PLATFORMS. An empty list counts as not given. The build's plan
 * (render/plan.ts) and a merge of digest records decide by this one rule.
 */
export function connectorPlatforms(asked: readonly string[] | undefined, declared: readonly string[] | undefined): string[] {
  const given = [asked, declared].find((p) => p !== undefined && p.length > 0);
  return [...(given ?? DEFAULT_PLATFORMS)];
}

/** The platform every connector image must have (the Airbyte platform runs amd64). */
export const REQUIRED_PLATFORM = 'linux/amd64';

/** Connector images are Linux images: os/arch[/variant] with os linux. */
export const PLATFORM_RE = /^linux\/[a-z0-9_]+(\/[a-z0-9]+)?$/;

export const PlatformSchema = z.string().regex(PLATFORM_RE, { error: (i) => `"${String(i.input)}" is not a linux platform like linux/amd64 or linux/arm64` });

export function isPlatform(value: string): boolean {
  return PLATFORM_RE.test(value);
}

/** The invalid entries of a list (empty when all are platforms). */
export function invalidPlatforms(platforms: readonly string[]): string[] {
  return platforms.filter((p) => !isPlatform(p));
}

/** The arch part used in file names and tags: linux/arm/v7 → arm-v7. */
export function archOf(platform: string): string {
  return platform.split('/').slice(1).join('-');
}

/** Requested (or default) platforms with linux/amd64 first and always present: what verify checks. */
export function withRequired(requested: readonly string[] | undefined): string[] {
  return [...new Set([REQUIRED_PLATFORM, ...(requested ?? DEFAULT_PLATFORMS)])];
}

/** The platform string of an OCI platform object. */
export function platformString(p: { os: string; architecture: string; variant?: string | undefined }): string {
  return [p.os, p.architecture, p.variant].filter((x) => x !== undefined && x !== '').join('/');
}

/** An OCI platform object from a platform string. */
export function platformObject(platform: string): { os: string; architecture: string; variant?: string } {
  const [os = '', architecture = '', variant] = platform.split('/');
  return variant ? { os, architecture, variant } : { os, architecture };
}
