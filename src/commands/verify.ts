import { lstat, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { action, credentialOptions, listFlag, loginFromFlags, type LoginFlags } from './common.js';
import { ExitCode, badInput } from '../errors.js';
import { inspectLocalImage } from '../docker/image.js';
import { checkPlatforms } from '../core/images/prepare.js';
import { renderReport, verifyImage, type VerifyOptions } from '../verify/index.js';
import { checkInputFile } from '../fs-util.js';
import type { RegistryAccess, RegistryLogin } from '../registry/credentials.js';

interface VerifyFlags extends LoginFlags {
  platform?: string;
  config?: string;
  catalog?: string;
  state?: string;
  input?: string;
  timeout: string;
  image?: string;
  type?: string;
  memory?: string;
  pidsLimit?: string;
  cpus?: string;
  network?: string;
  signPub?: string;
  sbom?: boolean;
}


async function isConnectorDir(p: string): Promise<boolean> {
  const s = await stat(p).catch(() => undefined);
  // any metadata.yaml (even a FIFO or a dangling symlink) makes it a DIR: loadConnector then says what is wrong with it
  return s?.isDirectory() === true && (await lstat(join(p, 'metadata.yaml')).then(() => true, () => false));
}

function positive(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw badInput(`${flag} must be a positive number, got "${value}"`);
  return n;
}

/** Turn the target and flags into what verifyImage needs (DIR: defaults from the connector). */
export async function verifyRequest(target: string, f: VerifyFlags): Promise<{ image: string; opts: VerifyOptions }> {
  const opts: VerifyOptions = {
    timeoutSeconds: positive(f.timeout, '--timeout'),
    memory: f.memory,
    pidsLimit: positive(f.pidsLimit, '--pids-limit'),
    cpus: positive(f.cpus, '--cpus'),
    ioNetwork: f.network,
    inputs: { config: f.config, catalog: f.catalog, state: f.state, input: f.input },
  };
  // Input files are checked before any container starts: a FIFO or a device
  // passed as --config is refused at once, naming the flag and the file.
  for (const [flag, file, kind] of [
    ['--config', f.config, 'config JSON'],
    ['--catalog', f.catalog, 'catalog JSON'],
    ['--state', f.state, 'state JSON'],
    ['--input', f.input, 'input messages'],
  ] as const) {
    if (file !== undefined) await checkInputFile(file, { kind, fix: `fix: ${flag} takes an existing regular file` });
  }
  if (f.type !== undefined) {
    if (f.type !== 'source' && f.type !== 'destination') throw badInput(`--type must be source or destination, got "${f.type}"`);
    opts.connectorType = f.type;
  }
  const platforms = listFlag(f.platform);
  if (platforms) checkPlatforms(platforms);
  if (!(await isConnectorDir(target))) {
    if (f.image) throw badInput(`--image is only for a connector directory; ${target} is not one (no metadata.yaml)`);
    if (platforms) opts.platforms = platforms;
    return { image: target, opts };
  }
  // Only a DIR needs metadata.yaml (yaml, semver): loaded here, so verifying
  // an IMAGE starts its first container sooner.
  const [{ loadConnector }, { connectorVerifyDefaults }] = await Promise.all([import('../connector/metadata.js'), import('../verify/defaults.js')]);
  const c = await loadConnector(target);
  const defaults = await connectorVerifyDefaults(c, { config: f.config, catalog: f.catalog });
  opts.inputs = { ...opts.inputs, ...defaults.inputs };
  opts.connectorType ??= defaults.connectorType;
  opts.secretsDir = defaults.secretsDir;
  opts.expectedLabels = defaults.expectedLabels;
  opts.platforms = platforms ?? c.options.platforms;
  // `build` loads local builds as <dockerRepository>:<version>.
  const image = f.image ?? `${c.repository}:${c.version}`;
  if (!f.image && !(await inspectLocalImage(image))) {
    throw badInput(`no local image ${image} for ${c.dirName}`, [`fix: build it first (build-connector build ${target}), or pass --image REF`]);
  }
  // A store that keeps one platform per tag (the classic store): `build` loaded REPO:VERSION-<arch> too.
  if (!f.image) {
    const { platformTag } = await import('../core/strategy.js');
    const { withRequired } = await import('../shared/platforms.js');
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
 * Credentials given explicitly (--username/--password-stdin, or
 * BUILD_CONNECTOR_USERNAME/PASSWORD) are for the registry the image
 * reference names, as publish's are for its target: checked there first
 * (GET /v2/ through the auth flow, so a wrong password is exit 3 before any
 * container), then handed to the docker calls that read the image and to
 * the SBOM and signature checks. A local image reads no registry, so they
 * are not used for it; without them, verify reads the registry with the
 * user's docker config as before.
 */
async function explicitAccess(image: string, login: RegistryLogin): Promise<RegistryAccess | undefined> {
  const [{ explicitCredentials, toolAuth }, { registryLocation }] = await Promise.all([import('../registry/credentials.js'), import('../lint/base-facts.js')]);
  const credentials = explicitCredentials(login);
  const at = credentials ? registryLocation(image) : undefined;
  if (!credentials || !at || (await inspectLocalImage(image))) return undefined;
  const { RegistryClient, registryPreflight } = await import('../registry/client.js');
  await registryPreflight(new RegistryClient(at.registry, { credentials }));
  return { registry: at.registry, credentials, tools: await toolAuth(at.registry, credentials) };
}

export function register(program: Command): void {
  credentialOptions(
    program
      .command('verify <target>')
      .description('verify an image (or the image built from a connector directory) on every platform: config, user, /airbyte, spec/check/discover/read/write runs, writes, secrets, labels')
      .option('--platform <list>', 'platforms to verify (linux/amd64 is always included)', undefined)
      .option('--config <file>', 'connector config for check/discover/read/write (DIR default: secrets/config.json)')
      .option('--catalog <file>', 'configured catalog for read/write (DIR default: integration_tests/configured_catalog.json)')
      .option('--state <file>', 'state for read')
      .option('--input <file>', 'AirbyteMessages fed to write on stdin')
      .option('--timeout <seconds>', 'per connector command; on timeout the container is killed and removed', '120')
      .option('--image <ref>', 'for a DIR: the image to verify (default: the local build <dockerRepository>:<version>)')
      .option('--type <type>', 'source or destination (default: from metadata.yaml or the io.airbyte.name label)')
      .option('--memory <size>', 'memory limit of each container', '2g')
      .option('--pids-limit <n>', 'pids limit of each container', '512')
      .option('--cpus <n>', 'CPU limit of each container')
      .option('--network <name>', 'network for check/discover/read/write (spec always runs with none)', 'bridge')
      .option('--sign-pub <file>', 'also check the cosign signature of the (registry) image with this public key')
      .option('--sbom', 'also check that every platform image of the (registry) image has a CycloneDX SBOM attached (publish --sbom)'),
  ).action(
      action(async (out, g, target: string, flags: VerifyFlags) => {
        const login = await loginFromFlags(flags);
        const { image, opts } = await verifyRequest(target, flags);
        const access = await explicitAccess(image, login);
        if (access?.tools) opts.registryEnv = access.tools.env;
        if (!g.json) opts.onProgress = (l) => out.info(l);
        let report = await verifyImage(image, opts);
        if (flags.signPub) {
          const { addSignatureCheck } = await import('../verify/signature.js');
          report = await addSignatureCheck(report, image, flags.signPub, { dockerConfigDir: access?.tools?.dir });
        }
        if (flags.sbom) {
          const { addSbomCheck } = await import('../verify/sbom.js');
          report = await addSbomCheck(report, image, { credentials: access?.credentials });
        }
        out.result(report, () => renderReport(report));
        return report.ok ? ExitCode.ok : ExitCode.failed;
      }),
    );
}
