/**
 * Rules about the final image's runtime identity and file system: the user
 * it runs as, ownership of /airbyte, the base image reference, and where it
 * expects to write (WORKDIR, VOLUME, HOME) versus the permitted write dirs.
 */
import { posix } from 'node:path';
import type { Finding } from './types.js';
import { AIRBYTE_UID, AIRBYTE_USER, ownerUser } from './ownership.js';
import { finding, inheritedNote, isScratch, knownOrigin, stageLabel, unknownBaseNote, unseenBaseFinding, type RuleContext } from './rule-context.js';
import { dockerfileOrigin } from './origin.js';
import type { Pos } from './types.js';
import { splitImageRef } from '../shared/image-ref.js';

/**
 * USER: `airbyte` (any group) passes, set here or by a base image whose
 * config was read. Missing = root = error, even when an unseen base image
 * might set one: the Airbyte interface wants it explicit.
 * `USER 1000` is a warning, not an error: it is the airbyte uid and runs
 * non-root, but a numeric user hides a missing `airbyte` account.
 */
export function userRules(ctx: RuleContext): Finding[] {
  const st = ctx.final.state;
  const u = st.user;
  if (!u) {
    // A multi-stage file that sets USER in another stage: say why it does not count.
    const elsewhere = ctx.model.stages.find((s) => s !== ctx.final && s.state.user !== undefined && s.state.user.base === undefined);
    const hint = elsewhere?.state.user
      ? ` (${stageLabel(elsewhere)} sets USER ${elsewhere.state.user.value} at line ${elsewhere.state.user.pos.line}, but the final stage does not build on it)`
      : '';
    // An error even when the base is unseen: the Airbyte interface wants USER
    // explicit, and most bases (Airbyte's python and java bases included) set
    // none. A base that is known to set USER airbyte passes (state has it).
    const b = ctx.base;
    const who = b.kind === 'known' ? ` and base image ${b.ref} sets none` : b.kind === 'unknown' ? ` (base image ${b.ref} was not read: ${b.reason})` : '';
    return [
      finding(ctx, 'user-missing', 'error', ctx.final.pos, `the final stage has no USER${who}, so the connector runs as root${hint}`,
        { fix: `add USER ${AIRBYTE_USER} as the last instruction (uid ${AIRBYTE_UID})`, origin: knownOrigin(ctx, 'config') }),
    ];
  }
  const note = inheritedNote(ctx, u.stage, u.pos, u.base);
  if (u.unknown.length > 0) {
    return [finding(ctx, 'user-unresolved', 'warning', u.pos, `USER ${u.value} depends on ${u.unknown.map((n) => `$${n}`).join(', ')}, unknown at lint time${note}`, { fix: `USER ${AIRBYTE_USER}` })];
  }
  const name = ownerUser(u.value);
  if (name === '' || name === 'root' || name === '0') {
    return [finding(ctx, 'user-root', 'error', u.pos, `the final USER is root ("${u.value}")${note}`, { fix: `USER ${AIRBYTE_USER}`, origin: u.base })];
  }
  if (name === AIRBYTE_UID) {
    return [finding(ctx, 'user-numeric', 'warning', u.pos, `USER ${u.value} is the airbyte uid but not the name${note}`, { fix: `USER ${AIRBYTE_USER} (fails the build if the user does not exist)`, origin: u.base })];
  }
  if (name !== AIRBYTE_USER) {
    return [finding(ctx, 'user-not-airbyte', 'error', u.pos, `the final USER is "${u.value}", not ${AIRBYTE_USER}${note}`, { fix: `create ${AIRBYTE_USER} (uid ${AIRBYTE_UID}) and set USER ${AIRBYTE_USER}`, origin: u.base })];
  }
  return accountRules(ctx, u.pos);
}

/**
 * USER airbyte needs the account: known only when the base image's
 * /etc/passwd was read (or this file creates it). And its home should be
 * a directory it can write, or tools that cache in $HOME fail.
 */
