/**
 * metadata.yaml → Connector. The YAML is parsed keeping positions so every
 * error names `metadata.yaml:LINE:COL`, the key path and what was expected.
 * Only the keys we use are validated; everything else (registryOverrides,
 * releases, ab_internal, …) is kept untouched in the parsed document.
 */
import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document } from 'yaml';
import { z } from 'zod';
import { BcError, atText, badInputAt, displayPath, type ErrorAt } from '../errors.js';
import type { BuildConnectorOptions, Connector, SourcePosition } from './types.js';
import { MetadataSchema, type MetadataIssue, collectIssues } from './schema.js';
import { INPUT_LIMITS, optionalInputFile, readBoundedFile } from '../fs-util.js';

/** yaml's guard against alias expansion attacks; real metadata.yaml files use none or a few. */
const MAX_ALIAS_COUNT = 100;
import { chooseLanguage, type LanguageChoice } from './language.js';

export interface ParsedMetadata {
  file: string;
  text: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** plain JS value of the whole document */
  value: unknown;
  positionOf(path: string): SourcePosition | undefined;
}

/** Parse YAML text keeping positions; syntax errors become badInput with line:col. */
export function parseMetadataText(text: string, file: string): ParsedMetadata {
  const limit = INPUT_LIMITS['metadata.yaml'];
  if (Buffer.byteLength(text) > limit) {
    throw new BcError('badInput', `${displayPath(file)}: more than the ${limit / 1024 / 1024} MiB limit for a metadata.yaml`);
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    let lp = lineCounter.linePos(first.pos[0]);
    let msg = first.message.split('\n')[0] ?? first.code;
    const opened = first.code === 'MISSING_CHAR' ? unclosedQuoteLine(text, first.pos[0]) : undefined;
    if (opened) {
      // the parser notices a missing quote where the file ends: point where it was opened
      lp = opened;
      msg = `${msg}: the quote opened here is never closed`;
    }
    throw badInputAt(
      { file, line: lp.line, column: lp.col, problem: `invalid YAML (${first.code}): ${msg}` },
      doc.errors.slice(1, 5).map((e) => {
        const p = lineCounter.linePos(e.pos[0]);
        return atText({ file, line: p.line, column: p.col, problem: e.message.split('\n')[0] ?? e.code });
      }),
    );
  }
  const positionOf = (path: string): SourcePosition | undefined => locate(doc, lineCounter, file, splitPath(path)).pos;
  return { file, text, doc, lineCounter, value: toPlain(doc, lineCounter, file), positionOf };
}

/**
 * The plain value of a parsed document. Aliases are expanded with yaml's
 * resource-exhaustion guard (maxAliasCount): a "billion laughs" document of
 * nested anchors is refused as bad input at its first alias instead of
 * escaping as an internal error.
 */
export function toPlain(doc: Document.Parsed, lc: LineCounter, file: string): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown;
  } catch (err) {
    let at: { line: number; col: number } = { line: 1, col: 1 };
    let aliases = 0;
    visit(doc, {
      Alias(_key, node) {
        if (aliases++ === 0 && node.range) at = lc.linePos(node.range[0]);
      },
    });
    const why = err instanceof Error ? err.message : String(err);
    throw badInputAt({ file, line: at.line, column: at.col, problem: `YAML aliases expand too far (${aliases} aliases; ${why})` }, [
      'fix: write the values out instead of nesting anchors (&name) and aliases (*name)',
    ]);
  }
}

/** Line/col of the last quote before `offset` that opens a string never closed on its line. */
function unclosedQuoteLine(text: string, offset: number): { line: number; col: number } | undefined {
  const lines = text.slice(0, offset).split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] ?? '';
    for (const q of ['"', "'"]) {
      const count = line.split(q).length - 1;
      if (count % 2 === 1) return { line: i + 1, col: line.indexOf(q) + 1 };
    }
  }
  return undefined;
}

