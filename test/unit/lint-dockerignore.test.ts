import { describe, expect, it } from 'vitest';
import { excludesSecrets, isExcluded } from '../../src/shared/dockerignore.js';

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