function accountRules(ctx: RuleContext, userPos: Pos): Finding[] {
  const st = ctx.final.state;
  const acct = st.airbyteUser;
  if (!acct) return [];
  if (!acct.exists) {
    return [
      finding(ctx, 'user-account-missing', 'error', userPos,
        `USER ${AIRBYTE_USER}, but ${acct.how} and this Dockerfile does not create it: the container cannot start ("unable to find user ${AIRBYTE_USER}")`,
        { fix: `RUN useradd --uid ${AIRBYTE_UID} --create-home --home-dir /airbyte ${AIRBYTE_USER} before USER, or build on a base image that has the user`, origin: acct.base }),
    ];
  }
  const fsFacts = ctx.base.kind === 'known' ? ctx.base.facts.fs : undefined;
  const entry = fsFacts?.passwd?.find((p) => p.name === AIRBYTE_USER);
  const home = st.env.get('HOME');
  // Only the base's account: a user this file creates gets the home it asks for.
  if (acct.base === undefined || !fsFacts || !entry || fsFacts.airbyteHome === undefined || (home && home.base === undefined)) return [];
  // A home at /airbyte that this file hands to airbyte is usable.
  if (entry.home.replace(/\/+$/, '') === '/airbyte' && st.airbyteDir?.owned) return [];
  const h = fsFacts.airbyteHome;
  const why = h === null ? 'does not exist' : h.type !== 'dir' ? `is a ${h.type}` : h.uid !== entry.uid && (h.mode & 0o002) === 0 ? `is owned by uid ${h.uid}, not ${AIRBYTE_USER}` : undefined;
  if (why === undefined) return [];
  return [
    finding(ctx, 'user-home-unusable', 'warning', acct.pos,
      `user ${AIRBYTE_USER}'s home ${entry.home} in base image ${acct.base.ref} ${why}: tools that write to $HOME (pip, caches) fail`,
      { fix: 'ENV HOME=/airbyte (or another permitted write dir)', origin: acct.base }),
  ];
}

/**
 * /airbyte must exist, owned by airbyte: made here (chown, install -d -o,
 * useradd -m -d /airbyte, COPY --chown) or given by the base. What the base
 * gives is known when its file system was read or the table has it; when
 * neither, a Dockerfile that creates the airbyte user itself shows that its
 * base has no such user, so nothing there can own /airbyte: an error too.
 * Otherwise the base is unseen and it is a warning.
 */
export function airbyteDirRules(ctx: RuleContext): Finding[] {
  const ev = ctx.final.state.airbyteDir;
  const fix = `RUN mkdir -p /airbyte && chown -R ${AIRBYTE_USER}:${AIRBYTE_USER} /airbyte (or COPY --chown=${AIRBYTE_USER}:${AIRBYTE_USER} ... /airbyte)`;
  if (ev?.owned) return [];
  if (ev) {
    const what = ev.base !== undefined ? `${ev.how}, and this Dockerfile does not hand it to ${AIRBYTE_USER}` : `\`${ev.how}\` leaves /airbyte owned by someone other than ${AIRBYTE_USER}${inheritedNote(ctx, ev.stage, ev.pos)}`;
    return [finding(ctx, 'airbyte-dir-not-owned', 'error', ev.pos, what, { fix, origin: ev.base })];
  }
  const b = ctx.base;
  if (b.kind === 'scratch') {
    return [finding(ctx, 'airbyte-dir-not-owned', 'error', ctx.final.pos, `the final image never creates /airbyte owned by ${AIRBYTE_USER}`, { fix })];
  }
  if (b.kind === 'known' && b.facts.fs) {
    return [
      finding(ctx, 'airbyte-dir-not-owned', 'error', ctx.final.pos,
        `neither this Dockerfile nor base image ${b.ref} creates /airbyte owned by ${AIRBYTE_USER} (the base has no /airbyte)`, { fix, origin: knownOrigin(ctx, 'fs') }),
    ];
  }
  const made = ctx.final.state.airbyteUser;
  if (made?.exists && made.base === undefined) {
    return [
      finding(ctx, 'airbyte-dir-not-owned', 'error', ctx.final.pos,
        `this Dockerfile never creates /airbyte owned by ${AIRBYTE_USER}, and base image ${b.ref} cannot provide it: it has no ${AIRBYTE_USER} user`,
        { fix, origin: dockerfileOrigin(b.ref, made.pos, made.how) }),
    ];
  }
  const why = b.kind === 'known' ? `; only the config of base image ${b.ref} was read (from its registry), not its file system: verify checks the built image` : unknownBaseNote(ctx);
  return [unseenBaseFinding(ctx, 'airbyte-dir-not-owned', ctx.final.pos, `this Dockerfile does not create /airbyte owned by ${AIRBYTE_USER}, so it relies on the base image${why}`, b.ref, { fix })];
}

