/**
 * Findings → text (`FILE:LINE:COL severity ruleId message` + a summary),
 * or GitHub workflow-command annotations.
 * Escaping follows the runner's rules (as @actions/core's command.ts does):
 * in the message, % \r \n are percent-encoded; in properties (file, title)
 * also : and , — otherwise a path or rule id could end the property list.
 */
import type { Finding } from './types.js';
import { summarize } from './lint.js';
import type { LintReport } from './targets.js';

const findingLine = (f: Finding) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.ruleId} ${oneLine(f.message)}`;

export function formatText(findings: Finding[], files: string[]): string {
  const lines = findings.map(findingLine);
  lines.push(summaryLine(findings, files));
  return lines.join('\n');
}

export function summaryLine(findings: Finding[], files: string[]): string {
  const s = summarize(findings);
  const what = files.length === 1 ? files[0] : `${files.length} files`;
  if (s.fatal) return `lint: ${what} could not be analysed (${s.errors} error${s.errors === 1 ? '' : 's'})`;
  if (s.errors + s.warnings === 0) return `lint: ${what}: no findings`;
  return `lint: ${what}: ${s.errors} error${s.errors === 1 ? '' : 's'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}`;
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
      return `::${f.severity === 'error' ? 'error' : 'warning'} ${props}::${escapeData(f.message)}`;
    })
    .join('\n');
}
