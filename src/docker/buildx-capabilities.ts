/**
 * What the current buildx builder can do, decided from facts rather than
 * assumed. The rules (pure, unit-tested) and where each comes from:
 *
 * - `docker` driver, classic image store: one platform per build, `--load`
 *   only; no OCI/tar exporters ("The docker driver doesn't support these
 *   exporters", docs.docker.com/build/exporters/oci-docker/).
 * - `docker` driver, containerd image store: multi-platform build and `--load`
 *   of the index; the OCI exporter works (buildx enables the other exporters
 *   when the engine uses containerd, docker/buildx#1262; verified on this
 *   machine, see /work/shared/ENGINE.md). Not available: `push-by-digest`
 *   ("not implemented for docker driver") and `rewrite-timestamp` on the image
 *   exporter (it forces an unpack). `rewrite-timestamp` on the OCI exporter
 *   needs the engine's embedded BuildKit ≥ 0.13, i.e. Engine ≥ 26.
 * - `docker-container`, `kubernetes`, `remote`: all exporters, `push-by-digest`;
 *   `rewrite-timestamp` needs BuildKit ≥ 0.13 (the option is documented for
 *   the image and OCI exporters since BuildKit v0.13, moby/buildkit
 *   docs/build-repro.md). Multi-platform `--load` works only into an engine
 *   with the containerd image store (buildx ≥ 0.11 then loads through the OCI
 *   exporter, docker/buildx#1813) and only from a single-node builder
 *   ("oci for multi-node builds currently not supported", docker/buildx#2007);
 *   otherwise buildx fails with "docker exporter does not currently support
 *   exporting manifest lists".
 * - Provenance attestations carry a build id and start/finish times, so with
 *   provenance on only the per-platform manifests can be reproducible, never
 *   the index (checked on this machine).
 */
import { z } from 'zod';
import semver from 'semver';
import { builderFacts, builderSupports, buildxVersion, chooseBuilder, dockerInfo, isContainerdStore } from './engine.js';
import { capabilitiesCacheKey, dropCachedCapabilities, readCachedCapabilities, writeCachedCapabilities } from './buildx-cache.js';

export interface CapabilityFacts {
  builder: string;
  driver: string;
  nodes: number;
  platforms: string[];
  buildxVersion: string;
  /** BuildKit of the builder node ("v0.0.0+unknown" on distro builds of the engine → undefined) */
  buildkitVersion: string | undefined;
  engineVersion: string | undefined;
  /** undefined when unknown (remote builders may not have a local engine) */
  containerdStore: boolean | undefined;
}

export interface BuilderCapabilities extends CapabilityFacts {
  /** BuildKit version the rules used (the node's, else derived from the engine for the docker driver) */
  effectiveBuildkit: string | undefined;
  multiPlatformBuild: boolean;
  multiPlatformLoad: boolean;
  ociOutput: boolean;
  pushByDigest: boolean;
  rewriteTimestamp: { oci: boolean; image: boolean };
  /** `--annotation index:/manifest:` on OCI and image outputs (buildx >= 0.12, BuildKit >= 0.11) */
  annotations: boolean;
  /** why a capability is missing, one line each, for messages and --json */
  notes: string[];
  /** answered from the probe cache (trusted for "yes" only; refusals are re-probed) */
  fromCache?: boolean;
}

const coerce = (v: string | undefined) => (v ? semver.coerce(v)?.version : undefined);
const atLeast = (v: string | undefined, min: string) => (v ? semver.gte(v, min) : false);

/** The BuildKit an engine embeds, as far as the rules care (moby vendors 0.13 since 26.0). */
function buildkitOfEngine(engine: string | undefined): string | undefined {
  const v = coerce(engine);
  if (!v) return undefined;
  if (semver.gte(v, '26.0.0')) return '0.13.0';
  if (semver.gte(v, '25.0.0')) return '0.12.0';
  return '0.11.0';
}

