import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  run
} from "./chunk-63PP2PAZ.js";
import {
  BcError,
  badInput
} from "./chunk-XOYO7HYX.js";
import {
  init_define_BC_HELP
} from "./chunk-CDVMQLRB.js";

// src/git.ts
init_define_BC_HELP();
import { resolve, dirname } from "node:path";
import { stat } from "node:fs/promises";
var GIT = process.env.BUILD_CONNECTOR_GIT ?? "git";
var GIT_ENV = { GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" };
function git(cwd, args, opts = {}) {
  return run(GIT, args, { timeoutMs: 6e4, ...opts, cwd, env: { ...GIT_ENV, ...opts.env } });
}
async function dirOf(path) {
  const abs = resolve(path);
  try {
    const s = await stat(abs);
    if (s.isDirectory()) return { cwd: abs, rel: "." };
  } catch {
  }
  return { cwd: dirname(abs), rel: abs };
}
async function isRepo(cwd) {
  try {
    const res = await git(cwd, ["rev-parse", "--is-inside-work-tree"], { allowFailure: true });
    return res.exitCode === 0 && res.stdout.trim() === "true";
  } catch (err) {
    if (err instanceof BcError) return false;
    throw err;
  }
}
async function repoRoot(cwd) {
  const res = await git(cwd, ["rev-parse", "--show-toplevel"], { allowFailure: true });
  if (res.exitCode !== 0) throw notARepo(cwd);
  return res.stdout.trim();
}
function notARepo(cwd) {
  return badInput(`${cwd} is not inside a git work tree`, ["fix: run from a git checkout (git init / git clone)"]);
}
async function lastCommitTime(path) {
  const { cwd, rel } = await dirOf(path);
  const res = await git(cwd, ["log", "-1", "--format=%ct", "--", rel], { allowFailure: true }).catch((err) => {
    if (err instanceof BcError) return void 0;
    throw err;
  });
  if (!res || res.exitCode !== 0) return void 0;
  const n = Number.parseInt(res.stdout.trim(), 10);
  return Number.isFinite(n) ? n : void 0;
}
async function headSha(cwd) {
  const res = await git(cwd, ["rev-parse", "--verify", "HEAD^{commit}"], { allowFailure: true });
  if (res.exitCode !== 0) {
    if (!await isRepo(cwd)) throw notARepo(cwd);
    throw badInput(`${cwd}: the repository has no commit yet`, ["fix: commit the connector first"]);
  }
  return res.stdout.trim();
}
async function tagTarget(cwd, name) {
  checkTagName(name);
  const res = await git(cwd, ["rev-parse", "--verify", "--quiet", `refs/tags/${name}^{commit}`], { allowFailure: true });
  return res.exitCode === 0 ? res.stdout.trim() : void 0;
}
function checkTagName(name) {
  if (!/^[A-Za-z0-9][A-Za-z0-9._/@+-]*$/.test(name) || name.includes("..") || name.endsWith(".lock") || name.endsWith("/")) {
    throw badInput(`invalid git tag name "${name}"`);
  }
}
async function createAnnotatedTag(cwd, name, message, opts = {}) {
  checkTagName(name);
  const target = opts.sha ?? await headSha(cwd);
  const existing = await tagTarget(cwd, name);
  if (existing !== void 0) {
    if (existing === target || existing.startsWith(target)) return "exists";
    throw new BcError("refused", `git tag ${name} already exists on ${existing.slice(0, 12)}, not on ${target.slice(0, 12)}`, {
      details: ["fix: tags are immutable; bump the version instead of moving the tag"]
    });
  }
  const ident = await git(cwd, ["config", "user.email"], { allowFailure: true });
  const env = ident.stdout.trim() === "" ? { GIT_COMMITTER_NAME: "build-connector", GIT_COMMITTER_EMAIL: "build-connector@localhost" } : {};
  await git(cwd, ["tag", "-a", name, "-m", message, target], { step: "git tag", env });
  return "created";
}
async function pushTag(cwd, name, remote = "origin") {
  checkTagName(name);
  const res = await git(cwd, ["push", "--porcelain", remote, `refs/tags/${name}:refs/tags/${name}`], { allowFailure: true, timeoutMs: 12e4 });
  if (res.exitCode === 0) return;
  const text = `${res.stdout}
${res.stderr}`;
  if (/\[rejected\]|already exists|non-fast-forward/i.test(text)) {
    throw new BcError("refused", `the remote ${remote} already has tag ${name} on another commit`, {
      step: "git push tag",
      details: ["fix: tags are immutable; bump the version instead of moving the tag"]
    });
  }
  throw new BcError("environment", `git push of tag ${name} to ${remote} failed (exit ${res.exitCode})`, {
    step: "git push tag",
    details: text.split("\n").filter((l) => l.trim() !== "").slice(-5)
  });
}
async function listChangedFiles(cwd, since, opts = {}) {
  const root = await repoRoot(cwd);
  const base = await git(root, ["merge-base", since, "HEAD"], { allowFailure: true });
  if (base.exitCode !== 0) {
    throw badInput(`git: cannot compare with "${since}" (unknown revision or no common history)`, [
      "fix: fetch the base ref first (e.g. git fetch origin main --depth=0) or pass another --since"
    ]);
  }
  const files = /* @__PURE__ */ new Set();
  const add = (out) => {
    for (const f of out.split("\0")) if (f !== "") files.add(f);
  };
  add((await git(root, ["diff", "--name-only", "--no-renames", "-z", base.stdout.trim(), "HEAD"])).stdout);
  if (opts.includeUncommitted) {
    add((await git(root, ["diff", "--name-only", "--no-renames", "-z", "HEAD"])).stdout);
    add((await git(root, ["ls-files", "--others", "--exclude-standard", "-z"])).stdout);
  }
  return [...files].sort();
}

export {
  isRepo,
  repoRoot,
  lastCommitTime,
  headSha,
  createAnnotatedTag,
  pushTag,
  listChangedFiles
};
