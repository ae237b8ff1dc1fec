/**
 * The few metadata.yaml facts monorepo planning needs — language, base,
 * platforms, repository, version — read quickly with `yaml` (no full model
 * validation: that is the connector loader's job when the connector is
 * actually built). Problems name `metadata.yaml:LINE:COL`.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readBoundedFile } from '../fs-util.js';
import { LineCounter, parse, parseDocument } from 'yaml';
import { BcError } from '../errors.js';
import type { DiscoveredConnector } from './discovery.js';
import { positionOf } from './repo-config.js';
import { chooseLanguage } from '../connector/language.js';

export interface ConnectorFacts {
  /** `language:X` from data.tags; undefined only for custom (Dockerfile) connectors without the tag */
  language: string | undefined;
  /** base-images/<base>/ this connector is built on: the base named like its language (src/render/plan.ts) */
  base: string | undefined;
  repository: string | undefined;
  version: string | undefined;
  /** data.buildConnector.platforms when the connector restricts them */
  platforms: string[] | undefined;
  custom: boolean;
}

interface FactsProblem {
  file: string;
  line: number;
  col: number;
  message: string;
}

export class FactsError extends Error {
  constructor(readonly problem: FactsProblem) {
    super(`${problem.file}:${problem.line}:${problem.col}: ${problem.message}`);
  }
}

async function readConnectorFacts(c: DiscoveredConnector): Promise<ConnectorFacts> {
  const text = await readBoundedFile(c.metadataPath, { kind: 'metadata.yaml' });
  return parseConnectorFacts(text, c.metadataPath, c.hasDockerfile);
}

export function parseConnectorFacts(text: string, file: string, custom: boolean): ConnectorFacts {
  // Fastest path: the usual block-style layout, read line by line (a YAML
  // parse is ~0.4 ms a file, which is most of `changed` on 600 connectors).
  // Anything unusual falls through to the real parser.
  const quick = scanFacts(text, custom);
  if (quick) return quick;
  // Next: plain parse (3x faster than a positioned Document); only a problem
  // pays for the positioned parse that names the line.
  let js: unknown;
  try {
    js = parse(text, { uniqueKeys: false });
  } catch {
    return parseWithPositions(text, file, custom);
  }
  const facts = factsOf(js, custom, file);
  return typeof facts === 'string' ? parseWithPositions(text, file, custom) : facts;
}

function parseWithPositions(text: string, file: string, custom: boolean): ConnectorFacts {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const p = e ? lc.linePos(e.pos[0]) : undefined;
    throw new FactsError({ file, line: p?.line ?? 1, col: p?.col ?? 1, message: `invalid YAML: ${e?.message.split('\n')[0] ?? ''}` });
  }
  const fail = (path: (string | number)[], message: string): never => {
    const at = positionOf(doc, lc, path);
    throw new FactsError({ file, line: at.line, col: at.col, message });
  };
  const facts = factsOf(doc.toJS(), custom, file);
  if (typeof facts !== 'string') return facts;
  const problem = PROBLEMS[facts];
  return fail(problem.path, problem.message);
}

type ProblemId = 'data' | 'tags' | 'twoLanguages' | 'noLanguage' | 'options' | 'platforms';
const PROBLEMS: Record<ProblemId, { path: string[]; message: string }> = {
  data: { path: ['data'], message: 'data: expected a mapping (Airbyte metadata.yaml has a top-level "data:" key)' },
  tags: { path: ['data', 'tags'], message: 'data.tags: expected a list such as ["language:python"]' },
  twoLanguages: { path: ['data', 'tags'], message: 'data.tags: more than one language tag, and neither the base image nor the files present tell which (see docs/connector.md "Language")' },
  noLanguage: {
    path: ['data', 'tags'],
    message: 'data.tags: no "language:<python|java|manifest-only>" tag (needed to pick the template); or add a Dockerfile for custom mode',
  },
  options: { path: ['data', 'buildConnector'], message: 'data.buildConnector: expected a mapping' },
  platforms: { path: ['data', 'buildConnector', 'platforms'], message: 'data.buildConnector.platforms: expected a list like [linux/amd64, linux/arm64]' },
};

