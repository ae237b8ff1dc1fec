/**
 * Checks that run the connector: spec (twice: through ENTRYPOINT and through
 * AIRBYTE_ENTRYPOINT, the way the platform starts it), check, discover, read
 * and write, each in a locked-down container (docker/container.ts), and the
 * `writes` check over the `docker diff` of every one of those runs.
 */
import { posix } from 'node:path';
import type { ContainerRunResult, DiffEntry } from '../docker/container.js';
import { quoteLine, type MessageDigest } from '../protocol/parse.js';
import { formatBytes } from '../protocol/lines.js';
import type { ConfiguredCatalog } from '../protocol/messages.js';
import { fail, pass, type CheckId, type CheckResult } from './report.js';

/** Airbyte's default writable directories (platform: "permitted write dirs"). */
const DEFAULT_PERMITTED_WRITE_DIRS = ['/airbyte', '/tmp', '/secrets', '/config', '/custom_cache'];
const PERMITTED_WRITE_DIRS_LABEL = 'io.airbyte.permitted-write-dirs';

export function permittedWriteDirs(labels: Record<string, string>): { dirs: string[]; from: 'label' | 'defaults' } {
  const raw = labels[PERMITTED_WRITE_DIRS_LABEL];
  if (raw === undefined || raw.trim() === '') return { dirs: DEFAULT_PERMITTED_WRITE_DIRS, from: 'defaults' };
  const dirs = raw
    .split(/[\s,:]+/)
    .map((d) => d.trim())
    .filter((d) => d.startsWith('/'))
    .map((d) => posix.normalize(d).replace(/(.)\/$/, '$1'));
  return { dirs, from: 'label' };
}

export interface NamedRun {
  /** "spec (ENTRYPOINT)", "check", ... */
  label: string;
  workdir: string;
  result: ContainerRunResult;
  /** its stdout, judged line by line as it arrived */
  messages: MessageDigest;
  /** the time that judging took (ms) */
  validateMs?: number;
}

/**
 * Paths written outside the permitted dirs. Directory "C" entries that are
 * merely parents of a listed change are implied by it and not reported; the
 * working directory the engine itself created for `-w` is not a write.
 */
export function offendingWrites(diff: readonly DiffEntry[], permitted: readonly string[], workdir: string): DiffEntry[] {
  const inside = (p: string) => permitted.some((d) => d === '/' || p === d || p.startsWith(`${d}/`));
  const paths = diff.map((d) => d.path);
  const isParent = (p: string) => paths.some((q) => q !== p && q.startsWith(`${p}/`));
  return diff.filter((d) => {
    if (inside(d.path)) return false;
    if (d.kind === 'A' && d.path === workdir) return false;
    if (d.kind === 'C' && isParent(d.path)) return false;
    return true;
  });
}

export function checkWrites(platform: string, runs: readonly NamedRun[], permitted: { dirs: string[]; from: string }): CheckResult {
  const offending = new Map<string, Set<string>>();
  for (const r of runs) {
    for (const d of offendingWrites(r.result.diff, permitted.dirs, r.workdir)) {
      const key = `${d.kind} ${d.path}`;
      if (!offending.has(key)) offending.set(key, new Set());
      offending.get(key)?.add(r.label);
    }
  }
  const where = `${permitted.dirs.join(' ')} (${permitted.from === 'label' ? `label ${PERMITTED_WRITE_DIRS_LABEL}` : 'Airbyte defaults'})`;
  if (offending.size > 0) {
    const details = [...offending].slice(0, 20).map(([k, labels]) => `${k}   during ${[...labels].join(', ')}`);
    return fail(
      'writes',
      platform,
      `the connector wrote ${offending.size} path${offending.size === 1 ? '' : 's'} outside the permitted write dirs ${where}`,
      'write only under /airbyte, /tmp or another permitted dir (e.g. point caches and state files to /tmp or /airbyte); the platform may run the image with a read-only root',
      details,
    );
  }
  return pass('writes', platform, `${runs.length} run${runs.length === 1 ? '' : 's'} wrote only under ${where}`);
}

interface RunJudgement {
  ok: boolean;
  problems: string[];
  messages: MessageDigest;
}

/** Common to every run: it finished, exit 0, every stdout line an AirbyteMessage. */
function judgeRun(run: Pick<NamedRun, 'result' | 'messages'>, timeoutMs: number): RunJudgement {
  const { result: r, messages } = run;
  const problems: string[] = [];
  const stop = r.outputStop;
  // A limit passed is what killed the container: say that, not the 137 or a timeout it caused.
  if (stop?.limit === 'line') problems.push(`stdout line ${stop.line} grew past the per-line limit of ${formatBytes(stop.bytes)} (no newline): the container was stopped`);
  else if (stop?.limit === 'total') problems.push(`printed more than the stdout limit of ${formatBytes(stop.bytes)} (stopped at line ${stop.line}): the container was stopped`);
  else if (r.timedOut) problems.push(`did not finish within ${Math.round(timeoutMs / 1000)} s: the container was killed (a hung connector)`);
  else if (r.oomKilled) problems.push('was killed by the memory limit (OOM)');
  else if (r.exitCode !== 0) problems.push(`exited with code ${r.exitCode}`);
  for (const inv of messages.invalid) problems.push(inv.problem);
  if (messages.invalidCount > messages.invalid.length) {
    const more = messages.invalidCount - messages.invalid.length;
    problems.push(messages.judgingStopped ? `... and ${more} more invalid lines; the lines after line ${messages.lastJudged} were not judged` : `... and ${more} more invalid lines`);
  }
  return { ok: problems.length === 0, problems, messages };
}

