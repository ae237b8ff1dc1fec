/**
 * The builder buildx uses when none is named, read as buildx keeps it
 * ($DOCKER_CONFIG/buildx/current, keyed by the endpoint). Picking the first
 * listed builder instead chose an alphabetically earlier docker-container
 * builder over `default` on buildx 0.13, whose ls marks no builder current.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { currentBuilderName, selectBuilder } from '../../src/docker/buildx-current.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function config(current?: unknown, cfg?: unknown): string {
  const d = mkdtempSync(join(tmpdir(), 'bc-buildx-current-'));
  dirs.push(d);
  if (current !== undefined) {
    mkdirSync(join(d, 'buildx'));
    writeFileSync(join(d, 'buildx', 'current'), typeof current === 'string' ? current : JSON.stringify(current));
  }
  if (cfg !== undefined) writeFileSync(join(d, 'config.json'), JSON.stringify(cfg));
  return d;
}

describe('currentBuilderName', () => {
  const MAIN = 'unix:///var/run/docker.sock';
  it.each([
    ['no buildx state: the context builder', undefined, {}, 'default'],
    ['`buildx use bc-x` on this endpoint', { Key: MAIN, Name: 'bc-x', Global: false }, {}, 'bc-x'],
    ['`buildx use bc-x` on another endpoint (DOCKER_HOST differs)', { Key: MAIN, Name: 'bc-x', Global: false }, { DOCKER_HOST: 'unix:///run/other.sock' }, 'default'],
    ['the same, with DOCKER_HOST being that endpoint', { Key: 'unix:///run/other.sock', Name: 'bc-x' }, { DOCKER_HOST: 'unix:///run/other.sock' }, 'bc-x'],
    ['`buildx use --global`', { Key: MAIN, Name: 'bc-g', Global: true }, { DOCKER_HOST: 'unix:///run/other.sock' }, 'bc-g'],
    ['an empty name (the context builder was chosen)', { Key: MAIN, Name: '', Global: false }, {}, 'default'],
    ['a named context and no buildx state', undefined, { DOCKER_CONTEXT: 'remote-ctx' }, 'remote-ctx'],
    ['`buildx use` on a named context', { Key: 'remote-ctx', Name: 'bc-r' }, { DOCKER_CONTEXT: 'remote-ctx' }, 'bc-r'],
    ['an unreadable current file', '{not json', {}, 'default'],
  ])('%s', (_n, current, env, want) => {
    expect(currentBuilderName({ ...env, DOCKER_CONFIG: config(current) })).toBe(want);
  });

  it("config.json's currentContext names the context", () => {
    expect(currentBuilderName({ DOCKER_CONFIG: config(undefined, { currentContext: 'ctx-b' }) })).toBe('ctx-b');
  });
});

describe('selectBuilder', () => {
  const listed = [{ Name: 'bc-container' }, { Name: 'bc-remote' }, { Name: 'default' }];
  it('buildx 0.13 (nothing marked current, no buildx state): default, not the first listed', () => {
    expect(selectBuilder(listed, undefined, { DOCKER_CONFIG: config() })?.Name).toBe('default');
  });
  it('the one asked for wins; an unknown one is undefined (the caller says it is not found)', () => {
    expect(selectBuilder(listed, 'bc-remote', { DOCKER_CONFIG: config() })?.Name).toBe('bc-remote');
    expect(selectBuilder(listed, 'nope', { DOCKER_CONFIG: config() })).toBeUndefined();
  });
  it('a builder ls marks current (newer buildx) wins over the state file', () => {
    const marked = [{ Name: 'bc-container' }, { Name: 'default' }, { Name: 'bc-remote', Current: true }];
    expect(selectBuilder(marked, undefined, { DOCKER_CONFIG: config({ Key: 'unix:///var/run/docker.sock', Name: 'bc-container' }) })?.Name).toBe('bc-remote');
  });
  it('`buildx use bc-remote`: that one', () => {
    expect(selectBuilder(listed, undefined, { DOCKER_CONFIG: config({ Key: 'unix:///var/run/docker.sock', Name: 'bc-remote' }) })?.Name).toBe('bc-remote');
  });
});