/** Every external FROM (builder stages included: they feed the final image). */
export function baseImageRules(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const s of ctx.model.stages) {
    if (s.parent || isScratch(s)) continue;
    if (s.imageUnknown.length > 0) {
      out.push(
        finding(ctx, 'base-image-unpinned', 'warning', s.imagePos,
          `FROM ${s.image} depends on ${s.imageUnknown.map((n) => `$${n}`).join(', ')}, unknown at lint time, so pinning cannot be checked`,
          { fix: 'default the ARG to name:tag@sha256:<digest>' }),
      );
      continue;
    }
    const ref = splitImageRef(s.image);
    if (ref.digest !== undefined) continue;
    const pinned = `${ref.name}:${ref.tag && ref.tag !== 'latest' ? ref.tag : '<version>'}@sha256:<digest>`;
    if (ref.tag === undefined || ref.tag === 'latest') {
      out.push(
        finding(ctx, 'base-image-latest', 'warning', s.imagePos,
          `FROM ${s.image} ${ref.tag === undefined ? 'has no tag (means latest)' : 'uses the latest tag'}: the base moves under you`,
          { fix: `FROM ${pinned}` }),
      );
    }
    out.push(
      finding(ctx, 'base-image-unpinned', 'warning', s.imagePos,
        `FROM ${s.image} is not pinned by digest, so rebuilds may get a different base`,
        { fix: `FROM ${pinned} (docker buildx imagetools inspect ${s.image} shows the digest)` }),
    );
  }
  return out;
}

function isInside(path: string, dirs: string[]): boolean {
  const p = posix.normalize(path).replace(/(.)\/+$/, '$1');
  return dirs.some((d) => {
    const dir = posix.normalize(d).replace(/(.)\/+$/, '$1');
    return dir === '/' || p === dir || p.startsWith(`${dir}/`);
  });
}

export function writeDirRules(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const st = ctx.final.state;
  const dirs = ctx.permittedWriteDirs;
  const list = dirs.join(' ');
  if (st.workdir && st.workdir.unknown.length === 0 && !isInside(st.workdir.value, dirs)) {
    out.push(
      finding(ctx, 'workdir-outside-write-dirs', 'warning', st.workdir.pos,
        `the final WORKDIR ${st.workdir.value} is outside the permitted write dirs (${list})${inheritedNote(ctx, st.workdir.stage, st.workdir.pos, st.workdir.base)}: anything the connector writes there breaks under a read-only root`,
        { fix: 'WORKDIR /airbyte/integration_code', origin: st.workdir.base }),
    );
  }
  for (const v of st.volumes) {
    if (v.unknown.length > 0 || isInside(v.value, dirs)) continue;
    out.push(
      finding(ctx, 'volume-outside-write-dirs', 'warning', v.pos,
        `VOLUME ${v.value} is outside the permitted write dirs (${list})${inheritedNote(ctx, v.stage, v.pos)}`,
        { fix: 'remove it or use a directory under one of them' }),
    );
  }
  const home = st.env.get('HOME');
  if (home && home.unknown.length === 0 && !isInside(home.value, dirs)) {
    out.push(
      finding(ctx, 'home-outside-write-dirs', 'warning', home.pos,
        `HOME=${home.value} is outside the permitted write dirs (${list})${inheritedNote(ctx, home.stage, home.pos, home.base)}: tools that write caches to $HOME will fail`,
        { fix: 'ENV HOME=/airbyte (or another permitted dir)', origin: home.base }),
    );
  }
  return out;
}
