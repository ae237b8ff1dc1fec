/**
 * `verify REF --sbom`: every platform image of a pushed reference has a
 * CycloneDX SBOM attached as an OCI referrer (publish --sbom), whose
 * subject is that image and whose root component names that image's digest.
 * Read with the registry's referrers API, or the referrers tag where the
 * registry has none; with the credentials the command resolved for that
 * registry (its --username/--password-stdin), else as publish finds them
 * (BUILD_CONNECTOR_USERNAME/PASSWORD, then the docker config).
 */
import { registryLocation } from '../lint/base-facts.js';
import { toBcError } from '../errors.js';
import { indexFactsFromBytes } from '../publish/apply.js';
import { resolveCredentials, type Credentials } from '../registry/credentials.js';
import { RegistryClient } from '../registry/client.js';
import { CYCLONEDX_MEDIA_TYPE, ecosystemsOf, parseBom } from '../sbom/cyclonedx.js';
import { findReferrers, readArtifact } from '../sbom/referrers.js';
import { fail, pass, type CheckResult, type VerifyReport } from './report.js';

const FIX = 'publish with --sbom (Action: sbom: true); publishing the same version again attaches nothing new, so bump the version or publish a -dev build';

async function platformSbom(client: RegistryClient, repo: string, platform: string, digest: string): Promise<CheckResult> {
  const found = await findReferrers(client, repo, digest, CYCLONEDX_MEDIA_TYPE);
  if (found.length === 0) return fail('sbom', platform, `no CycloneDX SBOM refers to ${digest.slice(0, 19)}`, FIX);
  const problems: string[] = [];
  for (const d of found) {
    try {
      const bom = parseBom((await readArtifact(client, repo, d, digest)).toString('utf8'), `${repo}@${d.digest.slice(0, 19)}`);
      const root = bom.metadata?.component?.purl ?? '';
      if (!decodeURIComponent(root).includes(digest)) {
        problems.push(`${d.digest.slice(0, 19)}: its root component is ${root || 'unnamed'}, not this image`);
        continue;
      }
      const f = ecosystemsOf(bom);
      return pass('sbom', platform, `CycloneDX ${bom.specVersion}, ${f.components} components (${Object.entries(f.ecosystems).map(([k, v]) => `${v} ${k}`).join(', ') || 'no packages'})`, [
        `${client.registry}/${repo}@${d.digest}`,
      ]);
    } catch (err) {
      problems.push(`${d.digest.slice(0, 19)}: ${toBcError(err).message}`);
    }
  }
  return fail('sbom', platform, `no usable SBOM among the ${found.length} attached to ${digest.slice(0, 19)}`, FIX, problems);
}

export async function addSbomCheck(report: VerifyReport, ref: string, opts: { credentials?: Credentials } = {}): Promise<VerifyReport> {
  const checks = [...report.checks];
  const add = (make: (p: string) => CheckResult) => {
    for (const p of report.platforms) checks.push(make(p));
  };
  // where the distribution API finds it, Docker Hub names normalised (the lint step's base reads use the same)
  const at = report.source === 'registry' ? registryLocation(ref) : undefined;
  if (!at) {
    add((p) => fail('sbom', p, `${ref} is a local image: an SBOM is attached in a registry`, 'verify the pushed reference (REGISTRY/REPO@sha256:…) with --sbom'));
  } else {
    const path = at.repository;
    try {
      const client = new RegistryClient(at.registry, { credentials: opts.credentials ?? (await resolveCredentials(at.registry)) });
      const top = await client.getManifest(path, at.reference);
      const facts = top ? indexFactsFromBytes(top.digest, top.bytes) : undefined;
      for (const p of report.platforms) {
        const digest = facts?.platforms[p] ?? (facts ? undefined : top?.digest);
        checks.push(digest ? await platformSbom(client, path, p, digest) : fail('sbom', p, `${ref} has no ${p} image`, FIX));
      }
    } catch (err) {
      const e = toBcError(err);
      add((p) => fail('sbom', p, `could not read the SBOM of ${ref}: ${e.message}`, 'check the registry and the credentials', e.details));
    }
  }
  return { ...report, checks, ok: checks.every((c) => c.status !== 'fail') };
}
