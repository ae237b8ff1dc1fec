/**
 * A docker config without credentials, for CLI runs that must log in by
 * their flags alone: `config.json` is `{}`, the user's contexts and CLI
 * plugins come along (buildx keeps the suite's builders), and `snapshot`
 * proves afterwards that nothing was written into it.
 */
import { lstat, mkdir, readdir, readFile, readlink, symlink, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface BareDockerConfig {
  dir: string;
  /** the environment of a CLI run against it: no login from the environment either */
  env: Record<string, string>;
}

export async function credentiallessDockerConfig(work: string): Promise<BareDockerConfig> {
  const user = process.env.DOCKER_CONFIG || join(homedir(), '.docker');
  const dir = join(work, 'docker-config');
  await mkdir(dir);
  await writeFile(join(dir, 'config.json'), '{}\n');
  for (const sub of ['contexts', 'cli-plugins']) {
    if (await lstat(join(user, sub)).then(() => true, () => false)) await symlink(join(user, sub), join(dir, sub));
  }
  const env = {
    DOCKER_CONFIG: dir,
    BUILDX_CONFIG: process.env.BUILDX_CONFIG || join(user, 'buildx'),
    BUILD_CONNECTOR_USERNAME: '',
    BUILD_CONNECTOR_PASSWORD: '',
    BUILD_CONNECTOR_RETRY_BASE_MS: '50',
    SOURCE_DATE_EPOCH: '',
  };
  return { dir, env };
}

/** Every entry under a directory, with its bytes (a symlink as its target). */
export async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    const p = join(e.parentPath, e.name);
    out[p] = e.isSymbolicLink() ? `-> ${await readlink(p)}` : e.isDirectory() ? '/' : await readFile(p, 'utf8');
  }
  return out;
}
