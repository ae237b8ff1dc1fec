/**
 * What a connector directory implies for verification — the one place
 * `verify DIR`, publish, the Action, bake and digest-record take it from:
 * check/discover/read inputs (the given files, else secrets/config.json and
 * integration_tests/configured_catalog.json when present), the connector
 * type, its secrets/ directory (nothing of it may be in the image) and the
 * labels metadata.yaml implies.
 */
import { optionalInputFile } from '../fs-util.js';
import { join } from 'node:path';
import type { Connector } from '../connector/types.js';
import type { VerifyOptions } from './options.js';

export type ConnectorVerifyDefaults = Required<Pick<VerifyOptions, 'connectorType' | 'inputs' | 'secretsDir' | 'expectedLabels'>>;

export async function connectorVerifyDefaults(c: Connector, given: { config?: string; catalog?: string } = {}): Promise<ConnectorVerifyDefaults> {
  const config = join(c.dir, 'secrets', 'config.json');
  const catalog = join(c.dir, 'integration_tests', 'configured_catalog.json');
  return {
    connectorType: c.type,
    inputs: {
      // present but not a regular file (a FIFO, a device): refused, not silently skipped
      config: given.config ?? ((await optionalInputFile(config, { kind: 'config JSON' })) === 'file' ? config : undefined),
      catalog: given.catalog ?? ((await optionalInputFile(catalog, { kind: 'catalog JSON' })) === 'file' ? catalog : undefined),
    },
    secretsDir: join(c.dir, 'secrets'),
    expectedLabels: { name: c.repository, version: c.version },
  };
}
