/**
 * What the shells (src/commands/, src/action/, src/cli.ts, src/action.ts)
 * take from below the core, in one place: the error type and exit codes,
 * the cleanup hook, secret redaction, the exec debug sink, the version and
 * the plain types of results (the default platforms are core/platforms.ts:
 * they load zod). The shells import nothing outside core/ and ui/
 * (test/unit/shells-import-core.test.ts);
 * flows they load lazily from core/flows/*. Light on purpose: every command
 * loads it at start-up, so nothing here pulls in a flow or a tool wrapper.
 */
export { BcError, ExitCode, badInput, toBcError, type ErrorAt } from '../errors.js';
export { runCleanups } from '../cleanup.js';
export { redact, setExecDebug } from '../exec.js';
export { VERSION } from '../version.js';
export { checkInputFile } from '../fs-util.js';
export { findingText, type Finding } from '../lint/types.js';
export type { CheckResult, CheckStatus, VerifyReport } from '../verify/index.js';
/** the failed checks of a verify report (every result carries the report as `report`) */
export { failedChecks } from '../verify/failed-checks.js';
export type { RegistryLogin } from '../registry/credentials.js';
