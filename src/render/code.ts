/**
 * What each bundled language needs to know about the connector's code:
 * python (pyproject.toml console script, or main.py), java (the distribution
 * tarball and its bin/ launcher), manifest-only (manifest.yaml + components.py).
 * A language from a user's --templates folder gets the generic facts only and
 * takes its entrypoint from data.buildConnector.entrypoint.
 */
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { BcError, badInputAt, displayPath } from '../errors.js';
import type { Connector } from '../connector/types.js';
import { metadataError } from '../connector/metadata.js';
import { SAFE_ARG_RE } from '../connector/schema.js';
import { listTar } from '../oci/tar-list.js';
import { isFile, optionalInputFile, readBoundedFile } from '../fs-util.js';
import { needsIndex, readPyproject } from './pyproject.js';

export const CODE_DIR = '/airbyte/integration_code';
export const MANIFEST_DIR = `${CODE_DIR}/source_declarative_manifest`;

/** python: the install mode and what decided it. */
export interface PythonInstall {
  offline: boolean;
  why: string;
  dependencies: string[];
  buildBackend: string | null;
}

/** Facts handed to templates as `code` (every key always present: templates are strict). */
interface CodeFacts {
  kind: 'package' | 'main' | 'manifest' | 'distribution' | 'generic';
  /** python: console script name (package mode) or null */
  script: string | null;
  /** python: pip without an index (--no-index --no-build-isolation) */
  offline: boolean;
  /** python: how the package is installed, and why (null for other languages) */
  install: PythonInstall | null;
  /** java: tarball path relative to the connector dir */
  tarball: string | null;
  /** manifest-only: components.py present */
  hasComponents: boolean;
  /** the entrypoint detected from the code (before options) */
  entrypoint: string[] | null;
}


async function pythonFacts(c: Connector): Promise<CodeFacts> {
  const pyproject = join(c.dir, 'pyproject.toml');
  const hasMain = await isFile(join(c.dir, 'main.py'));
  const base = { tarball: null, hasComponents: false };
  if ((await optionalInputFile(pyproject, { kind: 'pyproject.toml' })) === 'file') {
    const project = readPyproject(await readBoundedFile(pyproject, { kind: 'pyproject.toml' }), pyproject);
    const index = needsIndex(project);
    // data.buildConnector.offline wins; else a project that needs an index uses one
    const offline = c.options.offline ?? !index.needed;
    const install: PythonInstall = {
      offline,
      why: c.options.offline !== undefined ? `data.buildConnector.offline: ${String(c.options.offline)}` : index.needed ? `the project ${index.why}` : `the project has ${index.why}`,
      dependencies: project.dependencies,
      buildBackend: project.buildBackend,
    };
    const chosen = project.scripts.find((s) => s.name === c.dirName) ?? project.scripts[0];
    if (chosen) {
      if (!SAFE_ARG_RE.test(chosen.name)) {
        throw badInputAt({ file: pyproject, line: chosen.line, problem: `console script name ${JSON.stringify(chosen.name)} (in [${chosen.table}]) has characters that are not allowed` });
      }
      return { ...base, offline, install, kind: 'package', script: chosen.name, entrypoint: [`/usr/local/bin/${chosen.name}`] };
    }
    if (hasMain) return { ...base, offline, install, kind: 'package', script: null, entrypoint: ['python', `${CODE_DIR}/main.py`] };
    if (c.options.entrypoint) return { ...base, offline, install, kind: 'package', script: null, entrypoint: null };
    throw new BcError('badInput', `${displayPath(pyproject)}: no [project.scripts] or [tool.poetry.scripts] entry and no main.py: nothing to run`, {
      details: ['fix: add [project.scripts] source-x = "source_x.run:run" (or [tool.poetry.scripts]), or a main.py, or set data.buildConnector.entrypoint'],
    });
  }
  const offline = c.options.offline ?? true;
  const install: PythonInstall = { offline, why: 'main.py only: nothing is installed', dependencies: [], buildBackend: null };
  if (hasMain) return { ...base, offline, install, kind: 'main', script: null, entrypoint: ['python', `${CODE_DIR}/main.py`] };
  throw missingCode(c, `a python connector needs pyproject.toml or main.py in ${displayPath(c.dir)}`, 'fix: add the code, or correct the language:* tag');
}

