/**
 * Engine facts: client/server versions, image store, buildx builders.
 * Pure parsers are exported for unit tests; the probes call docker.
 */
import { z } from 'zod';
import { docker, parseJson, parseJsonLines } from './cli.js';
import { selectBuilder } from './buildx-current.js';
import { envMissing } from '../errors.js';

export const DockerVersionSchema = z.object({
  Client: z.object({ Version: z.string() }).loose(),
  Server: z
    .object({ Version: z.string() })
    .loose()
    .nullish(),
}).loose();

export const DockerInfoSchema = z
  .object({
    ServerVersion: z.string().optional(),
    Driver: z.string().optional(),
    DriverStatus: z.array(z.array(z.string())).nullish(),
    Architecture: z.string().optional(),
  })
  .loose();
export type DockerInfo = z.infer<typeof DockerInfoSchema>;

export const BuilderSchema = z
  .object({
    Name: z.string(),
    Driver: z.string(),
    Nodes: z
      .array(
        z
          .object({
            Name: z.string().optional(),
            Status: z.string().optional(),
            Platforms: z.array(z.string()).nullish(),
          })
          .loose(),
      )
      .nullish(),
  })
  .loose();
export type Builder = z.infer<typeof BuilderSchema>;

export function isContainerdStore(info: DockerInfo): boolean {
  return (info.DriverStatus ?? []).some(([k, v]) => k === 'driver-type' && v === 'io.containerd.snapshotter.v1');
}

export interface BuilderFacts {
  name: string;
  driver: string;
  platforms: string[];
}

export function builderFacts(b: Builder): BuilderFacts {
  const platforms = new Set<string>();
  for (const n of b.Nodes ?? []) for (const p of n.Platforms ?? []) platforms.add(p);
  return { name: b.Name, driver: b.Driver, platforms: [...platforms] };
}

/** Can this builder target `platform` (variants like linux/amd64/v2 count as linux/amd64)? */
export function builderSupports(facts: BuilderFacts, platform: string): boolean {
  return facts.platforms.some((p) => p === platform || p.startsWith(`${platform}/`));
}

export async function dockerVersions(): Promise<{ client: string; server: string | undefined }> {
  const res = await docker(['version', '--format', '{{json .}}'], { allowFailure: true, timeoutMs: 20_000 });
  // `docker version` exits 1 without an engine but still prints the client part.
  const firstLine = res.stdout.split('\n').find((l) => l.trim().startsWith('{')) ?? '{}';
  const v = parseJson(DockerVersionSchema, firstLine, 'docker version');
  return { client: v.Client.Version, server: v.Server?.Version };
}

export async function dockerInfo(): Promise<DockerInfo> {
  const res = await docker(['info', '--format', '{{json .}}'], { timeoutMs: 20_000, failKind: 'environment', step: 'docker info' });
  return parseJson(DockerInfoSchema, res.stdout, 'docker info');
}

export async function buildxVersion(): Promise<string> {
  const res = await docker(['buildx', 'version'], { timeoutMs: 20_000, failKind: 'environment', step: 'docker buildx version' });
  // "github.com/docker/buildx 0.13.1+ds1 0.13.1+ds1-3" or "github.com/docker/buildx v0.17.1 abc"
  return parseBuildxVersion(res.stdout);
}

export function parseBuildxVersion(text: string): string {
  const m = /buildx\s+v?(\d+\.\d+\.\d+)/.exec(text);
  return m?.[1] ?? text.trim();
}

/**
 * The builder `docker buildx build --builder NAME` would use (NAME, else
 * BUILDX_BUILDER, else the current one, else the first listed), from one
 * `docker buildx ls`; doctor and the capability probe both ask here.
 */
export async function chooseBuilder(name?: string): Promise<Builder> {
  const res = await docker(['buildx', 'ls', '--format', '{{json .}}'], { timeoutMs: 30_000, failKind: 'environment', step: 'docker buildx ls' });
  // buildx 0.13 prints each builder once per line; newer ones mark the current one.
  const builders = parseJsonLines(BuilderSchema, res.stdout, 'docker buildx ls');
  const wanted = name ?? process.env.BUILDX_BUILDER;
  const chosen = selectBuilder(builders, wanted);
  if (!chosen) {
    throw envMissing(wanted ? `buildx builder "${wanted}" not found` : 'no buildx builder found', [
      `builders: ${[...new Set(builders.map((b) => b.Name))].join(', ') || 'none'}`,
      'fix: docker buildx create --use (or pass an existing --builder / unset BUILDX_BUILDER)',
    ]);
  }
  return chosen;
}

export async function currentBuilder(name?: string): Promise<BuilderFacts> {
  return builderFacts(await chooseBuilder(name));
}
