/**
 * Does a RUN (or COPY --chown) make /airbyte owned by the airbyte user?
 *
 * Practical, not a shell emulator. Accepted as evidence (any of):
 *  - `chown [-R] airbyte[:group] ... /airbyte` (also uid 1000, `.` or a
 *    relative path that resolves to /airbyte from the current WORKDIR);
 *  - `install -d -o airbyte ... /airbyte`;
 *  - `useradd -m -d /airbyte airbyte` / `adduser --home /airbyte airbyte`
 *    (the home directory is created owned by the new user);
 *  - `COPY/ADD --chown=airbyte ... /airbyte` (handled by the model).
 * A later `chown` of /airbyte to someone else takes the evidence away.
 */
import { posix } from 'node:path';
import { shellCommands } from '../shared/shell-words.js';

export interface Evidence {
  /** true = owned by airbyte after this instruction; false = handed to someone else */
  owned: boolean;
  /** what did it, for messages */
  how: string;
}

export const AIRBYTE_USER = 'airbyte';
export const AIRBYTE_UID = '1000';

/** user part of `user[:group]` / `user.group` */
export function ownerUser(spec: string): string {
  return spec.split(/[:.]/)[0] ?? spec;
}

const isAirbyteOwner = (spec: string) => {
  const u = ownerUser(spec);
  return u === AIRBYTE_USER || u === AIRBYTE_UID;
};

/**
 * Shell words that start a compound command: `then useradd ...` (the body
 * of an `if`, split at `;` as the simple commands are) runs useradd.
 */
const RESERVED = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{', '(']);

/** Drop `sudo`, `env A=B`, `exec`, `command` prefixes and reserved words (`then`, `do`...). */
function unwrap(argv: string[]): string[] {
  let a = argv;
  for (;;) {
    const h = a[0];
    if (h === 'sudo' || h === 'exec' || h === 'command' || h === 'nohup' || (h !== undefined && RESERVED.has(h))) a = a.slice(1);
    else if (h === 'env') {
      a = a.slice(1);
      while (a[0] !== undefined && (a[0].includes('=') || a[0].startsWith('-'))) a = a.slice(1);
    } else if (h !== undefined && /^[A-Za-z_][A-Za-z0-9_]*=/.test(h)) a = a.slice(1);
    else return a;
  }
}

const isAirbyteDir = (p: string, workdir: string) => posix.resolve(workdir, p) === '/airbyte';

function fromChown(args: string[], workdir: string): Evidence | undefined {
  const positional = args.filter((a) => !a.startsWith('-'));
  const [owner, ...paths] = positional;
  if (owner === undefined || !paths.some((p) => isAirbyteDir(p, workdir))) return undefined;
  return { owned: isAirbyteOwner(owner), how: `chown ${args.join(' ')}` };
}

function fromInstall(args: string[], workdir: string): Evidence | undefined {
  if (!args.includes('-d') && !args.includes('--directory')) return undefined;
  let owner: string | undefined;
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '-o' || a === '--owner') owner = args[++i];
    else if (a.startsWith('--owner=')) owner = a.slice('--owner='.length);
    else if (a === '-g' || a === '--group' || a === '-m' || a === '--mode') i++;
    else if (!a.startsWith('-')) paths.push(a);
  }
  if (owner === undefined || !paths.some((p) => isAirbyteDir(p, workdir))) return undefined;
  return { owned: isAirbyteOwner(owner), how: `install ${args.join(' ')}` };
}

function fromUseradd(cmd: string, args: string[]): Evidence | undefined {
  let home: string | undefined;
  let create = cmd === 'adduser'; // Debian/busybox adduser create the home unless told not to
  let name: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '-d' || a === '--home-dir' || a === '--home' || (cmd === 'adduser' && a === '-h')) home = args[++i];
    else if (a.startsWith('--home-dir=') || a.startsWith('--home=')) home = a.slice(a.indexOf('=') + 1);
    else if (a === '-m' || a === '--create-home') create = true;
    else if (a === '-M' || a === '--no-create-home' || (cmd === 'adduser' && a === '-H')) create = false;
    else if (['-u', '--uid', '-g', '--gid', '-G', '--groups', '-s', '--shell', '-c', '--comment', '--gecos', '--ingroup', '-k'].includes(a)) i++;
    else if (!a.startsWith('-')) name = a;
  }
  if (home === undefined || posix.normalize(home).replace(/\/$/, '') !== '/airbyte' || !create) return undefined;
  if (name !== AIRBYTE_USER) return undefined;
  return { owned: true, how: `${cmd} ${args.join(' ')}` };
}

type RunInput = { argv: string[] } | { shell: string; lookup: (name: string) => string | undefined };

/** The last ownership change of /airbyte in one RUN, if any. */
export function ownershipEvidence(input: RunInput, workdir: string): Evidence | undefined {
  const commands = 'argv' in input ? [input.argv] : shellCommands(input.shell, { lookup: input.lookup });
  let last: Evidence | undefined;
  let cwd = workdir;
  for (const raw of commands) {
    const [cmd, ...args] = unwrap(raw);
    if (cmd === undefined) continue;
    const name = posix.basename(cmd);
    if (name === 'cd') {
      // `cd /airbyte && chown -R airbyte .` is common enough to follow.
      cwd = posix.resolve(cwd, args[0] ?? '/');
      continue;
    }
    const ev =
      name === 'chown' ? fromChown(args, cwd)
      : name === 'install' ? fromInstall(args, cwd)
      : name === 'useradd' || name === 'adduser' ? fromUseradd(name, args)
      : undefined;
    if (ev) last = ev;
  }
  return last;
}

/**
 * Does a RUN create the account `name` (useradd / adduser / busybox adduser)?
 * Returns what did it, for messages.
 */
export function createsUser(input: RunInput, name: string): string | undefined {
  const commands = 'argv' in input ? [input.argv] : shellCommands(input.shell, { lookup: input.lookup });
  let found: string | undefined;
  for (const raw of commands) {
    const [cmd, ...args] = unwrap(raw);
    if (cmd === undefined) continue;
    const base = posix.basename(cmd);
    if (base !== 'useradd' && base !== 'adduser') continue;
    // The account name is the last positional word (adduser USER [GROUP] adds to a group).
    const valueFlags = new Set(['-u', '--uid', '-g', '--gid', '-G', '--groups', '-s', '--shell', '-c', '--comment', '--gecos', '--ingroup', '-k', '--skel', '-d', '--home-dir', '--home', '-h', '-e', '-f', '-K', '-p', '--password']);
    const positional: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i] as string;
      if (valueFlags.has(a)) i++;
      else if (!a.startsWith('-')) positional.push(a);
    }
    // `adduser airbyte somegroup` adds an existing user to a group: only a lone name creates.
    if (positional[0] === name && (base === 'useradd' || positional.length === 1)) found = `${base} ${args.join(' ')}`;
  }
  return found;
}
