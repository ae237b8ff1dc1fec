/**
 * The typed skopeo wrapper. Publishing pushes an OCI archive to a registry
 * *by digest* (no tag at all) with `skopeo copy --all --preserve-digests`,
 * which works with every buildx driver, including the docker driver that
 * cannot push-by-digest itself (ENGINE.md).
 *
 * Credentials reach skopeo through `--authfile` (a private 0600 file), never
 * argv. Loopback registries are spoken to over plain HTTP, as the engine does.
 */
import { run, type RunOptions, type RunResult } from '../exec.js';
import { isLoopbackRegistry } from './registry.js';

export const SKOPEO = process.env.BUILD_CONNECTOR_SKOPEO ?? 'skopeo';

export interface CopyRequest {
  /** e.g. oci-archive:/tmp/x.tar */
  source: string;
  /** e.g. docker://localhost:5000/repo@sha256:... */
  destination: string;
  /** copy every manifest of an index (both platforms and attestations) */
  all?: boolean;
  /** fail rather than re-compress/convert: the pushed digest must be the built digest */
  preserveDigests?: boolean;
  /** containers-auth.json file with the destination's credentials */
  authfile?: string;
  /** plain HTTP / unverified TLS for the destination (loopback registries) */
  destTlsVerify?: boolean;
  srcTlsVerify?: boolean;
}

/** The registry host of a docker:// reference. */
export function registryOf(ref: string): string {
  const body = ref.replace(/^docker:\/\//, '');
  return body.split('/')[0] ?? '';
}

/** Pure: CopyRequest → argv (table-tested). */
export function copyArgs(req: CopyRequest): string[] {
  const args = ['copy'];
  if (req.all) args.push('--all');
  if (req.preserveDigests) args.push('--preserve-digests');
  if (req.authfile) args.push('--authfile', req.authfile);
  const destLoopback = req.destination.startsWith('docker://') && isLoopbackRegistry(registryOf(req.destination));
  const destVerify = req.destTlsVerify ?? !destLoopback;
  if (req.destination.startsWith('docker://') && !destVerify) args.push('--dest-tls-verify=false');
  if (req.source.startsWith('docker://')) {
    const srcVerify = req.srcTlsVerify ?? !isLoopbackRegistry(registryOf(req.source));
    if (!srcVerify) args.push('--src-tls-verify=false');
  }
  // skopeo's own retries are off: retry.ts decides what is transient and counts it.
  args.push('--retry-times', '0');
  args.push(req.source, req.destination);
  return args;
}

export function skopeo(args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  return run(SKOPEO, args, opts);
}

export async function skopeoCopy(req: CopyRequest, opts: RunOptions = {}): Promise<RunResult> {
  return skopeo(copyArgs(req), { timeoutMs: 30 * 60_000, ...opts });
}
