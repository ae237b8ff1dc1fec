/**
 * Annotations for the workflow run: lint findings and metadata.yaml errors
 * at file:line, failed checks as errors naming their fix. Pure: the entry
 * (src/action.ts) hands them to @actions/core, which prints them as
 * workflow commands (`::error file=F,line=L,col=C,title=T::message`).
 *
 * GitHub attaches an annotation to a file only when the path is relative to
 * the repository root, so paths are made relative to GITHUB_WORKSPACE.
 */
import { isAbsolute, relative, sep } from 'node:path';
import { findingText } from '../core/index.js';
import type { ConnectorOutcome } from './types.js';

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
  title?: string;
  file?: string;
  line?: number;
  column?: number;
}

export function workspacePath(file: string, workspace: string | undefined): string {
  if (!workspace || !isAbsolute(file)) return file;
  const rel = relative(workspace, file);
  if (rel.startsWith('..') || isAbsolute(rel)) return file;
  return rel.split(sep).join('/');
}

export function annotationsFor(o: ConnectorOutcome, workspace: string | undefined): Annotation[] {
  const out: Annotation[] = [];
  for (const f of o.findings) {
    const level = f.severity === 'error' ? 'error' : 'warning';
    const title = `${o.key}: lint ${f.ruleId}`;
    // A rendered Dockerfile exists in no repository file: say where in it instead.
    if (f.rendered) out.push({ level, title, message: `rendered Dockerfile line ${f.line}: ${findingText(f)}` });
    else out.push({ level, title, message: findingText(f), file: workspacePath(f.file, workspace), line: f.line, column: f.column });
  }
  for (const c of o.checks) {
    if (c.status !== 'fail') continue;
    const fix = c.fix ? `\nfix: ${c.fix}` : '';
    out.push({
      level: 'error',
      title: `${o.key}: check ${c.id} failed on ${c.platform}`,
      message: `${c.message ?? 'failed'}${fix}`,
      ...(o.metadataPath ? { file: workspacePath(o.metadataPath, workspace) } : {}),
    });
  }
  if (o.error) {
    const lintAlreadySaid = o.error.step === 'lint' && o.findings.some((f) => f.severity === 'error');
    const checksAlreadySaid = o.error.step === 'verify' && o.checks.some((c) => c.status === 'fail');
    if (!lintAlreadySaid && !checksAlreadySaid) {
      const details = o.error.details.length > 0 ? `\n${o.error.details.join('\n')}` : '';
      out.push({
        level: 'error',
        title: `${o.key}: ${o.error.step ?? o.command} failed`,
        message: `${o.error.message}${details}`,
        // where the core placed the error, never read from its text
        ...(o.error.at ? { file: workspacePath(o.error.at.file, workspace), line: o.error.at.line, column: o.error.at.column ?? 1 } : {}),
      });
    }
  }
  return out;
}
