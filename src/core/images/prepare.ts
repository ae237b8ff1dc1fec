/**
 * Plan the buildx call (pure): from the build plan, the options and what the
 * builder can do, decide the request, the tags and whether the digest will be
 * reproducible — and refuse, before the slow build, what the builder cannot
 * do (exit 3 with the fix).
 */
import { BcError } from '../../errors.js';
import { invalidPlatforms } from '../../shared/platforms.js';
import { type BuildRequest } from '../../docker/buildx.js';
import type { Provenance } from '../../shared/modes.js';
import { unsupportedPlatforms, type BuilderCapabilities } from '../../docker/buildx-capabilities.js';
import type { BuildPlan } from '../../render/types.js';
import type { BuildOptions } from './result.js';

/** the second local tag of a loaded build (Airbyte's convention for local builds) */
export const LOCAL_TAG = 'dev';

export interface PreparedBuild {
  request: BuildRequest;
  platforms: string[];
  tags: string[];
  reproducible: { index: boolean; manifests: boolean; reason: string };
  provenance: Provenance;
}

export function defaultTags(plan: BuildPlan, output: 'load' | 'oci'): string[] {
  const repo = plan.connector.repository;
  return output === 'load' ? [`${repo}:${plan.connector.version}`, `${repo}:${LOCAL_TAG}`] : [`${repo}:${plan.connector.version}`];
}

function checkPlatforms(platforms: readonly string[]): void {
  const bad = invalidPlatforms(platforms);
  if (bad.length > 0) throw new BcError('badInput', `invalid platform ${bad.map((b) => `"${b}"`).join(', ')}`, { details: ['expected os/arch[/variant], e.g. linux/amd64,linux/arm64'] });
  if (platforms.length === 0) throw new BcError('badInput', 'no platform to build');
}

export function prepareBuild(
  plan: BuildPlan,
  opts: BuildOptions,
  caps: BuilderCapabilities,
  files: { dockerfile: string; metadataFile: string },
): PreparedBuild {
  // the plan decided the platforms (resolvePlan); a build may narrow them (digest-record: one platform)
  const platforms = opts.platforms ?? plan.platforms;
  checkPlatforms(platforms);
  const output = opts.output ?? { type: 'load' as const };
  const provenance = opts.provenance;

  const missing = unsupportedPlatforms(caps, platforms);
  if (missing.length > 0) {
    throw new BcError('environment', `builder "${caps.builder}" (${caps.driver} driver) cannot build ${missing.join(', ')}`, {
      step: 'preflight',
      details: [
        `it can build: ${caps.platforms.join(', ') || 'nothing reported'}`,
        missing.some((p) => p.includes('arm'))
          ? 'fix: enable emulation (update-binfmts --enable qemu-aarch64, or install qemu-user-static), then build-connector doctor'
          : `fix: drop ${missing.join(', ')} from --platform, or use a builder with that platform (emulation or a native node)`,
      ],
    });
  }
  if (platforms.length > 1 && !caps.multiPlatformBuild) {
    throw new BcError('environment', `the ${caps.driver} driver on this engine cannot build several platforms at once`, {
      step: 'preflight',
      details: [
        'fix: enable the containerd image store ({"features":{"containerd-snapshotter":true}} in /etc/docker/daemon.json, restart dockerd)',
        '     or use a docker-container builder: docker buildx create --use',
      ],
    });
  }
  if (output.type === 'load' && platforms.length > 1 && !caps.multiPlatformLoad) {
    throw new BcError('environment', `cannot --load a ${platforms.length}-platform image into this engine`, {
      step: 'preflight',
      details: [
        ...caps.notes.filter((n) => /load/.test(n)).map((n) => `why: ${n}`),
        'fix: enable the containerd image store ({"features":{"containerd-snapshotter":true}} in /etc/docker/daemon.json, restart dockerd)',
        '     or write an OCI archive instead: --output oci=FILE',
      ],
    });
  }
  if (output.type === 'oci' && !caps.ociOutput) {
    throw new BcError('environment', `the ${caps.driver} driver on this engine cannot write an OCI archive`, {
      step: 'preflight',
      details: ['fix: enable the containerd image store, or use a docker-container builder (docker buildx create --use)'],
    });
  }

  const tags = opts.tags && opts.tags.length > 0 ? opts.tags : defaultTags(plan, output.type);
  const rewrite = output.type === 'oci' && caps.rewriteTimestamp.oci;
  const reproducible = reproducibility(output.type, rewrite, provenance, caps);
  const request: BuildRequest = {
    context: plan.context,
    dockerfile: files.dockerfile,
    platforms,
    tags,
    labels: plan.labels,
    ...(caps.annotations && plan.annotations ? { annotations: plan.annotations } : {}),
    // The plan's build args (custom mode's BASE_IMAGE override) under the user's.
    buildArgs: mergedBuildArgs(plan, opts),
    metadataFile: files.metadataFile,
    provenance,
    cacheFrom: opts.cacheFrom,
    cacheTo: opts.cacheTo,
    progress: 'plain',
    output: output.type === 'oci' ? { type: 'oci', dest: output.dest, rewriteTimestamp: rewrite, ...(output.layout === 'dir' ? { tar: false } : {}) } : { type: 'load' },
    builder: opts.builder,
    noCache: opts.noCache,
    // a python install from a package index: its secrets, and host networking for a loopback index
    ...(plan.buildNetwork === 'host' ? { network: 'host' as const } : {}),
    ...(plan.buildSecrets && plan.buildSecrets.length > 0 ? { secrets: plan.buildSecrets } : {}),
  };
  return { request, platforms, tags, reproducible, provenance };
}

export function reproducibility(
  output: 'load' | 'oci',
  rewrite: boolean,
  provenance: Provenance,
  caps: Pick<BuilderCapabilities, 'driver' | 'effectiveBuildkit'>,
): PreparedBuild['reproducible'] {
  if (output === 'load') {
    return {
      index: false,
      manifests: false,
      reason:
        caps.driver === 'docker'
          ? 'loaded images keep file timestamps (the docker driver cannot rewrite-timestamp on the image exporter); use --output oci=FILE'
          : 'loaded images are built without rewrite-timestamp; use --output oci=FILE',
    };
  }
  if (!rewrite) {
    return { index: false, manifests: false, reason: `BuildKit ${caps.effectiveBuildkit ?? '(unknown version)'} cannot rewrite-timestamp (needs >= 0.13)` };
  }
  if (provenance !== false) {
    return {
      index: false,
      manifests: true,
      reason: 'per-platform manifests are reproducible; the index is not, because provenance attestations record the build id and times (use --provenance false for a reproducible index)',
    };
  }
  return { index: true, manifests: true, reason: 'OCI archive with rewrite-timestamp and SOURCE_DATE_EPOCH, no provenance' };
}

/** The plan's own build args (e.g. BASE_IMAGE for a custom Dockerfile) with the user's on top. */
function mergedBuildArgs(plan: BuildPlan, opts: { buildArgs?: Record<string, string> }): Record<string, string> | undefined {
  const merged = { ...(plan.buildArgs ?? {}), ...(opts.buildArgs ?? {}) };
  return Object.keys(merged).length > 0 ? merged : undefined;
}
