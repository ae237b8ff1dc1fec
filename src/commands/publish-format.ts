/**
 * The CLI's text for a publish result (`publish` without --json). The core
 * returns the result as data; only this shell turns it into lines.
 */
import type { PublishResult } from '../core/result.js';

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function formatResult(r: PublishResult): string {
  const lines: string[] = [];
  const steps = r.steps.map((s) => `  ${s.status === 'done' ? '✓' : s.status === 'skipped' ? '-' : '✗'} ${s.step.padEnd(8)} ${secs(s.durationMs).padStart(7)}  ${s.reason ?? ''}`.trimEnd());
  switch (r.result) {
    case 'published':
      lines.push(`published ${r.repository}@${r.digest}`);
      lines.push(`  platforms: ${r.platforms.join(', ')}${r.attestations ? ` (+${r.attestations} attestation manifests)` : ''}`);
      for (const t of r.tags) lines.push(`  tag ${t.ref} (${t.action})`);
      for (const s of r.skippedTags) lines.push(`  not tagged ${s.tag}: ${s.reason}`);
      lines.push(`  pushed: ${r.push.blobsUploaded} blobs uploaded (${(r.push.bytesUploaded / 1e6).toFixed(1)} MB), ${r.push.blobsMounted} mounted, ${r.push.blobsPresent} already present; ${r.push.manifestsWritten} manifests written`);
      if (r.signed) lines.push('  signed with cosign (index digest)');
      for (const [p, s] of Object.entries(r.sbom?.platforms ?? {})) lines.push(`  sbom ${p}: ${s.components} components${s.referrer ? `, ${s.referrer.ref} (${s.referrer.via})` : ''}`);
      if (r.gitTag) lines.push(`  git tag ${r.gitTag.name} ${r.gitTag.created ? 'created' : 'already there'}${r.gitTag.pushed ? ', pushed' : ''}`);
      break;
    case 'already-published':
      lines.push(`already published: ${r.repository}:${r.version} is ${r.digest} (same ${r.sameBy}); ${r.sbom ? 'only its SBOMs were added' : 'nothing pushed'}`);
      lines.push(`  platforms: ${r.platforms.join(', ')}`);
      for (const t of r.tags) lines.push(`  tag ${t.ref} (${t.action})`);
      for (const [p, s] of Object.entries(r.sbom?.platforms ?? {})) lines.push(`  sbom ${p}: ${s.components} components${s.referrer ? `, ${s.referrer.ref} (${s.referrer.via})` : ''}`);
      break;
    case 'refused':
      lines.push(`refused: ${r.reason}`);
      break;
    case 'failed':
      lines.push(`failed at ${r.step}: ${r.reason}`);
      break;
    case 'dry-run':
      lines.push(`dry run: built and verified ${r.digest} (${r.platforms.join(', ')}); nothing pushed or tagged`);
      lines.push(`  a real run would be: ${r.wouldBe}`);
      for (const t of r.plan.tags) lines.push(`  would tag ${r.repository}:${t.tag} — ${t.reason}`);
      for (const s of r.plan.skipped) lines.push(`  would not tag ${s.tag} — ${s.reason}`);
      for (const [p, s] of Object.entries(r.sbom?.platforms ?? {})) lines.push(`  sbom ${p}: ${s.components} components (not attached: dry run)`);
      break;
  }
  if (r.build) lines.push(`built: ${r.build.strategy} strategy on ${r.build.builder} (${r.build.driver} driver, ${r.build.store} store); reproducible: ${r.build.reproducible ? 'yes' : 'no'}; provenance: ${r.build.provenance.attached ? r.build.provenance.mode : `none (${r.build.provenance.reason})`}`);
  lines.push('steps:', ...steps);
  if (r.faults.total > 0) lines.push(`registry faults retried: ${r.faults.total} (${Object.entries(r.faults.byReason).map(([k, v]) => `${k}: ${v}`).join(', ')})`);
  for (const n of r.notes) lines.push(`note: ${n}`);
  return lines.join('\n');
}
