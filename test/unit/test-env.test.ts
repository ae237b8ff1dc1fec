/**
 * The allow-listed environment the tests give the children they start with
 * extendEnv: false (the Action as the runner starts it, a build under a pty):
 * it keeps what makes the network and its trust work on the machine, and
 * nothing else of the test's own environment.
 */
import { describe, expect, it } from 'vitest';
import { allowListedEnv } from '../support/env.js';

describe('allowListedEnv', () => {
  const machine = {
    PATH: '/opt/node/bin:/usr/bin',
    HOME: '/home/ci',
    NODE_EXTRA_CA_CERTS: '/etc/ssl/corp.pem',
    SSL_CERT_FILE: '/etc/ssl/certs/ca-certificates.crt',
    SSL_CERT_DIR: '/etc/ssl/certs',
    HTTPS_PROXY: 'http://proxy:3128',
    https_proxy: 'http://proxy:3128',
    no_proxy: '127.0.0.1,localhost',
    npm_config_cafile: '/etc/ssl/corp.pem',
    npm_config_registry: 'https://npm.corp/',
    BUILD_CONNECTOR_CACHE: '/var/cache/build-connector',
    XDG_CACHE_HOME: '/tmp/xdg',
    GITHUB_TOKEN: 'secret',
    DOCKER_CONFIG: '/home/ci/.docker',
    INPUT_PUSH: 'true',
  };

  it('keeps proxies, CA bundles, npm settings, the setup cache, PATH and HOME', () => {
    const env = allowListedEnv({}, machine);
    expect(env).toEqual({
      PATH: '/opt/node/bin:/usr/bin',
      HOME: '/home/ci',
      NODE_EXTRA_CA_CERTS: '/etc/ssl/corp.pem',
      SSL_CERT_FILE: '/etc/ssl/certs/ca-certificates.crt',
      SSL_CERT_DIR: '/etc/ssl/certs',
      HTTPS_PROXY: 'http://proxy:3128',
      https_proxy: 'http://proxy:3128',
      no_proxy: '127.0.0.1,localhost',
      npm_config_cafile: '/etc/ssl/corp.pem',
      npm_config_registry: 'https://npm.corp/',
      BUILD_CONNECTOR_CACHE: '/var/cache/build-connector',
      XDG_CACHE_HOME: '/tmp/xdg',
    });
  });

  it('what the test sets wins over the machine', () => {
    expect(allowListedEnv({ HOME: '/tmp/h', INPUT_PUSH: 'false' }, machine)).toMatchObject({ HOME: '/tmp/h', INPUT_PUSH: 'false' });
  });
});
