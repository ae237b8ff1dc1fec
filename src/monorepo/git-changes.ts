/**
 * Which files changed since a git ref, through the project's git wrapper
 * (src/git.ts). "Since REF" means since the merge base of REF and HEAD (what
 * a pull request changes, not what the base branch gained meanwhile), and
 * includes uncommitted and untracked files so a local run sees work in
 * progress (in CI the tree is clean, so this is exactly the commits).
 *
 * No SINCE, or the all-zero sha (github.event.before on the push that creates
 * a branch), means "since the merge base with the default branch": origin/HEAD,
 * else origin/main, origin/master, main, master.
 */
import { defaultBranch, headSha, isNullRef, listChangedFiles, repoRoot } from '../git.js';
import { badInput } from '../errors.js';

interface ChangeSet {
  /** the ref compared with: SINCE, or the default branch it stood for */
  since: string;
  head: string;
  /** repository-relative POSIX paths (old and new path of a rename both appear) */
  files: string[];
}

export async function gitRepoRoot(cwd: string): Promise<string> {
  return repoRoot(cwd);
}

export async function changedFilesSince(root: string, requested: string | undefined): Promise<ChangeSet> {
  const since = requested === undefined || requested.trim() === '' || isNullRef(requested) ? await defaultBase(root, requested) : requested;
  if (since.startsWith('-')) throw badInput(`--since: "${since}" is not a git ref`);
  const [head, files] = await Promise.all([headSha(root), listChangedFiles(root, since, { includeUncommitted: true })]);
  return { since, head, files };
}

async function defaultBase(root: string, requested: string | undefined): Promise<string> {
  const ref = await defaultBranch(root);
  if (ref) return ref;
  const what = requested === undefined || requested.trim() === '' ? 'no --since given' : `--since ${requested} is no commit (a new branch)`;
  throw badInput(`${what}, and there is no default branch to compare with (origin/HEAD, origin/main, origin/master, main, master)`, [
    'fix: fetch the default branch: git fetch origin (or pass --since REF)',
  ]);
}
