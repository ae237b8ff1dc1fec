/**
 * The CLI's text for a verify report (`verify`, `build --verify`,
 * `digest-record` without --json): a check × platform table, then one block
 * per failure with its fix, the skip reasons and one summary line. The core
 * returns the report as data; only this shell turns it into lines.
 */
import type { CheckStatus, VerifyReport } from '../core/index.js';
import { CHECK_IDS } from '../core/flows/verify.js';
import { renderTable } from '../ui/table.js';

const MARK: Record<CheckStatus, string> = { pass: '✓', fail: '✗', skip: '-' };

export function renderReport(r: VerifyReport): string {
  const rows = CHECK_IDS.filter((id) => r.checks.some((c) => c.id === id)).map((id) => [
    id,
    ...r.platforms.map((p) => {
      const c = r.checks.find((x) => x.id === id && x.platform === p);
      return c ? MARK[c.status] : ' ';
    }),
  ]);
  const lines = [`verify ${r.image} (${r.connectorType}, ${r.source} image)`, '', renderTable(['check', ...r.platforms], rows)];
  const failures = r.checks.filter((c) => c.status === 'fail');
  if (failures.length > 0) {
    lines.push('', 'failures:');
    for (const f of failures) {
      lines.push(`  ✗ ${f.id} [${f.platform}]: ${f.message}`);
      for (const d of f.details ?? []) lines.push(`      ${d}`);
      if (f.fix) lines.push(`      fix: ${f.fix}`);
    }
  }
  const skipped = r.checks.filter((c) => c.status === 'skip');
  const skipReasons = [...new Set(skipped.map((c) => `${c.id}: ${c.message}`))];
  if (skipReasons.length > 0) {
    lines.push('', 'skipped:');
    for (const s of skipReasons) lines.push(`  - ${s}`);
  }
  const nFail = failures.length;
  lines.push(
    '',
    nFail === 0
      ? `verify: all checks passed on ${r.platforms.join(', ')} (${(r.durationMs / 1000).toFixed(1)} s)`
      : `verify: ${nFail} check result${nFail === 1 ? '' : 's'} failed (${(r.durationMs / 1000).toFixed(1)} s)`,
  );
  return lines.join('\n');
}
