/**
 * The GitHub Action entry (bundled to dist/index.js, action.yml `main`).
 * The only module that imports @actions/core: it adapts the runner's
 * toolkit to ActionIO and calls the same core the CLI calls
 * (src/action/run.ts → src/action/pipeline.ts).
 *
 * `run()` is exported for @github/local-action, which imports the entry and
 * calls it; when this file is the process's main module (the runner runs
 * `node dist/index.js`) it calls run() itself.
 */
import * as core from '@actions/core';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runAction, type ActionIO } from './action/run.js';
import { coreRunner } from './action/pipeline.js';
import { runCleanups, toBcError } from './core/index.js';

function io(): ActionIO {
  return {
    env: process.env,
    getInput: (name) => core.getInput(name),
    setSecret: (value) => core.setSecret(value),
    info: (line) => core.info(line),
    group: (name, fn) => core.group(name, fn),
    setOutput: (name, value) => core.setOutput(name, value),
    annotate: (a) => {
      const props: core.AnnotationProperties = {};
      if (a.title) props.title = a.title;
      if (a.file) props.file = a.file;
      if (a.line !== undefined) props.startLine = a.line;
      if (a.column !== undefined) props.startColumn = a.column;
      if (a.level === 'error') core.error(a.message, props);
      else if (a.level === 'warning') core.warning(a.message, props);
      else core.notice(a.message, props);
    },
    writeSummary: async (markdown) => {
      // Outside a runner (no GITHUB_STEP_SUMMARY) the summary goes to the log.
      if (!process.env.GITHUB_STEP_SUMMARY) {
        core.info(markdown);
        return;
      }
      await core.summary.addRaw(markdown, true).write();
    },
  };
}

export async function run(): Promise<void> {
  let code: number;
  try {
    code = await runAction(io(), coreRunner);
  } catch (err) {
    // Never a stack trace in the log: the message and its details only.
    const e = toBcError(err);
    core.error([e.message, ...e.details].join('\n'), { title: 'build-connector' });
    code = e.exitCode;
  } finally {
    await runCleanups();
  }
  if (code !== 0) core.setFailed(`build-connector failed (exit ${code})`);
  process.exitCode = code;
}

function isMain(): boolean {
  const argv1 = process.argv[1];
  if (!argv1) return false;
  try {
    return realpathSync(argv1) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) await run();
