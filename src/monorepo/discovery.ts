/**
 * Connector discovery: every directory holding a `metadata.yaml` under the
 * given roots. Built for repositories with hundreds of connectors:
 * - one `readdir(withFileTypes)` per directory, no `stat` per entry;
 * - a connector directory is not descended into (connectors do not nest,
 *   and their node_modules/.venv/build trees are the expensive part);
 * - `node_modules`, `.git`, hidden directories and build outputs are skipped;
 *   symbolic links are not followed (no loops);
 * - metadata is NOT parsed here: `changed` reads it lazily, only for the
 *   connectors whose language/base it needs (see facts.ts).
 */
import { readdir } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { badInput } from '../errors.js';

const METADATA_FILE = 'metadata.yaml';

/** Directory names never walked into (besides any name starting with "."). */
const SKIPPED_DIRS = new Set(['node_modules', 'build', 'dist', 'target', 'out', '__pycache__', 'venv', 'site-packages']);

export interface DiscoveredConnector {
  /** absolute path */
  dir: string;
  /** path relative to the discovery base (the repository root), POSIX separators; "." for the base itself */
  relDir: string;
  /** directory name, e.g. "source-hello" */
  name: string;
  metadataPath: string;
  /** a Dockerfile in the directory: custom mode (not rendered from a template) */
  hasDockerfile: boolean;
}

interface DiscoverOptions {
  /** directories to search (absolute or relative to `base`); default [base] */
  roots?: readonly string[];
  /** what relDir is relative to (the repository root); default process.cwd() */
  base?: string;
}

export async function discoverConnectors(opts: DiscoverOptions = {}): Promise<DiscoveredConnector[]> {
  const base = resolve(opts.base ?? process.cwd());
  const roots = (opts.roots && opts.roots.length > 0 ? opts.roots : ['.']).map((r) => (isAbsolute(r) ? r : resolve(base, r)));
  const found = new Map<string, DiscoveredConnector>();
  await Promise.all(
    roots.map(async (root) => {
      let entries;
      try {
        entries = await readdir(root, { withFileTypes: true });
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') {
          throw badInput(`discovery root ${relative(base, root) || root} does not exist or is not a directory`, [
            'fix: pass existing directories to --roots (or fix roots: in build-connector.yaml)',
          ]);
        }
        throw err;
      }
      await visit(root, entries, base, found);
    }),
  );
  return [...found.values()].sort((a, b) => (a.relDir < b.relDir ? -1 : a.relDir > b.relDir ? 1 : 0));
}

type Entries = Awaited<ReturnType<typeof readDir>>;
const readDir = (dir: string) => readdir(dir, { withFileTypes: true });

async function visit(dir: string, entries: Entries, base: string, found: Map<string, DiscoveredConnector>): Promise<void> {
  let hasMetadata = false;
  let hasDockerfile = false;
  for (const e of entries) {
    if (e.name === METADATA_FILE && (e.isFile() || e.isSymbolicLink())) hasMetadata = true;
    else if (e.name === 'Dockerfile' && (e.isFile() || e.isSymbolicLink())) hasDockerfile = true;
  }
  if (hasMetadata) {
    const relDir = toPosix(relative(base, dir)) || '.';
    found.set(dir, { dir, relDir, name: basename(dir), metadataPath: join(dir, METADATA_FILE), hasDockerfile });
    return;
  }
  const subdirs = entries.filter((e) => e.isDirectory() && !e.name.startsWith('.') && !SKIPPED_DIRS.has(e.name));
  await Promise.all(
    subdirs.map(async (e) => {
      const child = join(dir, e.name);
      let childEntries: Entries;
      try {
        childEntries = await readDir(child);
      } catch (err) {
        // A directory that vanished or cannot be read is not a connector; keep going.
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'EACCES' || code === 'ENOTDIR') return;
        throw err;
      }
      await visit(child, childEntries, base, found);
    }),
  );
}

function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}
