/**
 * The digest record: what one per-platform job of a distributed build hands
 * to the merge job (as a CI artifact). Written by `writeDigestRecord` (the
 * `digest-record` command, or any build that pushes one platform by
 * digest), read and checked by `merge`.
 *
 * {
 *   "schema": "build-connector/digest-record@1",
 *   "connector": { "dirName": "source-hello", "name": "Hello", "repository": "airbyte/source-hello", "version": "0.1.0" },
 *   "platform": "linux/arm64",
 *   "repository": "localhost:5000/airbyte/source-hello",   // where it was pushed (registry/path)
 *   "digest": "sha256:…",      // what was pushed BY DIGEST, with no tag: the one-platform index (or manifest)
 *   "manifest": "sha256:…",    // the platform's image manifest digest inside it
 *   "ref": "localhost:5000/airbyte/source-hello@sha256:…",
 *   "verify": { "ok": true, "checks": 13, "failed": [] },   // the verify report of THIS platform
 *   "sourceDateEpoch": 1700000000, "builder": "docker", "commit": "…", "createdAt": "…"
 * }
 *
 * No tag is ever part of a record: the release tags are written by `merge`
 * only, after every platform is present and verified.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { readBoundedFile } from '../fs-util.js';
import { dirname } from 'node:path';
import { z } from 'zod';
import { badInput } from '../errors.js';
import { PlatformSchema } from '../shared/platforms.js';
import { DIGEST_RE, DIGEST_REF_RE } from '../shared/digest.js';

export const DIGEST_RECORD_SCHEMA = 'build-connector/digest-record@1';

const Digest = z.string().regex(DIGEST_RE, 'a sha256:… digest');

const FailedCheckSchema = z.object({ id: z.string(), message: z.string(), fix: z.string().optional() });

export const DigestRecordSchema = z.object({
  schema: z.literal(DIGEST_RECORD_SCHEMA),
  connector: z.object({
    dirName: z.string().min(1),
    name: z.string(),
    /** data.dockerRepository */
    repository: z.string().min(1),
    version: z.string().min(1),
  }),
  platform: PlatformSchema,
  /** registry/path the platform image was pushed to, no tag */
  repository: z.string().min(1),
  digest: Digest,
  manifest: Digest,
  ref: z.string().regex(DIGEST_REF_RE, 'REPOSITORY@sha256:… (a digest reference, never a tag)'),
  verify: z.object({ ok: z.boolean(), checks: z.number().int().nonnegative(), failed: z.array(FailedCheckSchema) }),
  sourceDateEpoch: z.number().int().nonnegative().optional(),
  builder: z.string().optional(),
  commit: z.string().optional(),
  createdAt: z.string(),
});
export type DigestRecord = z.infer<typeof DigestRecordSchema>;

/** Default file name: safe as a CI artifact name (no "/"). */
export function digestRecordName(dirName: string, platform: string): string {
  return `digest-${dirName}-${platform.split('/').slice(1).join('-')}.json`;
}

/** Validate and write a record (atomically: a half-written file is never read by merge). */
export async function writeDigestRecord(file: string, record: Omit<DigestRecord, 'schema' | 'createdAt'> & { createdAt?: string }): Promise<DigestRecord> {
  const full = DigestRecordSchema.parse({ schema: DIGEST_RECORD_SCHEMA, createdAt: new Date().toISOString(), ...record });
  if (full.ref !== `${full.repository}@${full.digest}`) throw new Error(`digest record: ref ${full.ref} is not ${full.repository}@${full.digest}`);
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(full, null, 2)}\n`);
  await rename(tmp, file);
  return full;
}

export async function readDigestRecord(file: string): Promise<DigestRecord> {
  const text = await readBoundedFile(file, { kind: 'digest record', notFound: 'cannot read the file (not found)', fix: 'fix: pass the digest record files the per-platform jobs wrote (download their artifacts first)' });
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw badInput(`${file}: not JSON (expected a digest record)`);
  }
  const parsed = DigestRecordSchema.safeParse(raw);
  if (!parsed.success) {
    throw badInput(`${file}: not a valid digest record`, parsed.error.issues.slice(0, 6).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  }
  if (parsed.data.ref !== `${parsed.data.repository}@${parsed.data.digest}`) {
    throw badInput(`${file}: ref ${parsed.data.ref} does not match repository@digest`);
  }
  return parsed.data;
}
