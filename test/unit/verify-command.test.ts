import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyRequest } from '../../src/commands/verify.js';
import { repoRoot } from '../support/cli.js';

const DIR = join(repoRoot, 'test/fixtures/broken/connector-dir');

describe('verify request (flags → verifyImage options)', () => {
  it('an IMAGE is verified as given', async () => {
    const r = await verifyRequest('airbyte/source-x:1.0.0', { timeout: '30', platform: 'linux/arm64' });
    expect(r.image).toBe('airbyte/source-x:1.0.0');
    expect(r.opts.timeoutSeconds).toBe(30);
    expect(r.opts.platforms).toEqual(['linux/arm64']);
    expect(r.opts.expectedLabels).toBeUndefined();
    expect(r.opts.secretsDir).toBeUndefined();
  });

  it('a DIR brings metadata labels, its type, secrets/ and default inputs', async () => {
    const r = await verifyRequest(DIR, { timeout: '120', image: 'some/image:1' });
    expect(r.image).toBe('some/image:1');
    expect(r.opts.connectorType).toBe('source');
    expect(r.opts.expectedLabels).toEqual({ name: 'airbyte/source-bc-broken', version: '0.1.0' });
    expect(r.opts.secretsDir).toBe(join(DIR, 'secrets'));
    expect(r.opts.inputs).toMatchObject({
      config: join(DIR, 'secrets/config.json'),
      catalog: join(DIR, 'integration_tests/configured_catalog.json'),
    });
  });

  it('explicit inputs win over the DIR defaults', async () => {
    const elsewhere = join(repoRoot, 'test/fixtures/broken/inputs');
    const given = join(elsewhere, (await readdir(elsewhere)).find((f) => f.endsWith('.json')) ?? '');
    const r = await verifyRequest(DIR, { timeout: '120', image: 'x:1', config: given });
    expect(r.opts.inputs?.config).toBe(given);
  });

  it('an input file that is missing or not a regular file is refused before anything runs', async () => {
    await expect(verifyRequest(DIR, { timeout: '120', image: 'x:1', config: '/elsewhere/c.json' })).rejects.toMatchObject({ kind: 'badInput', message: '/elsewhere/c.json: not found' });
    await expect(verifyRequest('img:1', { timeout: '120', catalog: '/dev/null' })).rejects.toMatchObject({ kind: 'badInput', message: '/dev/null: is a character device; only regular files are read' });
  });

  it.each([
    [{ timeout: '0' }, '--timeout: expected a positive number of seconds, got "0"'],
    [{ timeout: '10', type: 'sink' }, '--type: expected source or destination, got "sink"'],
    [{ timeout: '10', pidsLimit: 'lots' }, '--pids-limit: expected a positive number, got "lots"'],
    [{ timeout: '10', image: 'x:1' }, '--image is only for a connector directory; img:1 is not one (no metadata.yaml)'],
    [{ timeout: '10', platform: 'arm64' }, '--platform: "arm64" is not a linux platform like linux/amd64 or linux/arm64'],
  ])('rejects bad usage with exit 2: %o', async (flags, message) => {
    await expect(verifyRequest('img:1', flags)).rejects.toMatchObject({ kind: 'badInput', message });
  });
});
