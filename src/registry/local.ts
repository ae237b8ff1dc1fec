/**
 * `--registry local`: a loopback registry so a newcomer sees the whole
 * publish flow without an account. Reuses one already answering on
 * 127.0.0.1:5000; else starts Debian's `docker-registry` (the real
 * distribution registry) in the background with the same layout as
 * scripts/setup-engine.sh: config $CACHE/registry/plain.yml, storage
 * $CACHE/registry/plain, log $CACHE/state/registry-plain.log. It keeps
 * running after publish ends (the user pulls from it next).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { run, which } from '../exec.js';
import { envMissing } from '../errors.js';
import { probeRegistry } from './probe.js';

export const LOCAL_REGISTRY = 'localhost:5000';
const CACHE = () => process.env.BUILD_CONNECTOR_CACHE ?? '/var/cache/build-connector';

function localRegistryConfig(storage: string, addr = '127.0.0.1:5000'): string {
  return ['version: 0.1', 'log: {level: warn}', 'storage:', `  filesystem: {rootdirectory: ${storage}}`, '  delete: {enabled: true}', `http: {addr: ${addr}}`, ''].join('\n');
}

export async function ensureLocalRegistry(log: (line: string) => void = () => {}): Promise<string> {
  const probe = await probeRegistry(LOCAL_REGISTRY, 3000);
  if (probe.ok) {
    if (probe.auth) throw envMissing(`${LOCAL_REGISTRY} answers but asks for a login: it is not a plain loopback registry`, ['fix: pass --registry localhost:5000 with credentials, or stop that registry']);
    log(`registry local: reusing the registry on ${LOCAL_REGISTRY}`);
    return LOCAL_REGISTRY;
  }
  if (!(await which('docker-registry'))) {
    throw envMissing(`--registry local: nothing answers on ${LOCAL_REGISTRY} and docker-registry is not installed`, [
      'fix: run scripts/setup-engine.sh (installs and starts it), or apt-get install docker-registry, or start any registry on 127.0.0.1:5000',
    ]);
  }
  const dir = join(CACHE(), 'registry');
  const state = join(CACHE(), 'state');
  await mkdir(join(dir, 'plain'), { recursive: true });
  await mkdir(state, { recursive: true });
  const cfg = join(dir, 'plain.yml');
  await writeFile(cfg, localRegistryConfig(join(dir, 'plain')));
  // Detached on purpose: the registry outlives this command (the user pulls from it next).
  await run('sh', ['-c', 'nohup setsid docker-registry serve "$1" >"$2" 2>&1 </dev/null &', 'sh', cfg, join(state, 'registry-plain.log')], { timeoutMs: 10_000 });
  for (let i = 0; i < 40; i++) {
    if ((await probeRegistry(LOCAL_REGISTRY, 1000)).ok) {
      log(`registry local: started docker-registry on ${LOCAL_REGISTRY} (storage ${join(dir, 'plain')})`);
      return LOCAL_REGISTRY;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw envMissing(`--registry local: docker-registry did not answer on ${LOCAL_REGISTRY} within 10 s`, [`see ${join(state, 'registry-plain.log')}`, 'fix: is another program using port 5000?']);
}
