/**
 * Findings → text (`FILE:LINE:COL severity ruleId message` + a summary),
 * or GitHub workflow-command annotations.
 * Escaping follows the runner's rules (as @actions/core's command.ts does):
 * in the message, % \r \n are percent-encoded; in properties (file, title)
 * also : and , — otherwise a path or rule id could end the property list.
 */
import type { Finding } from './types.js';
import { summarize } from './lint.js';

export function formatText(findings: Finding[], files: string[]): string {
  const lines = findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.ruleId} ${oneLine(f.message)}`);
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
