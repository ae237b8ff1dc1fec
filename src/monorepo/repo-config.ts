/**
 * `build-connector.yaml` at the repository root: what a monorepo declares
 * about itself for `changed` (and its matrix). Every key is optional.
 *
 *   roots: [airbyte-integrations/connectors]   # where discovery looks (default: the repo root)
 *   sharedPaths: [pyproject.toml, "ci/**"]     # a change here affects EVERY connector
 *   ignorePaths: ["**\/*.md"]                  # changes here never affect an image
 *   templatesDir: templates                    # templates/<language>/ feeds rendered connectors
 *   baseImagesDir: base-images                 # base-images/<base>/ feeds connectors on that base
 *   platforms: [linux/amd64, linux/arm64]      # default matrix platforms
 *   runners: { linux/amd64: ubuntu-24.04, linux/arm64: ubuntu-24.04-arm }
 *   releaseTagPattern: v{version}              # the release tag of a single-connector repository
 *
 * Errors name `build-connector.yaml:LINE:COL` and the key path.
 */
import { optionalInputFile, readBoundedFile } from '../fs-util.js';
import { toPlain } from '../connector/metadata.js';
import { DEFAULT_PLATFORMS, PlatformSchema } from '../shared/platforms.js';
import { join } from 'node:path';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { z } from 'zod';
import { BcError, atText, badInputAt, displayPath, type ErrorAt } from '../errors.js';

const REPO_CONFIG_FILE = 'build-connector.yaml';

const DEFAULT_RUNNERS: Record<string, string> = {
  'linux/amd64': 'ubuntu-24.04',
  'linux/arm64': 'ubuntu-24.04-arm',
};

const relPath = z
  .string()
  .min(1)
  .refine((s) => !s.startsWith('/') && !s.split('/').includes('..'), 'a path relative to the repository root (no leading /, no ..)');
const platform = PlatformSchema;

const RepoConfigSchema = z
  .object({
    roots: z.array(relPath).optional(),
    sharedPaths: z.array(z.string().min(1)).optional(),
    ignorePaths: z.array(z.string().min(1)).optional(),
    templatesDir: relPath.optional(),
    baseImagesDir: relPath.optional(),
    platforms: z.array(platform).min(1).optional(),
    runners: z.record(platform, z.string().min(1)).optional(),
    releaseTagPattern: z
      .string()
      .refine((s) => s.includes('{version}') && !s.includes('{dir}'), 'a tag pattern with {version} and without {dir}, e.g. v{version}')
      .optional(),
  })
  .loose();

export interface RepoConfig {
  /** the file it came from, or undefined when the repo has none */
  file: string | undefined;
  roots: string[];
  sharedPaths: string[];
  ignorePaths: string[];
  templatesDir: string;
  baseImagesDir: string;
  platforms: string[];
  runners: Record<string, string>;
  /** release tag of a single-connector repository ({version} only), src/publish/release-plan.ts */
  releaseTagPattern: string;
}

function defaultRepoConfig(): RepoConfig {
  return {
    file: undefined,
    roots: ['.'],
    sharedPaths: [],
    ignorePaths: [],
    templatesDir: 'templates',
    baseImagesDir: 'base-images',
    platforms: [...DEFAULT_PLATFORMS],
    runners: { ...DEFAULT_RUNNERS },
    releaseTagPattern: 'v{version}',
  };
}

/** Read `build-connector.yaml` from the repository root; defaults when absent. */
export async function loadRepoConfig(repoRoot: string): Promise<RepoConfig> {
  const file = join(repoRoot, REPO_CONFIG_FILE);
  if ((await optionalInputFile(file, { kind: 'repository config' })) === 'missing') return defaultRepoConfig();
  return parseRepoConfig(await readBoundedFile(file, { kind: 'repository config' }), file);
}

export function parseRepoConfig(text: string, file: string): RepoConfig {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const pos = e ? lc.linePos(e.pos[0]) : undefined;
    const at: ErrorAt = { file, line: pos?.line ?? 1, column: pos?.col ?? 1, problem: `invalid YAML: ${e?.message.split('\n')[0] ?? 'parse error'}` };
    throw badInputAt(at);
  }
  // aliases expanded under yaml's resource-exhaustion guard: an alias bomb is bad input at its line
  const raw: unknown = toPlain(doc, lc, file) ?? {};
  const parsed = RepoConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issues: ErrorAt[] = parsed.error.issues.slice(0, 10).map((i) => {
      const at = positionOf(doc, lc, i.path);
      return { file, line: at.line, column: at.col, key: i.path.join('.') || '(root)', problem: i.message };
    });
    throw new BcError('badInput', `${displayPath(file)}: invalid configuration`, {
      details: [...issues.map(atText), 'fix: see README "Monorepos" for the keys of build-connector.yaml'],
      ...(issues[0] ? { at: issues[0] } : {}),
    });
  }
  const d = defaultRepoConfig();
  const c = parsed.data;
  return {
    file,
    roots: c.roots ?? d.roots,
    sharedPaths: c.sharedPaths ?? d.sharedPaths,
    ignorePaths: c.ignorePaths ?? d.ignorePaths,
    templatesDir: trimSlash(c.templatesDir ?? d.templatesDir),
    baseImagesDir: trimSlash(c.baseImagesDir ?? d.baseImagesDir),
    platforms: c.platforms ?? d.platforms,
    runners: { ...d.runners, ...(c.runners ?? {}) },
    releaseTagPattern: c.releaseTagPattern ?? d.releaseTagPattern,
  };
}

function trimSlash(p: string): string {
  return p.replace(/^\.\//, '').replace(/\/+$/, '');
}

/** Line/column of the node at a key path (or its nearest existing parent). */
export function positionOf(doc: Document, lc: LineCounter, path: readonly PropertyKey[]): { line: number; col: number } {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as (string | number)[], true);
    if (isNode(node) && node.range) {
      const p = lc.linePos(node.range[0]);
      return { line: p.line, col: p.col };
    }
  }
  return { line: 1, col: 1 };
}
