/**
 * `verify --sign-pub F`: the cosign signature covers the index digest, so it
 * is checked once against the registry and reported on every platform row
 * (each platform image is reachable only through that signed index).
 */
import { verifySignature } from '../docker/cosign.js';
import { fail, pass, type VerifyReport } from './report.js';

export async function addSignatureCheck(report: VerifyReport, ref: string, pubKey: string, opts: { dockerConfigDir?: string } = {}): Promise<VerifyReport> {
  const checks = [...report.checks];
  if (report.source !== 'registry') {
    for (const p of report.platforms) {
      checks.push(fail('signature', p, `${ref} is a local image: a signature lives in a registry`, 'verify the pushed reference (REGISTRY/REPO@sha256:…) with --sign-pub'));
    }
  } else {
    const res = await verifySignature(ref, pubKey, opts);
    for (const p of report.platforms) {
      checks.push(
        res.ok
          ? pass('signature', p, `signed index verified with ${pubKey}`, res.digests.map((d) => `signed digest ${d}`))
          : fail('signature', p, `no valid signature for ${pubKey}: ${res.reason ?? 'cosign found none'}`, 'sign it: publish --sign-key KEY (or cosign sign --key KEY REF)'),
      );
    }
  }
  return { ...report, checks, ok: checks.every((c) => c.status !== 'fail') };
}
