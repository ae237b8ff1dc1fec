/**
 * The verify options a connector directory implies — the same defaults as
 * `verify DIR` (src/commands/verify.ts): secrets/config.json and
 * integration_tests/configured_catalog.json when present, the connector
 * type, its secrets/ directory and the labels metadata.yaml implies. Kept
 * here (not imported from the command) because bake and digest-record
 * verify images they built themselves, never a local `build` result.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Connector } from '../connector/types.js';
import type { VerifyOptions } from '../verify/index.js';

const isFile = (p: string) => stat(p).then((s) => s.isFile(), () => false);

export async function connectorVerifyOptions(c: Connector, timeoutSeconds?: number): Promise<VerifyOptions> {
  const config = join(c.dir, 'secrets', 'config.json');
  const catalog = join(c.dir, 'integration_tests', 'configured_catalog.json');
  return {
    timeoutSeconds,
    connectorType: c.type,
    inputs: { config: (await isFile(config)) ? config : undefined, catalog: (await isFile(catalog)) ? catalog : undefined },
    secretsDir: join(c.dir, 'secrets'),
    expectedLabels: { name: c.repository, version: c.version },
  };
}
