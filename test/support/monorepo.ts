/**
 * Synthetic Airbyte-style monorepo for tests and benchmarks: N connectors in
 * three languages (python, java, manifest-only) with metadata.yaml files in
 * the shape Airbyte publishes, plus templates/, base-images/, a root README,
 * docs/, build-connector.yaml and some noise discovery must skip
 * (node_modules, .venv, build/). Optionally a git repository with one commit.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const LANGUAGES = ['python', 'java', 'manifest-only'] as const;
export type GenLanguage = (typeof LANGUAGES)[number];

export interface GeneratedConnector {
  /** repository-relative directory */
  dir: string;
  name: string;
  language: GenLanguage;
}

export interface GeneratedRepo {
  root: string;
  connectors: GeneratedConnector[];
  /** write a file (repository-relative path), creating directories */
  write(path: string, content: string | Buffer): Promise<void>;
  /** git add -A && git commit; returns the new sha */
  commit(message: string): string;
  git(...args: string[]): string;
  cleanup(): Promise<void>;
}

export interface GenerateOptions {
  count: number;
  /** parent directory for the temp dir (default os.tmpdir()) */
  parent?: string;
  git?: boolean;
  /** where connectors live (Airbyte's layout by default) */
  connectorsDir?: string;
  /** write build-connector.yaml (default true) */
  repoConfig?: boolean;
}

const CONNECTORS_DIR = 'airbyte-integrations/connectors';

export function connectorName(i: number): { name: string; language: GenLanguage } {
  const language = LANGUAGES[i % LANGUAGES.length] as GenLanguage;
  const kind = i % 7 === 6 ? 'destination' : 'source';
  return { name: `${kind}-gen${String(i).padStart(4, '0')}`, language };
}

export function metadataYaml(name: string, language: GenLanguage, i: number, extra = ''): string {
  const type = name.startsWith('destination-') ? 'destination' : 'source';
  const base =
    language === 'python'
      ? 'docker.io/airbyte/python-connector-base:4.0.0@sha256:d9894b6895923b379f3006fa251147806919c62b7d9021b5cd125bb67d7bbe22'
      : language === 'java'
        ? 'docker.io/airbyte/java-connector-base:2.0.1@sha256:ec89bd1a89e825514dd2fc8730ba299a3ae1544580a078df0e35c5202c2085b3'
        : 'docker.io/airbyte/source-declarative-manifest:6.33.1@sha256:06468f2b0acdb0126a29757f67025f8f837014f70e3f079e10e304b0e1a6be4b';
  const cdk = language === 'manifest-only' ? 'cdk:low-code' : language === 'python' ? 'cdk:python' : 'cdk:java';
  return `# generated connector ${i}
data:
  allowedHosts:
    hosts:
      - api.gen${i}.example.com
  connectorBuildOptions:
    baseImage: ${base}
  connectorSubtype: api
  connectorType: ${type}
  definitionId: ${uuidFor(i)}
  dockerImageTag: ${1 + (i % 3)}.${i % 10}.${i % 4}
  dockerRepository: airbyte/${name}
  documentationUrl: https://docs.airbyte.com/integrations/${type}s/${name.replace(/^(source|destination)-/, '')}
  githubIssueLabel: ${name}
  icon: icon.svg
  license: MIT
  name: Gen ${i}
  registryOverrides:
    cloud:
      enabled: true
    oss:
      enabled: true
  releaseStage: ${i % 2 === 0 ? 'generally_available' : 'alpha'}
  supportLevel: ${i % 2 === 0 ? 'certified' : 'community'}
  tags:
    - language:${language}
    - ${cdk}
  ab_internal:
    sl: ${i % 2 === 0 ? 300 : 100}
    ql: ${i % 2 === 0 ? 400 : 100}
${extra}metadataSpecVersion: "1.0"
`;
}

function uuidFor(i: number): string {
  const h = i.toString(16).padStart(12, '0');
  return `6f0c1c1e-0000-4000-8000-${h}`;
}

