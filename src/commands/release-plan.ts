import type { Command } from 'commander';
import { action } from './common.js';
import { DEFAULT_RELEASE_TAG_PATTERN, runRelease } from '../core/flows/release.js';
import { parseFields } from '../core/request-fields.js';

export function register(program: Command): void {
  program
    .command('release-plan')
    .description('resolve the connector directory and version a release tag (e.g. refs/tags/source-foo/v1.2.3) names; exit 2 when metadata.yaml says another version')
    .requiredOption('--git-ref <ref>', 'the release tag (refs/tags/<connector-dir>/v<version>, or refs/tags/v<version> with one connector; refs/tags/ optional)')
    .option('--root <dir>', 'repository root to find the connector in (default: current directory)')
    .option('--git-tag-format <format>', 'tag format: {dir} and {version} placeholders (default {dir}/v{version})')
    .option(
      '--release-tag-pattern <pattern>',
      `release tag of a repository with one connector, {version} only (default: releaseTagPattern in build-connector.yaml, else "${DEFAULT_RELEASE_TAG_PATTERN}")`,
    )
    .action(
      action(async (out, _g, f: { gitRef: string; root?: string; gitTagFormat?: string; releaseTagPattern?: string }) => {
        const { gitTagFormat } = parseFields({ gitTagFormat: f.gitTagFormat });
        const { plan } = await runRelease({ gitRef: f.gitRef, root: f.root, format: gitTagFormat, releaseTagPattern: f.releaseTagPattern });
        out.result(plan, () => [`release ${plan.tag}`, `  connector: ${plan.dir}`, `  version:   ${plan.version} (${plan.versionAt})`, `  repository: ${plan.repository}`].join('\n'));
      }),
    );
}