/** Re-serialise the parsed document; comments and key order are kept, no key is lost. */
export function serializeMetadata(parsed: Pick<ParsedMetadata, 'doc'>): string {
  return parsed.doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

function splitPath(path: string): string[] {
  return path === '' ? [] : path.split('.');
}

interface Located {
  pos: SourcePosition | undefined;
  /** the whole path exists */
  found: boolean;
}

/**
 * Walk the document along a key path. When a key is missing, the position is
 * that of the deepest existing key (where the missing one belongs).
 */
function locate(doc: Document.Parsed, lc: LineCounter, file: string, path: string[]): Located {
  const at = (offset: number): SourcePosition => {
    const p = lc.linePos(offset);
    return { file, line: p.line, column: p.col };
  };
  let node: unknown = doc.contents;
  let pos: SourcePosition | undefined = isScalar(node) || isMap(node) || isSeq(node) ? at(node.range?.[0] ?? 0) : at(0);
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === seg);
      if (!pair) return { pos, found: false };
      const keyRange = isScalar(pair.key) ? pair.key.range : undefined;
      const value = pair.value;
      const valueRange = isScalar(value) || isMap(value) || isSeq(value) ? value.range : undefined;
      // a scalar: point at its value when written; a block (map/list) or an empty value: at the key
      const valueWritten = isScalar(value) && valueRange && !(value.value === null && valueRange[0] === valueRange[1]);
      pos = valueWritten ? at(valueRange[0]) : keyRange ? at(keyRange[0]) : pos;
      node = value;
    } else if (isSeq(node)) {
      const item = node.items[Number(seg)];
      if (!/^\d+$/.test(seg) || item === undefined) return { pos, found: false };
      if (isScalar(item) || isMap(item) || isSeq(item)) pos = item.range ? at(item.range[0]) : pos;
      node = item;
    } else {
      return { pos, found: false };
    }
  }
  return { pos, found: true };
}

/** Where a key of metadata.yaml is, to place an error there: its position, else the file's start. */
export function keyAt(c: Pick<Connector, 'positionOf' | 'metadataPath'>, key: string): Omit<ErrorAt, 'problem'> {
  return { ...(c.positionOf(key) ?? { file: c.metadataPath, line: 1, column: 1 }), key };
}

function issueError(parsed: ParsedMetadata, issues: MetadataIssue[]): BcError {
  const [first, ...rest] = issues;
  const fix = 'fix: see README "metadata.yaml" for the keys build-connector reads';
  if (!first) return new BcError('badInput', `${displayPath(parsed.file)}: invalid metadata`, { details: [fix] });
  const doc = { positionOf: parsed.positionOf, metadataPath: parsed.file };
  const detail = (i: MetadataIssue) => badInputAt({ ...keyAt(doc, i.path), problem: i.message }).message;
  return badInputAt({ ...keyAt(doc, first.path), problem: first.message }, [...rest.slice(0, 8).map(detail), fix]);
}

/** Validate the keys we use; returns the normalised connector fields. */
export function validateMetadata(parsed: ParsedMetadata): z.infer<typeof MetadataSchema> {
  const v = parsed.value;
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    const got = v === null || v === undefined ? 'an empty file' : Array.isArray(v) ? 'a list' : `a ${typeof v}`;
    throw issueError(parsed, [{ path: '(root)', message: `expected a mapping with metadataSpecVersion and data, got ${got}` }]);
  }
  const res = MetadataSchema.safeParse(parsed.value);
  if (!res.success) throw issueError(parsed, collectIssues(res.error, parsed.value));
  return res.data;
}


/** Every `language:*` tag of `data.tags` (validated), with its key path. */
export function languageTags(tags: string[] | undefined, parsed: ParsedMetadata): { language: string; path: string }[] {
  const out: { language: string; path: string }[] = [];
  for (const [i, t] of (tags ?? []).entries()) {
    if (!t.startsWith('language:')) continue;
    const lang = t.slice('language:'.length);
    if (!/^[a-z0-9][a-z0-9_-]{0,62}$/.test(lang)) {
      throw issueError(parsed, [{ path: `data.tags.${i}`, message: `expected language:<name> with a lowercase [a-z0-9_-] name, got "${t}"` }]);
    }
    out.push({ language: lang, path: `data.tags.${i}` });
  }
  return out;
}

