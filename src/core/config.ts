/**
 * The schema the CLI's flags and the Action's inputs are both validated by
 * (src/config.ts), and the registry login both shells resolve, as the
 * shells reach them through the core. Loaded lazily by the commands (zod).
 */
import { badInput } from '../errors.js';
import { parseRegistryLogin } from '../config.js';
import { explicitCredentials, readStdinPassword, type RegistryLogin } from '../registry/credentials.js';

export { COMMANDS, kebab, parseBuildConfig, parsePublishConfig, parseRegistryLogin, publishRequestOf, type CommandName, type PublishConfig } from '../config.js';

/**
 * A login as a shell was given it → the login the flow resolves for its
 * registry. Checked before any work: a password read from stdin without a
 * username, an empty stdin, or a username without any password is bad
 * input here, before a build or a request.
 */
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
