/**
 * GitHub Actions matrices (pure). The build matrix has one entry per
 * connector × platform, each with the runner label that builds that
 * platform natively; the merge matrix has one entry per connector.
 *
 *   {"include":[{"connector":"connectors/source-a","platform":"linux/amd64","runner":"ubuntu-24.04",
 *                "name":"source-a","arch":"amd64"}, …]}
 *
 * `name` and `arch` are there because artifact names may not contain "/"
 * (upload the digest record as `digest-${{ matrix.name }}-${{ matrix.arch }}`).
 */
import { badInput } from '../errors.js';
import { archOf } from '../shared/platforms.js';

interface MatrixInput {
  /** repository-relative directory */
  connector: string;
  name: string;
  /** platforms the connector restricts itself to (data.buildConnector.platforms) */
  platforms: string[] | undefined;
}

export interface BuildMatrixEntry {
  connector: string;
  platform: string;
  runner: string;
  name: string;
  arch: string;
}

export interface MergeMatrixEntry {
  connector: string;
  name: string;
  platforms: string;
}

export interface Matrix<T> {
  include: T[];
}

interface MatrixOptions {
  /** requested platforms (flag or build-connector.yaml) */
  platforms: string[];
  /** platform → runner label */
  runners: Record<string, string>;
}

/** The platforms a connector is built for: the requested ones it supports. */
export function platformsFor(input: MatrixInput, requested: readonly string[]): string[] {
  if (!input.platforms) return [...requested];
  return requested.filter((p) => input.platforms?.includes(p));
}

export function buildMatrix(inputs: readonly MatrixInput[], opts: MatrixOptions): Matrix<BuildMatrixEntry> {
  const missing = opts.platforms.filter((p) => !opts.runners[p]);
  if (missing.length > 0) {
    throw badInput(`no runner label for platform ${missing.join(', ')}`, [
      `fix: pass --runner-${archOf(missing[0] as string)} LABEL (or runners: in build-connector.yaml)`,
    ]);
  }
  const include: BuildMatrixEntry[] = [];
  for (const c of inputs) {
    for (const platform of platformsFor(c, opts.platforms)) {
      include.push({ connector: c.connector, platform, runner: opts.runners[platform] as string, name: c.name, arch: archOf(platform) });
    }
  }
  return { include };
}

export function mergeMatrix(inputs: readonly MatrixInput[], opts: Pick<MatrixOptions, 'platforms'>): Matrix<MergeMatrixEntry> {
  return {
    include: inputs
      .map((c) => ({ connector: c.connector, name: c.name, platforms: platformsFor(c, opts.platforms).join(',') }))
      .filter((e) => e.platforms !== ''),
  };
}

