/**
 * The job summary (GITHUB_STEP_SUMMARY) as Markdown: per connector a table of
 * checks × platforms, the tags written and the ones deliberately not written,
 * digests and durations. Pure: outcome in, Markdown out.
 */
import { findingText } from '../core/index.js';
import type { CheckRow, ConnectorOutcome, OutcomeResult } from './types.js';

const RESULT_LABEL: Record<OutcomeResult, string> = {
  published: '✅ published',
  'already-published': '✅ already published (nothing pushed)',
  verified: '✅ verified',
  built: '✅ built',
  failed: '❌ failed',
};

const MARK = { pass: '✓', fail: '✗', skip: '–' } as const;

/** Markdown table cells must not break the table. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 120) return `${s.toFixed(1)} s`;
  return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}

/** checks × platforms, in the order checks first appear. */
export function checksTable(checks: CheckRow[]): string {
  if (checks.length === 0) return '';
  const platforms = [...new Set(checks.map((c) => c.platform))];
  const ids = [...new Set(checks.map((c) => c.id))];
  const byKey = new Map(checks.map((c) => [`${c.id}\u0000${c.platform}`, c]));
  const lines = [`| check | ${platforms.map(cell).join(' | ')} |`, `|---|${platforms.map(() => ':-:').join('|')}|`];
  for (const id of ids) {
    const row = platforms.map((p) => {
      const c = byKey.get(`${id}\u0000${p}`);
      return c ? MARK[c.status] : ' ';
    });
    lines.push(`| \`${cell(id)}\` | ${row.join(' | ')} |`);
  }
  return lines.join('\n');
}

/** The failed rows as Markdown list items (the rows come from the core's report: checkRows). */
function failedCheckItems(checks: CheckRow[]): string[] {
  return checks
    .filter((c) => c.status === 'fail')
    .map((c) => `- ✗ \`${c.id}\` on ${c.platform}: ${cell(c.message ?? 'failed')}${c.fix ? ` — fix: ${cell(c.fix)}` : ''}`);
}

function connectorSummary(o: ConnectorOutcome): string {
  const parts: string[] = [];
  const title = o.version ? `${o.key} ${o.version}` : o.key;
  parts.push(`### ${cell(title)} — ${RESULT_LABEL[o.result]}`);
  const facts: string[] = [`| command | \`${o.command}\` |`];
  if (o.repository) facts.push(`| repository | \`${cell(o.repository)}\` |`);
  if (o.digest) facts.push(`| image digest | \`${o.digest}\` |`);
  for (const [p, d] of Object.entries(o.platformDigests)) facts.push(`| ${cell(p)} | \`${d}\` |`);
  if (o.platforms.length > 0) facts.push(`| platforms | ${o.platforms.map((p) => `\`${p}\``).join(', ')} |`);
  for (const [p, s] of Object.entries(o.sbom ?? {})) facts.push(`| SBOM ${cell(p)} | ${s.components} components${s.ref ? ` · \`${cell(s.ref)}\`` : ''} |`);
  const durations = Object.entries(o.durations);
  if (durations.length > 0) facts.push(`| durations | ${durations.map(([k, ms]) => `${cell(k)} ${formatDuration(ms)}`).join(' · ')} |`);
  parts.push(['| | |', '|---|---|', ...facts].join('\n'));

  const table = checksTable(o.checks);
  if (table) parts.push(`**Checks** (✓ pass, ✗ fail, – skipped)\n\n${table}`);
  const fails = failedCheckItems(o.checks);
  if (fails.length > 0) parts.push(fails.join('\n'));

  if (o.command === 'publish' || o.tags.length > 0 || o.skippedTags.length > 0) {
    const written = o.tags.length > 0 ? o.tags.map((t) => `\`${cell(t)}\``).join(', ') : 'none';
    const lines = [`**Tags written:** ${written}`];
    if (o.skippedTags.length > 0) {
      lines.push('', '**Tags deliberately not written:**', '', ...o.skippedTags.map((s) => `- \`${cell(s.tag)}\`: ${cell(s.reason)}`));
    }
    parts.push(lines.join('\n'));
  }

  const lint = o.findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
  if (lint.length > 0) {
    parts.push(
      `**Lint findings**\n\n${lint.map((f) => `- ${f.severity === 'error' ? '✗' : '!'} \`${cell(f.ruleId)}\` ${cell(f.file)}:${f.line}:${f.column} ${cell(findingText(f))}`).join('\n')}`,
    );
  }
  if (o.error) {
    const where = o.error.step ? ` (step \`${cell(o.error.step)}\`)` : '';
    const details = o.error.details.map((d) => `    ${d}`).join('\n');
    parts.push(`**Error${where}:** ${cell(o.error.message)}${details ? `\n\n\`\`\`\n${details.replace(/```/g, "'''")}\n\`\`\`` : ''}`);
  }
  if (o.notes.length > 0) parts.push(o.notes.map((n) => `> ${cell(n)}`).join('\n>\n'));
  if (o.reportPath) parts.push(`JSON report: \`${cell(o.reportPath)}\``);
  return parts.join('\n\n');
}

export function jobSummary(outcomes: ConnectorOutcome[], heading = 'build-connector'): string {
  const ok = outcomes.filter((o) => o.result !== 'failed').length;
  const head = `## ${heading}: ${ok}/${outcomes.length} connector${outcomes.length === 1 ? '' : 's'} succeeded`;
  const note =
    outcomes.some((o) => o.result === 'published' || o.result === 'already-published')
      ? '\n\n<sub>Provenance attestations are stored in the image index as manifests whose platform shows as `unknown/unknown`: that is normal, they are not images.</sub>'
      : '';
  return `${head}\n\n${outcomes.map(connectorSummary).join('\n\n---\n\n')}${note}\n`;
}
