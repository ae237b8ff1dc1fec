/**
 * `verify TARGET`: every check on an image, or on the image built from a
 * connector directory.
 *
 *   resolve   → what to verify: the image, its platforms, the connector's
 *               defaults for a DIR (inputs, secrets/, labels, type), and the
 *               registry access explicit credentials give
 *   verify    → every check on every platform
 *   signature → the cosign signature (only with a public key)
 *   sbom      → the attached CycloneDX SBOMs (only when asked)
 *
 * A failed check is a result, not an error: the report says `ok: false`.
 */
import { lstat, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { badInput } from '../../errors.js';
import { inspectLocalImage } from '../../docker/image.js';
import { verifyImage, type VerifyOptions, type VerifyReport } from '../../verify/index.js';
import type { Connector } from '../../connector/types.js';
import type { RegistryAccess, RegistryLogin } from '../../registry/credentials.js';
import { Pipeline, done, skip, unwrapStepFailure, type StepHooks, type StepName, type StepRecord } from '../pipeline.js';

export { CHECK_IDS, type VerifyReport } from '../../verify/index.js';

export const VERIFY_STEPS: readonly StepName[] = ['resolve', 'verify', 'signature', 'sbom'];

export interface VerifyRequest {
  /** an image reference, or a connector directory (then the local build of it) */
  target: string;
  /** for a connector directory: the image to verify (default: the local build REPO:VERSION) */
  image?: string;
  /** linux/amd64 is always included */
  platforms?: string[];
  inputs: { config?: string; catalog?: string; state?: string; input?: string };
  connectorType?: 'source' | 'destination';
  /** seconds per connector command (the grammar's default: 120) */
  timeoutSeconds: number;
  memory?: string;
  pidsLimit?: number;
  cpus?: number;
  network?: string;
  /** also check the cosign signature with this public key */
  signPub?: string;
  /** also check that every platform image has a CycloneDX SBOM attached */
  sbom?: boolean;
  login?: RegistryLogin;
}

export interface VerifyFlowResult {
  report: VerifyReport;
  steps: StepRecord[];
}

async function isConnectorDir(p: string): Promise<boolean> {
  const s = await stat(p).catch(() => undefined);
  // any metadata.yaml (even a FIFO or a dangling symlink) makes it a DIR: loadConnector then says what is wrong with it
  return s?.isDirectory() === true && (await lstat(join(p, 'metadata.yaml')).then(() => true, () => false));
}

/**
 * The options of `verify DIR`'s checks that come from the connector
 * (inputs, secrets/, expected labels, type), with a timeout: what bake and
 * digest-record verify with too.
 */
export async function connectorVerifyOptions(c: Connector, timeoutSeconds: number): Promise<VerifyOptions> {
  const { connectorVerifyDefaults } = await import('../../verify/defaults.js');
  return { timeoutSeconds, ...(await connectorVerifyDefaults(c)) };
}

/** The request → the image to verify and what verifyImage needs (DIR: defaults from the connector). */
export async function resolveVerifyTarget(req: VerifyRequest): Promise<{ image: string; opts: VerifyOptions }> {
  const opts: VerifyOptions = {
    timeoutSeconds: req.timeoutSeconds,
    memory: req.memory,
    pidsLimit: req.pidsLimit,
    cpus: req.cpus,
    ioNetwork: req.network,
    inputs: { ...req.inputs },
  };
  if (req.connectorType !== undefined) opts.connectorType = req.connectorType;
  const target = req.target;
  if (!(await isConnectorDir(target))) {
    if (req.image) throw badInput(`--image is only for a connector directory; ${target} is not one (no metadata.yaml)`);
    if (req.platforms) opts.platforms = req.platforms;
    return { image: target, opts };
  }
  // Only a DIR needs metadata.yaml (yaml, semver): loaded here, so verifying
  // an IMAGE starts its first container sooner.
  const [{ loadConnector }, { connectorVerifyDefaults }] = await Promise.all([import('../../connector/metadata.js'), import('../../verify/defaults.js')]);
  const c = await loadConnector(target);
  const defaults = await connectorVerifyDefaults(c, { config: req.inputs.config, catalog: req.inputs.catalog });
  opts.inputs = { ...opts.inputs, ...defaults.inputs };
  opts.connectorType ??= defaults.connectorType;
  opts.secretsDir = defaults.secretsDir;
  opts.expectedLabels = defaults.expectedLabels;
  opts.platforms = req.platforms ?? c.options.platforms;
  // `build` loads local builds as <dockerRepository>:<version>.
  const image = req.image ?? `${c.repository}:${c.version}`;
  if (!req.image && !(await inspectLocalImage(image))) {
    throw badInput(`no local image ${image} for ${c.dirName}`, [`fix: build it first (build-connector build ${target}), or pass --image REF`]);
  }
  // A store that keeps one platform per tag (the classic store): `build` loaded REPO:VERSION-<arch> too.
  if (!req.image) {
    const { platformTag } = await import('../strategy.js');
    const { withRequired } = await import('../../shared/platforms.js');
    const perPlatform: Record<string, string> = {};
    for (const p of withRequired(opts.platforms)) {
      const ref = platformTag(image, p);
      if (await inspectLocalImage(ref)) perPlatform[p] = ref;
    }
    if (Object.keys(perPlatform).length > 0) opts.platformImages = perPlatform;
  }
  return { image, opts };
}

/**
 * Credentials given explicitly (a username and password, or
 * BUILD_CONNECTOR_USERNAME/PASSWORD) are for the registry the image
 * reference names, as publish's are for its target: checked there first
 * (GET /v2/ through the auth flow, so a wrong password is exit 3 before any
 * container), then handed to the docker calls that read the image and to
 * the SBOM and signature checks. A local image reads no registry, so they
 * are not used for it; without them, verify reads the registry with the
 * user's docker config as before.
 */
async function explicitAccess(image: string, login: RegistryLogin): Promise<RegistryAccess | undefined> {
  const [{ explicitCredentials, toolAuth }, { registryLocation }] = await Promise.all([import('../../registry/credentials.js'), import('../../lint/base-facts.js')]);
  const credentials = explicitCredentials(login);
  const at = credentials ? registryLocation(image) : undefined;
  if (!credentials || !at || (await inspectLocalImage(image))) return undefined;
  const { RegistryClient, registryPreflight } = await import('../../registry/client.js');
  await registryPreflight(new RegistryClient(at.registry, { credentials }));
  return { registry: at.registry, credentials, tools: await toolAuth(at.registry, credentials) };
}

export async function runVerify(req: VerifyRequest, hooks: StepHooks & { onProgress?: (line: string) => void } = {}): Promise<VerifyFlowResult> {
  const run = new Pipeline(VERIFY_STEPS, hooks);
  return unwrapStepFailure(async () => {
    const { image, opts, access } = await run.step('resolve', async () => {
      const { image, opts } = await resolveVerifyTarget(req);
      const access = await explicitAccess(image, req.login ?? {});
      if (access?.tools) opts.registryEnv = access.tools.env;
      if (hooks.onProgress) opts.onProgress = hooks.onProgress;
      return done({ image, opts, access }, `${image}${access ? ` (credentials for ${access.registry})` : ''}`);
    });
    let report = await run.step('verify', async () => {
      const report = await verifyImage(image, opts);
      return done(report, `${report.checks.filter((c) => c.status === 'fail').length} check(s) failed on ${report.platforms.join(', ')}`);
    });
    const signPub = req.signPub;
    report = await run.step('signature', async () => {
      if (!signPub) return skip(report, 'no public key given');
      const { addSignatureCheck } = await import('../../verify/signature.js');
      return done(await addSignatureCheck(report, image, signPub, { dockerConfigDir: access?.tools?.dir }), 'signature checked');
    });
    report = await run.step('sbom', async () => {
      if (!req.sbom) return skip(report, 'not asked');
      const { addSbomCheck } = await import('../../verify/sbom.js');
      return done(await addSbomCheck(report, image, { credentials: access?.credentials }), 'SBOMs checked');
    });
    return { report, steps: run.records };
  });
}