/**
 * The language to build: the only language tag, or with several the rule of
 * connector/language.ts (base image family, then the files present in `dir`);
 * a true conflict is a badInput error at the tag or baseImage line.
 */
export function languageOf(
  tags: string[] | undefined,
  parsed: ParsedMetadata,
  dir: string,
  baseImage: { ref: string | undefined; path: string },
): { language: string; path: string; choice: LanguageChoice } | undefined {
  const found = languageTags(tags, parsed);
  if (found.length === 0) return undefined;
  const decision = chooseLanguage(
    found.map((f) => f.language),
    baseImage.ref,
    (rel) => existsSync(join(dir, rel)),
  );
  if (!decision.ok) {
    throw issueError(parsed, [{ path: decision.at === 'baseImage' ? baseImage.path : (found[1]?.path ?? 'data.tags'), message: decision.message }]);
  }
  const chosen = found.find((f) => f.language === decision.choice.language) ?? found[0];
  return { language: decision.choice.language, path: chosen?.path ?? 'data.tags', choice: decision.choice };
}

export async function loadMetadata(dir: string): Promise<ParsedMetadata> {
  const file = join(resolve(dir), 'metadata.yaml');
  const text = await readBoundedFile(file, {
    kind: 'metadata.yaml',
    notFound: 'not found: a connector directory needs a metadata.yaml',
    fix: 'fix: pass the connector directory (the one holding metadata.yaml, a regular file)',
  });
  return parseMetadataText(text, file);
}

export async function loadConnector(dir: string): Promise<Connector> {
  const abs = resolve(dir);
  const parsed = await loadMetadata(abs);
  const m = validateMetadata(parsed);
  const d = m.data;
  const bc = d.buildConnector;
  const options: BuildConnectorOptions = {};
  if (bc?.entrypoint) options.entrypoint = bc.entrypoint;
  if (bc?.baseImage) options.baseImage = bc.baseImage;
  if (bc?.extraWriteDirs) options.extraWriteDirs = bc.extraWriteDirs;
  if (bc?.platforms) options.platforms = bc.platforms;
  if (bc?.offline !== undefined) options.offline = bc.offline;
  const lang = languageOf(d.tags, parsed, abs, {
    ref: bc?.baseImage ?? d.connectorBuildOptions?.baseImage,
    path: bc?.baseImage ? 'data.buildConnector.baseImage' : 'data.connectorBuildOptions.baseImage',
  });
  const dockerfile = join(abs, 'Dockerfile');
  const registryOverrides: Connector['registryOverrides'] = {};
  for (const [k, v] of Object.entries(d.registryOverrides ?? {})) {
    registryOverrides[k] = {
      ...(v.dockerRepository !== undefined ? { dockerRepository: v.dockerRepository } : {}),
      ...(v.dockerImageTag !== undefined ? { dockerImageTag: v.dockerImageTag } : {}),
    };
  }
  return {
    dir: abs,
    metadataPath: parsed.file,
    name: d.name,
    dirName: basename(abs),
    type: d.connectorType,
    repository: d.dockerRepository,
    version: d.dockerImageTag,
    definitionId: d.definitionId,
    language: lang?.language ?? '',
    languagePath: lang?.path ?? (d.tags ? 'data.tags' : 'data'),
    languageChoice: lang?.choice,
    baseImage: bc?.baseImage ?? d.connectorBuildOptions?.baseImage,
    options,
    registryOverrides,
    customDockerfile: (await optionalInputFile(dockerfile, { kind: 'Dockerfile' })) === 'file' ? dockerfile : undefined,
    positionOf: parsed.positionOf,
    documentationUrl: d.documentationUrl,
    license: d.license,
  };
}

/** A badInput error pointing at a metadata key of a loaded connector. */
export function metadataError(c: Pick<Connector, 'positionOf' | 'metadataPath'>, path: string, message: string, details: string[] = []): BcError {
  return badInputAt({ ...keyAt(c, path), problem: message }, details);
}
