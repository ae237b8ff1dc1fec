import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, formatGithub, formatText as formatTarget } from '../../src/commands/lint-format.js';
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
  message: 'the final USER is root; fix: USER airbyte',
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
    expect(formatGithub([f(), f({ severity: 'warning', ruleId: 'base-image-latest', line: 1, column: 6, message: 'FROM python:latest' })])).toBe(
      [
        '::error file=connectors/source-x/Dockerfile,line=7,col=6,title=user-root::the final USER is root; fix: USER airbyte',
        '::warning file=connectors/source-x/Dockerfile,line=1,col=6,title=base-image-latest::FROM python:latest',
      ].join('\n'),
    );
  });

  it('a hostile file name or message cannot forge another annotation or property', () => {
    const out = formatGithub([f({ file: 'x,line=1::evil\n::error ::x', message: 'a\n::error file=y::forged %' })]);
    expect(out.split('\n')).toHaveLength(1);
    expect(out).toBe('::error file=x%2Cline=1%3A%3Aevil%0A%3A%3Aerror %3A%3Ax,line=7,col=6,title=user-root::a%0A::error file=y::forged %25');
  });
});

describe('text output', () => {
  it('prints FILE:LINE:COL severity ruleId message and a summary', () => {
    expect(formatText([f(), f({ severity: 'warning', ruleId: 'workdir-outside-write-dirs', line: 3, column: 9, message: 'x' })], ['d/Dockerfile'])).toBe(
      ['connectors/source-x/Dockerfile:7:6 error user-root the final USER is root; fix: USER airbyte', 'connectors/source-x/Dockerfile:3:9 warning workdir-outside-write-dirs x', 'lint: d/Dockerfile: 1 error, 1 warning'].join('\n'),
    );
  });
  it('keeps each finding on one line', () => {
    expect(formatText([f({ message: 'a\nb.Dockerfile:1:1 error forged' })], ['x']).split('\n')).toHaveLength(2);
  });
  it('says so when there is nothing to report or the input could not be analysed', () => {
    expect(formatText([], ['Dockerfile'])).toBe('lint: Dockerfile: no findings');
    expect(formatText([f({ ruleId: 'syntax-no-from', fatal: true })], ['Dockerfile'])).toBe(
      'connectors/source-x/Dockerfile:7:6 error syntax-no-from the final USER is root; fix: USER airbyte\nlint: Dockerfile could not be analysed (1 error)',
    );
  });
});
