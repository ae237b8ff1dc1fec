/**
 * The tag plan: a pure function of the version being published, the tags
 * already in the repository and the flags. `tags` prints it, `publish`
 * applies it. It also says which tags it deliberately does not write and
 * why, so "latest did not move" is never a surprise.
 *
 * Rules (README "Tag rules"):
 * - the version must be valid semver (no leading "v", no ranges);
 * - stable X.Y.Z: the tag X.Y.Z; `latest` only when X.Y.Z >= every stable
 *   version already in the repository; with aliases, X.Y and X only when
 *   X.Y.Z is the highest release of that line;
 * - a pre-release (X.Y.Z-rc.1, ...): only its own tag;
 * - dev: X.Y.Z-dev.<first 10 chars of the commit sha>, nothing else.
 */
import semver from 'semver';
import { badInput } from '../errors.js';
import { versionError, type VersionAt } from './target.js';
import { MAX_TAG_LENGTH, tagProblem } from '../shared/image-ref.js';
import type { LatestMode } from '../shared/modes.js';

export interface TagPlanInput {
  /** registry/repository the tags go to, e.g. localhost:5000/airbyte/source-hello */
  repository: string;
  version: string;
  /** every tag now in the repository (tags/list); non-semver tags are ignored */
  existingTags: readonly string[];
  aliases?: boolean;
  latest: LatestMode;
  /** publish a dev build of this commit */
  dev?: { sha: string };
  /** where the version came from, for error messages ("metadata.yaml:7 data.dockerImageTag") */
  versionSource?: string;
  /** the metadata.yaml key the version came from */
  versionAt?: VersionAt;
}

interface PlannedTag {
  tag: string;
  reason: string;
  /** the tag exists now (it will be moved or, for the version tag, checked for immutability) */
  exists: boolean;
}

export interface SkippedTag {
  tag: string;
  reason: string;
}

export interface TagPlan {
  repository: string;
  /** the version as published (the dev tag for dev builds) */
  version: string;
  kind: 'stable' | 'prerelease' | 'dev';
  /** written in this order; the version tag is always first, moving tags after it */
  tags: PlannedTag[];
  skipped: SkippedTag[];
  /** stable versions found in the repository, highest first */
  existingStable: string[];
}

/** A strict semver check: "1.2.3" and "1.2.3-rc.1" pass, "v1.2.3", "1.2" and "latest" do not. */
export function parseVersion(version: string, source = 'version', at?: VersionAt): semver.SemVer {
  // semver.parse accepts "v1.2.3" and "=1.2.3"; a tag must be the plain form.
  const v = /^\d/.test(version) ? semver.parse(version) : null;
  if (!v || v.raw !== version) {
    throw versionError(source, at, `"${version}" is not a valid semantic version (expected X.Y.Z or X.Y.Z-pre.N)`, [
      'fix: set data.dockerImageTag in metadata.yaml (or --release-version) to a version such as 1.2.3',
    ]);
  }
  if (v.build.length > 0) {
    throw versionError(source, at, `"${version}" carries build metadata (+${v.build.join('.')}), which an image tag cannot hold ("+" is not allowed in tags)`, [
      'fix: drop the +... part, or use a pre-release such as 1.2.3-build.5',
    ]);
  }
  return v;
}

/**
 * Every tag a plan writes must be a valid image tag (at most 128 characters):
 * checked while planning, so a tag the registry would refuse stops the run
 * before anything is built.
 */
export function checkPlanTags(p: TagPlan, source = 'version', at?: VersionAt): void {
  for (const t of p.tags) {
    const problem = tagProblem(t.tag);
    if (problem) {
      throw versionError(source, at, `tag ${problem} (${t.reason})`, [
        p.kind === 'dev'
          ? `fix: dev tags add "-dev.<10-char sha>" (15 characters) to X.Y.Z; keep X.Y.Z at most ${MAX_TAG_LENGTH - 15} characters`
          : `fix: shorten data.dockerImageTag (or --release-version) to at most ${MAX_TAG_LENGTH} characters`,
      ]);
    }
  }
}

