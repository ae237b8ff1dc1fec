/**
 * How to build, load, verify and push on THIS engine and builder: a pure
 * function of the detected capabilities (docker/buildx-capabilities.ts) and
 * what the flow needs. Every flow (build, build+verify, publish, bake, the
 * per-platform record) asks here, so a new engine setup is supported in one
 * place. `doctor` prints the same answer, so its verdict is what publish does.
 *
 *  store × driver                    strategy        one buildx?  push bytes from            verify sees
 *  containerd  × docker              multi-platform  yes          OCI layout                 the loaded index
 *  classic     × docker              per-platform    one/platform `docker save` of each image each platform's loaded image
 *  containerd  × docker-container…   oci-layout      yes          OCI layout                 the loaded index
 *  classic/none× docker-container…   oci-layout      yes          OCI layout                 each platform carved from the layout and loaded
 *
 * Only the docker driver rows run on this project's machines; the others are
 * a capability table (test/unit/strategy.test.ts): no BuildKit image can be
 * had offline to run a docker-container builder here.
 */
import type { Provenance } from '../shared/modes.js';
import type { BuilderCapabilities } from '../docker/buildx-capabilities.js';
import { splitImageRef } from '../shared/image-ref.js';

export type StrategyKind = 'multi-platform' | 'per-platform' | 'oci-layout';

/** What the flow needs from the build. */
export type BuildGoal =
  /** images in the engine under local tags (`build`, `build --verify`, bake) */
  | 'load'
  /** bytes to push by digest, plus images in the engine for verify (publish, digest-record) */
  | 'push'
  /** an OCI archive file (`build --output oci=FILE`) */
  | 'oci';

export type Unavailable = { what: 'multi-platform-image' | 'provenance' | 'reproducible-digests' | 'oci-output' | 'push-by-digest'; why: string; fix?: string };

export interface BuildStrategy {
  kind: StrategyKind;
  builder: string;
  driver: string;
  store: 'containerd' | 'classic' | 'unknown';
  /** buildx invocations: one for every platform, or one per platform */
  invocations: 'one' | 'per-platform';
  /** where the pushed bytes come from (goal push) */
  pushFrom: 'oci-layout' | 'saved-images';
  /** how images reach the engine for verify / load */
  loadAs: 'index' | 'per-platform';
  /** provenance attestation: asked for and possible */
  provenance: Provenance;
  /** with goal push, whether the same sources give the same digests on another machine */
  reproducible: boolean;
  /** why this strategy, one line for logs and --json */
  why: string;
  /** what this setup cannot give, each with its fix */
  unavailable: Unavailable[];
}

const C8D_FIX = 'enable the containerd image store ({"features":{"containerd-snapshotter":true}} in /etc/docker/daemon.json, restart dockerd)';
const CONTAINER_FIX = 'or use a docker-container builder: docker buildx create --use --driver docker-container (docker/setup-buildx-action does this)';

/**
 * Choose (pure). Throws nothing: a goal the setup cannot reach at all is
 * reported in `unavailable` with what `oci-output` etc. and the caller
 * refuses (exit 3) with the fix.
 */
export function chooseStrategy(caps: BuilderCapabilities, want: { platforms: readonly string[]; goal: BuildGoal; provenance: Provenance }): BuildStrategy {
  const asked = want.provenance;
  const store: BuildStrategy['store'] = caps.containerdStore === true ? 'containerd' : caps.containerdStore === false ? 'classic' : 'unknown';
  const base = { builder: caps.builder, driver: caps.driver, store };
  const unavailable: Unavailable[] = [];
  const bk = caps.rewriteTimestamp.oci;
  if (caps.driver === 'docker' && store !== 'containerd') {
    // The classic store: the docker driver exports nothing but one image into the store.
    if (asked !== false) unavailable.push({ what: 'provenance', why: 'the docker driver on the classic image store cannot attach attestations', fix: `${C8D_FIX}, ${CONTAINER_FIX}` });
    unavailable.push({
      what: 'reproducible-digests',
      why: 'the classic store keeps build-time timestamps (no rewrite-timestamp); a warm cache gives the same images again, a fresh machine does not',
      fix: `${C8D_FIX}, ${CONTAINER_FIX}`,
    });
    if (want.platforms.length > 1) unavailable.push({ what: 'multi-platform-image', why: 'one platform per build and per local tag on the classic store: each platform is built, loaded and verified on its own', fix: C8D_FIX });
    if (want.goal === 'oci') unavailable.push({ what: 'oci-output', why: 'the docker driver on the classic store cannot write an OCI archive', fix: `${C8D_FIX}, ${CONTAINER_FIX}` });
    return {
      ...base,
      kind: 'per-platform',
      invocations: 'per-platform',
      pushFrom: 'saved-images',
      loadAs: 'per-platform',
      provenance: false,
      reproducible: false,
      why:
        want.goal === 'push'
          ? 'classic image store with the docker driver: each platform is built and loaded alone, verified, then pushed by digest from `docker save` and joined into one index'
          : 'classic image store with the docker driver: each platform is built and loaded alone',
      unavailable,
    };
  }
  if (!bk) unavailable.push({ what: 'reproducible-digests', why: `BuildKit ${caps.effectiveBuildkit ?? '(version unknown)'} cannot rewrite-timestamp (needs >= 0.13)`, fix: 'upgrade the engine (>= 26) or the builder image (moby/buildkit >= 0.13)' });
  if (caps.driver === 'docker') {
    unavailable.push({ what: 'push-by-digest', why: 'the docker driver cannot push by digest: the OCI layout is pushed over the registry API instead (same bytes, same digests)' });
    return {
      ...base,
      kind: 'multi-platform',
      invocations: 'one',
      pushFrom: 'oci-layout',
      loadAs: 'index',
      provenance: asked,
      reproducible: bk && want.goal !== 'load',
      why: 'containerd image store with the docker driver: every platform in one build, one OCI layout, loaded as one index',
      unavailable,
    };
  }
  const loadAs = caps.multiPlatformLoad || want.platforms.length <= 1 ? 'index' : 'per-platform';
  if (loadAs === 'per-platform') {
    unavailable.push({
      what: 'multi-platform-image',
      why: `a ${caps.driver} builder cannot --load several platforms into ${store === 'classic' ? 'a classic' : 'this'} image store: each platform is carved from the OCI layout and loaded alone for verify`,
      fix: C8D_FIX,
    });
  }
  return {
    ...base,
    kind: 'oci-layout',
    invocations: 'one',
    pushFrom: 'oci-layout',
    loadAs,
    provenance: asked,
    reproducible: bk,
    why: `${caps.driver} builder: every platform in one build to an OCI layout, pushed by digest from it; ${loadAs === 'index' ? 'loaded as one index' : 'each platform loaded alone'} for verify`,
    unavailable,
  };
}

/** The local tag of one platform's image where the store holds one platform per tag. */
export function platformTag(tag: string, platform: string): string {
  const arch = platform.split('/').slice(1).join('-');
  // a digest-pinned or untagged name gets a tag
  const ref = splitImageRef(tag);
  return ref.tag !== undefined ? `${ref.name}:${ref.tag}-${arch}` : `${ref.name}:${arch}`;
}
