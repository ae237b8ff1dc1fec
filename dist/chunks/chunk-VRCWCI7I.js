import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  versionError
} from "./chunk-237VH5OQ.js";
import {
  require_semver
} from "./chunk-LC4JF5JN.js";
import {
  MAX_TAG_LENGTH,
  tagProblem
} from "./chunk-AC6MT37A.js";
import {
  badInput
} from "./chunk-BSQYAL4K.js";
import {
  __toESM,
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

// src/publish/tag-plan.ts
init_define_BC_HELP();
var import_semver = __toESM(require_semver(), 1);
function parseVersion(version, source = "version", at) {
  const v = /^\d/.test(version) ? import_semver.default.parse(version) : null;
  if (!v || v.raw !== version) {
    throw versionError(source, at, `"${version}" is not a valid semantic version (expected X.Y.Z or X.Y.Z-pre.N)`, [
      "fix: set data.dockerImageTag in metadata.yaml (or --release-version) to a version such as 1.2.3"
    ]);
  }
  if (v.build.length > 0) {
    throw versionError(source, at, `"${version}" carries build metadata (+${v.build.join(".")}), which an image tag cannot hold ("+" is not allowed in tags)`, [
      "fix: drop the +... part, or use a pre-release such as 1.2.3-build.5"
    ]);
  }
  return v;
}
function checkPlanTags(p, source = "version", at) {
  for (const t of p.tags) {
    const problem = tagProblem(t.tag);
    if (problem) {
      throw versionError(source, at, `tag ${problem} (${t.reason})`, [
        p.kind === "dev" ? `fix: dev tags add "-dev.<10-char sha>" (15 characters) to X.Y.Z; keep X.Y.Z at most ${MAX_TAG_LENGTH - 15} characters` : `fix: shorten data.dockerImageTag (or --release-version) to at most ${MAX_TAG_LENGTH} characters`
      ]);
    }
  }
}
function devTag(version, sha) {
  if (!/^[0-9a-f]{10,64}$/i.test(sha)) throw badInput(`--dev: "${sha}" is not a git commit sha`);
  return `${version.major}.${version.minor}.${version.patch}-dev.${sha.slice(0, 10).toLowerCase()}`;
}
function stableVersions(tags) {
  return tags.filter((t) => import_semver.default.valid(t) === t && import_semver.default.prerelease(t) === null).sort(import_semver.default.rcompare);
}
function planTags(input) {
  const p = planTagsUnchecked(input);
  checkPlanTags(p, input.versionSource, input.versionAt);
  return p;
}
function planTagsUnchecked(input) {
  const v = parseVersion(input.version, input.versionSource, input.versionAt);
  const existing = new Set(input.existingTags);
  const stable = stableVersions(input.existingTags);
  const plan = (kind, version) => ({
    repository: input.repository,
    version,
    kind,
    tags: [],
    skipped: [],
    existingStable: stable
  });
  const add = (p2, tag, reason) => p2.tags.push({ tag, reason, exists: existing.has(tag) });
  const skip = (p2, tag, reason) => p2.skipped.push({ tag, reason });
  if (input.dev) {
    const tag = devTag(v, input.dev.sha);
    const p2 = plan("dev", tag);
    add(p2, tag, `dev build of commit ${input.dev.sha.slice(0, 10)}`);
    skip(p2, "latest", "dev builds never move latest");
    if (input.aliases) skip(p2, `${v.major}.${v.minor}`, "dev builds never move aliases");
    return p2;
  }
  if (v.prerelease.length > 0) {
    const p2 = plan("prerelease", v.version);
    add(p2, v.version, "the version (pre-release)");
    skip(p2, "latest", `pre-release ${v.version} never moves latest`);
    if (input.aliases) {
      skip(p2, `${v.major}.${v.minor}`, "pre-releases never move aliases");
      skip(p2, `${v.major}`, "pre-releases never move aliases");
    }
    return p2;
  }
  const p = plan("stable", v.version);
  add(p, v.version, "the version");
  if (input.aliases) {
    for (const [alias, line] of [
      [`${v.major}.${v.minor}`, (s) => s.major === v.major && s.minor === v.minor],
      [`${v.major}`, (s) => s.major === v.major]
    ]) {
      const higher = stable.find((s) => line(import_semver.default.parse(s)) && import_semver.default.gt(s, v));
      if (higher) skip(p, alias, `${alias} not moved: ${higher} > ${v.version}`);
      else add(p, alias, `highest release of the ${alias} line`);
    }
  }
  const { latest } = input;
  const highest = stable[0];
  if (latest === "false") skip(p, "latest", "latest not moved: --latest false");
  else if (latest === "true") add(p, "latest", highest && import_semver.default.gt(highest, v) ? `forced by --latest true (moves back from ${highest})` : "forced by --latest true");
  else if (highest && import_semver.default.gt(highest, v)) skip(p, "latest", `latest not moved: ${highest} > ${v.version}`);
  else add(p, "latest", highest ? `${v.version} >= every stable version (highest was ${highest})` : "first stable version");
  return p;
}
function formatTagPlan(p) {
  const lines = [`repository: ${p.repository}`, `version:    ${p.version} (${p.kind})`, "tags to write:"];
  for (const t of p.tags) lines.push(`  ${p.repository}:${t.tag}  \u2014 ${t.reason}${t.exists ? " (exists now)" : ""}`);
  if (p.skipped.length > 0) {
    lines.push("not written:");
    for (const s of p.skipped) lines.push(`  ${s.tag}  \u2014 ${s.reason}`);
  }
  return lines.join("\n");
}

export {
  parseVersion,
  planTags,
  formatTagPlan
};