export function capabilitiesFrom(f: CapabilityFacts): BuilderCapabilities {
  const notes: string[] = [];
  const nodeBk = coerce(f.buildkitVersion);
  const realNodeBk = nodeBk && nodeBk !== '0.0.0' ? nodeBk : undefined;
  const isDocker = f.driver === 'docker';
  const effectiveBuildkit = realNodeBk ?? (isDocker ? buildkitOfEngine(f.engineVersion) : undefined);
  const bk13 = atLeast(effectiveBuildkit, '0.13.0');
  if (!bk13) notes.push(`BuildKit ${effectiveBuildkit ?? 'version unknown'} < 0.13: no rewrite-timestamp, so digests are not reproducible`);
  const annotations = atLeast(coerce(f.buildxVersion), '0.12.0') && atLeast(effectiveBuildkit, '0.11.0');
  if (!annotations) notes.push('buildx < 0.12 or BuildKit < 0.11: no OCI annotations on the index and manifests (the labels are still set)');

  if (isDocker) {
    const c8d = f.containerdStore === true;
    if (!c8d) notes.push('docker driver on the classic image store: one platform per build, --load only (enable the containerd image store)');
    notes.push('docker driver: no push-by-digest and no rewrite-timestamp on pushed/loaded images (use the OCI archive)');
    return {
      ...f,
      effectiveBuildkit,
      multiPlatformBuild: c8d,
      multiPlatformLoad: c8d,
      ociOutput: c8d,
      pushByDigest: false,
      rewriteTimestamp: { oci: c8d && bk13, image: false },
      annotations,
      notes,
    };
  }
  let multiPlatformLoad = f.containerdStore === true && atLeast(coerce(f.buildxVersion), '0.11.0') && f.nodes <= 1;
  if (!multiPlatformLoad) {
    notes.push(
      f.nodes > 1
        ? `${f.driver} builder with ${f.nodes} nodes cannot --load a multi-platform image (docker/buildx#2007)`
        : `${f.driver} driver: multi-platform --load needs the local engine's containerd image store and buildx >= 0.11`,
    );
  }
  if (f.containerdStore === undefined) multiPlatformLoad = false;
  return {
    ...f,
    effectiveBuildkit,
    multiPlatformBuild: true,
    multiPlatformLoad,
    ociOutput: true,
    pushByDigest: true,
    rewriteTimestamp: { oci: bk13, image: bk13 },
    annotations,
    notes,
  };
}

const NodeVersionSchema = z.object({ Version: z.string().optional() }).loose();

const CapabilityFactsSchema = z.object({
  builder: z.string(),
  driver: z.string(),
  nodes: z.number().int().nonnegative(),
  platforms: z.array(z.string()),
  buildxVersion: z.string(),
  buildkitVersion: z.string().optional(),
  engineVersion: z.string().optional(),
  containerdStore: z.boolean().optional(),
});

export interface DetectOptions {
  /** use / fill the short-lived probe cache (buildx-cache.ts); default false */
  cache?: boolean;
  /** probe even when a cached answer exists (and refresh the cache) */
  refresh?: boolean;
}

/**
 * What the builder `docker buildx build --builder NAME` would use can do
 * (NAME, else BUILDX_BUILDER, else the current one, else the first listed).
 * With `cache`, a fresh cached answer skips the probes (`fromCache: true`).
 */
export async function detectCapabilities(builderName?: string, opts: DetectOptions = {}): Promise<BuilderCapabilities> {
  const key = opts.cache ? await capabilitiesCacheKey(builderName) : undefined;
  if (key && !opts.refresh) {
    const cached = CapabilityFactsSchema.safeParse(await readCachedCapabilities(key));
    if (cached.success) {
      const f = cached.data;
      const facts: CapabilityFacts = { ...f, buildkitVersion: f.buildkitVersion, engineVersion: f.engineVersion, containerdStore: f.containerdStore };
      return { ...capabilitiesFrom(facts), fromCache: true };
    }
  }
  const facts = await probeFacts(builderName);
  if (key) await writeCachedCapabilities(key, facts);
  return capabilitiesFrom(facts);
}

/** Forget the cached answer (after buildx failed for an environment reason). */
export async function forgetCapabilities(builderName?: string): Promise<void> {
  await dropCachedCapabilities(await capabilitiesCacheKey(builderName));
}

/** Three probes in parallel: `buildx ls`, `buildx version`, `docker info` (each written once, in engine.ts). */
async function probeFacts(builderName: string | undefined): Promise<CapabilityFacts> {
  const [chosen, buildx, info] = await Promise.all([chooseBuilder(builderName), buildxVersion(), dockerInfo().catch(() => undefined)]);
  const facts = builderFacts(chosen);
  const nodes = chosen.Nodes ?? [];
  const nodeVersion = nodes.map((n) => NodeVersionSchema.safeParse(n)).find((p) => p.success && p.data.Version)?.data?.Version;
  return {
    builder: facts.name,
    driver: facts.driver,
    nodes: nodes.length,
    platforms: facts.platforms,
    buildxVersion: buildx,
    buildkitVersion: nodeVersion,
    engineVersion: info?.ServerVersion,
    containerdStore: info ? isContainerdStore(info) : undefined,
  };
}

/** Platforms the builder cannot target (variants count: linux/amd64/v2 serves linux/amd64). */
export function unsupportedPlatforms(caps: Pick<BuilderCapabilities, 'builder' | 'driver' | 'platforms'>, wanted: readonly string[]): string[] {
  return wanted.filter((p) => !builderSupports({ name: caps.builder, driver: caps.driver, platforms: caps.platforms }, p));
}
