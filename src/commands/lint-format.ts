/**
 * The CLI's text for a lint result: findings → `FILE:LINE:COL severity
 * ruleId message` + a summary, one block per target for several, or GitHub
 * workflow-command annotations. The core returns the report as data (its
 * counts included); only this shell turns it into lines.
 * Escaping follows the runner's rules (as @actions/core's command.ts does):
 * in the message, % \r \n are percent-encoded; in properties (file, title)
 * also : and , — otherwise a path or rule id could end the property list.
 */
import { findingText, type Finding } from '../core/index.js';
import type { LintReport, TargetReport } from '../core/flows/lint.js';

/** What the text of one target needs: its findings, its files and the core's counts of them. */
type TargetText = Pick<TargetReport, 'findings' | 'files' | 'errors' | 'warnings' | 'fatal'>;

const findingLine = (f: Finding) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.ruleId} ${oneLine(findingText(f))}`;

export function formatText(t: TargetText): string {
  const lines = t.findings.map(findingLine);
  lines.push(summaryLine(t));
  return lines.join('\n');
}

export function summaryLine(t: Omit<TargetText, 'findings'>): string {
  const what = t.files.length === 1 ? t.files[0] : `${t.files.length} files`;
  if (t.fatal) return `lint: ${what} could not be analysed (${t.errors} error${t.errors === 1 ? '' : 's'})`;
  if (t.errors + t.warnings === 0) return `lint: ${what}: no findings`;
  return `lint: ${what}: ${t.errors} error${t.errors === 1 ? '' : 's'}, ${t.warnings} warning${t.warnings === 1 ? '' : 's'}`;
}

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/**
 * Several targets: one line per connector (`TARGET: ok` or
 * `TARGET: N errors, M warnings`), the findings indented under those with
 * an error, then one summary line.
 */
export function formatReport(report: LintReport): string {
  const lines: string[] = [];
  for (const t of report.targets) {
    if (t.errors + t.warnings === 0) {
      lines.push(`${t.target}: ok`);
      continue;
    }
    lines.push(`${t.target}: ${t.fatal ? 'could not be analysed, ' : ''}${count(t.errors, 'error')}, ${count(t.warnings, 'warning')}`);
    if (t.errors > 0) for (const f of t.findings) lines.push(`  ${findingLine(f)}`);
  }
  lines.push(reportSummary(report));
  return lines.join('\n');
}

export function reportSummary(report: LintReport): string {
  const n = report.targets.length;
  const parts = [`${report.ok} ok`, `${report.failing} with errors`, `${report.warned} with warnings only`];
  return `lint: ${count(n, 'target')}: ${parts.join(', ')} (${count(report.errors, 'error')}, ${count(report.warnings, 'warning')})`;
}

/**
 * Base images lint could not read: one line each (stderr), so a warning's
 * cause is visible once; and those the bundled table answered for, so that
 * a verdict from the table is never mistaken for one from the image.
 */
export function unresolvedBaseLines(report: LintReport): string[] {
  const lines: string[] = [];
  for (const b of report.bases) {
    if (b.unresolved !== undefined && b.warned > 0) {
      lines.push(`lint: base image ${b.ref} not read (${b.unresolved}): ${count(b.warned, 'target')} ${b.warned === 1 ? 'has' : 'have'} warnings it would decide; verify checks the built image`);
    } else if (b.from === 'table') {
      lines.push(`lint: base image ${b.ref} not read (${b.unread ?? 'unknown reason'}): judged from the bundled table (${b.table ?? '?'})`);
    }
  }
  return lines;
}

/** Messages are single-line in text output (a value with a newline must not forge a finding line). */
const oneLine = (s: string) => s.replace(/\r?\n|\r/g, '\\n');

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(findings: Finding[]): string {
  return findings
    .map((f) => {
      const props = `file=${escapeProperty(f.file)},line=${f.line},col=${f.column},title=${escapeProperty(f.ruleId)}`;
      return `::${f.severity === 'error' ? 'error' : 'warning'} ${props}::${escapeData(findingText(f))}`;
    })
    .join('\n');
}
