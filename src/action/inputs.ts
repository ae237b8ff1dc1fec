/**
 * Action inputs → the shared validated config (src/core/request-schema.ts), the same
 * schema the CLI's flags go through. Pure apart from reading through the
 * getter it is given (the entry passes core.getInput), so tests drive it
 * with a plain record.
 *
 * The runner applies action.yml defaults, but a job may also run the bundle
 * directly (tests, other runners): every default therefore lives in the
 * schema, and action.yml repeats it for documentation only (a unit test
 * keeps the two equal).
 */
import { badInput } from '../core/index.js';
import { parsePublishConfig, type PublishConfig } from '../core/request-schema.js';
import { parseFields, type ActionCommand } from '../core/request-fields.js';

/** Every input of action.yml, in its order. */
export const ACTION_INPUTS = [
  'connectors',
  'command',
  'platforms',
  'base-image',
  'registry',
  'repository',
  'username',
  'password',
  'push',
  'dry-run',
  'force',
  'latest',
  'aliases',
  'dev',
  'git-tag',
  'sign-key',
  'sbom',
  'cache-from',
  'cache-to',
  'build-args',
  'builder',
  'config',
  'timeout',
  'changed-since',
] as const;
type ActionInputName = (typeof ACTION_INPUTS)[number];

/** Inputs whose value is a secret: masked before anything else happens. */
const SECRET_INPUTS: ActionInputName[] = ['password', 'config'];

export interface GithubContext {
  eventName: string;
  ref: string;
  workspace: string;
  sha: string;
}

export function githubContext(env: NodeJS.ProcessEnv): GithubContext {
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    ref: env.GITHUB_REF ?? '',
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    sha: env.GITHUB_SHA ?? '',
  };
}

/**
 * `refs/tags/source-foo/v1.2.3` on a push, or `refs/tags/v1.2.3` (a repository
 * with one connector, src/publish/release-plan.ts): the release-tag flow.
 */
export function releaseTagOf(ctx: GithubContext): string | undefined {
  if (ctx.eventName !== 'push' || !ctx.ref.startsWith('refs/tags/')) return undefined;
  const tag = ctx.ref.slice('refs/tags/'.length);
  return /^([^/]+\/v?|v)\d+\.\d+\.\d+/.test(tag) ? tag : undefined;
}

/** Inputs that are not fields of the shared config schema. */
export const ACTION_ONLY_INPUTS: ActionInputName[] = ['command', 'config', 'changed-since'];

interface ActionConfig {
  command: ActionCommand;
  /** why this command was chosen, for the log */
  commandReason: string;
  /** the validated config; `configFile` is set later, once the config input is on disk */
  config: PublishConfig;
  /** the `config` input (JSON text), kept apart so it is never logged */
  testConfig: string | undefined;
  releaseTag: string | undefined;
  /** git ref: work on the connectors affected since it (core/flows/changed.ts), and output the matrices */
  changedSince: string | undefined;
}

export function defaultCommand(ctx: GithubContext): { command: ActionCommand; reason: string } {
  const tag = releaseTagOf(ctx);
  if (tag) return { command: 'publish', reason: `release tag ${tag} pushed` };
  return { command: 'verify', reason: `event "${ctx.eventName || 'unknown'}" is not a release tag push` };
}

const camel = (name: string) => name.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());

/** Read every input (empty = not given) and validate it with the shared schema. */
export function readActionInputs(getInput: (name: string) => string, ctx: GithubContext): ActionConfig {
  const raw: Record<string, string> = {};
  for (const name of ACTION_INPUTS) raw[name] = getInput(name);

  const parsed = parseFields({ command: raw.command, configJson: raw.config, changedSince: raw['changed-since'] }, 'input');
  const { configJson: testConfig, changedSince } = parsed;
  const d = parsed.command === undefined ? defaultCommand(ctx) : { command: parsed.command, reason: 'input "command"' };
  const { command, reason: commandReason } = d;
  const fields: Record<string, string> = {};
  for (const name of ACTION_INPUTS) {
    if (ACTION_ONLY_INPUTS.includes(name)) continue;
    fields[camel(name)] = raw[name] ?? '';
  }
  // on a runner a created git tag is only useful once pushed: git-tag is both
  const config = parsePublishConfig({ ...fields, pushGitTag: fields.gitTag }, 'input');
  if (command === 'changed' && changedSince === undefined) throw badInput('input "command": changed needs input "changed-since" (a git ref, e.g. origin/main)');
  return { command, commandReason, config, testConfig, releaseTag: releaseTagOf(ctx), changedSince };
}

/**
 * Every value to mask: the password, the config text and each of its lines,
 * and the config values that look secret — under a key naming a secret
 * (password, token, key, …) or long enough to be a token. Not every value:
 * the runner drops any output containing a masked string, so masking a
 * plain "localhost" would silently empty the `image` output.
 */
export function secretsToMask(getInput: (name: string) => string): string[] {
  const out = new Set<string>();
  for (const name of SECRET_INPUTS) {
    const v = getInput(name);
    if (!v || v.trim() === '') continue;
    out.add(v);
    out.add(v.trim());
    for (const line of v.split(/\r?\n/)) if (line.trim().length >= 8) out.add(line.trim());
    if (name === 'config') {
      try {
        collectLeaves(JSON.parse(v), false, out);
      } catch {
        // invalid JSON is reported later by readActionInputs, without its text
      }
    }
  }
  return [...out].filter((s) => s.length >= 3);
}

const SECRET_KEY = /pass|secret|token|key|credential|auth|private|cert|session|cookie|dsn|connection_string/i;

function collectLeaves(v: unknown, secretKey: boolean, out: Set<string>): void {
  if (typeof v === 'string' || typeof v === 'number') {
    const s = String(v);
    if ((secretKey && s.length >= 3) || s.length >= 16) out.add(s);
  } else if (Array.isArray(v)) {
    for (const x of v) collectLeaves(x, secretKey, out);
  } else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) collectLeaves(x, secretKey || SECRET_KEY.test(k), out);
  }
}
