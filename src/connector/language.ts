/**
 * Which language (template) a connector is built with, when metadata.yaml
 * carries more than one `language:*` tag. Airbyte's own migration to
 * manifest-only appended `language:manifest-only` beside `language:python`
 * in many connectors, and its pipeline builds those as manifest-only.
 *
 * The rule, in order (docs/connector.md "Language"):
 *   1. one language tag: that language;
 *   2. several: the family of the metadata's baseImage, when it is one of the
 *      tags (source-declarative-manifest ⇒ manifest-only,
 *      python-connector-base ⇒ python, java-connector-base ⇒ java);
 *      a known family that is none of the tags is a conflict;
 *   3. else the files present, first match among the tags: manifest.yaml ⇒
 *      manifest-only; pyproject.toml, setup.py or main.py ⇒ python;
 *      build.gradle(.kts) or build/distributions ⇒ java;
 *   4. else nothing tells them apart: a conflict.
 * Pure: the caller says which files exist.
 */
import { parseImageRef } from '../shared/image-ref.js';

export interface LanguageChoice {
  language: string;
  /** what decided: the only tag, the base image's family, or the files present */
  from: 'tag' | 'baseImage' | 'files';
  /** every language:* tag, in order */
  tags: string[];
  /** one sentence, for `render` output */
  reason: string;
}

/** Base image repositories whose family names a language (last path component). */
const BASE_FAMILIES: Readonly<Record<string, string>> = {
  'source-declarative-manifest': 'manifest-only',
  'python-connector-base': 'python',
  'java-connector-base': 'java',
  // build-connector's own bases (base-images/<lang>, built by `build-connector base`)
  'base-python': 'python',
  'base-java': 'java',
  'base-manifest-only': 'manifest-only',
};

/** Files that show a language, in the order they are looked at. */
const LANGUAGE_FILES: readonly { language: string; files: readonly string[] }[] = [
  { language: 'manifest-only', files: ['manifest.yaml'] },
  { language: 'python', files: ['pyproject.toml', 'setup.py', 'main.py'] },
  { language: 'java', files: ['build.gradle', 'build.gradle.kts', 'build/distributions'] },
];

/** The language a base image's repository stands for, or undefined. */
export function baseFamily(ref: string | undefined): string | undefined {
  if (!ref) return undefined;
  const repo = parseImageRef(ref)?.repository ?? ref.split(/[@:]/)[0] ?? '';
  const last = repo.split('/').at(-1) ?? '';
  return BASE_FAMILIES[last];
}

type LanguageDecision =
  | { ok: true; choice: LanguageChoice }
  | { ok: false; /** which key the conflict is reported at */ at: 'tags' | 'baseImage'; message: string };

export function chooseLanguage(tags: string[], baseImage: string | undefined, hasFile: (rel: string) => boolean): LanguageDecision {
  const unique = [...new Set(tags)];
  const only = unique[0];
  if (unique.length <= 1 && only !== undefined) {
    return { ok: true, choice: { language: only, from: 'tag', tags, reason: `the only language tag is language:${only}` } };
  }
  const family = baseFamily(baseImage);
  const list = unique.map((t) => `language:${t}`).join(', ');
  if (family !== undefined) {
    if (unique.includes(family)) {
      const repo = (parseImageRef(baseImage ?? '')?.repository ?? '').split('/').at(-1);
      return { ok: true, choice: { language: family, from: 'baseImage', tags, reason: `tags ${list}; the base image ${repo} is a ${family} base` } };
    }
    return {
      ok: false,
      at: 'baseImage',
      message: `tags ${list} conflict with the base image, a ${family} base: keep the language tag that matches it, or change the base`,
    };
  }
  for (const { language, files } of LANGUAGE_FILES) {
    if (!unique.includes(language)) continue;
    const found = files.find((f) => hasFile(f));
    if (found) return { ok: true, choice: { language, from: 'files', tags, reason: `tags ${list}; ${found} is present` } };
  }
  return {
    ok: false,
    at: 'tags',
    message: `tags ${list}: neither the base image nor the files present (${LANGUAGE_FILES.filter((l) => unique.includes(l.language)).flatMap((l) => l.files).join(', ') || 'none known'}) tell which to build; keep one language tag`,
  };
}
