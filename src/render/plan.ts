/**
 * resolvePlan: connector directory → everything build, verify, lint and
 * publish need (the pure "plan" step; nothing is built here).
 *   rendered mode: metadata.yaml + language template + base definition
 *   custom mode:   the connector's own Dockerfile, as is
 */
import { readBoundedFile } from '../fs-util.js';
import { DEFAULT_PLATFORMS } from '../shared/platforms.js';
import { DockerfileParser } from 'dockerfile-ast';
import { BcError } from '../errors.js';
import { loadConnector, metadataError, displayPath } from '../connector/metadata.js';
import { describeBadRef, parseImageRef } from '../connector/reference.js';
import { entrypointProblem } from '../connector/schema.js';
import type { Connector } from '../connector/types.js';
import type { BuildPlan, PlanOptions } from './types.js';
import { AIRBYTE_WRITE_DIRS, WRITE_DIRS_LABEL, findBaseDefinition, mergeDirs, type BaseDefinition } from './base-def.js';
import { CODE_DIR, MANIFEST_DIR, chooseEntrypoint, codeFacts } from './code.js';
import { availableLanguages, createEnv, findTemplate, renderTemplate } from './template.js';
import { composeDockerignore, defaultDockerignore } from './dockerignore.js';
import { annotationsOf, metadataLabels } from './oci-labels.js';


export function checkImageFlag(ref: string, flag: string): string {
  if (parseImageRef(ref) === undefined) throw new BcError('badInput', `${flag} ${JSON.stringify(ref)}: ${describeBadRef(ref)}`);
  return ref;
}

/** Labels every rendered image carries, in a fixed order. */
export function connectorLabels(c: Connector, baseImage: string, writeDirs: string[]): Record<string, string> {
  const labels: Record<string, string> = {
    'io.airbyte.name': c.repository,
    'io.airbyte.version': c.version,
    [WRITE_DIRS_LABEL]: writeDirs.join(','),
    'org.opencontainers.image.title': c.name,
    'org.opencontainers.image.version': c.version,
    'org.opencontainers.image.base.name': baseImage,
  };
  const digest = parseImageRef(baseImage)?.digest;
  if (digest) labels['org.opencontainers.image.base.digest'] = digest;
  if (c.documentationUrl) labels['org.opencontainers.image.documentation'] = c.documentationUrl;
  return labels;
}

/** The Dockerfile's labels plus the metadata-action ones (passed to buildx, not rendered), and their annotations. */
function withMetadata(own: Record<string, string>, c: Connector, opts: PlanOptions): { labels: Record<string, string>; annotations: string[] } {
  const labels = opts.metadata ? { ...own, ...metadataLabels(c, opts.metadata) } : own;
  return { labels, annotations: annotationsOf(labels) };
}

function languageError(c: Connector, message: string, langs: string[]): BcError {
  return metadataError(c, c.languagePath ?? 'data.tags', message, [
    `available languages: ${langs.join(', ')} (bundled templates/ plus --templates DIR)`,
    'fix: add a tag language:<name> to data.tags, or a folder <name>/Dockerfile.hbs to --templates DIR',
  ]);
}

/** The build argument a custom Dockerfile declares so `--base-image` can set its base. */
export const BASE_IMAGE_ARG = 'BASE_IMAGE';

/**
 * Final-stage FROM and ENTRYPOINT of a hand-written Dockerfile (custom mode).
 * `FROM ${BASE_IMAGE}` is resolved from the ARG's default, or from `override`.
 */
function readCustomDockerfile(text: string, override: string | undefined): { baseImage: string; entrypoint: string[]; usesBaseArg: boolean } {
  const df = DockerfileParser.parse(text);
  const froms = df.getFROMs();
  const last = froms[froms.length - 1];
  const raw = last?.getImage() ?? '';
  const defaults = new Map<string, string>();
  for (const arg of df.getInitialARGs()) {
    const prop = arg.getProperty();
    const name = prop?.getName();
    if (name) defaults.set(name, (prop?.getValue() ?? '').replace(/^"(.*)"$/, '$1'));
  }
  const usesBaseArg = new RegExp(`\\$\\{?${BASE_IMAGE_ARG}\\}?`).test(raw) && defaults.has(BASE_IMAGE_ARG);
  const baseImage = raw.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (m, name: string) =>
    name === BASE_IMAGE_ARG && override !== undefined ? override : (defaults.get(name) ?? m),
  );
  let entrypoint: string[] = [];
  const lastLine = last ? last.getRange().start.line : -1;
  const eps = df.getENTRYPOINTs().filter((e) => e.getRange().start.line > lastLine);
  const ep = eps[eps.length - 1]?.getArgumentsContent()?.trim();
  if (ep?.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(ep);
      if (Array.isArray(parsed) && parsed.every((x) => typeof x === 'string')) entrypoint = parsed as string[];
    } catch {
      /* shell form after all: lint reports it */
    }
  }
  return { baseImage, entrypoint, usesBaseArg };
}

