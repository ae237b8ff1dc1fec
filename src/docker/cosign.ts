/**
 * The typed cosign wrapper: key-based signing of an index digest and its
 * verification, offline (no transparency log: `--tlog-upload=false` to sign,
 * `--insecure-ignore-tlog=true` to verify). The key's password comes from
 * COSIGN_PASSWORD in the environment, never argv. Registry credentials reach
 * cosign through DOCKER_CONFIG pointing at a private auth directory.
 *
 * `verifySignature(ref, pubKey)` is what `verify --sign-pub F` calls.
 */
import { z } from 'zod';
import { run, which, type RunResult } from '../exec.js';
import { BcError, envMissing } from '../errors.js';
import { parseJson } from './cli.js';
import { isLoopbackRegistry } from '../registry/probe.js';
import { DIGEST_REF_RE } from '../shared/digest.js';

const COSIGN = process.env.BUILD_CONNECTOR_COSIGN ?? 'cosign';

const registryOf = (ref: string) => ref.split('/')[0] ?? '';

interface SignRequest {
  /** REGISTRY/REPO@sha256:... — always a digest, never a tag */
  ref: string;
  keyFile: string;
  /** directory holding a config.json with credentials (see credentials.ts) */
  dockerConfigDir?: string;
  /** annotations recorded in the signature (-a k=v) */
  annotations?: Record<string, string>;
}

function registryFlags(ref: string): string[] {
  // Loopback registries speak plain HTTP (as the engine allows); everything else must be HTTPS.
  return isLoopbackRegistry(registryOf(ref)) ? ['--allow-http-registry=true', '--allow-insecure-registry=true'] : [];
}

/** Pure argv for `cosign sign` (unit-tested). */
function signArgs(req: SignRequest): string[] {
  if (!DIGEST_REF_RE.test(req.ref)) throw new BcError('failed', `cosign sign needs a digest reference, got ${req.ref}`);
  const args = ['sign', '--key', req.keyFile, '--tlog-upload=false', '--yes', ...registryFlags(req.ref)];
  for (const [k, v] of Object.entries(req.annotations ?? {})) args.push('-a', `${k}=${v}`);
  args.push(req.ref);
  return args;
}

function verifyArgs(ref: string, pubKey: string): string[] {
  return ['verify', '--key', pubKey, '--insecure-ignore-tlog=true', '--output', 'json', ...registryFlags(ref), ref];
}

async function requireCosign(): Promise<void> {
  if (!(await which(COSIGN))) {
    throw envMissing('cosign is not installed (needed for --sign-key / --sign-pub)', [
      'fix: run scripts/setup-engine.sh (installs Debian trixie\'s cosign), or install cosign 2.x from https://github.com/sigstore/cosign/releases',
    ]);
  }
}

function env(dockerConfigDir: string | undefined): Record<string, string | undefined> {
  // COSIGN_PASSWORD passes through from the caller's environment untouched.
  return dockerConfigDir ? { DOCKER_CONFIG: dockerConfigDir } : {};
}

export async function signImage(req: SignRequest): Promise<RunResult> {
  await requireCosign();
  if (process.env.COSIGN_PASSWORD === undefined) {
    throw new BcError('badInput', '--sign-key: COSIGN_PASSWORD is not set', {
      details: ['fix: export COSIGN_PASSWORD (empty for an unencrypted key) — the key password is never taken from argv'],
    });
  }
  const secrets = process.env.COSIGN_PASSWORD ? [process.env.COSIGN_PASSWORD] : [];
  return run(COSIGN, signArgs(req), { env: env(req.dockerConfigDir), secrets, timeoutMs: 5 * 60_000, step: 'sign' });
}

const VerifiedSchema = z.array(
  z
    .object({
      critical: z.object({ image: z.object({ 'docker-manifest-digest': z.string() }).loose() }).loose(),
    })
    .loose(),
);

interface SignatureCheck {
  ok: boolean;
  /** digests the valid signatures cover */
  digests: string[];
  /** why it failed (cosign's last lines) */
  reason?: string;
}

/** Check that `ref` carries a valid signature made with the key matching `pubKey`. */
export async function verifySignature(ref: string, pubKey: string, opts: { dockerConfigDir?: string } = {}): Promise<SignatureCheck> {
  await requireCosign();
  const res = await run(COSIGN, verifyArgs(ref, pubKey), { env: env(opts.dockerConfigDir), allowFailure: true, timeoutMs: 2 * 60_000, step: 'verify signature' });
  if (res.exitCode !== 0) {
    const lines = res.stderr.split('\n').filter((l) => l.trim() !== '' && !/^\s*WARNING/.test(l));
    return { ok: false, digests: [], reason: lines.slice(-3).join(' ') || `cosign exited with code ${res.exitCode}` };
  }
  const json = res.stdout.split('\n').find((l) => l.trim().startsWith('[')) ?? '[]';
  const parsed = parseJson(VerifiedSchema, json, 'cosign verify');
  return { ok: parsed.length > 0, digests: parsed.map((p) => p.critical.image['docker-manifest-digest']) };
}
