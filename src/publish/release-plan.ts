/**
 * Release tags → what to publish. A release tag such as
 * `source-foo/v1.2.3` (format `{dir}/v{version}`, configurable) names the
 * connector directory and the version. `release-plan` resolves both and
 * fails (exit 2) when metadata.yaml says another version, naming the line,
 * so a mistyped tag never publishes the wrong thing. `publish --git-tag`
 * creates the same tag after a successful publish.
 *
 * A repository holding one connector (at its root, or the only one under it,
 * e.g. under connectors/) is released with a plain `v1.2.3`: the pattern
 * `releaseTagPattern` of build-connector.yaml (default `v{version}`, or
 * --release-tag-pattern) names only the version, and the tag maps to that
 * one connector; with several connectors such a tag names none (exit 2).
 */
import { keyAt, loadConnector } from '../connector/metadata.js';
import { discoverConnectors } from '../monorepo/discovery.js';
import { BcError, badInput, where } from '../errors.js';
import { parseVersion } from './tag-plan.js';
import { loadRepoConfig } from '../monorepo/repo-config.js';
import { repoRoot } from '../git.js';
import { DEFAULT_GIT_TAG_FORMAT } from '../shared/modes.js';

/** The release tag of a single-connector repository: the version only. */
export const DEFAULT_RELEASE_TAG_PATTERN = 'v{version}';

/** Render a git tag name from the format: {dir} = connector directory name, {version}. */
export function formatGitTag(format: string, dir: string, version: string): string {
  return format.replaceAll('{dir}', dir).replaceAll('{version}', version);
}

/** Parse a ref (refs/tags/X or X) with the format; undefined when it does not match. */
export function parseGitTag(ref: string, format: string): { dir: string | undefined; version: string; tag: string } | undefined {
  const tag = ref.replace(/^refs\/tags\//, '');
  const esc = format.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`^${esc.replace('\\{dir\\}', '(?<dir>[A-Za-z0-9._-]+)').replace('\\{version\\}', '(?<version>[0-9][0-9A-Za-z.+-]*)')}$`);
  const m = re.exec(tag);
  if (!m?.groups?.version) return undefined;
  return { dir: m.groups.dir, version: m.groups.version, tag };
}

export interface ReleasePlan {
  tag: string;
  /** absolute connector directory */
  dir: string;
  dirName: string;
  version: string;
  repository: string;
  /** metadata.yaml:LINE:COL of dockerImageTag */
  versionAt: string;
}

interface ReleaseOptions {
  /** where the connector is looked for (default: the current directory) */
  root?: string;
  /** the connector tag format, with {dir} (the grammar's default: {dir}/v{version}) */
  format: string;
  /** the single-connector tag pattern (default: build-connector.yaml releaseTagPattern, else v{version}) */
  releaseTagPattern?: string;
}

/** build-connector.yaml's releaseTagPattern, read at the git root of `dir` (else at `dir`). */
async function releaseTagPatternAt(dir: string): Promise<string> {
  const top = await repoRoot(dir).catch(() => dir);
  return (await loadRepoConfig(top)).releaseTagPattern;
}

function checkPattern(pattern: string): string {
  if (pattern.includes('{dir}') || !pattern.includes('{version}')) {
    throw badInput(`release tag pattern "${pattern}" must contain {version} and no {dir} (it names the version of the only connector)`);
  }
  return pattern;
}

const shape = (f: string) => f.replace('{dir}', 'CONNECTOR-DIR').replace('{version}', 'X.Y.Z');

export async function resolveRelease(gitRef: string, opts: ReleaseOptions): Promise<ReleasePlan> {
  const { format } = opts;
  const root = opts.root ?? process.cwd();
  let parsed = parseGitTag(gitRef, format);
  let pattern: string | undefined;
  if (!parsed) {
    pattern = checkPattern(opts.releaseTagPattern ?? (await releaseTagPatternAt(root)));
    parsed = parseGitTag(gitRef, pattern);
  }
  if (!parsed) {
    throw badInput(`--git-ref ${gitRef} is not a release tag of the form ${shape(format)} (or ${shape(pattern ?? DEFAULT_RELEASE_TAG_PATTERN)} for a single-connector repository)`, [
      'fix: release tags look like refs/tags/source-foo/v1.2.3, or refs/tags/v1.2.3 in a repository with one connector (or pass --git-tag-format / --release-tag-pattern)',
    ]);
  }
  parseVersion(parsed.version, `release tag ${parsed.tag}`);
  const all = await discoverConnectors({ base: root });
  const candidates = parsed.dir === undefined ? all : all.filter((c) => c.name === parsed.dir);
  if (candidates.length === 0) {
    throw badInput(
      parsed.dir === undefined
        ? `release tag ${parsed.tag}: no connector directory named by it: no metadata.yaml at ${root} or below`
        : `release tag ${parsed.tag}: no connector directory named "${parsed.dir}" (with a metadata.yaml) under ${root}`,
      ['fix: pass --root (the repository root)'],
    );
  }
  if (candidates.length > 1) {
    throw badInput(`release tag ${parsed.tag}: several connector directories match: ${candidates.map((c) => c.relDir).join(', ')}`, [
      parsed.dir === undefined
        ? `fix: a tag without the connector's name is for a repository with one connector; tag ${formatGitTag(DEFAULT_GIT_TAG_FORMAT, candidates[0]?.name ?? 'CONNECTOR', parsed.version)} (format {dir}/v{version}) instead`
        : 'fix: use a --git-tag-format with {dir} naming one directory',
    ]);
  }
  const c = await loadConnector(candidates[0]!.dir);
  const pos = c.positionOf('data.dockerImageTag');
  const at = pos ? where(pos) : c.metadataPath;
  if (c.version !== parsed.version) {
    const problem = `data.dockerImageTag is ${c.version}, but release tag ${parsed.tag} says ${parsed.version}`;
    throw new BcError('badInput', `${at}: ${problem}`, {
      details: [`fix: set dockerImageTag: ${parsed.version} in metadata.yaml, or tag ${formatGitTag(format, c.dirName, c.version)} instead`],
      at: { ...keyAt(c, 'data.dockerImageTag'), problem },
    });
  }
  return { tag: parsed.tag, dir: c.dir, dirName: c.dirName, version: c.version, repository: c.repository, versionAt: at };
}
