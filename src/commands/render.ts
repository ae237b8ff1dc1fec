import type { Command } from 'commander';
import { action } from './common.js';

interface RenderOpts {
  out?: string;
  baseImage?: string;
  templates?: string;
  resolve?: boolean;
}

export function register(program: Command): void {
  program
    .command('render [dir]')
    .description('render the Dockerfile for a connector directory (custom mode: print its own Dockerfile)')
    .option('--out <file>', 'write the Dockerfile here (and FILE.dockerignore next to it) instead of printing it')
    .option('--base-image <ref>', 'base image to build FROM (default: data.buildConnector.baseImage, data.connectorBuildOptions.baseImage, the base definition)')
    .option('--templates <dir>', 'extra template folders (<dir>/<language>/Dockerfile.hbs), searched before the bundled ones')
    .option('--no-resolve', "do not read the base image's config (engine, registry): use base-images/<language>/base.yaml")
    .action(
      action(async (out, _g, dir: string | undefined, opts: RenderOpts) => {
        const { runRender } = await import('../core/flows/render.js');
        const r = await runRender({ dir: dir ?? '.', baseImage: opts.baseImage, templatesDir: opts.templates, resolveBase: opts.resolve !== false, out: opts.out });
        const plan = r.plan;
        // how the template and its inputs were chosen (stderr; --json has them as fields)
        const choice = plan.languageChoice;
        if (choice && choice.from !== 'tag') out.info(`language ${choice.language}: ${choice.reason}`);
        // an install that needs a package index is worth a line (the build needs network); offline is the quiet default
        if (plan.pythonInstall && !plan.pythonInstall.offline) out.info(`python install from ${plan.pythonInstall.index}: ${plan.pythonInstall.why}`);
        if (plan.baseFacts?.resolved) out.info(`base facts from the ${plan.baseFacts.resolved === 'engine' ? 'local engine' : 'registry'}: entrypoint ${JSON.stringify(plan.baseFacts.entrypoint)}, user ${JSON.stringify(plan.baseFacts.user)}`);
        if (!r.basePinned) {
          out.warn(`base image ${plan.baseImage} is not pinned by digest: builds are not reproducible (pin it as NAME:TAG@sha256:…)`);
        }
        if (r.wrote) out.info(`wrote ${opts.out} and ${opts.out}.dockerignore (${plan.mode} mode)`);
        out.result(r.summary, () => (opts.out ? '' : plan.dockerfile));
      }),
    );
}