async function javaFacts(c: Connector): Promise<CodeFacts> {
  const distDir = join(c.dir, 'build', 'distributions');
  let tars: string[] = [];
  try {
    tars = (await readdir(distDir)).filter((f) => f.endsWith('.tar')).sort();
  } catch {
    /* reported below */
  }
  const fix = 'fix: build the distribution first (gradle distTar, or the connector\'s build script)';
  if (tars.length === 0) throw missingCode(c, `no distribution tarball (*.tar) in ${displayPath(distDir)} for a java connector`, fix);
  if (tars.length > 1) throw new BcError('badInput', `${displayPath(distDir)}: more than one tarball (${tars.join(', ')}); keep one`);
  const tarPath = join(distDir, tars[0] ?? '');
  const tarball = relative(c.dir, tarPath).split('\\').join('/');
  if (!SAFE_ARG_RE.test(tarball)) throw new BcError('badInput', `${displayPath(tarPath)}: the file name has characters that are not allowed`);
  let entrypoint: string[] | null = null;
  if (!c.options.entrypoint) {
    const names = await listTar(tarPath).catch((err: unknown) => {
      throw new BcError('badInput', `${displayPath(tarPath)}: cannot read the tarball (${err instanceof Error ? err.message : String(err)})`);
    });
    // gradle: <dist>/bin/<app> and <dist>/bin/<app>.bat; we unpack with --strip-components=1
    const launchers = names
      .map((n) => n.replace(/^\.\//, '').split('/'))
      .filter((p) => p.length === 3 && p[1] === 'bin' && p[2] && !p[2].endsWith('.bat'))
      .map((p) => p[2] ?? '');
    const app = launchers.find((l) => tars[0]?.startsWith(l)) ?? launchers[0];
    if (!app || !SAFE_ARG_RE.test(app)) {
      throw new BcError('badInput', `${displayPath(tarPath)}: no <dist>/bin/<launcher> script inside the tarball`, {
        details: ['fix: build it with gradle\'s application plugin (distTar), or set data.buildConnector.entrypoint'],
      });
    }
    entrypoint = [`${CODE_DIR}/bin/${app}`];
  }
  return { kind: 'distribution', script: null, offline: true, install: null, tarball, hasComponents: false, entrypoint };
}

async function manifestFacts(c: Connector, baseEntrypoint: string[] | undefined): Promise<CodeFacts> {
  const manifest = join(c.dir, 'manifest.yaml');
  if ((await optionalInputFile(manifest, { kind: 'manifest.yaml' })) === 'missing') {
    throw missingCode(c, `a manifest-only connector needs manifest.yaml in ${displayPath(c.dir)}`, 'fix: add manifest.yaml, or correct the language:* tag');
  }
  return {
    kind: 'manifest',
    script: null,
    offline: true,
    install: null,
    tarball: null,
    hasComponents: (await optionalInputFile(join(c.dir, 'components.py'), { kind: 'components.py' })) === 'file',
    entrypoint: baseEntrypoint ?? null,
  };
}

/** The code a language needs is missing: reported at the metadata.yaml line that chose the language. */
function missingCode(c: Connector, message: string, fix: string): BcError {
  const how = c.languageChoice && c.languageChoice.from !== 'tag' ? [`language ${c.languageChoice.language} chosen because ${c.languageChoice.reason}`] : [];
  return metadataError(c, c.languagePath ?? 'data.tags', message, [...how, fix]);
}

export async function codeFacts(c: Connector, baseEntrypoint: string[] | undefined): Promise<CodeFacts> {
  switch (c.language) {
    case 'python':
      return pythonFacts(c);
    case 'java':
      return javaFacts(c);
    case 'manifest-only':
      return manifestFacts(c, baseEntrypoint);
    default:
      return { kind: 'generic', script: null, offline: c.options.offline ?? true, install: null, tarball: null, hasComponents: false, entrypoint: baseEntrypoint ?? null };
  }
}

/** The one entrypoint value: option > detected; an error when there is none. */
export function chooseEntrypoint(c: Connector, facts: CodeFacts): string[] {
  const ep = c.options.entrypoint ?? facts.entrypoint;
  if (!ep) {
    throw metadataError(c, 'data.buildConnector.entrypoint', `language "${c.language}" has no way to detect the entrypoint; set it`, [
      'fix: data.buildConnector.entrypoint: ["/absolute/path/to/program", "arg"]',
    ]);
  }
  return ep;
}
