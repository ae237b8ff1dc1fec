import type { Command } from 'commander';
import { action, credentialOptions, loginFromFlags, type LoginFlags } from './common.js';
import { badInput, type LatestMode, type PublishTarget } from '../core/index.js';

export interface TagsFlags extends LoginFlags {
  releaseVersion?: string;
  dev?: boolean;
  aliases?: boolean;
  latest: string;
  repository?: string;
  registry?: string;
  target?: string;
  retries?: string;
}

/**
 * The options that decide the tag plan, shared by `tags` and `publish` so the
 * plan printed by one is the plan applied by the other.
 */
export function tagPlanOptions(cmd: Command): Command {
  return (
    cmd
      .option('--registry <host[:port]>', 'registry host, or "local" (a loopback registry on localhost:5000; publish starts one when none runs)')
      .option('--repository <path>', 'repository path (default data.dockerRepository)')
      .option('--target <cloud|oss>', 'use data.registryOverrides.<target>.dockerRepository / dockerImageTag')
      // not --version: that is the program's own flag (commander reads it anywhere on the line)
      .option('--release-version <semver>', "version to tag (default data.dockerImageTag; the image labels keep metadata.yaml's)")
      .option('--dev', 'a dev build: X.Y.Z-dev.<10-char commit sha> only')
      .option('--aliases', 'also move X.Y and X when this is the highest release of that line')
      .option('--latest <mode>', 'auto (only when >= every stable version), true, false', 'auto')
      .option('--retries <n>', 'attempts per registry request on transient faults', '5')
  );
}

export function latestFlag(v: string): LatestMode {
  if (v === 'auto' || v === 'true' || v === 'false') return v;
  throw badInput(`--latest must be auto, true or false, got "${v}"`);
}

export function targetFlag(v: string | undefined): PublishTarget | undefined {
  if (v === undefined || v === 'cloud' || v === 'oss') return v;
  throw badInput(`--target must be cloud or oss, got "${v}"`);
}

export function retriesFlag(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 20) throw badInput(`--retries must be an integer 1..20, got "${v}"`);
  return n;
}

export function register(program: Command): void {
  credentialOptions(
    tagPlanOptions(
      program
        .command('tags [dir]')
        .description('print the tag plan publish would apply: tags written and why, tags deliberately not written (reads the registry, writes nothing)'),
    ),
  ).action(
      action(async (out, _g, dir: string | undefined, f: TagsFlags) => {
        const login = await loginFromFlags(f);
        const { runTags, formatTagPlan } = await import('../core/flows/tags.js');
        const { plan, notes } = await runTags(
          {
            dir: dir ?? '.',
            registry: f.registry,
            repository: f.repository,
            target: targetFlag(f.target),
            version: f.releaseVersion,
            dev: f.dev === true,
            aliases: f.aliases === true,
            latest: latestFlag(f.latest),
            retries: retriesFlag(f.retries),
            login,
          },
          { log: (l) => out.info(l) },
        );
        for (const n of notes) out.info(`note: ${n}`);
        out.result(plan, () => formatTagPlan(plan));
      }),
    );
}