function devTag(version: semver.SemVer, sha: string): string {
  if (!/^[0-9a-f]{10,64}$/i.test(sha)) throw badInput(`--dev: "${sha}" is not a git commit sha`);
  return `${version.major}.${version.minor}.${version.patch}-dev.${sha.slice(0, 10).toLowerCase()}`;
}

/** Stable (non pre-release) semver tags, highest first. */
export function stableVersions(tags: readonly string[]): string[] {
  return tags.filter((t) => semver.valid(t) === t && semver.prerelease(t) === null).sort(semver.rcompare);
}

export function planTags(input: TagPlanInput): TagPlan {
  const p = planTagsUnchecked(input);
  checkPlanTags(p, input.versionSource, input.versionAt);
  return p;
}

function planTagsUnchecked(input: TagPlanInput): TagPlan {
  const v = parseVersion(input.version, input.versionSource, input.versionAt);
  const existing = new Set(input.existingTags);
  const stable = stableVersions(input.existingTags);
  const plan = (kind: TagPlan['kind'], version: string): TagPlan => ({
    repository: input.repository,
    version,
    kind,
    tags: [],
    skipped: [],
    existingStable: stable,
  });
  const add = (p: TagPlan, tag: string, reason: string) => p.tags.push({ tag, reason, exists: existing.has(tag) });
  const skip = (p: TagPlan, tag: string, reason: string) => p.skipped.push({ tag, reason });

  if (input.dev) {
    const tag = devTag(v, input.dev.sha);
    const p = plan('dev', tag);
    add(p, tag, `dev build of commit ${input.dev.sha.slice(0, 10)}`);
    skip(p, 'latest', 'dev builds never move latest');
    if (input.aliases) skip(p, `${v.major}.${v.minor}`, 'dev builds never move aliases');
    return p;
  }

  if (v.prerelease.length > 0) {
    const p = plan('prerelease', v.version);
    add(p, v.version, 'the version (pre-release)');
    skip(p, 'latest', `pre-release ${v.version} never moves latest`);
    if (input.aliases) {
      skip(p, `${v.major}.${v.minor}`, 'pre-releases never move aliases');
      skip(p, `${v.major}`, 'pre-releases never move aliases');
    }
    return p;
  }

  const p = plan('stable', v.version);
  add(p, v.version, 'the version');
  if (input.aliases) {
    for (const [alias, line] of [
      [`${v.major}.${v.minor}`, (s: semver.SemVer) => s.major === v.major && s.minor === v.minor],
      [`${v.major}`, (s: semver.SemVer) => s.major === v.major],
    ] as const) {
      const higher = stable.find((s) => line(semver.parse(s)!) && semver.gt(s, v));
      if (higher) skip(p, alias, `${alias} not moved: ${higher} > ${v.version}`);
      else add(p, alias, `highest release of the ${alias} line`);
    }
  }
  const { latest } = input;
  const highest = stable[0];
  if (latest === 'false') skip(p, 'latest', 'latest not moved: --latest false');
  else if (latest === 'true') add(p, 'latest', highest && semver.gt(highest, v) ? `forced by --latest true (moves back from ${highest})` : 'forced by --latest true');
  else if (highest && semver.gt(highest, v)) skip(p, 'latest', `latest not moved: ${highest} > ${v.version}`);
  else add(p, 'latest', highest ? `${v.version} >= every stable version (highest was ${highest})` : 'first stable version');
  return p;
}

/** Human rendering shared by `tags` and `publish --dry-run`. */
export function formatTagPlan(p: TagPlan): string {
  const lines = [`repository: ${p.repository}`, `version:    ${p.version} (${p.kind})`, 'tags to write:'];
  for (const t of p.tags) lines.push(`  ${p.repository}:${t.tag}  — ${t.reason}${t.exists ? ' (exists now)' : ''}`);
  if (p.skipped.length > 0) {
    lines.push('not written:');
    for (const s of p.skipped) lines.push(`  ${s.tag}  — ${s.reason}`);
  }
  return lines.join('\n');
}
