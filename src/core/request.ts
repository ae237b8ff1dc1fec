/**
 * What a shell asks the core for, in neutral names (no CLI flag, no Action
 * input name). The CLI's flags and the Action's inputs both become these
 * through src/core/request-schema.ts (the zod schemas, loaded lazily), so
 * one request gives one result in either shell. Types and light functions
 * only: the shells load this module at start-up.
 */
import type { Provenance } from '../shared/modes.js';
import type { LatestMode } from '../shared/modes.js';
import type { PublishTarget } from '../publish/target.js';
import type { Finding } from '../lint/types.js';
import type { StepHooks } from './pipeline.js';
import type { RegistryLogin } from '../registry/credentials.js';

/** What every flow that builds needs. */
export interface BuildRequestCommon {
  /** connector directory */
  dir: string;
  platforms?: string[];
  baseImage?: string;
  buildArgs?: Record<string, string>;
  cacheFrom?: string[];
  cacheTo?: string[];
  /** provenance attestation mode (the grammar's default: min; the strategy turns it off where the builder cannot attach it) */
  provenance: Provenance;
  /** buildx builder (default: BUILDX_BUILDER or the current one) */
  builder?: string;
  noCache?: boolean;
  sourceDateEpoch?: number;
}

export interface PublishRequest extends BuildRequestCommon, RegistryLogin {
  /** host[:port], or "local" (a loopback registry on 127.0.0.1:5000, started when needed) */
  registry?: string;
  /** repository path (default data.dockerRepository, or the target override) */
  repository?: string;
  target?: PublishTarget;
  /** overrides data.dockerImageTag (e.g. from a release tag) */
  version?: string;
  /** config for check/discover/read (default DIR/secrets/config.json when present) */
  configFile?: string;
  /** seconds per connector command during verify (the grammar's default: 120) */
  timeoutSeconds: number;
  dryRun?: boolean;
  force?: boolean;
  aliases?: boolean;
  latest: LatestMode;
  dev?: boolean;
  /** attempts per registry operation, 1..20 (the grammar's default: 5) */
  retries: number;
  signKey?: string;
  /** generate a CycloneDX SBOM per platform image and attach it to the image as an OCI referrer */
  sbom?: boolean;
  gitTag?: boolean;
  /** the git tag's name ({dir}, {version}; the grammar's default: {dir}/v{version}) */
  gitTagFormat: string;
  pushGitTag?: boolean;
  gitRemote?: string;
}

export interface FlowHooks extends StepHooks {
  /** progress lines (stderr for the CLI, the log for the Action) */
  log?: (line: string) => void;
  /** lint findings (warnings, or the errors that stopped the run) */
  onLintFindings?: (findings: Finding[]) => void;
}

export const defaultLog = (l: string): void => void process.stderr.write(`${l}\n`);
