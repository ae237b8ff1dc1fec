/**
 * `docker buildx imagetools`: read indexes and manifests from a registry
 * (server side, nothing pulled). Output parsed from `--format '{{json .}}'`.
 */
import { z } from 'zod';
import { docker, parseJson } from './cli.js';
import { BcError } from '../errors.js';

const DescriptorSchema = z
  .object({
    mediaType: z.string(),
    digest: z.string(),
    size: z.number().optional(),
    platform: z
      .object({ architecture: z.string(), os: z.string(), variant: z.string().optional() })
      .loose()
      .optional(),
    annotations: z.record(z.string(), z.string()).optional(),
  })
  .loose();

const ImagetoolsRawSchema = z
  .object({
    name: z.string().optional(),
    manifest: z
      .object({
        mediaType: z.string().optional(),
        digest: z.string(),
        manifests: z.array(DescriptorSchema).optional(),
      })
      .loose(),
  })
  .loose();
type ImagetoolsRaw = z.infer<typeof ImagetoolsRawSchema>;

interface IndexFacts {
  digest: string;
  /** os/arch[/variant] of real images; attestation manifests (unknown/unknown) excluded */
  platforms: string[];
  manifests: { digest: string; platform: string }[];
  attestations: number;
}

export function indexFacts(raw: ImagetoolsRaw): IndexFacts {
  const manifests = (raw.manifest.manifests ?? []).map((m) => ({
    digest: m.digest,
    platform: m.platform ? [m.platform.os, m.platform.architecture, m.platform.variant].filter(Boolean).join('/') : 'unknown/unknown',
  }));
  const real = manifests.filter((m) => m.platform !== 'unknown/unknown');
  return {
    digest: raw.manifest.digest,
    platforms: real.map((m) => m.platform),
    manifests: real,
    attestations: manifests.length - real.length,
  };
}

export interface RegistryCallOptions {
  /** the environment of the docker call: a private DOCKER_CONFIG holding the registry's credentials (credentials.ts toolAuth) */
  env?: Record<string, string>;
}

/** The index (or single manifest) of a reference, or undefined when it does not exist. */
export async function imagetoolsInspect(ref: string, opts: RegistryCallOptions = {}): Promise<ImagetoolsRaw | undefined> {
  const res = await docker(['buildx', 'imagetools', 'inspect', '--format', '{{json .Manifest}}', ref], {
    allowFailure: true,
    timeoutMs: 60_000,
    ...(opts.env ? { env: opts.env } : {}),
  });
  if (res.exitCode !== 0) {
    if (/not found|manifest unknown|name unknown|404/i.test(res.stderr)) return undefined;
    throw new BcError('environment', `could not read ${ref} from its registry`, { details: res.stderr.trim().split('\n').slice(-3) });
  }
  const manifest = parseJson(ImagetoolsRawSchema.shape.manifest, res.stdout, `imagetools inspect ${ref}`);
  return { name: ref, manifest };
}

export async function imagetoolsDigest(ref: string): Promise<string | undefined> {
  return (await imagetoolsInspect(ref))?.manifest.digest;
}
