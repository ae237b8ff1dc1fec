/**
 * Release tags → what to publish. A release tag such as
 * `source-foo/v1.2.3` (format `{dir}/v{version}`, configurable) names the
 * connector directory and the version. `release-plan` resolves both and
 * fails (exit 2) when metadata.yaml says another version, naming the line,
 * so a mistyped tag never publishes the wrong thing. `publish --git-tag`
 * creates the same tag after a successful publish.
 */
import { loadConnector, where } from '../connector/metadata.js';
import { discoverConnectors } from '../monorepo/discovery.js';
import { BcError, badInput } from '../errors.js';
import { parseVersion } from './tag-plan.js';

export const DEFAULT_GIT_TAG_FORMAT = '{dir}/v{version}';

/** Render a git tag name from the format: {dir} = connector directory name, {version}. */
export function formatGitTag(format: string, dir: string, version: string): string {
  if (!format.includes('{version}')) throw badInput(`--git-tag-format "${format}" must contain {version}`);
  return format.replaceAll('{dir}', dir).replaceAll('{version}', version);
}

/** Parse a ref (refs/tags/X or X) with the format; undefined when it does not match. */
export function parseGitTag(ref: string, format = DEFAULT_GIT_TAG_FORMAT): { dir: string | undefined; version: string; tag: string } | undefined {
  const tag = ref.replace(/^refs\/tags\//, '');
  if (!format.includes('{version}')) throw badInput(`--git-tag-format "${format}" must contain {version}`);
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

export async function resolveRelease(gitRef: string, opts: { root?: string; format?: string } = {}): Promise<ReleasePlan> {
  const format = opts.format ?? DEFAULT_GIT_TAG_FORMAT;
  const parsed = parseGitTag(gitRef, format);
  if (!parsed) {
    throw badInput(`--git-ref ${gitRef} is not a release tag of the form ${format.replace('{dir}', 'CONNECTOR-DIR').replace('{version}', 'X.Y.Z')}`, [
      'fix: release tags look like refs/tags/source-foo/v1.2.3 (or pass --git-tag-format)',
    ]);
  }
  parseVersion(parsed.version, `release tag ${parsed.tag}`);
  const root = opts.root ?? process.cwd();
  const all = await discoverConnectors({ base: root });
  const candidates = parsed.dir === undefined ? all : all.filter((c) => c.name === parsed.dir);
  if (candidates.length === 0) {
    throw badInput(`release tag ${parsed.tag}: no connector directory named "${parsed.dir ?? '?'}" (with a metadata.yaml) under ${root}`, ['fix: pass --root (the repository root)']);
  }
  if (candidates.length > 1) {
    throw badInput(`release tag ${parsed.tag}: several connector directories match: ${candidates.map((c) => c.relDir).join(', ')}`, [
      'fix: use a --git-tag-format with {dir} naming one directory',
    ]);
  }
  const c = await loadConnector(candidates[0]!.dir);
  const pos = c.positionOf('data.dockerImageTag');
  const at = pos ? where(pos) : c.metadataPath;
  if (c.version !== parsed.version) {
    throw new BcError('badInput', `${at}: data.dockerImageTag is ${c.version}, but release tag ${parsed.tag} says ${parsed.version}`, {
      details: [`fix: set dockerImageTag: ${parsed.version} in metadata.yaml, or tag ${formatGitTag(format, c.dirName, c.version)} instead`],
    });
  }
  return { tag: parsed.tag, dir: c.dir, dirName: c.dirName, version: c.version, repository: c.repository, versionAt: at };
}
