/**
 * `lint [TARGET...]`: connector directories, Dockerfiles, or roots below
 * which connectors are discovered (src/monorepo/discovery.ts, the same walk
 * `changed` uses). One report: a result per connector or Dockerfile.
 *
 * A single connector or Dockerfile keeps the single-target behaviour (its
 * errors are thrown as before). With several targets, or a root, a
 * connector that cannot be linted at all (a template missing, a directory
 * unreadable) becomes a fatal finding of that connector: the others are
 * still linted and the run exits 2.
 *
 * Base images: every target resolves its final stage's base through
 * resolveBaseFacts, which resolves each distinct reference once per process
 * (and answers pinned references from the on-disk cache): 600 connectors on
 * three bases make three resolutions, not 600.
 */
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { BcError, badInput, toBcError } from '../errors.js';
import { discoverConnectors } from '../monorepo/discovery.js';
import { summarize, type LintSummary } from './lint.js';
import { fixOf, lintTarget, type LintTargetOptions, type LintTargetResult } from './target.js';
import { displayPath } from '../errors.js';
import type { BaseFacts, BaseUnresolved, Finding } from './types.js';

export interface TargetReport extends LintSummary {
  /** the connector directory or Dockerfile, as displayed */
  target: string;
  mode: LintTargetResult['mode'] | 'unlintable';
  files: string[];
  findings: Finding[];
  /** the final stage's base as lint saw it (the facts themselves are in the cache, not repeated per target) */
  base?: BaseRef;
}

type BaseRef = { ref: string; from: BaseFacts['from']; digest: string; table?: { entry: string; unread: string } } | { ref: string; unresolved: string };

function baseRef(b: BaseFacts | BaseUnresolved | undefined): BaseRef | undefined {
  if (!b?.ref) return undefined;
  if ('unresolved' in b) return { ref: b.ref, unresolved: b.unresolved };
  return { ref: b.ref, from: b.from, digest: b.digest, ...(b.table ? { table: b.table } : {}) };
}

interface BaseReport {
  ref: string;
  /** where the facts came from; absent when unresolved */
  from?: BaseFacts['from'];
  digest?: string;
  /** the bundled table's entry that gave facts (all of them when `from` is 'table', the file system's after a registry read) */
  table?: string;
  /** `from: 'table'`: why the image itself was not read */
  unread?: string;
  unresolved?: string;
  /** how many targets are built on it */
  targets: number;
  /** how many targets have a warning only because it could not be read */
  warned: number;
}

export interface LintReport {
  /** several targets or a discovery root: report per target */
  multi: boolean;
  targets: TargetReport[];
  bases: BaseReport[];
  errors: number;
  warnings: number;
  /** targets with at least one error / with warnings only / with nothing */
  failing: number;
  warned: number;
  ok: number;
  fatal: boolean;
}

interface Item {
  abs: string;
}

async function kindOf(p: string): Promise<'file' | 'dir' | undefined> {
  try {
    return (await stat(p)).isDirectory() ? 'dir' : 'file';
  } catch {
    return undefined;
  }
}

/** Targets → what to lint: a file or a connector directory as given; any other directory is a root to discover in. */
export async function expandTargets(targets: readonly string[]): Promise<{ items: Item[]; roots: boolean }> {
  const items: Item[] = [];
  let roots = false;
  for (const t of targets) {
    const abs = resolve(t);
    const kind = await kindOf(abs);
    if (kind === undefined) {
      throw badInput(`${t}: no such file or directory`, ['fix: pass connector directories (with metadata.yaml), Dockerfiles, or a directory to discover connectors in']);
    }
    if (kind === 'file' || (await kindOf(join(abs, 'metadata.yaml'))) === 'file' || (await kindOf(join(abs, 'Dockerfile'))) === 'file') {
      items.push({ abs });
      continue;
    }
    roots = true;
    const found = await discoverConnectors({ base: process.cwd(), roots: [abs] });
    if (found.length === 0) {
      throw badInput(`${displayPath(abs)}: neither metadata.yaml nor Dockerfile found, and no connector (a directory with metadata.yaml) below it`, [
        'fix: pass a connector directory, a Dockerfile, or the root of a repository of connectors',
      ]);
    }
    for (const c of found) items.push({ abs: c.dir });
  }
  const seen = new Set<string>();
  return { items: items.filter((i) => (seen.has(i.abs) ? false : (seen.add(i.abs), true))), roots };
}

async function pool<T, R>(items: readonly T[], n: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i] as T);
      }
    }),
  );
  return out;
}

function unlintable(abs: string, err: BcError): TargetReport {
  const file = displayPath(abs);
  const fix = fixOf(err);
  const finding: Finding = { ruleId: 'target-unlintable', severity: 'error', file, line: 1, column: 1, message: err.message, ...(fix !== undefined ? { fix } : {}), fatal: true };
  return { target: file, mode: 'unlintable', files: [file], findings: [finding], ...summarize([finding]) };
}

/** Lint what expandTargets found: one report per target, the bases they share, the totals. */
export async function lintExpanded({ items, roots }: { items: Item[]; roots: boolean }, opts: LintTargetOptions & { concurrency?: number } = {}): Promise<LintReport> {
  const multi = roots || items.length > 1;
  const reports = await pool(items, opts.concurrency ?? 16, async (item): Promise<TargetReport> => {
    try {
      const r = await lintTarget(item.abs, opts);
      const base = baseRef(r.base);
      return { target: displayPath(item.abs), mode: r.mode, files: r.files, findings: r.findings, ...(base ? { base } : {}), ...summarize(r.findings) };
    } catch (err) {
      const e = toBcError(err);
      if (!multi || e.kind === 'interrupted') throw e;
      return unlintable(item.abs, e);
    }
  });
  const bases = new Map<string, BaseReport>();
  for (const r of reports) {
    if (!r.base) continue;
    const warned = r.findings.some((f) => f.source === 'unresolved-base') ? 1 : 0;
    const b = bases.get(r.base.ref);
    if (b) {
      b.targets += 1;
      b.warned += warned;
    } else if ('unresolved' in r.base) bases.set(r.base.ref, { ref: r.base.ref, unresolved: r.base.unresolved, targets: 1, warned });
    else {
      const t = r.base.table;
      bases.set(r.base.ref, { ref: r.base.ref, from: r.base.from, digest: r.base.digest, ...(t ? { table: t.entry, ...(r.base.from === 'table' ? { unread: t.unread } : {}) } : {}), targets: 1, warned });
    }
  }
  return {
    multi,
    targets: reports,
    bases: [...bases.values()].sort((a, b) => a.ref.localeCompare(b.ref)),
    errors: reports.reduce((n, r) => n + r.errors, 0),
    warnings: reports.reduce((n, r) => n + r.warnings, 0),
    failing: reports.filter((r) => r.errors > 0).length,
    warned: reports.filter((r) => r.errors === 0 && r.warnings > 0).length,
    ok: reports.filter((r) => r.errors + r.warnings === 0).length,
    fatal: reports.some((r) => r.fatal),
  };
}