/** A minimal ustar archive (the java distribution tarball render looks into). */
export function tinyTar(entries: { name: string; content: string; mode?: number }[]): Buffer {
  const blocks: Buffer[] = [];
  for (const e of entries) {
    const body = Buffer.from(e.content);
    const h = Buffer.alloc(512);
    h.write(e.name, 0, 100);
    h.write(`${(e.mode ?? 0o755).toString(8).padStart(7, '0')}\0`, 100);
    h.write('0000000\0', 108);
    h.write('0000000\0', 116);
    h.write(`${body.length.toString(8).padStart(11, '0')}\0`, 124);
    h.write('00000000000\0', 136);
    h.write('        ', 148);
    h.write('0', 156);
    h.write('ustar\0', 257);
    h.write('00', 263);
    let sum = 0;
    for (const b of h) sum += b;
    h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    blocks.push(h, body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

function connectorFiles(name: string, language: GenLanguage, i: number): Record<string, string | Buffer> {
  const files: Record<string, string | Buffer> = {
    'metadata.yaml': metadataYaml(name, language, i),
    'README.md': `# ${name}\n\nGenerated connector ${i}.\n`,
    'icon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>\n',
  };
  const mod = name.replace(/-/g, '_');
  if (language === 'python') {
    files['pyproject.toml'] = `[project]\nname = "${name}"\nversion = "0.1.0"\nreadme = "README.md"\n[project.scripts]\n${name} = "${mod}.run:run"\n`;
    files[`${mod}/__init__.py`] = '';
    files[`${mod}/run.py`] = 'import json\n\ndef run():\n    print(json.dumps({"type": "SPEC", "spec": {"connectionSpecification": {}}}))\n';
    files['main.py'] = `from ${mod}.run import run\n\nif __name__ == "__main__":\n    run()\n`;
  } else if (language === 'java') {
    files['build.gradle'] = `plugins { id 'application' }\napplication { mainClass = 'io.airbyte.gen.Gen${i}' }\n`;
    files[`src/main/java/io/airbyte/gen/Gen${i}.java`] = `package io.airbyte.gen;\npublic class Gen${i} { public static void main(String[] a) {} }\n`;
    // gitignored build output, as in a real checkout after `gradle distTar`
    files[`build/distributions/${name}.tar`] = tinyTar([{ name: `${name}/bin/${name}`, content: '#!/bin/sh\nexec java -cp "$0/../lib/*" Main "$@"\n' }]);
  } else {
    files['manifest.yaml'] = `version: 6.33.1\ntype: DeclarativeSource\nstreams: []\n`;
  }
  return files;
}

export async function generateMonorepo(opts: GenerateOptions): Promise<GeneratedRepo> {
  const root = await mkdtemp(join(opts.parent ?? tmpdir(), 'bc-monorepo-'));
  const cdir = opts.connectorsDir ?? CONNECTORS_DIR;
  const write = async (path: string, content: string | Buffer) => {
    const full = join(root, path);
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, content);
  };
  const files: Record<string, string | Buffer> = {
    'README.md': '# connectors monorepo (generated)\n',
    'docs/integrations/index.md': '# docs\n',
    'templates/python/Dockerfile.hbs': 'FROM {{baseImage}}\n',
    'templates/java/Dockerfile.hbs': 'FROM {{baseImage}}\n',
    'templates/manifest-only/Dockerfile.hbs': 'FROM {{baseImage}}\n',
    'base-images/python/base.yaml': 'name: python\n',
    'base-images/java/base.yaml': 'name: java\n',
    'base-images/manifest-only/base.yaml': 'name: manifest-only\n',
    '.gitignore': '.venv/\nbuild/\nnode_modules/\n',
    // Noise discovery must not report: a metadata.yaml in node_modules and in a hidden dir.
    'node_modules/some-pkg/metadata.yaml': 'data: {}\n',
    '.cache/metadata.yaml': 'data: {}\n',
    'tools/ci/run.sh': '#!/bin/sh\n',
    'poetry.lock': '# shared lock\n',
  };
  if (opts.repoConfig !== false) {
    files['build-connector.yaml'] = `# what \`build-connector changed\` needs to know about this repository
roots:
  - ${cdir}
sharedPaths:
  - poetry.lock
  - tools/ci/shared/**
`;
  }
  const connectors: GeneratedConnector[] = [];
  for (let i = 0; i < opts.count; i++) {
    const { name, language } = connectorName(i);
    const dir = `${cdir}/${name}`;
    connectors.push({ dir, name, language });
    for (const [p, c] of Object.entries(connectorFiles(name, language, i))) files[`${dir}/${p}`] = c;
    // Noise inside a connector (gitignored): a virtualenv with its own metadata.yaml.
    if (i % 50 === 0) files[`${dir}/.venv/lib/metadata.yaml`] = 'data: {}\n';
  }
  // Write with bounded concurrency (thousands of small files).
  const entries = Object.entries(files);
  const worker = async () => {
    for (let e = entries.shift(); e; e = entries.shift()) await write(e[0], e[1]);
  };
  await Promise.all(Array.from({ length: 32 }, worker));

  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'bc-test',
        GIT_AUTHOR_EMAIL: 'bc-test@example.invalid',
        GIT_COMMITTER_NAME: 'bc-test',
        GIT_COMMITTER_EMAIL: 'bc-test@example.invalid',
        GIT_CONFIG_NOSYSTEM: '1',
      },
    }).trim();
  const commit = (message: string) => {
    git('add', '-A');
    git('commit', '-q', '--no-gpg-sign', '--allow-empty', '-m', message);
    return git('rev-parse', 'HEAD');
  };
  if (opts.git) {
    git('init', '-q', '-b', 'main');
    commit('initial: generated connectors');
  }
  return {
    root,
    connectors,
    write,
    commit,
    git,
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}

/** A unique suffix for names in shared engines/registries. */
export const uniqueSuffix = () => randomUUID().slice(0, 8);
