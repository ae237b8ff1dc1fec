import { describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultContextHost, socketFromHost } from '../../src/docker/engine-api.js';
import { buildCreateArgv, containerName, parseDiff, CONTAINER_LABEL, type ContainerRunSpec } from '../../src/docker/container.js';

const base: ContainerRunSpec = { image: 'img:1', platform: 'linux/arm64', args: ['spec'], timeoutMs: 1000 };
const fixed = ['create', '--name', 'N', '--label', CONTAINER_LABEL, '--pull', 'never', '--platform', 'linux/arm64'];

describe('buildCreateArgv', () => {
  const table: [string, Partial<ContainerRunSpec>, string[]][] = [
    ['1 defaults: no network, limits, no log copy', {}, [...fixed, '--network', 'none', '--memory', '2g', '--pids-limit', '512', '--log-driver', 'none', 'img:1', 'spec']],
    [
      '2 workdir, network, limits, cpus',
      { workdir: '/source', network: 'bridge', memory: '512m', pidsLimit: 64, cpus: 1.5 },
      [...fixed, '--network', 'bridge', '--memory', '512m', '--pids-limit', '64', '--cpus', '1.5', '--log-driver', 'none', '-w', '/source', 'img:1', 'spec'],
    ],
    [
      '3 entrypoint tokens: first replaces ENTRYPOINT, the rest precede the args',
      { entrypoint: ['python3', '/airbyte/integration_code/main.py'] },
      [...fixed, '--network', 'none', '--memory', '2g', '--pids-limit', '512', '--log-driver', 'none', '--entrypoint', 'python3', 'img:1', '/airbyte/integration_code/main.py', 'spec'],
    ],
    [
      '4 read-only file mounts and stdin',
      { args: ['write', '--config', '/airbyte/config.json'], mounts: [{ source: '/tmp/x/config.json', target: '/airbyte/config.json', readOnly: true }], input: '' },
      [
        ...fixed,
        '--network', 'none', '--memory', '2g', '--pids-limit', '512', '--log-driver', 'none',
        '--mount', 'type=bind,source=/tmp/x/config.json,target=/airbyte/config.json,readonly',
        '-i', 'img:1', 'write', '--config', '/airbyte/config.json',
      ],
    ],
  ];
  it.each(table)('%s', (_n, spec, argv) => {
    expect(buildCreateArgv({ ...base, ...spec }, 'N')).toEqual(argv);
  });
  it('never uses --rm (docker diff needs the stopped container) nor --read-only', () => {
    const argv = buildCreateArgv(base, 'N');
    expect(argv).not.toContain('--rm');
    expect(argv).not.toContain('--read-only');
  });
});

describe('container names', () => {
  it('are unique and carry our pid (so a test can find its own leftovers)', () => {
    const a = containerName();
    const b = containerName();
    expect(a).not.toBe(b);
    expect(a).toMatch(new RegExp(`^bc-verify-${process.pid}-\\d+-[0-9a-f]{6}$`));
  });
});

describe('parseDiff', () => {
  it('reads docker diff lines and ignores anything else', () => {
    expect(parseDiff('C /usr\nC /usr/local\nA /usr/local/state.txt\nD /etc/motd\n\nweird line\nA /path with space\n')).toEqual([
      { kind: 'C', path: '/usr' },
      { kind: 'C', path: '/usr/local' },
      { kind: 'A', path: '/usr/local/state.txt' },
      { kind: 'D', path: '/etc/motd' },
      { kind: 'A', path: '/path with space' },
    ]);
  });
});

describe('engine API endpoint', () => {
  it('is used only for a unix socket endpoint of the docker CLI', () => {
    expect(socketFromHost('unix:///var/run/docker.sock')).toBe('/var/run/docker.sock');
    expect(socketFromHost('unix:///run/user/1000/docker.sock ')).toBe('/run/user/1000/docker.sock');
    expect(socketFromHost('tcp://10.0.0.2:2376')).toBeUndefined();
    expect(socketFromHost('ssh://me@builder')).toBeUndefined();
    expect(socketFromHost('npipe:////./pipe/docker_engine')).toBeUndefined();
    expect(socketFromHost('unix://relative.sock')).toBeUndefined();
  });
});

describe('the docker CLI default context', () => {
  it('is read from config.json without a process: default socket unless another context is current', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bc-dockercfg-'));
    const saved = { config: process.env.DOCKER_CONFIG, context: process.env.DOCKER_CONTEXT };
    try {
      process.env.DOCKER_CONFIG = dir;
      delete process.env.DOCKER_CONTEXT;
      expect(await defaultContextHost()).toBe('unix:///var/run/docker.sock'); // no config.json
      await writeFile(join(dir, 'config.json'), JSON.stringify({ auths: {}, currentContext: 'default' }));
      expect(await defaultContextHost()).toBe('unix:///var/run/docker.sock');
      await writeFile(join(dir, 'config.json'), JSON.stringify({ currentContext: 'desktop-linux' }));
      expect(await defaultContextHost()).toBeUndefined(); // asked of `docker context inspect`
      await writeFile(join(dir, 'config.json'), '{ not json');
      expect(await defaultContextHost()).toBeUndefined();
      await writeFile(join(dir, 'config.json'), '{}');
      process.env.DOCKER_CONTEXT = 'remote';
      expect(await defaultContextHost()).toBeUndefined();
    } finally {
      if (saved.config === undefined) delete process.env.DOCKER_CONFIG;
      else process.env.DOCKER_CONFIG = saved.config;
      if (saved.context === undefined) delete process.env.DOCKER_CONTEXT;
      else process.env.DOCKER_CONTEXT = saved.context;
      await rm(dir, { recursive: true, force: true });
    }
  });
});
