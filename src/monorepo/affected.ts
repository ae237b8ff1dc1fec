/**
 * Which connectors a set of changed files affects. A connector is affected
 * when something its image is built from changed:
 *   own      a file inside its directory (metadata.yaml, code, its README:
 *            the whole directory is the build context, and python packages
 *            embed their README, so it can change the image)
 *   template <templatesDir>/<its language>/… (rendered connectors only; a
 *            file directly under <templatesDir>, or in a folder starting
 *            with "_" such as _partials/, is shared by every template)
 *   base     <baseImagesDir>/<its base>/… (rendered connectors only; a file
 *            directly under <baseImagesDir> is shared by every base)
 *   shared   a path matching `sharedPaths` in build-connector.yaml: everyone
 * Paths matching `ignorePaths` never affect anything, nor do files inside a
 * connector that never enter its build context (secrets/, caches, .venv:
 * the rendered .dockerignore always excludes them). Anything else (a root
 * README, docs/, CI files not declared shared) affects nothing.
 * Custom-mode connectors (own Dockerfile) depend only on their own files and
 * the shared paths: their Dockerfile names its own base.
 */
import type { DiscoveredConnector } from './discovery.js';
import type { ConnectorFacts } from './facts.js';
import { compileGlobs } from './glob.js';
import { compileDockerignore } from '../shared/dockerignore.js';
import { ALWAYS_EXCLUDED } from '../render/dockerignore.js';
import type { RepoConfig } from './repo-config.js';

type ReasonKind = 'own' | 'template' | 'base' | 'shared';
export interface Reason {
  kind: ReasonKind;
  /** the changed file that caused it */
  path: string;
}

interface Affected {
  connector: DiscoveredConnector;
  reasons: Reason[];
}

interface AffectedResult {
  affected: Affected[];
  /** changed files that matched ignorePaths */
  ignored: string[];
  /** changed files that affect no connector */
  unrelated: string[];
}

type FactsLoader = (connectors: readonly DiscoveredConnector[]) => Promise<Map<string, ConnectorFacts>>;

const ALL = '*';

/** Connector-relative paths no rendered .dockerignore lets into a build (the same lines, matched the same way). */
const neverInContext = compileDockerignore(ALWAYS_EXCLUDED.join('\n'));
const NEVER_IN_CONTEXT = (rel: string): boolean => neverInContext.excluded(rel);

export async function computeAffected(input: {
  connectors: readonly DiscoveredConnector[];
  changedFiles: readonly string[];
  config: Pick<RepoConfig, 'sharedPaths' | 'ignorePaths' | 'templatesDir' | 'baseImagesDir'>;
  loadFacts: FactsLoader;
}): Promise<AffectedResult> {
  const { connectors, config } = input;
  const isIgnored = compileGlobs(config.ignorePaths);
  const isShared = compileGlobs(config.sharedPaths);
  const byDir = new Map(connectors.map((c) => [c.relDir, c]));
  const reasons = new Map<string, Reason[]>();
  const add = (c: DiscoveredConnector, r: Reason) => {
    const list = reasons.get(c.relDir) ?? [];
    list.push(r);
    reasons.set(c.relDir, list);
  };

  const ignored: string[] = [];
  const unrelated: string[] = [];
  const shared: string[] = [];
  const templates = new Map<string, string[]>(); // language (or ALL) → files
  const bases = new Map<string, string[]>(); // base (or ALL) → files
  const tplPrefix = `${config.templatesDir}/`;
  const basePrefix = `${config.baseImagesDir}/`;

  for (const file of input.changedFiles) {
    if (isIgnored(file)) {
      ignored.push(file);
      continue;
    }
    let hit = false;
    if (isShared(file)) {
      shared.push(file);
      hit = true;
    }
    const owner = ownerOf(file, byDir);
    if (owner && NEVER_IN_CONTEXT(owner.relDir === '.' ? file : file.slice(owner.relDir.length + 1))) {
      ignored.push(file);
      continue;
    }
    if (owner) {
      add(owner, { kind: 'own', path: file });
      hit = true;
    }
    if (file.startsWith(tplPrefix)) {
      push(templates, folderKey(file.slice(tplPrefix.length)), file);
      hit = true;
    } else if (file.startsWith(basePrefix)) {
      push(bases, folderKey(file.slice(basePrefix.length)), file);
      hit = true;
    }
    if (!hit) unrelated.push(file);
  }

  if (shared.length > 0) {
    for (const c of connectors) add(c, { kind: 'shared', path: shared[0] as string });
  }

  if (templates.size > 0 || bases.size > 0) {
    // Only now is metadata needed: which language/base each rendered connector uses.
    const rendered = connectors.filter((c) => !c.hasDockerfile);
    const facts = await input.loadFacts(rendered);
    for (const c of rendered) {
      const f = facts.get(c.relDir);
      const tpl = templates.get(ALL) ?? (f?.language ? templates.get(f.language) : undefined);
      if (tpl) add(c, { kind: 'template', path: tpl[0] as string });
      const base = bases.get(ALL) ?? (f?.base ? bases.get(f.base) : undefined);
      if (base) add(c, { kind: 'base', path: base[0] as string });
    }
    // A template/base folder no connector uses still "affects nothing": report it as unrelated.
    const usedLang = new Set(rendered.map((c) => facts.get(c.relDir)?.language));
    const usedBase = new Set(rendered.map((c) => facts.get(c.relDir)?.base));
    for (const [k, files] of templates) if (k !== ALL && !usedLang.has(k)) unrelated.push(...files.filter((f) => !ownerOf(f, byDir)));
    for (const [k, files] of bases) if (k !== ALL && !usedBase.has(k)) unrelated.push(...files.filter((f) => !ownerOf(f, byDir)));
  }

  const affected = connectors.filter((c) => reasons.has(c.relDir)).map((c) => ({ connector: c, reasons: dedupe(reasons.get(c.relDir) ?? []) }));
  return { affected, ignored, unrelated: [...new Set(unrelated)].sort() };
}

/** The connector directory a file lies in (nearest enclosing), if any. */
export function ownerOf(file: string, byDir: ReadonlyMap<string, DiscoveredConnector>): DiscoveredConnector | undefined {
  let dir = file;
  for (;;) {
    const i = dir.lastIndexOf('/');
    if (i < 0) return byDir.get('.');
    dir = dir.slice(0, i);
    const c = byDir.get(dir);
    if (c) return c;
  }
}

/** "python/Dockerfile.hbs" → "python"; "x.hbs" or "_partials/x.hbs" (shared by all) → ALL */
function folderKey(rest: string): string {
  const i = rest.indexOf('/');
  if (i < 0 || rest.startsWith('_')) return ALL;
  return rest.slice(0, i);
}

function push(m: Map<string, string[]>, k: string, v: string): void {
  const l = m.get(k) ?? [];
  l.push(v);
  m.set(k, l);
}

/** One reason per kind (the first file), in a stable order. */
function dedupe(rs: Reason[]): Reason[] {
  const order: ReasonKind[] = ['own', 'template', 'base', 'shared'];
  return order.flatMap((k) => {
    const r = rs.find((x) => x.kind === k);
    return r ? [r] : [];
  });
}

export function describeReason(r: Reason): string {
  switch (r.kind) {
    case 'own':
      return `own files (${r.path})`;
    case 'template':
      return `template (${r.path})`;
    case 'base':
      return `base image (${r.path})`;
    case 'shared':
      return `shared path (${r.path})`;
  }
}
