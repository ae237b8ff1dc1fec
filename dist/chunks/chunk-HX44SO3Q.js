import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  run
} from "./chunk-TVMRY7EN.js";
import {
  BcError,
  badInput
} from "./chunk-BSQYAL4K.js";
import {
  init_define_BC_HELP
} from "./chunk-HWQF2DLQ.js";

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
async function lastCommitSha(path) {
  const { cwd, rel } = await dirOf(path);
  const res = await git(cwd, ["log", "-1", "--format=%H", "--", rel], { allowFailure: true }).catch((err) => {
    if (err instanceof BcError) return void 0;
    throw err;
  });
  const sha = res?.exitCode === 0 ? res.stdout.trim() : "";
  return /^[0-9a-f]{40,64}$/.test(sha) ? sha : void 0;
}
function normaliseRemoteUrl(url) {
  const u = url.trim();
  const scp = /^(?:[^@/\s]+@)?([A-Za-z0-9.-]+):(?!\/\/)([^\s]+)$/.exec(u);
  let host;
  let path;
  if (scp && !/^[A-Za-z]:[\\/]/.test(u)) {
    host = scp[1].toLowerCase();
    path = scp[2];
  } else {
    let parsed;
    try {
      parsed = new URL(u);
    } catch {
      return void 0;
    }
    if (!["https:", "http:", "ssh:", "git:", "git+ssh:", "ssh+git:"].includes(parsed.protocol) || parsed.hostname === "") return void 0;
    const keepPort = (parsed.protocol === "https:" || parsed.protocol === "http:") && parsed.port !== "";
    host = parsed.hostname.toLowerCase() + (keepPort ? `:${parsed.port}` : "");
    path = decodeURIComponent(parsed.pathname);
  }
  path = path.replace(/^\/+/, "").replace(/\/+$/, "").replace(/\.git$/, "");
  if (path === "" || path.split("/").some((seg) => seg === "" || seg === "." || seg === "..")) return void 0;
  return `https://${host}/${path}`;
}
async function remoteUrl(cwd, remote = "origin") {
  const res = await git(cwd, ["remote", "get-url", remote], { allowFailure: true }).catch((err) => {
    if (err instanceof BcError) return void 0;
    throw err;
  });
  return res?.exitCode === 0 ? normaliseRemoteUrl(res.stdout) : void 0;
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
    const shallow = (await git(root, ["rev-parse", "--is-shallow-repository"], { allowFailure: true })).stdout.trim() === "true";
    throw badInput(`git: cannot compare with "${since}" (unknown revision or no common history${shallow ? "; this clone is shallow" : ""})`, [
      shallow ? "fix: fetch the history: git fetch --unshallow origin (in Actions: actions/checkout with fetch-depth: 0), or pass another --since" : "fix: fetch the base ref: git fetch origin (or pass another --since)"
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
function isNullRef(ref) {
  return /^0{40}$|^0{64}$/.test(ref.trim());
}
async function defaultBranch(cwd) {
  const head = await git(cwd, ["symbolic-ref", "--quiet", "refs/remotes/origin/HEAD"], { allowFailure: true });
  if (head.exitCode === 0 && head.stdout.trim().startsWith("refs/remotes/")) return head.stdout.trim().slice("refs/remotes/".length);
  for (const ref of ["origin/main", "origin/master", "main", "master"]) {
    const res = await git(cwd, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], { allowFailure: true });
    if (res.exitCode === 0) return ref;
  }
  return void 0;
}

export {
  isRepo,
  repoRoot,
  lastCommitTime,
  lastCommitSha,
  remoteUrl,
  headSha,
  createAnnotatedTag,
  pushTag,
  listChangedFiles,
  isNullRef,
  defaultBranch
};
