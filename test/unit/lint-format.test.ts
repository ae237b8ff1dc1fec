import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, formatGithub, formatText } from '../../src/lint/format.js';
import { excludesSecrets, isExcluded } from '../../src/lint/dockerignore.js';
import type { Finding } from '../../src/lint/types.js';

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

describe('.dockerignore matching', () => {
  const table: Array<[string, boolean]> = [
    ['secrets', true],
    ['secrets/', true],
    ['/secrets', true],
    ['./secrets/', true],
    ['**/secrets', true],
    ['secrets/**', true],
    ['secrets/*', true],
    ['secret*', true],
    ['s?crets', true],
    ['[s]ecrets', true],
    ['# secrets', false],
    ['secrets.json', false],
    ['config/secrets', false],
    ['*', true],
    ['.git\n__pycache__', false],
    ['secrets\n!secrets', false],
    ['secrets\n!secrets/keep.txt', true],
    ['*\n!main.py', true],
    ['!secrets\nsecrets', true],
    ['', false],
  ];
  it.each(table)('%j excludes secrets/config.json: %s', (content, expected) => {
    expect(excludesSecrets(content)).toBe(expected);
  });
  it('matches nested paths with ** and leaves others alone', () => {
    expect(isExcluded('**/__pycache__', 'a/b/__pycache__/x.pyc')).toBe(true);
    expect(isExcluded('build', 'src/build/x')).toBe(false);
    expect(isExcluded('*.pyc', 'a.pyc')).toBe(true);
    expect(isExcluded('*.pyc', 'a/b.pyc')).toBe(false);
  });
  // Read as moby/patternmatcher reads them (checked with `docker buildx build --output type=local`
  // on a context holding secrets/config.json, a/xb, a/b, a/x/b and barfoo).
  it.each<[string, string, boolean]>([
    ['[!s]ecrets', 'secrets/config.json', true], // only ^ negates in Go's filepath.Match: [!s] is "!" or "s"
    ['[^s]ecrets', 'secrets/config.json', false],
    ['a/**b', 'a/xb', false], // ** before more pattern is (.*/)?: whole segments
    ['a/**b', 'a/b', true],
    ['a/**b', 'a/x/b', true],
    ['**foo', 'barfoo', true], // ** then literal text: any path ending with it
    ['**/foo', 'foo', true],
    ['**/foo', 'barfoo', false],
    ['a\\*b', 'a*b', true],
    ['a\\*b', 'axb', false],
  ])('%j excludes %j: %s, as Docker does', (pattern, path, expected) => {
    expect(isExcluded(pattern, path)).toBe(expected);
  });
});
