/**
 * Docker repository names and image references, validated by grammar (the
 * distribution reference grammar, simplified): anything that passes can be
 * written into a Dockerfile `FROM` line or a `LABEL` without escaping.
 */

import { BcError } from '../errors.js';
import { DIGEST_PATTERN } from './digest.js';

const HOST_PART = '[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?';
// like docker: the first component is a registry host only with a dot, a port, or "localhost"
const HOST = `(?:localhost(?::[0-9]+)?|${HOST_PART}(?:\\.${HOST_PART})+(?::[0-9]+)?|${HOST_PART}:[0-9]+)`;
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const PATH = `${COMPONENT}(?:/${COMPONENT})*`;
const TAG = '[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}';
const DIGEST = DIGEST_PATTERN;

/** `airbyte/source-hello`, `ghcr.io/acme/source-x`, `localhost:5000/a/b` */
const REPOSITORY_RE = new RegExp(`^(?:${HOST}/)?${PATH}$`);
const REFERENCE_RE = new RegExp(`^((?:${HOST}/)?${PATH})(?::(${TAG}))?(?:@(${DIGEST}))?$`);

/** The OCI tag grammar (distribution spec, "Pulling manifests"): at most 128 characters. */
const TAG_RE = new RegExp(`^${TAG}$`);
export const MAX_TAG_LENGTH = 128;

/** What is wrong with `tag` as an image tag; undefined when it is a valid one. */
export function tagProblem(tag: string): string | undefined {
  const shown = JSON.stringify(tag.length > 48 ? `${tag.slice(0, 48)}…` : tag);
  if (tag.length > MAX_TAG_LENGTH) return `${shown} is ${tag.length} characters; an image tag has at most ${MAX_TAG_LENGTH}`;
  if (!TAG_RE.test(tag)) return `${shown} is not a valid image tag ([A-Za-z0-9_] then [A-Za-z0-9._-], at most ${MAX_TAG_LENGTH} characters)`;
  return undefined;
}

interface ImageRef {
  repository: string;
  tag: string | undefined;
  digest: string | undefined;
}

export function isRepository(s: string): boolean {
  return s.length <= 255 && REPOSITORY_RE.test(s);
}

/** undefined when `s` is not a valid image reference. */
export function parseImageRef(s: string): ImageRef | undefined {
  const m = REFERENCE_RE.exec(s);
  if (!m || s.length > 512) return undefined;
  return { repository: m[1] ?? '', tag: m[2], digest: m[3] };
}

/**
 * `name[:tag][@digest]` split without checking the grammar (a FROM line or a
 * user's reference may hold what parseImageRef refuses): the digest follows
 * the first "@", the tag the last ":" after the last "/" (so a registry port
 * is not a tag).
 */
export function splitImageRef(ref: string): { name: string; tag: string | undefined; digest: string | undefined } {
  const at = ref.indexOf('@');
  const digest = at === -1 ? undefined : ref.slice(at + 1);
  const nameTag = at === -1 ? ref : ref.slice(0, at);
  const colon = nameTag.lastIndexOf(':');
  if (colon > nameTag.lastIndexOf('/')) return { name: nameTag.slice(0, colon), tag: nameTag.slice(colon + 1), digest };
  return { name: nameTag, tag: undefined, digest };
}

/** distribution/reference's domain rule: the first component names a registry only with a ".", a ":" or as "localhost". */
const isRegistryHost = (component: string) => component === 'localhost' || component.includes('.') || component.includes(':');

/** `host[:port]/path` → the registry and the path in it; no registry (Docker Hub) when the first component is no host. */
export function splitDomain(name: string): { domain: string | undefined; path: string } {
  const slash = name.indexOf('/');
  const first = name.slice(0, slash);
  if (slash > 0 && isRegistryHost(first)) return { domain: first, path: name.slice(slash + 1) };
  return { domain: undefined, path: name };
}

const DOCKER_HUB = 'docker.io';

/** Docker Hub's names as distribution normalises them: its aliases → docker.io, a one-component path → library/NAME. */
export function normalizeDockerHub(domain: string | undefined, path: string): { domain: string; path: string } {
  const d = domain === undefined || domain === 'index.docker.io' || domain === 'registry-1.docker.io' ? DOCKER_HUB : domain;
  return { domain: d, path: d === DOCKER_HUB && !path.includes('/') ? `library/${path}` : path };
}

export function isDigestPinned(s: string): boolean {
  return parseImageRef(s)?.digest !== undefined;
}

/** Short description of what is wrong with a string as an image reference. */
export function describeBadRef(s: string): string {
  if (/[\s"'\\$`]/.test(s)) return 'it contains whitespace, a quote, a backslash, a backquote or "$"';
  if (/[A-Z]/.test(s.split('@')[0]?.split('/').slice(1).join('/') ?? '')) return 'repository components must be lowercase';
  return 'expected [registry/]name[:tag][@sha256:<64 hex>]';
}

/** A flag's image reference (--base-image, --root-image), or bad input (exit 2) naming the flag. */
export function checkImageFlag(ref: string, flag: string): string {
  if (parseImageRef(ref) === undefined) throw new BcError('badInput', `${flag} ${JSON.stringify(ref)}: ${describeBadRef(ref)}`);
  return ref;
}