function tail(r: ContainerRunResult): string[] {
  if (r.stderrBytes === 0) return [];
  const lines = r.stderrTail.slice(-5);
  return [`stderr: ${formatBytes(r.stderrBytes)}${lines.length > 0 ? `, the last ${lines.length} line${lines.length === 1 ? '' : 's'}:` : ''}`, ...lines.map((l) => `stderr: ${quoteLine(l, 160)}`)];
}

const FIX_PROTOCOL = 'print only AirbyteMessage JSON lines on stdout (logs go to stderr or as LOG messages)';
const FIX_HANG = 'make the command return: look for blocking reads of stdin, network calls without timeouts, or a server started in the foreground';
const FIX_FLOOD = 'print one AirbyteMessage per line, each line well under the per-line limit (Airbyte Cloud refuses records over 20 MB); send logs to stderr';

function fixFor(problems: readonly string[], otherwise: string): string {
  if (problems.some((p) => p.includes('the container was stopped'))) return FIX_FLOOD;
  if (problems.some((p) => p.includes('did not finish'))) return FIX_HANG;
  if (problems.some((p) => p.includes('is not JSON') || p.includes('not a valid') || p.includes('no valid AirbyteMessage'))) return FIX_PROTOCOL;
  return otherwise;
}

export function checkSpec(platform: string, runs: readonly NamedRun[], timeoutMs: number, airbyteEntrypointSame = false): CheckResult {
  const failures: string[] = [];
  const details: string[] = [];
  let specs = 0;
  for (const run of runs) {
    const j = judgeRun(run, timeoutMs);
    const n = j.messages.count.SPEC ?? 0;
    const problems = [...j.problems];
    if (n === 0 && !run.result.timedOut && !run.result.outputStop && !j.messages.judgingStopped && !j.messages.invalidByType.SPEC) problems.push('printed no SPEC message');
    specs += n;
    if (problems.length > 0) {
      failures.push(`${run.label}: ${problems[0]}`);
      details.push(...problems.slice(1).map((p) => `${run.label}: ${p}`), `command: docker ${run.result.command.replace(/^\S+ /, '')}`, ...tail(run.result));
    }
  }
  if (failures.length > 0) {
    const all = failures.join(' | ');
    const missingConnSpec = all.includes('connectionSpecification');
    return fail(
      'spec',
      platform,
      all,
      missingConnSpec
        ? 'the SPEC message needs spec.connectionSpecification (a JSON schema object of the config)'
        : fixFor(all.split(' | '), 'run `docker run --rm IMAGE spec` and fix what it prints; it must exit 0 with a SPEC message'),
      details,
    );
  }
  const same = airbyteEntrypointSame ? ' (AIRBYTE_ENTRYPOINT is the same argv: this run covers it)' : '';
  return pass('spec', platform, `${runs.map((r) => r.label).join(' and ')}: exit 0, ${specs} SPEC message${specs === 1 ? '' : 's'}, every line valid${same}`);
}

/** check / discover / read / write: the run itself plus what its messages must show. */
export function checkOperation(id: Exclude<CheckId, 'spec'>, platform: string, run: NamedRun, timeoutMs: number, catalog?: ConfiguredCatalog): CheckResult {
  const j = judgeRun(run, timeoutMs);
  const problems = [...j.problems];
  const m = j.messages;
  let good = '';
  if (id === 'check') {
    const st = m.connectionStatuses;
    if (st.length === 0) problems.push('printed no CONNECTION_STATUS message');
    else if (st.some((s) => s.status !== 'SUCCEEDED')) {
      problems.push(`CONNECTION_STATUS is FAILED: ${st.map((s) => s.message ?? '').join(' ')}`.trim());
    } else good = 'CONNECTION_STATUS SUCCEEDED';
  } else if (id === 'discover') {
    const streams = m.catalogStreams;
    if (streams.length === 0) problems.push(!m.count.CATALOG ? 'printed no CATALOG message' : 'the CATALOG has no streams');
    else good = `CATALOG with ${streams.length} stream${streams.length === 1 ? '' : 's'} (${streams.slice(0, 5).join(', ')})`;
  } else if (id === 'read') {
    const wanted = new Set((catalog?.streams ?? []).map((s) => s.stream.name));
    const records = m.count.RECORD ?? 0;
    const stray = Object.keys(m.recordStreams).filter((s) => !wanted.has(s));
    if (stray.length > 0) problems.push(`RECORDs for streams not in the configured catalog: ${stray.slice(0, 10).join(', ')}${stray.length > 10 ? ` and ${stray.length - 10} more` : ''}`);
    good = `${records} RECORD${records === 1 ? '' : 's'}, ${m.count.STATE ?? 0} STATE`;
  } else {
    good = `${m.count.STATE ?? 0} STATE message(s) echoed`;
  }
  if (problems.length > 0) {
    return fail(
      id,
      platform,
      `${run.label}: ${problems[0]}`,
      fixFor(problems, `run the connector's ${id} locally with the same inputs and fix the error`),
      [...problems.slice(1), `command: docker ${run.result.command.replace(/^\S+ /, '')}`, ...tail(run.result)],
    );
  }
  return pass(id, platform, `exit 0, ${good}`);
}
