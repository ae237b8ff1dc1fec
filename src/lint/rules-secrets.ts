/**
 * `secrets/` holds local test credentials and must never enter an image.
 *  - COPY/ADD of a source whose path has a `secrets` component (or a glob
 *    matching it) from the build context: error `secrets-copied`.
 *  - COPY/ADD of the whole context (`.`, `./`, `*`, `**`): the secrets come
 *    along unless .dockerignore excludes them: `secrets-context-copy`, an
 *    error when the .dockerignore is known (missing, or not excluding
 *    secrets/), a warning when the caller could not say (pure lint of text).
 * Every stage is checked, judged by where its files go (src/lint/stages.ts):
 * a context copy whose files reach the final image (final stage, a stage it
 * is built FROM, or a path a later COPY --from takes) is judged as above; a
 * copy whose files stay in a builder stage is a warning: the secrets are not
 * in the image, but they are in that stage's layers, which a build exports
 * with `--cache-to ...,mode=max` (and `--target` would make an image of).
 * Copies --from another stage or image do not read the context and are skipped.
 */
import { posix } from 'node:path';
import type { Finding } from './types.js';
import { excludesSecrets, globToRegExp } from '../shared/dockerignore.js';
import { finding, stageLabel, type RuleContext } from './rule-context.js';
import { computeReach } from './stages.js';

const REMOTE = /^(https?:\/\/|git@|git:\/\/)/i;

function segments(source: string): string[] {
  return posix
    .normalize(source.replace(/^\/+/, ''))
    .split('/')
    .filter((s) => s !== '' && s !== '.');
}

const isWildcardOnly = (seg: string) => /^\*+$/.test(seg);

function namesSecrets(source: string): boolean {
  return segments(source).some((seg) => seg === 'secrets' || (/[*?[]/.test(seg) && !isWildcardOnly(seg) && globToRegExp(seg).test('secrets')));
}

function isWholeContext(source: string): boolean {
  const segs = segments(source);
  return segs.length === 0 || segs.every(isWildcardOnly);
}

export function secretsRules(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const reach = computeReach(ctx.model, ctx.final);
  for (const stage of ctx.model.stages) {
    for (const c of stage.copies) {
      if (c.from !== undefined) continue; // another stage or an image, not the context
      for (const src of c.sources) {
        if (REMOTE.test(src.value)) continue;
        if (namesSecrets(src.value)) {
          out.push(
            finding(ctx, 'secrets-copied', 'error', src.pos,
              `${c.keyword} ${src.value} puts local credentials from secrets/ into the image`,
              { fix: 'remove it (the platform mounts config at run time) and keep secrets/ in .dockerignore' }),
          );
        } else if (isWholeContext(src.value)) {
          if (ctx.dockerignore === undefined) {
            out.push(
              finding(ctx, 'secrets-context-copy', 'warning', src.pos,
                `${c.keyword} ${src.value} copies the whole build context; make sure .dockerignore excludes secrets/`,
                { fix: 'add a line "secrets/" to .dockerignore' }),
            );
          } else if (ctx.dockerignore === null || !excludesSecrets(ctx.dockerignore)) {
            const why = ctx.dockerignore === null ? 'there is no .dockerignore' : 'the .dockerignore does not exclude secrets/';
            if (!reach.reaches(stage, c.destAbs)) {
              const taken = reach.reachedPaths(stage);
              const path = taken.length === 0 ? 'nothing from it' : `only ${taken.join(', ')} from it`;
              out.push(
                finding(ctx, 'secrets-context-copy', 'warning', src.pos,
                  `${c.keyword} ${src.value} in ${stageLabel(stage)} copies the whole build context to ${c.destAbs} and ${why}: these files do not reach the final image (it takes ${path}), but local credentials in secrets/ stay in this stage's layers, which leave the machine when the build cache is exported with --cache-to ...,mode=max`,
                  { fix: 'add a line "secrets/" to .dockerignore, or copy only what the build needs' }),
              );
              continue;
            }
            out.push(
              finding(ctx, 'secrets-context-copy', 'error', src.pos,
                `${c.keyword} ${src.value} copies the whole build context and ${why}, so local credentials in secrets/ end up in the image`,
                { fix: 'add a line "secrets/" to .dockerignore, or copy only what the connector needs' }),
            );
          }
        }
      }
    }
  }
  return out;
}
