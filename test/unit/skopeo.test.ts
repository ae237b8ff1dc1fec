import { describe, expect, it } from 'vitest';
import { copyArgs, registryOf } from '../../src/docker/skopeo.js';
import { signArgs, verifyArgs } from '../../src/docker/cosign.js';

const D = `sha256:${'a'.repeat(64)}`;

describe('skopeo copy argv', () => {
  const cases: [number, string, Parameters<typeof copyArgs>[0], string[]][] = [
    [
      1,
      'OCI archive to a loopback registry by digest: plain HTTP, all platforms, digests preserved',
      { source: 'oci-archive:/tmp/x.tar', destination: `docker://localhost:5000/a/b@${D}`, all: true, preserveDigests: true },
      ['copy', '--all', '--preserve-digests', '--dest-tls-verify=false', '--retry-times', '0', 'oci-archive:/tmp/x.tar', `docker://localhost:5000/a/b@${D}`],
    ],
    [
      2,
      'a remote registry keeps TLS verification; credentials by authfile only',
      { source: 'oci-archive:/tmp/x.tar', destination: `docker://ghcr.io/a/b@${D}`, all: true, authfile: '/tmp/auth/config.json' },
      ['copy', '--all', '--authfile', '/tmp/auth/config.json', '--retry-times', '0', 'oci-archive:/tmp/x.tar', `docker://ghcr.io/a/b@${D}`],
    ],
    [
      3,
      '127.0.0.1 source and destination (registry to registry)',
      { source: `docker://127.0.0.1:5000/a@${D}`, destination: 'docker://127.0.0.1:5001/a:1.0.0' },
      ['copy', '--dest-tls-verify=false', '--src-tls-verify=false', '--retry-times', '0', `docker://127.0.0.1:5000/a@${D}`, 'docker://127.0.0.1:5001/a:1.0.0'],
    ],
    [
      4,
      'explicit destTlsVerify=false for a non-loopback registry',
      { source: 'oci-archive:/x.tar', destination: 'docker://reg.internal:5000/a:1', destTlsVerify: false },
      ['copy', '--dest-tls-verify=false', '--retry-times', '0', 'oci-archive:/x.tar', 'docker://reg.internal:5000/a:1'],
    ],
  ];
  it.each(cases)('%i. %s', (_n, _name, req, argv) => {
    expect(copyArgs(req)).toEqual(argv);
  });

  it('5. no password can reach argv: the request type has no password field', () => {
    const argv = copyArgs({ source: 'oci-archive:/x.tar', destination: 'docker://ghcr.io/a:1', authfile: '/t/config.json' });
    expect(argv.join(' ')).not.toMatch(/creds|password/);
  });

  it('6. registryOf', () => {
    expect(registryOf('docker://localhost:5000/a/b:1')).toBe('localhost:5000');
    expect(registryOf('ghcr.io/a/b')).toBe('ghcr.io');
  });
});

describe('cosign argv', () => {
  it('1. sign: key-based, no transparency log, digest only, HTTP allowed for loopback', () => {
    expect(signArgs({ ref: `localhost:5000/a/b@${D}`, keyFile: '/k/cosign.key' })).toEqual([
      'sign',
      '--key',
      '/k/cosign.key',
      '--tlog-upload=false',
      '--yes',
      '--allow-http-registry=true',
      '--allow-insecure-registry=true',
      `localhost:5000/a/b@${D}`,
    ]);
  });
  it('2. sign: a remote registry gets no insecure flags; annotations pass through', () => {
    expect(signArgs({ ref: `ghcr.io/a/b@${D}`, keyFile: 'k', annotations: { version: '1.0.0' } })).toEqual([
      'sign',
      '--key',
      'k',
      '--tlog-upload=false',
      '--yes',
      '-a',
      'version=1.0.0',
      `ghcr.io/a/b@${D}`,
    ]);
  });
  it('3. sign refuses a tag reference (a tag can move between signing and pushing)', () => {
    expect(() => signArgs({ ref: 'ghcr.io/a/b:1.0.0', keyFile: 'k' })).toThrow(/needs a digest reference/);
  });
  it('4. verify ignores the transparency log and prints JSON', () => {
    expect(verifyArgs(`localhost:5000/a@${D}`, 'cosign.pub')).toEqual([
      'verify',
      '--key',
      'cosign.pub',
      '--insecure-ignore-tlog=true',
      '--output',
      'json',
      '--allow-http-registry=true',
      '--allow-insecure-registry=true',
      `localhost:5000/a@${D}`,
    ]);
  });
});
