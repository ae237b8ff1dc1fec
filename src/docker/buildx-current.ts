/**
 * Which builder `docker buildx build` uses when none is named: the one place
 * that decides it (capabilities, doctor). buildx 0.13's `ls --format json`
 * marks no builder as current, so the answer is read where buildx keeps it:
 * $DOCKER_CONFIG/buildx/current, `{"Key": <endpoint>, "Name": <builder>,
 * "Global": bool}`, written by `buildx use`. It applies when it is global or
 * its key is the current endpoint (DOCKER_HOST, or the context's name);
 * otherwise, or with an empty name, the builder is the docker context's own
 * (named after the context: "default"). Newer buildx marks `Current` in ls,
 * which wins. Choosing the first listed instead picked an alphabetically
 * earlier docker-container builder over `default` (seen with buildx 0.13).
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

const CurrentSchema = z.object({ Key: z.string().optional(), Name: z.string().optional(), Global: z.boolean().optional() });
const ConfigSchema = z.object({ currentContext: z.string().optional() }).loose();

const readJson = (p: string): unknown => {
  try {
    return JSON.parse(readFileSync(p, 'utf8'));
  } catch {
    return undefined;
  }
};

/** The docker context in use: DOCKER_CONTEXT, else config.json's currentContext, else "default". */
function dockerContext(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DOCKER_CONTEXT) return env.DOCKER_CONTEXT;
  const cfg = ConfigSchema.safeParse(readJson(join(env.DOCKER_CONFIG ?? join(homedir(), '.docker'), 'config.json')));
  return (cfg.success && cfg.data.currentContext) || 'default';
}

/** The name of the builder buildx would use with no --builder and no BUILDX_BUILDER. */
export function currentBuilderName(env: NodeJS.ProcessEnv = process.env): string {
  const context = dockerContext(env);
  const endpoint = context === 'default' ? env.DOCKER_HOST || 'unix:///var/run/docker.sock' : context;
  const cur = CurrentSchema.safeParse(readJson(join(env.DOCKER_CONFIG ?? join(homedir(), '.docker'), 'buildx', 'current')));
  if (cur.success && cur.data.Name && (cur.data.Global || cur.data.Key === endpoint)) return cur.data.Name;
  return context;
}

/** The builder to use among those `buildx ls` listed: WANTED, else the one marked current, else buildx's current, else the first. */
export function selectBuilder<B extends { Name: string }>(builders: readonly B[], wanted: string | undefined, env: NodeJS.ProcessEnv = process.env): B | undefined {
  if (wanted) return builders.find((b) => b.Name === wanted);
  const marked = builders.find((b) => (b as { Current?: unknown }).Current === true);
  if (marked) return marked;
  const name = currentBuilderName(env);
  return builders.find((b) => b.Name === name) ?? builders[0];
}
