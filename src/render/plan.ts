/**
 * resolvePlan: connector directory → everything build, verify, lint and
 * publish need (the pure "plan" step; nothing is built here).
 *   rendered mode: metadata.yaml + language template + base definition
 *   custom mode:   the connector's own Dockerfile, as is
 */
import { readBoundedFile } from '../fs-util.js';
import { connectorPlatforms } from '../shared/platforms.js';
import { DockerfileParser } from 'dockerfile-ast';
import { BcError, displayPath } from '../errors.js';
import { loadConnector, metadataError } from '../connector/metadata.js';
import { checkImageFlag, parseImageRef } from '../shared/image-ref.js';
import { entrypointProblem } from '../connector/schema.js';
import type { Connector } from '../connector/types.js';
import type { BuildPlan, BuildSecret, PlanBaseFacts, PlanOptions, PythonInstallPlan } from './types.js';
import type { PythonInstall } from './code.js';
import { baseFacts } from './base-image.js';
import { AIRBYTE_WRITE_DIRS, WRITE_DIRS_LABEL, findBaseDefinition, mergeDirs, type BaseDefinition } from './base-def.js';
import { CODE_DIR, MANIFEST_DIR, chooseEntrypoint, codeFacts } from './code.js';
import { availableLanguages, createEnv, findTemplate, renderTemplate } from './template.js';
import { composeDockerignore, defaultDockerignore } from './dockerignore.js';
import { annotationsOf, metadataLabels } from './oci-labels.js';

/** Labels every rendered image carries, in a fixed order. */
function connectorLabels(c: Connector, baseImage: string, writeDirs: string[]): Record<string, string> {
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
const BASE_IMAGE_ARG = 'BASE_IMAGE';

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
  // a build's platforms are decided here: the flag, metadata.yaml, the default
  const platforms = connectorPlatforms(opts.platforms, c.options.platforms);
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
  // what the base's own config says (engine, then registry); base.yaml when it cannot be read
  // Only templates that take the entrypoint from the base need it (manifest-only, --templates
  // languages): python and java detect theirs from the code, and the airbyte user is ensured at
  // build time either way — so a repository of python connectors costs no lookup.
  const needsBase = c.language !== 'python' && c.language !== 'java';
  const resolved = opts.resolveBase === false || !needsBase ? undefined : await baseFacts(baseImage, platforms[0]);
  const fromBase = resolved?.entrypoint && !entrypointProblem(resolved.entrypoint) ? resolved.entrypoint : undefined;
  const facts = await codeFacts(c, fromBase ?? baseDef?.entrypoint);
  const usedBase: PlanBaseFacts = {
    source: fromBase ? resolved?.source ?? 'base.yaml' : 'base.yaml',
    resolved: resolved ? resolved.source : null,
    entrypoint: fromBase ?? baseDef?.entrypoint ?? null,
    user: resolved ? resolved.user : null,
  };
  const entrypoint = chooseEntrypoint(c, facts);
  const problem = entrypointProblem(entrypoint);
  if (problem) throw new BcError('badInput', `entrypoint from ${baseDef ? `base-images/${baseDef.name}` : 'the template'}: ${problem}`);
  const permittedWriteDirs = mergeDirs(baseDef?.permittedWriteDirs ?? AIRBYTE_WRITE_DIRS, c.options.extraWriteDirs);
  const labels = connectorLabels(c, baseImage, permittedWriteDirs);
  const user = baseDef?.user ?? { name: 'airbyte', uid: 1000, gid: 1000, home: '/home/airbyte' };
  const python = facts.install ? pythonIndexPlan(facts.install, opts.env ?? process.env) : undefined;

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
    pipSecrets: PIP_SECRETS.map((x) => ({ id: x.id, env: x.env })),
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
    languageChoice: c.languageChoice,
    baseFacts: usedBase,
    ...(python ? { pythonInstall: python.install, buildSecrets: python.secrets, buildNetwork: python.network } : {}),
  };
}

/** Build secrets a python install may use, each from build-connector's environment variable of the same meaning. */
const PIP_SECRETS = [
  { id: 'pip-index-url', env: 'PIP_INDEX_URL' },
  { id: 'pip-extra-index-url', env: 'PIP_EXTRA_INDEX_URL' },
  { id: 'pip-trusted-host', env: 'PIP_TRUSTED_HOST' },
] as const;

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/**
 * The index side of a python install: which secrets to pass (only those set:
 * their values never enter the plan), and `--network host` when an index is
 * on this machine's loopback (a build's own network cannot reach it).
 */
export function pythonIndexPlan(install: PythonInstall, env: Record<string, string | undefined>): { install: PythonInstallPlan; secrets: BuildSecret[]; network: 'host' | 'default' } {
  if (install.offline) return { install: { ...install, index: null }, secrets: [], network: 'default' };
  const secrets = PIP_SECRETS.filter((x) => (env[x.env] ?? '') !== '').map((x) => ({ id: x.id, env: x.env }));
  const loopback = ['PIP_INDEX_URL', 'PIP_EXTRA_INDEX_URL'].some((k) => {
    const v = env[k];
    if (!v) return false;
    return v.split(/\s+/).some((u) => {
      try {
        return LOOPBACK.test(new URL(u).hostname);
      } catch {
        return false;
      }
    });
  });
  const index = secrets.some((x) => x.env === 'PIP_INDEX_URL') ? 'PIP_INDEX_URL (build secret pip-index-url)' : "pip's default index (PyPI), or the base's pip.conf";
  return { install: { ...install, index }, secrets, network: loopback ? 'host' : 'default' };
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
    languageChoice: p.languageChoice ?? null,
    baseFacts: p.baseFacts ?? null,
    pythonInstall: p.pythonInstall ?? null,
    buildSecrets: p.buildSecrets ?? [],
    buildNetwork: p.buildNetwork ?? 'default',
    dockerfile: p.dockerfile,
    dockerignore: p.dockerignore,
  };
}
