import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, formatGithub, formatReport, formatText as formatTarget } from '../../src/commands/lint-format.js';
import { summarize } from '../../src/lint/lint.js';
import type { Finding } from '../../src/lint/types.js';

/** One target's text, with the counts the core gives it (lint/targets.ts: summarize of its findings). */
const formatText = (findings: Finding[], files: string[]) => formatTarget({ findings, files, ...summarize(findings) });

const f = (over: Partial<Finding> = {}): Finding => ({
  ruleId: 'user-root',
  severity: 'error',
  file: 'connectors/source-x/Dockerfile',
  line: 7,
  column: 6,
  message: 'the final USER is root',
  fix: 'USER airbyte',
  ...over,
});

describe('GitHub annotation escaping', () => {
  const data: Array<[string, string]> = [
    ['plain', 'plain'],
    ['100%', '100%25'],
    ['a\nb', 'a%0Ab'],
    ['a\r\nb', 'a%0D%0Ab'],
    ['%0A literal', '%250A literal'],
    ['a: b, c', 'a: b, c'],
  ];
  it.each(data)('data %j → %j', (input, out) => {
    expect(escapeData(input)).toBe(out);
  });
  const props: Array<[string, string]> = [
    ['dir/Dockerfile', 'dir/Dockerfile'],
    ['C:/x,y', 'C%3A/x%2Cy'],
    ['a%b\n', 'a%25b%0A'],
    ['title::x', 'title%3A%3Ax'],
  ];
  it.each(props)('property %j → %j', (input, out) => {
    expect(escapeProperty(input)).toBe(out);
  });

  it('formats errors and warnings as workflow commands', () => {
    expect(formatGithub([f(), f({ severity: 'warning', ruleId: 'base-image-latest', line: 1, column: 6, message: 'FROM python:latest', fix: undefined })])).toBe(
      [
        '::error file=connectors/source-x/Dockerfile,line=7,col=6,title=user-root::the final USER is root; fix: USER airbyte',
        '::warning file=connectors/source-x/Dockerfile,line=1,col=6,title=base-image-latest::FROM python:latest',
      ].join('\n'),
    );
  });

  it('appends the fix field to the message ("; fix: …"), escaped like it; a finding without one ends at its message', () => {
    expect(formatGithub([f({ fix: 'USER airbyte\n::error ::forged 100%' })])).toBe(
      '::error file=connectors/source-x/Dockerfile,line=7,col=6,title=user-root::the final USER is root; fix: USER airbyte%0A::error ::forged 100%25',
    );
    expect(formatGithub([f({ fix: undefined })])).toBe('::error file=connectors/source-x/Dockerfile,line=7,col=6,title=user-root::the final USER is root');
  });

  it('a hostile file name or message cannot forge another annotation or property', () => {
    const out = formatGithub([f({ file: 'x,line=1::evil\n::error ::x', message: 'a\n::error file=y::forged %', fix: undefined })]);
    expect(out.split('\n')).toHaveLength(1);
    expect(out).toBe('::error file=x%2Cline=1%3A%3Aevil%0A%3A%3Aerror %3A%3Ax,line=7,col=6,title=user-root::a%0A::error file=y::forged %25');
  });
});

describe('text output', () => {
  it('prints FILE:LINE:COL severity ruleId message and a summary', () => {
    expect(formatText([f(), f({ severity: 'warning', ruleId: 'workdir-outside-write-dirs', line: 3, column: 9, message: 'x', fix: undefined })], ['d/Dockerfile'])).toBe(
      ['connectors/source-x/Dockerfile:7:6 error user-root the final USER is root; fix: USER airbyte', 'connectors/source-x/Dockerfile:3:9 warning workdir-outside-write-dirs x', 'lint: d/Dockerfile: 1 error, 1 warning'].join('\n'),
    );
  });
  it('keeps each finding on one line', () => {
    expect(formatText([f({ message: 'a\nb.Dockerfile:1:1 error forged' })], ['x']).split('\n')).toHaveLength(2);
    expect(formatText([f({ fix: 'a\nb.Dockerfile:1:1 error forged' })], ['x']).split('\n')).toHaveLength(2);
  });
  it('shows the fix field after the message, where the message held it before it was a field', () => {
    expect(formatText([f(), f({ fix: undefined, line: 8 })], ['x']).split('\n').slice(0, 2)).toEqual([
      'connectors/source-x/Dockerfile:7:6 error user-root the final USER is root; fix: USER airbyte',
      'connectors/source-x/Dockerfile:8:6 error user-root the final USER is root',
    ]);
    const report = formatReport({ multi: true, targets: [{ target: 'd', mode: 'dockerfile', files: ['d/Dockerfile'], findings: [f()], ...summarize([f()]) }], bases: [], errors: 1, warnings: 0, failing: 1, warned: 0, ok: 1, fatal: false });
    expect(report.split('\n')[1]).toBe('  connectors/source-x/Dockerfile:7:6 error user-root the final USER is root; fix: USER airbyte');
  });
  it('says so when there is nothing to report or the input could not be analysed', () => {
    expect(formatText([], ['Dockerfile'])).toBe('lint: Dockerfile: no findings');
    expect(formatText([f({ ruleId: 'syntax-no-from', fatal: true })], ['Dockerfile'])).toBe(
      'connectors/source-x/Dockerfile:7:6 error syntax-no-from the final USER is root; fix: USER airbyte\nlint: Dockerfile could not be analysed (1 error)',
    );
  });
});
