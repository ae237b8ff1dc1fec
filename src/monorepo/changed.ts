/**
 * `changed`: discovery + git diff + the affected-set rules + the matrices.
 * The CLI command and the Action both call `findChanged`.
 */
import { resolve } from 'node:path';
import { computeAffected, describeReason, type Reason } from './affected.js';
import { discoverConnectors, type DiscoveredConnector } from './discovery.js';
import { readAllFacts, type ConnectorFacts } from './facts.js';
import { changedFilesSince, gitRepoRoot } from './git-changes.js';
import { buildMatrix, mergeMatrix, platformsFor, type BuildMatrixEntry, type Matrix, type MergeMatrixEntry } from './matrix.js';
import { loadRepoConfig } from './repo-config.js';

export interface ChangedOptions {
  /** where the command runs (inside the repository) */
  cwd: string;
  /** a git ref; missing or all zeros: the default branch (src/monorepo/git-changes.ts) */
  since?: string | undefined;
  /** discovery roots, relative to cwd (default: build-connector.yaml roots, else the repo root) */
  roots?: string[];
  /** requested platforms (default: build-connector.yaml platforms, else amd64+arm64) */
  platforms?: string[];
  /** platform → runner label overrides */
  runners?: Record<string, string>;
}

export interface ChangedConnector {
  /** repository-relative directory */
  connector: string;
  name: string;
  platforms: string[];
  reasons: Reason[];
}

export interface ChangedResult {
  since: string;
  head: string;
  repoRoot: string;
  config: string | null;
  discovered: number;
  changedFiles: number;
  connectors: ChangedConnector[];
  ignored: string[];
  unrelated: string[];
  matrix: Matrix<BuildMatrixEntry>;
  mergeMatrix: Matrix<MergeMatrixEntry>;
}

export async function findChanged(opts: ChangedOptions): Promise<ChangedResult> {
  const repoRoot = await gitRepoRoot(opts.cwd);
  const config = await loadRepoConfig(repoRoot);
  const roots = opts.roots && opts.roots.length > 0 ? opts.roots.map((r) => resolve(opts.cwd, r)) : config.roots.map((r) => resolve(repoRoot, r));
  const [connectors, changes] = await Promise.all([discoverConnectors({ roots, base: repoRoot }), changedFilesSince(repoRoot, opts.since)]);

  // Each metadata.yaml is read at most once, and only when needed.
  const known = new Map<string, ConnectorFacts>();
  const loadFacts = async (list: readonly DiscoveredConnector[]) => {
    const todo = list.filter((c) => !known.has(c.relDir));
    for (const [k, v] of await readAllFacts(todo)) known.set(k, v);
    return known;
  };
  const result = await computeAffected({ connectors, changedFiles: changes.files, config, loadFacts });
  // Platforms (and a metadata sanity check) only for the affected ones.
  const facts = await loadFacts(result.affected.map((a) => a.connector));
  const platforms = opts.platforms && opts.platforms.length > 0 ? opts.platforms : config.platforms;
  const runners = { ...config.runners, ...(opts.runners ?? {}) };
  const inputs = result.affected.map((a) => ({
    connector: a.connector.relDir,
    name: a.connector.name,
    platforms: facts.get(a.connector.relDir)?.platforms,
  }));
  return {
    since: changes.since,
    head: changes.head,
    repoRoot,
    config: config.file ?? null,
    discovered: connectors.length,
    changedFiles: changes.files.length,
    connectors: result.affected.map((a, i) => ({
      connector: a.connector.relDir,
      name: a.connector.name,
      platforms: platformsFor(inputs[i] as (typeof inputs)[number], platforms),
      reasons: a.reasons,
    })),
    ignored: result.ignored,
    unrelated: result.unrelated,
    matrix: buildMatrix(inputs, { platforms, runners }),
    mergeMatrix: mergeMatrix(inputs, { platforms }),
  };
}

export function reasonText(c: ChangedConnector): string {
  return c.reasons.map(describeReason).join('; ');
}
