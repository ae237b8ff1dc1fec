/**
 * `changed`: discovery + git diff + the affected-set rules + the matrices,
 * as three phases core/flows/changed.ts runs as steps (the CLI command and
 * the Action both run that flow).
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

/** What the diff is read against: the repository, its config, the connectors, the changed files. */
interface ChangedInputs {
  repoRoot: string;
  config: Awaited<ReturnType<typeof loadRepoConfig>>;
  connectors: DiscoveredConnector[];
  changes: Awaited<ReturnType<typeof changedFilesSince>>;
}

/** discover: the repository root, build-connector.yaml, the connectors under the roots, the files changed since the ref. */
export async function discoverChanges(opts: ChangedOptions): Promise<ChangedInputs> {
  const repoRoot = await gitRepoRoot(opts.cwd);
  const config = await loadRepoConfig(repoRoot);
  const roots = opts.roots && opts.roots.length > 0 ? opts.roots.map((r) => resolve(opts.cwd, r)) : config.roots.map((r) => resolve(repoRoot, r));
  const [connectors, changes] = await Promise.all([discoverConnectors({ roots, base: repoRoot }), changedFilesSince(repoRoot, opts.since)]);
  return { repoRoot, config, connectors, changes };
}

/** The affected set, with the facts (metadata.yaml) of the affected connectors. */
interface Affected {
  result: Awaited<ReturnType<typeof computeAffected>>;
  facts: Map<string, ConnectorFacts>;
}

/** affected: the affected-set rules; each metadata.yaml is read at most once, and only when needed. */
export async function affectedBy(inputs: ChangedInputs): Promise<Affected> {
  const known = new Map<string, ConnectorFacts>();
  const loadFacts = async (list: readonly DiscoveredConnector[]) => {
    const todo = list.filter((c) => !known.has(c.relDir));
    for (const [k, v] of await readAllFacts(todo)) known.set(k, v);
    return known;
  };
  const result = await computeAffected({ connectors: inputs.connectors, changedFiles: inputs.changes.files, config: inputs.config, loadFacts });
  // Platforms (and a metadata sanity check) only for the affected ones.
  const facts = await loadFacts(result.affected.map((a) => a.connector));
  return { result, facts };
}

/** matrix: the platforms of each affected connector and the two matrices. */
export function changedResult(opts: ChangedOptions, inputs: ChangedInputs, { result, facts }: Affected): ChangedResult {
  const { repoRoot, config, connectors, changes } = inputs;
  const platforms = opts.platforms && opts.platforms.length > 0 ? opts.platforms : config.platforms;
  const runners = { ...config.runners, ...(opts.runners ?? {}) };
  const entries = result.affected.map((a) => ({
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
      platforms: platformsFor(entries[i] as (typeof entries)[number], platforms),
      reasons: a.reasons,
    })),
    ignored: result.ignored,
    unrelated: result.unrelated,
    matrix: buildMatrix(entries, { platforms, runners }),
    mergeMatrix: mergeMatrix(entries, { platforms }),
  };
}

/** The three phases in one call (core/flows/changed.ts runs them as steps). */
export async function findChanged(opts: ChangedOptions): Promise<ChangedResult> {
  const inputs = await discoverChanges(opts);
  return changedResult(opts, inputs, await affectedBy(inputs));
}

export function reasonText(c: ChangedConnector): string {
  return c.reasons.map(describeReason).join('; ');
}
