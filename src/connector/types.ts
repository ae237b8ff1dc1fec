/**
 * The connector as the rest of the pipeline sees it, after metadata.yaml has
 * been parsed (with positions), validated and normalised.
 * Implemented by src/connector/metadata.ts (loadConnector).
 */
import type { LanguageChoice } from './language.js';

export type ConnectorType = 'source' | 'destination';
type Language = string; // 'python' | 'java' | 'manifest-only' | a user template folder name

/** Options of our own live under `data.buildConnector` in metadata.yaml. */
export interface BuildConnectorOptions {
  /** python: console script or module to run instead of the detected one */
  entrypoint?: string[];
  /** base image override (else data.connectorBuildOptions.baseImage) */
  baseImage?: string;
  /** extra permitted write dirs (added to the base image's) */
  extraWriteDirs?: string[];
  /** platforms to build (default linux/amd64,linux/arm64) */
  platforms?: string[];
  /** python: pip install offline (--no-index --no-build-isolation); default: offline only when the project needs no index */
  offline?: boolean;
}

export type { SourcePosition } from '../errors.js';
import type { SourcePosition } from '../errors.js';

export interface Connector {
  /** absolute path of the connector directory */
  dir: string;
  metadataPath: string;
  /** data.name, e.g. "Hello" — human name */
  name: string;
  /** the directory name, e.g. "source-hello" */
  dirName: string;
  type: ConnectorType;
  /** data.dockerRepository, e.g. "airbyte/source-hello" */
  repository: string;
  /** data.dockerImageTag (valid semver) */
  version: string;
  definitionId: string | undefined;
  language: Language;
  /** data.connectorBuildOptions.baseImage (or our override) */
  baseImage: string | undefined;
  options: BuildConnectorOptions;
  /** registryOverrides.<target>.{dockerRepository,dockerImageTag} when set */
  registryOverrides: Record<string, { dockerRepository?: string; dockerImageTag?: string }>;
  /** custom mode: a Dockerfile in the connector directory */
  customDockerfile: string | undefined;
  /** where a key sits in metadata.yaml, for diagnostics ("data.dockerImageTag") */
  positionOf(path: string): SourcePosition | undefined;
  /** data.documentationUrl, when set (an OCI label) */
  documentationUrl?: string | undefined;
  /** data.license (SPDX expression, e.g. MIT, ELv2), when set (org.opencontainers.image.licenses) */
  license?: string | undefined;
  /** key path of the language:* tag in data.tags (e.g. "data.tags.0"), for diagnostics */
  languagePath?: string | undefined;
  /** how the language was chosen (several language:* tags: base image family, then files) */
  languageChoice?: LanguageChoice | undefined;
}