/** The facts, or the id of the first problem (positions are looked up by the caller). */
function factsOf(js: unknown, custom: boolean, file: string): ConnectorFacts | ProblemId {
  const data = isRecord(js) ? js.data : undefined;
  if (!isRecord(data)) return 'data';

  const tags = data.tags;
  if (tags !== undefined && !Array.isArray(tags)) return 'tags';
  const langTags = (Array.isArray(tags) ? tags : [])
    .filter((t): t is string => typeof t === 'string' && t.startsWith('language:'))
    .map((t) => t.slice('language:'.length).trim());
  let language = langTags[0] || undefined;
  if (langTags.length > 1) {
    // several tags: the same rule as the connector loader (connector/language.ts)
    const baseOf = (v: unknown) => (isRecord(v) && typeof v.baseImage === 'string' ? v.baseImage : undefined);
    const base = baseOf(data.buildConnector) ?? baseOf(data.connectorBuildOptions);
    const decision = chooseLanguage(langTags, base, (rel) => existsSync(join(dirname(file), rel)));
    if (!decision.ok) return 'twoLanguages';
    language = decision.choice.language;
  }
  if (!language && !custom) return 'noLanguage';

  const opts = data.buildConnector;
  if (opts !== undefined && !isRecord(opts)) return 'options';
  let platforms: string[] | undefined;
  const rawPlatforms = isRecord(opts) ? opts.platforms : undefined;
  if (rawPlatforms !== undefined) {
    if (!Array.isArray(rawPlatforms) || rawPlatforms.some((p) => typeof p !== 'string' || !/^[a-z0-9]+\/[a-z0-9]+(\/[a-z0-9]+)?$/.test(p))) {
      return 'platforms';
    }
    platforms = rawPlatforms as string[];
  }
  const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
  return {
    language,
    base: language,
    repository: str(data.dockerRepository),
    version: str(data.dockerImageTag),
    platforms,
    custom,
  };
}

const PLAIN_ITEM = /^[A-Za-z0-9_./:@+-]+$/;

/** The value of a plain, single- or double-quoted scalar without escapes; undefined for anything else. */
function scalar(raw: string): string | undefined {
  const v = raw.replace(/\s+#.*$/, '').trim();
  const q = /^(["'])([^"'\\]*)\1$/.exec(v);
  if (q) return q[2];
  return PLAIN_ITEM.test(v) ? v : undefined;
}

/**
 * Line-based reading of Airbyte's usual metadata.yaml layout: a top-level
 * `data:` mapping, `tags:` as a block list of plain items. Returns undefined
 * (use the YAML parser) on anything else: flow style, anchors, tabs,
 * multi-documents, data.buildConnector, or a language tag it cannot read.
 */
export function scanFacts(text: string, custom: boolean): ConnectorFacts | undefined {
  if (text.includes('\t') || /^(---|\.\.\.)/m.test(text) || text.includes('buildConnector')) return undefined;
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^data:\s*(#.*)?$/.test(l));
  if (start < 0 || lines.findIndex((l, i) => i > start && /^data:/.test(l)) >= 0) return undefined;
  let indent = -1;
  let tags: string[] | undefined;
  let repository: string | undefined;
  let version: string | undefined;
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i] as string;
    if (/^\s*(#.*)?$/.test(line)) continue;
    const ind = line.length - line.trimStart().length;
    if (ind === 0) break; // the next top-level key: data is over
    if (indent < 0) indent = ind;
    if (ind !== indent) continue;
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*):(.*)$/.exec(line);
    if (!m) return undefined;
    const [, key, rest = ''] = m;
    const value = rest.replace(/\s+#.*$/, '').trim();
    if (key === 'dockerRepository' || key === 'dockerImageTag') {
      const v = scalar(value);
      if (v === undefined) return undefined;
      if (key === 'dockerRepository') repository = v;
      else version = v;
    } else if (key === 'tags') {
      if (tags !== undefined || value !== '') return undefined;
      tags = [];
      for (let j = i + 1; j < lines.length; j++) {
        const item = lines[j] as string;
        if (/^\s*(#.*)?$/.test(item)) continue;
        const ii = item.length - item.trimStart().length;
        const dash = /^\s*-\s+(.*)$/.exec(item);
        if (ii < indent || (ii === indent && !dash)) break;
        if (!dash) return undefined;
        const v = scalar(dash[1] as string);
        if (v === undefined) return undefined;
        tags.push(v);
        i = j;
      }
    }
  }
  const langs = (tags ?? []).filter((t) => t.startsWith('language:')).map((t) => t.slice('language:'.length));
  if (langs.length !== 1 || langs[0] === '') return custom && langs.length === 0 ? { language: undefined, base: undefined, repository, version, platforms: undefined, custom } : undefined;
  return { language: langs[0], base: langs[0], repository, version, platforms: undefined, custom };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Read facts for many connectors; every bad file is reported at once (exit 2). */
export async function readAllFacts(connectors: readonly DiscoveredConnector[]): Promise<Map<string, ConnectorFacts>> {
  const out = new Map<string, ConnectorFacts>();
  const problems: FactsError[] = [];
  // Bounded concurrency: hundreds of small reads, without exhausting file handles.
  const queue = [...connectors];
  const worker = async () => {
    for (let c = queue.shift(); c; c = queue.shift()) {
      try {
        out.set(c.relDir, await readConnectorFacts(c));
      } catch (err) {
        if (err instanceof FactsError) problems.push(err);
        else throw err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(32, connectors.length) }, worker));
  if (problems.length > 0) {
    problems.sort((a, b) => (a.message < b.message ? -1 : a.message > b.message ? 1 : 0));
    const first = problems[0]!.problem;
    throw new BcError('badInput', `${problems.length} connector metadata file(s) cannot be read`, {
      details: [...problems.slice(0, 20).map((p) => p.message), ...(problems.length > 20 ? [`… and ${problems.length - 20} more`] : [])],
      at: { file: first.file, line: first.line, column: first.col, problem: first.message },
    });
  }
  return out;
}

