/**
 * The source layout (docs/architecture.md, "Layout"): every import of
 * src/**\/*.ts read with the TypeScript compiler's own pre-processor
 * (ts.preProcessFile: import, export … from, import(), import type), then:
 *  - no import cycle between files (the cycle's path is printed);
 *  - no folder under src/ named build, dist or out (people and tools read
 *    those names as build output and skip them);
 *  - the layering: a folder imports only its own layer and lower ones.
 *
 * Layers, lowest first (a folder may import the folders of its own layer
 * and of the layers below, never a higher one):
 *   0 shared, and the utility files at the top of src/ (errors, exec,
 *     cleanup, fs-util, git, version, bin-keys, node-guard)
 *   1 ui, protocol, connector           — output, the connector protocol, metadata.yaml
 *   2 oci, registry                     — OCI layouts and tar; the distribution API
 *   3 docker                            — every docker/buildx/cosign call
 *   4 monorepo, render, sbom, base      — domain pieces on top of the tools
 *   5 lint                              — reads render's plan and base images
 *   6 publish                           — tag plan, push, apply
 *   7 verify                            — checks an image (lint's base facts, SBOM referrers)
 *   8 core                              — the request, flows and steps
 *   9 commands, action, and the entries src/cli.ts, src/bin.ts, src/action.ts
 * A new folder (or a new file at the top of src/) must be given a layer here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/cli.js';

const SRC = join(repoRoot, 'src');

const LAYERS: readonly (readonly string[])[] = [
  ['shared', 'errors.ts', 'exec.ts', 'cleanup.ts', 'fs-util.ts', 'git.ts', 'version.ts', 'bin-keys.ts', 'node-guard.ts'],
  ['ui', 'protocol', 'connector'],
  ['oci', 'registry'],
  ['docker'],
  ['monorepo', 'render', 'sbom', 'base'],
  ['lint'],
  ['publish'],
  ['verify'],
  ['core'],
  ['commands', 'action', 'cli.ts', 'bin.ts', 'action.ts'],
];

/** The first path segment under src/: a folder name, or a top-level file name. */
const unitOf = (file: string) => relative(SRC, file).split('/')[0] as string;

function layerOf(file: string): number {
  const unit = unitOf(file);
  const i = LAYERS.findIndex((l) => l.includes(unit));
  if (i < 0) throw new Error(`src/${unit} has no layer: give it one in test/unit/layout.test.ts and docs/architecture.md`);
  return i;
}

function walk(dir: string): { files: string[]; dirs: string[] } {
  const files: string[] = [];
  const dirs: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      dirs.push(p);
      const sub = walk(p);
      files.push(...sub.files);
      dirs.push(...sub.dirs);
    } else if (name.endsWith('.ts')) files.push(p);
  }
  return { files, dirs };
}

const { files, dirs } = walk(SRC);
const known = new Set(files);

/** file → the src files it imports (relative specifiers only; packages are not part of the layout). */
const imports = new Map<string, string[]>(
  files.map((f) => {
    const info = ts.preProcessFile(readFileSync(f, 'utf8'), true, true);
    const targets = info.importedFiles
      .map((r) => r.fileName)
      .filter((s) => s.startsWith('.'))
      .map((s) => {
        const base = resolve(dirname(f), s).replace(/\.js$/, '.ts');
        return [base, `${base}.ts`, join(base, 'index.ts')].find((c) => known.has(c)) ?? base;
      });
    return [f, targets];
  }),
);

const show = (f: string) => relative(repoRoot, f);

/** One import cycle (as a path a → b → … → a), or undefined. */
function findCycle(): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string): string[] | undefined => {
    state.set(f, 'open');
    stack.push(f);
    for (const t of imports.get(f) ?? []) {
      if (state.get(t) === 'open') return [...stack.slice(stack.indexOf(t)), t];
      if (!state.has(t) && known.has(t)) {
        const c = visit(t);
        if (c) return c;
      }
    }
    stack.pop();
    state.set(f, 'done');
    return undefined;
  };
  for (const f of files) {
    if (state.has(f)) continue;
    const c = visit(f);
    if (c) return c;
  }
  return undefined;
}

describe('source layout', () => {
  it('reads the imports (the check sees the tree)', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(imports.get(join(SRC, 'cli.ts'))?.length ?? 0).toBeGreaterThan(0);
  });

  it('every import resolves to a file under src/', () => {
    const unresolved = [...imports].flatMap(([f, ts_]) => ts_.filter((t) => t.startsWith(SRC) && !known.has(t)).map((t) => `${show(f)} → ${show(t)}`));
    expect(unresolved).toEqual([]);
  });

  it('has no import cycle', () => {
    const cycle = findCycle();
    expect(cycle?.map(show).join(' → ')).toBeUndefined();
  });

  it('has no folder named build, dist or out under src/', () => {
    expect(dirs.filter((d) => ['build', 'dist', 'out'].includes(d.split('/').pop() ?? '')).map(show)).toEqual([]);
  });

  it('lower layers never import higher ones', () => {
    const upward = [...imports].flatMap(([f, ts_]) =>
      ts_
        .filter((t) => known.has(t) && layerOf(t) > layerOf(f))
        .map((t) => `${show(f)} (layer ${layerOf(f)} ${unitOf(f)}) imports ${show(t)} (layer ${layerOf(t)} ${unitOf(t)})`),
    );
    expect(upward).toEqual([]);
  });
});
