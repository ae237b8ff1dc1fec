import type { Command } from 'commander';
import { action, credentialOptions, loginFromFlags, type LoginFlags } from './common.js';
import { ExitCode, checkInputFile } from '../core/index.js';
import { parseFields } from '../core/request-fields.js';
import type { VerifyRequest } from '../core/flows/verify.js';

interface VerifyFlags extends LoginFlags {
  platform?: string;
  config?: string;
  catalog?: string;
  state?: string;
  input?: string;
  timeout?: string;
  image?: string;
  type?: string;
  memory?: string;
  pidsLimit?: string;
  cpus?: string;
  network?: string;
  signPub?: string;
  sbom?: boolean;
}

/** The flags → the core's verify request (checked before any container starts). */
export async function verifyRequestOf(target: string, f: VerifyFlags): Promise<VerifyRequest> {
  const v = parseFields({ timeout: f.timeout, pidsLimit: f.pidsLimit, cpus: f.cpus, type: f.type, platforms: f.platform });
  const req: VerifyRequest = {
    target,
    image: f.image,
    timeoutSeconds: v.timeout,
    memory: f.memory,
    pidsLimit: v.pidsLimit,
    cpus: v.cpus,
    network: f.network,
    inputs: { config: f.config, catalog: f.catalog, state: f.state, input: f.input },
    signPub: f.signPub,
    sbom: f.sbom === true,
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
  if (v.type !== undefined) req.connectorType = v.type;
  if (v.platforms) req.platforms = v.platforms;
  return req;
}

/** The flags → the image and the options the checks run with (what `verify` would check). */
export async function verifyRequest(target: string, f: VerifyFlags) {
  const { resolveVerifyTarget } = await import('../core/flows/verify.js');
  return resolveVerifyTarget(await verifyRequestOf(target, f));
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
      .option('--timeout <seconds>', 'per connector command; on timeout the container is killed and removed (default 120)')
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
        const req = { ...(await verifyRequestOf(target, flags)), login };
        const [{ runVerify }, { renderReport }] = await Promise.all([import('../core/flows/verify.js'), import('./verify-format.js')]);
        const { report } = await runVerify(req, g.json ? {} : { onProgress: (l) => out.info(l) });
        out.result(report, () => renderReport(report));
        return report.ok ? ExitCode.ok : ExitCode.failed;
      }),
    );
}
