import type { Command } from 'commander';
import { action } from './common.js';
import { DEFAULT_GIT_TAG_FORMAT, resolveRelease } from '../publish/release-plan.js';

export function register(program: Command): void {
  program
    .command('release-plan')
    .description('resolve the connector directory and version a release tag (e.g. refs/tags/source-foo/v1.2.3) names; exit 2 when metadata.yaml says another version')
    .requiredOption('--git-ref <ref>', 'the release tag (refs/tags/<connector-dir>/v<version>, or without refs/tags/)')
    .option('--root <dir>', 'repository root to find the connector in (default: current directory)')
    .option('--git-tag-format <format>', 'tag format: {dir} and {version} placeholders', DEFAULT_GIT_TAG_FORMAT)
    .action(
      action(async (out, _g, f: { gitRef: string; root?: string; gitTagFormat: string }) => {
        const plan = await resolveRelease(f.gitRef, { root: f.root, format: f.gitTagFormat });
        out.result(plan, () => [`release ${plan.tag}`, `  connector: ${plan.dir}`, `  version:   ${plan.version} (${plan.versionAt})`, `  repository: ${plan.repository}`].join('\n'));
      }),
    );
}
