/**
 * The npm package: the runtime needs nothing but the bundle (dist/ imports only
 * Node built-ins, so package.json has no runtime dependencies and
 * `npm install build-connector` adds one package), it carries its LICENSE and
 * says where it lives.
 */
import { readdir, readFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/cli.js';

const pkg = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as Record<string, unknown>;

async function bundleFiles(): Promise<string[]> {
  const top = (await readdir(join(repoRoot, 'dist'))).filter((f) => f.endsWith('.js')).map((f) => join(repoRoot, 'dist', f));
  const chunks = (await readdir(join(repoRoot, 'dist', 'chunks')).catch(() => [] as string[])).filter((f) => f.endsWith('.js')).map((f) => join(repoRoot, 'dist', 'chunks', f));
  return [...top, ...chunks];
}

describe('packaging', () => {
  it('the bundle imports only Node built-ins (and its own chunks)', async () => {
    const files = await bundleFiles();
    expect(files.map((f) => f.slice(repoRoot.length))).toEqual(expect.arrayContaining(['dist/cli.js', 'dist/index.js']));
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    const foreign = new Set<string>();
    for (const f of files) {
      const text = await readFile(f, 'utf8');
      for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)["']((?:@[\w.-]+\/)?[\w.:-][\w./:-]*)["']/g)) {
        const spec = m[1] as string;
        if (spec.startsWith('.') || builtins.has(spec) || builtins.has(spec.split('/')[0] as string)) continue;
        foreign.add(spec);
      }
    }
    expect([...foreign]).toEqual([]);
  });

  it('so package.json declares no runtime dependencies: the bundled libraries are devDependencies', () => {
    expect(pkg.dependencies ?? {}).toEqual({});
    const dev = pkg.devDependencies as Record<string, string>;
    for (const lib of ['commander', 'zod', 'yaml', 'handlebars', 'execa', 'semver', 'dockerfile-ast', '@actions/core']) expect(Object.keys(dev)).toContain(lib);
  });

  it('license, repository, homepage and bugs; the LICENSE file is MIT', async () => {
    expect(pkg.license).toBe('MIT');
    expect(pkg.repository).toMatchObject({ type: 'git', url: expect.stringMatching(/^git\+https:\/\/github\.com\/[^/]+\/build-connector\.git$/) });
    expect(pkg.homepage).toMatch(/^https:\/\/github\.com\/[^/]+\/build-connector#readme$/);
    expect(pkg.bugs).toMatchObject({ url: expect.stringMatching(/\/issues$/) });
    const license = await readFile(join(repoRoot, 'LICENSE'), 'utf8');
    expect(license).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} build-connector authors\n/);
  });

  it('npm pack ships the bundle, the templates, the base images, action.yml and LICENSE, not src/ or tests', async () => {
    const r = await execa('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: repoRoot });
    const [info] = JSON.parse(String(r.stdout)) as { files: { path: string }[] }[];
    const paths = (info?.files ?? []).map((f) => f.path);
    for (const p of ['LICENSE', 'package.json', 'README.md', 'dist/cli.js', 'dist/index.js', 'action.yml']) expect(paths).toContain(p);
    expect(paths.some((p) => p.startsWith('templates/'))).toBe(true);
    expect(paths.some((p) => p.startsWith('base-images/'))).toBe(true);
    expect(paths.filter((p) => p.startsWith('src/') || p.startsWith('test/'))).toEqual([]);
  });
});
