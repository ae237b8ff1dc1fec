/**
 * The .dockerignore sent with every build. secrets/ (local credentials),
 * .git and caches never enter a build context; java keeps its
 * build/distributions (the tarball is what the image is made from).
 * The connector's own .dockerignore lines come first and ours last, so a
 * `!secrets` line of theirs cannot re-include what we exclude.
 */
import { optionalInputFile, readBoundedFile } from '../fs-util.js';
import { join } from 'node:path';

/** What no build context ever holds, whatever the language (`changed` ignores these files too). */
export const ALWAYS_EXCLUDED: readonly string[] = [
  'secrets',
  '**/secrets',
  '.git',
  '**/.git',
  '**/__pycache__',
  '**/*.pyc',
  '.venv',
  'venv',
  '.pytest_cache',
  '.mypy_cache',
  '.ruff_cache',
  '.gradle',
  '*.egg-info',
  'dist',
  'node_modules',
];

export function defaultDockerignore(language: string): string {
  const build = language === 'java' ? ['# build outputs, except the distribution tarball', 'build/*', '!build/distributions'] : ['build'];
  return ['# never in a build context: local credentials, VCS data, caches', ...ALWAYS_EXCLUDED, ...build].join('\n');
}

/** Final .dockerignore: the connector's own lines, then ours (ours win). */
export async function composeDockerignore(dir: string, ours: string): Promise<string> {
  const file = join(dir, '.dockerignore');
  const theirs = (await optionalInputFile(file, { kind: '.dockerignore' })) === 'file' ? await readBoundedFile(file, { kind: '.dockerignore' }) : '';
  const head = '# rendered by build-connector';
  const body = theirs.trim() === '' ? ours.trim() : `# from the connector's .dockerignore\n${theirs.trim()}\n${ours.trim()}`;
  return `${head}\n${body}\n`;
}
