/**
 * The registry login a shell was given → the login the flows resolve for
 * their registry. Checked before any work: a password read from stdin
 * without a username, an empty stdin, or a username without any password is
 * bad input here (exit 2), before a build or a request. Loaded lazily by the
 * commands (zod, the credential helpers).
 */
import { badInput } from '../errors.js';
import { explicitCredentials, readStdinPassword, type RegistryLogin } from '../registry/credentials.js';
import { parseRegistryLogin } from './request-schema.js';

export async function resolveLogin(
  given: { username?: string; passwordFromStdin?: boolean },
  opts: { env?: NodeJS.ProcessEnv; stdin?: NodeJS.ReadableStream } = {},
): Promise<RegistryLogin> {
  const env = opts.env ?? process.env;
  if (given.passwordFromStdin && !given.username && !env.BUILD_CONNECTOR_USERNAME) {
    throw badInput('--password-stdin: a password was given without a username', ['fix: give the username too (--username U, or BUILD_CONNECTOR_USERNAME)']);
  }
  const password = given.passwordFromStdin ? await readStdinPassword(opts.stdin) : undefined;
  const login = parseRegistryLogin({ username: given.username, password });
  explicitCredentials({ ...login, env });
  return login;
}
