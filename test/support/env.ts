/**
 * The one environment a test gives a child it starts with an allow-list
 * (`extendEnv: false`), as a runner or a user's clean shell would: PATH and
 * HOME, the cache the setup provisioned (BUILD_CONNECTOR_CACHE: the SBOM
 * generator, root filesystems), and every variable that makes the network
 * and its trust work on this machine: proxies, CA bundles, npm's own
 * settings. Dropping those is what made the Action's SBOM test fail on a
 * fresh machine (npm: SELF_SIGNED_CERT_IN_CHAIN).
 */
export const NETWORK_VARIABLES = [
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'ALL_PROXY',
  'NODE_EXTRA_CA_CERTS',
  'NODE_OPTIONS',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'CURL_CA_BUNDLE',
  'REQUESTS_CA_BUNDLE',
] as const;

/** The names passed through from the test's own environment (upper and lower case proxies, npm_config_*). */
export function isPassedThrough(name: string): boolean {
  const upper = name.toUpperCase();
  return (NETWORK_VARIABLES as readonly string[]).includes(upper) || /^npm_config_/i.test(name) || name === 'BUILD_CONNECTOR_CACHE';
}

export function allowListedEnv(extra: Record<string, string> = {}, from: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const env: Record<string, string> = { PATH: from.PATH ?? '/usr/bin:/bin', HOME: from.HOME ?? '/root' };
  for (const [k, v] of Object.entries(from)) if (v !== undefined && isPassedThrough(k)) env[k] = v;
  if (from.XDG_CACHE_HOME) env.XDG_CACHE_HOME = from.XDG_CACHE_HOME;
  return { ...env, ...extra };
}
