/**
 * Which files changed since a git ref, through the project's git wrapper
 * (src/git.ts). "Since REF" means since the merge base of REF and HEAD (what
 * a pull request changes, not what the base branch gained meanwhile), and
 * includes uncommitted and untracked files so a local run sees work in
 * progress (in CI the tree is clean, so this is exactly the commits).
 */
import { headSha, listChangedFiles, repoRoot } from '../git.js';
import { badInput } from '../errors.js';

export interface ChangeSet {
  since: string;
  head: string;
  /** repository-relative POSIX paths (old and new path of a rename both appear) */
  files: string[];
}

export async function gitRepoRoot(cwd: string): Promise<string> {
  return repoRoot(cwd);
}

export async function changedFilesSince(root: string, since: string): Promise<ChangeSet> {
  if (since.startsWith('-') || since.trim() === '') throw badInput(`--since: "${since}" is not a git ref`);
  const [head, files] = await Promise.all([headSha(root), listChangedFiles(root, since, { includeUncommitted: true })]);
  return { since, head, files };
}
