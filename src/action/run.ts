/**
 * The Action's flow, free of @actions/core (the entry, src/action.ts, hands
 * in an ActionIO built on it; tests hand in a recording one):
 *
 *   mask secrets → read + validate inputs → write the test config (0600)
 *   → resolve the release tag (if any) → per connector: build | verify |
 *   publish through the same core the CLI calls → report files → outputs,
 *   annotations, job summary → exit code.
 *
 * Masking comes first, before any input is even parsed, so no later log
 * line — not even a validation error — can carry a secret.
 */
import { mkdir, mkdtemp, rm, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { BcError, ExitCode, redact, toBcError } from '../core/index.js';
import type { CommandName, PublishConfig } from '../core/request-schema.js';
import { annotationsFor, type Annotation } from './annotations.js';
import { githubContext, readActionInputs, secretsToMask, type GithubContext } from './inputs.js';
import { outputsFor, OUTPUT_NAMES } from './outputs.js';
import { jobSummary } from './summary.js';
import { emptyOutcome, type ConnectorOutcome } from './types.js';

export interface ActionIO {
  env: NodeJS.ProcessEnv;
  getInput(name: string): string;
  setSecret(value: string): void;
  info(line: string): void;
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
  setOutput(name: string, value: string): void;
  annotate(a: Annotation): void;
  writeSummary(markdown: string): Promise<void>;
}

export interface RunContext {
  github: GithubContext;
  command: CommandName;
  config: PublishConfig;
  /** where JSON reports go */
  reportDir: string;
  /** the release tag being published, when the run is the release-tag flow */
  releaseTag?: string;
  /** the version the release tag names */
  releaseVersion?: string;
  log(line: string): void;
}

interface ChangedSet {
  connectors: { connector: string; name: string; platforms: string[]; why: string }[];
  /** JSON, one entry per connector: {"include":[{"connector","name","platforms"}]} */
  matrix: string;
  /** JSON, one entry per connector × platform with its runner label */
  platformMatrix: string;
}

function changedSummary(since: string, set: ChangedSet): string {
  const head = `## build-connector: ${set.connectors.length} connector${set.connectors.length === 1 ? '' : 's'} affected since \`${since}\``;
  if (set.connectors.length === 0) return `${head}\n\nNothing to build.\n`;
  const rows = set.connectors.map((c) => `| \`${c.connector}\` | ${c.platforms.join(', ')} | ${c.why.replace(/\|/g, '\\|')} |`);
  return `${head}\n\n| connector | platforms | why |\n|---|---|---|\n${rows.join('\n')}\n`;
}

/** What the core must provide (src/action/pipeline.ts implements it). */
export interface ConnectorRunner {
  /** the connectors affected since a git ref (core/flows/changed.ts, as `changed --matrix`) */
  changed(since: string, roots: string[] | undefined, ctx: { github: GithubContext; platforms: string[] | undefined; log(line: string): void }): Promise<ChangedSet>;
  /** build | verify | publish one connector; throws BcError on failure, or returns a failed outcome */
  run(dir: string, ctx: RunContext): Promise<ConnectorOutcome>;
  /** release tag → connector directory and version; throws BcError (with metadata.yaml:LINE) on mismatch */
  releasePlan(tag: string, roots: string[], ctx: RunContext): Promise<{ dir: string; version: string }>;
}

export function connectorKey(dir: string, workspace: string): string {
  const abs = resolve(workspace, dir);
  return basename(abs) || abs;
}

function failedOutcome(key: string, dir: string, command: CommandName, err: BcError): ConnectorOutcome {
  const o = emptyOutcome(key, dir, command);
  o.error = { message: err.message, details: err.details, step: err.step, exitCode: err.exitCode, ...(err.at ? { at: err.at } : {}) };
  if (err.at) o.metadataPath = err.at.file;
  return o;
}

export async function runAction(io: ActionIO, runner: ConnectorRunner): Promise<number> {
  // 1. Mask first: nothing is printed before every secret is registered.
  const secrets = secretsToMask((n) => io.getInput(n));
  for (const s of secrets) io.setSecret(s);
  const scrub = (t: string) => redact(t, secrets);

  const github = githubContext(io.env);
  const tempRoot = io.env.RUNNER_TEMP && isAbsolute(io.env.RUNNER_TEMP) ? io.env.RUNNER_TEMP : tmpdir();
  const scratch = await mkdtemp(join(tempRoot, 'build-connector-'));
  const reportDir = join(scratch, 'reports');
  await mkdir(reportDir, { recursive: true });
  const outcomes: ConnectorOutcome[] = [];
  let secretDir: string | undefined;

  try {
    let parsed;
    try {
      parsed = readActionInputs((n) => io.getInput(n), github);
    } catch (err) {
      const e = toBcError(err);
      io.annotate({ level: 'error', title: 'build-connector: invalid input', message: scrub([e.message, ...e.details].join('\n')) });
      await io.writeSummary(`## build-connector: invalid input\n\n${scrub(e.message)}\n`);
      io.setOutput('result', 'failed');
      return e.exitCode;
    }
    const { config } = parsed;
    const command = parsed.command;
    io.info(`build-connector: command ${command} (${parsed.commandReason})`);

    // 2. The test config reaches the core as a file only this user can read.
    if (parsed.testConfig !== undefined) {
      secretDir = await mkdtemp(join(tempRoot, 'build-connector-config-'));
      await chmod(secretDir, 0o700);
      const file = join(secretDir, 'config.json');
      await writeFile(file, parsed.testConfig, { mode: 0o600 });
      await chmod(file, 0o600);
      config.configFile = file;
    }

    let dirs = config.connectors.map((d) => resolve(github.workspace, d));

    // The affected set replaces the connectors; `connectors` are then the discovery roots.
    if (parsed.changedSince) {
      let set: ChangedSet;
      try {
        const roots = config.connectors.length === 1 && config.connectors[0] === '.' ? undefined : dirs;
        set = await runner.changed(parsed.changedSince, roots, { github, platforms: config.platforms, log: (l) => io.info(scrub(l)) });
      } catch (err) {
        const e = toBcError(err);
        io.annotate({ level: 'error', title: 'build-connector: changed', message: scrub([e.message, ...e.details].join('\n')) });
        await io.writeSummary(`## build-connector: could not compute the changed connectors\n\n${scrub(e.message)}\n`);
        io.setOutput('result', 'failed');
        return e.exitCode;
      }
      io.setOutput('matrix', set.matrix);
      io.setOutput('platform-matrix', set.platformMatrix);
      io.setOutput('changed', set.connectors.map((c) => c.connector).join('\n'));
      io.info(`${set.connectors.length} connector(s) affected since ${parsed.changedSince}: ${set.connectors.map((c) => c.connector).join(', ') || 'none'}`);
      dirs = set.connectors.map((c) => resolve(github.workspace, c.connector));
      if (command === 'changed' || dirs.length === 0) {
        await io.writeSummary(changedSummary(parsed.changedSince, set));
        // Nothing to build: zero connectors, so every output is an empty object keyed by connector.
        if (command !== 'changed') for (const name of OUTPUT_NAMES) io.setOutput(name, '{}');
        return ExitCode.ok;
      }
    }
    if (command === 'changed') throw new BcError('badInput', 'command changed needs changed-since');

    const ctx: RunContext = { github, command, config, reportDir, log: (l) => io.info(scrub(l)) };

    // 3. Release-tag flow: the tag names the connector and the version.
    if (parsed.releaseTag && command === 'publish') {
      ctx.releaseTag = parsed.releaseTag;
      try {
        const plan = await runner.releasePlan(parsed.releaseTag, dirs, ctx);
        dirs = [resolve(github.workspace, plan.dir)];
        ctx.releaseVersion = plan.version;
        io.info(`release tag ${parsed.releaseTag}: publishing ${connectorKey(plan.dir, github.workspace)} ${plan.version}`);
      } catch (err) {
        const e = toBcError(err);
        const guess = dirs.find((d) => parsed.releaseTag?.startsWith(`${basename(d)}/`)) ?? dirs[0] ?? github.workspace;
        const o = failedOutcome(parsed.releaseTag.split('/')[0] ?? connectorKey(guess, github.workspace), guess, command, e);
        o.error = { ...(o.error as NonNullable<ConnectorOutcome['error']>), step: e.step ?? 'release-plan' };
        outcomes.push(o);
        dirs = [];
      }
    }

    // 4. Each connector, one log group each; one failing does not hide the others.
    for (const dir of dirs) {
      const key = connectorKey(dir, github.workspace);
      const outcome = await io.group(`${key}: ${command}`, async () => {
        try {
          return await runner.run(dir, ctx);
        } catch (err) {
          const e = toBcError(err);
          io.info(scrub([`error: ${e.message}`, ...e.details.map((d) => `  ${d}`)].join('\n')));
          return failedOutcome(key, dir, command, e);
        }
      });
      outcomes.push(outcome);
    }

    // 5. Reports, outputs, annotations, summary.
    for (const o of outcomes) {
      if (!o.reportPath) {
        o.reportPath = join(reportDir, `${o.key}.json`);
        await writeFile(o.reportPath, `${scrub(JSON.stringify(o, null, 2))}\n`);
      }
    }
    const outputs = outputsFor(outcomes);
    for (const name of OUTPUT_NAMES) io.setOutput(name, scrub(outputs[name]));
    for (const o of outcomes) for (const a of annotationsFor(o, github.workspace)) io.annotate({ ...a, message: scrub(a.message) });
    await io.writeSummary(scrub(jobSummary(outcomes)));

    const failures = outcomes.filter((o) => o.result === 'failed');
    if (failures.length === 0) return ExitCode.ok;
    // The most specific code wins: policy refusal / environment over a plain failure.
    return failures.map((o) => o.error?.exitCode ?? ExitCode.failed).reduce((a, b) => (b > a && b !== ExitCode.interrupted ? b : a), ExitCode.failed);
  } finally {
    if (secretDir) await rm(secretDir, { recursive: true, force: true });
  }
}
