import type { Command } from 'commander';
import { action, collect, credentialOptions, loginFromFlags, type LoginFlags } from './common.js';
import { parsePublishConfig, publishRequestOf } from '../config.js';
import { badInput } from '../errors.js';
import { runPublish } from '../core/flows/publish.js';
import type { PublishRequest } from '../core/request.js';
import { exitCodeOf } from '../core/result.js';
import { formatResult } from './publish-format.js';
import { DEFAULT_GIT_TAG_FORMAT } from '../publish/release-plan.js';
import type { Provenance } from '../docker/buildx.js';
import { retriesFlag, tagPlanOptions, targetFlag } from './tags.js';

interface PublishFlags extends LoginFlags {
  registry?: string;
  repository?: string;
  platform?: string;
  baseImage?: string;
  builder?: string;
  config?: string;
  buildArg?: string[];
  cacheFrom?: string[];
  cacheTo?: string[];
  dryRun?: boolean;
  force?: boolean;
  signKey?: string;
  sbom?: boolean;
  gitTag?: boolean;
  gitTagFormat: string;
  pushGitTag?: boolean;
  target?: string;
  retries: string;
  aliases?: boolean;
  latest: string;
  dev?: boolean;
  releaseVersion?: string;
  provenance: string;
}

function provenanceFlag(v: string): Provenance {
  if (v === 'min' || v === 'max') return v;
  if (v === 'false' || v === 'none') return false;
  throw badInput(`--provenance must be min, max or false, got "${v}"`);
}

export function register(program: Command): void {
  credentialOptions(tagPlanOptions(program.command('publish [dir]')))
    .description('build both platforms, verify every platform, push by digest, read back, then tag (version first, latest last); versions are immutable')
    .option('--platform <list>', 'platforms (default: the connector\'s, else linux/amd64,linux/arm64)')
    .option('--base-image <ref>', 'replace the base image')
    .option('--builder <name>', 'buildx builder to use (default: BUILDX_BUILDER or the current one)')
    .option('--config <file>', 'config for check/discover/read during verify (default DIR/secrets/config.json)')
    .option('--build-arg <KEY=VALUE>', 'build argument (repeatable)', collect)
    .option('--cache-from <spec>', 'buildx cache source (repeatable)', collect)
    .option('--cache-to <spec>', 'buildx cache destination (repeatable)', collect)
    .option('--dry-run', 'build and verify, print the plan; push and tag nothing')
    .option('--force', 'overwrite an existing version that has another digest (logged loudly)')
    .option('--provenance <mode>', 'provenance attestation: min, max or false', 'min')
    .option('--sign-key <file>', 'cosign-sign the index digest with this key (password in COSIGN_PASSWORD)')
    .option('--sbom', 'attach a CycloneDX SBOM to each platform image (OCI referrer; the generator is installed from npm on first use)')
    .option('--git-tag', 'create the annotated git tag <connector-dir>/v<version> at the built commit after success')
    .option('--git-tag-format <format>', 'git tag format ({dir}, {version})', DEFAULT_GIT_TAG_FORMAT)
    .option('--push-git-tag', 'push the git tag to origin (implies --git-tag)')
    .action(
      action(async (out, _g, dir: string | undefined, f: PublishFlags) => {
        const login = await loginFromFlags(f);
        // The same schema as the Action's inputs (src/config.ts), so both shells
        // validate alike and ask the core for the same request.
        const config = parsePublishConfig({
          connectors: [dir ?? '.'],
          platforms: f.platform,
          baseImage: f.baseImage,
          builder: f.builder,
          cacheFrom: f.cacheFrom,
          cacheTo: f.cacheTo,
          buildArgs: f.buildArg,
          configFile: f.config,
          registry: f.registry,
          repository: f.repository,
          username: login.username,
          password: login.password,
          dryRun: f.dryRun === true,
          force: f.force === true,
          latest: f.latest,
          aliases: f.aliases === true,
          dev: f.dev === true,
          signKey: f.signKey,
          sbom: f.sbom === true,
        });
        const req: PublishRequest = {
          ...publishRequestOf(dir ?? '.', config, { version: f.releaseVersion }),
          // CLI-only knobs (the Action fixes these)
          target: targetFlag(f.target),
          provenance: provenanceFlag(f.provenance),
          gitTag: f.gitTag === true || f.pushGitTag === true,
          gitTagFormat: f.gitTagFormat,
          pushGitTag: f.pushGitTag === true,
          retries: retriesFlag(f.retries),
        };
        const result = await runPublish(req, {
          log: (l) => out.info(l),
          onStep: (step, status, reason) => {
            if (status === 'start') out.info(`== ${step}`);
            else if (status === 'skipped') out.info(`-- ${step} skipped: ${reason ?? ''}`);
          },
        });
        out.result(result, () => formatResult(result));
        if (result.result === 'failed' && !out.json) {
          // the error lines go to stderr as for every other command
          process.stderr.write(`error: ${result.reason}\n${result.details.map((d) => `  ${d}\n`).join('')}`);
        }
        return exitCodeOf(result);
      }),
    );
}