export async function resolvePlan(dir: string, opts: PlanOptions = {}): Promise<BuildPlan> {
  const c = await loadConnector(dir);
  const platforms = opts.platforms ?? c.options.platforms ?? [...DEFAULT_PLATFORMS];
  if (opts.baseImage !== undefined) checkImageFlag(opts.baseImage, '--base-image');

  if (c.customDockerfile) {
    const dockerfile = await readBoundedFile(c.customDockerfile, { kind: 'Dockerfile' });
    const facts = readCustomDockerfile(dockerfile, opts.baseImage);
    if (opts.baseImage !== undefined && !facts.usesBaseArg) {
      throw new BcError('badInput', `--base-image: ${displayPath(c.customDockerfile)} is a custom Dockerfile without ARG ${BASE_IMAGE_ARG} in its final FROM`, {
        details: [`fix: declare \`ARG ${BASE_IMAGE_ARG}=<default ref>\` before FROM and use \`FROM \${${BASE_IMAGE_ARG}}\`, or drop --base-image`],
      });
    }
    const permittedWriteDirs = mergeDirs(AIRBYTE_WRITE_DIRS, c.options.extraWriteDirs);
    return {
      connector: c,
      mode: 'custom',
      dockerfile,
      dockerfilePath: c.customDockerfile,
      dockerignore: await composeDockerignore(c.dir, defaultDockerignore(c.language)),
      context: c.dir,
      baseImage: facts.baseImage,
      entrypoint: facts.entrypoint,
      // a custom Dockerfile keeps its own labels; buildx adds the metadata ones
      ...withMetadata({}, c, opts),
      platforms,
      permittedWriteDirs,
      buildArgs: opts.baseImage !== undefined ? { [BASE_IMAGE_ARG]: opts.baseImage } : {},
    };
  }

  if (!c.language) {
    throw languageError(c, 'no language:* tag: cannot choose a template (and there is no Dockerfile for custom mode)', await availableLanguages(opts.templatesDir));
  }
  const template = await findTemplate(c.language, opts.templatesDir);
  if (!template) {
    throw languageError(c, `unknown language "${c.language}": no template folder for it`, await availableLanguages(opts.templatesDir));
  }
  const baseDef: BaseDefinition | undefined = await findBaseDefinition(c.language);
  const baseImage = opts.baseImage ?? c.baseImage ?? baseDef?.root.image;
  if (!baseImage) {
    throw metadataError(c, 'data.connectorBuildOptions.baseImage', 'no base image for this language; set it (pinned by digest) or pass --base-image');
  }
  const facts = await codeFacts(c, baseDef?.entrypoint);
  const entrypoint = chooseEntrypoint(c, facts);
  const problem = entrypointProblem(entrypoint);
  if (problem) throw new BcError('badInput', `entrypoint from ${baseDef ? `base-images/${baseDef.name}` : 'the template'}: ${problem}`);
  const permittedWriteDirs = mergeDirs(baseDef?.permittedWriteDirs ?? AIRBYTE_WRITE_DIRS, c.options.extraWriteDirs);
  const labels = connectorLabels(c, baseImage, permittedWriteDirs);
  const user = baseDef?.user ?? { name: 'airbyte', uid: 1000, gid: 1000, home: '/home/airbyte' };

  const context = {
    base: { image: baseImage, digest: parseImageRef(baseImage)?.digest ?? null },
    connector: {
      name: c.name,
      type: c.type,
      repository: c.repository,
      version: c.version,
      dirName: c.dirName,
      language: c.language,
      definitionId: c.definitionId ?? null,
    },
    user,
    writeDirs: permittedWriteDirs,
    // /tmp keeps its sticky world-writable mode; the others belong to airbyte
    ownedDirs: permittedWriteDirs.filter((d) => d !== '/tmp'),
    // created and owned by airbyte before the code is copied in
    createDirs: c.language === 'manifest-only' ? [CODE_DIR, MANIFEST_DIR] : [CODE_DIR],
    entrypoint,
    labels: Object.entries(labels).map(([key, value]) => ({ key, value })),
    code: facts,
    paths: { code: CODE_DIR, manifest: MANIFEST_DIR },
  };
  const env = createEnv(template.partials);
  const dockerfile = renderTemplate(env, template.dockerfile.text, context, displayPath(template.dockerfile.path));
  const ours = template.dockerignore
    ? renderTemplate(env, template.dockerignore.text, context, displayPath(template.dockerignore.path))
    : defaultDockerignore(c.language);
  return {
    connector: c,
    mode: 'rendered',
    dockerfile,
    dockerfilePath: undefined,
    dockerignore: await composeDockerignore(c.dir, ours),
    context: c.dir,
    baseImage,
    entrypoint,
    ...withMetadata(labels, c, opts),
    platforms,
    permittedWriteDirs,
    buildArgs: {},
  };
}

/** What `render --json` prints: the plan without the connector object's internals. */
export function planSummary(p: BuildPlan): Record<string, unknown> {
  return {
    connector: { name: p.connector.name, type: p.connector.type, repository: p.connector.repository, version: p.connector.version, language: p.connector.language || null, dir: p.connector.dir },
    mode: p.mode,
    baseImage: p.baseImage,
    entrypoint: p.entrypoint,
    airbyteEntrypoint: p.entrypoint.join(' '),
    labels: p.labels,
    annotations: p.annotations,
    context: p.context,
    dockerfilePath: p.dockerfilePath ?? null,
    platforms: p.platforms,
    permittedWriteDirs: p.permittedWriteDirs,
    buildArgs: p.buildArgs ?? {},
    dockerfile: p.dockerfile,
    dockerignore: p.dockerignore,
  };
}
