import type { Command } from 'commander';
import { action, buildInputOptions, buildInputsOf, credentialOptions, loginFromFlags, type BuildInputFlags, type LoginFlags } from './common.js';
import { parsePublishConfig, publishRequestOf } from '../core/request-schema.js';
import { runPublish } from '../core/flows/publish.js';
import { exitCodeOf } from '../core/result.js';
import { formatResult } from './publish-format.js';
import { tagPlanOptions } from './tags.js';

interface PublishFlags extends LoginFlags, BuildInputFlags {
  registry?: string;
  repository?: string;
  config?: string;
  dryRun?: boolean;
  force?: boolean;
  /** --no-cache */
  cache?: boolean;
  signKey?: string;
  sbom?: boolean;
  gitTag?: boolean;
  gitTagFormat?: string;
  pushGitTag?: boolean;
  target?: string;
  retries: string;
  aliases?: boolean;
  latest: string;
  dev?: boolean;
  releaseVersion?: string;
  timeout?: string;
}


export function register(program: Command): void {
  buildInputOptions(credentialOptions(tagPlanOptions(program.command('publish [dir]'))))
    .description('build both platforms, verify every platform, push by digest, read back, then tag (version first, latest last); versions are immutable')
    .option('--config <file>', 'config for check/discover/read during verify (default DIR/secrets/config.json)')
    .option('--timeout <seconds>', 'per connector command during verify; on timeout the container is killed and removed (default 120)')
    .option('--dry-run', 'build and verify, print the plan; push and tag nothing')
    .option('--force', 'overwrite an existing version that has another digest (logged loudly)')
    .option('--no-cache', 'do not use the build cache (and build even when the version tag records the same build inputs)')
    .option('--sign-key <file>', 'cosign-sign the index digest with this key (password in COSIGN_PASSWORD)')
    .option('--sbom', 'attach a CycloneDX SBOM to each platform image (OCI referrer; the generator is installed from npm on first use)')
    .option('--git-tag', 'create the annotated git tag <connector-dir>/v<version> at the built commit after success')
    .option('--git-tag-format <format>', 'git tag format ({dir}, {version}; default {dir}/v{version})')
    .option('--push-git-tag', 'push the git tag to origin (implies --git-tag)')
    .action(
      action(async (out, _g, dir: string | undefined, f: PublishFlags) => {
        const login = await loginFromFlags(f);
        // The same schema as the Action's inputs (src/core/request-schema.ts), so both shells
        // validate alike and ask the core for the same request.
        const config = parsePublishConfig({
          connectors: [dir ?? '.'],
          ...buildInputsOf(f),
          configFile: f.config,
          timeout: f.timeout,
          registry: f.registry,
          repository: f.repository,
          target: f.target,
          version: f.releaseVersion,
          username: login.username,
          password: login.password,
          dryRun: f.dryRun,
          force: f.force,
          latest: f.latest,
          aliases: f.aliases,
          dev: f.dev,
          signKey: f.signKey,
          sbom: f.sbom,
          retries: f.retries,
          gitTag: f.gitTag,
          gitTagFormat: f.gitTagFormat,
          pushGitTag: f.pushGitTag,
          noCache: f.cache === false,
        });
        const req = publishRequestOf(dir ?? '.', config);
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
