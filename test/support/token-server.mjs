#!/usr/bin/env node
/**
 * The token service of the loopback token-auth registry (127.0.0.1:5002,
 * distribution's `auth: token`): what GHCR, Docker Hub and ECR do, small.
 * Plain node (http + crypto only), so scripts/setup-engine.sh starts it
 * before any npm install:
 *
 *   node test/support/token-server.mjs --port 5003 --key KEY.pem --cert CERT.pem \
 *     [--issuer I] [--service S] [--ttl SECONDS]
 *
 * GET /token?service=S&scope=repository:R:pull,push&scope=… with Basic
 * credentials (what docker, distribution, cosign and our client send), or
 * POST /token with the OAuth2 password form (what containerd — buildx
 * imagetools — tries first). The answer is a JWT (RS256) whose header carries
 * the certificate in `x5c`: distribution 2.8 takes the signing key from the
 * first x5c certificate and verifies it against its `rootcertbundle`
 * (registry/auth/token/token.go, VerifySigningKey / parseAndVerifyCertChain),
 * and checks iss = issuer and aud = service.
 *
 * Users (all with the password bc-test-password; test credentials for a
 * loopback registry, they protect nothing):
 *   bc-test      pull, push, delete; tokens live --ttl seconds (default 60)
 *   bc-expiring  pull, push, delete; tokens live 2 seconds (BC_TOKEN_SHORT_TTL)
 *   bc-pull      pull only: asked for push, it gets a token without it
 * A scope's actions are granted only where the user has them (as real
 * registries do: the token is issued, the registry refuses the push).
 *
 * Distribution accepts a token until 60 s after its `exp` (Leeway in
 * token.go), so a token meant to live L seconds carries exp = iat + L - 60
 * (+1: iat is rounded down): it is accepted for at least L and less than
 * L + 1 seconds after it was issued, and `expires_in` says L.
 *
 * GET /stats: the tokens issued so far (user, granted access, lifetime), for
 * tests that check a token was renewed. The password is never logged.
 */
import { createPrivateKey, createSign, randomBytes, X509Certificate, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';

const LEEWAY_SECONDS = 60;
const { values: opt } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.BC_TOKEN_PORT ?? '5003' },
    host: { type: 'string', default: '127.0.0.1' },
    key: { type: 'string' },
    cert: { type: 'string' },
    issuer: { type: 'string', default: 'build-connector-test-issuer' },
    service: { type: 'string', default: 'build-connector-test' },
    ttl: { type: 'string', default: process.env.BC_TOKEN_TTL ?? '60' },
  },
});
if (!opt.key || !opt.cert) {
  console.error('usage: token-server.mjs --key KEY.pem --cert CERT.pem [--port 5003] [--issuer I] [--service S] [--ttl SECONDS]');
  process.exit(2);
}
const key = createPrivateKey(readFileSync(opt.key));
const certDer = new X509Certificate(readFileSync(opt.cert)).raw.toString('base64');
const PASSWORD = 'bc-test-password';
const ALL = ['pull', 'push', 'delete'];
const USERS = {
  'bc-test': { actions: ALL, ttl: Number(opt.ttl), catalog: true },
  'bc-expiring': { actions: ALL, ttl: Number(process.env.BC_TOKEN_SHORT_TTL ?? 2), catalog: false },
  'bc-pull': { actions: ['pull'], ttl: Number(opt.ttl), catalog: false },
};

/** every token issued (bounded), for GET /stats */
const issued = [];
const b64url = (buf) => Buffer.from(buf).toString('base64url');

function sign(user, access, ttl) {
  const iat = Math.floor(Date.now() / 1000);
  const header = { typ: 'JWT', alg: 'RS256', x5c: [certDer] };
  const claims = {
    iss: opt.issuer,
    sub: user,
    aud: opt.service,
    iat,
    nbf: iat,
    exp: iat + ttl + 1 - LEEWAY_SECONDS,
    jti: randomBytes(12).toString('hex'),
    access,
  };
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
  const signature = createSign('RSA-SHA256').update(input).sign(key);
  return `${input}.${b64url(signature)}`;
}

/** "repository:name:pull,push" → {type, name, actions}; the name may hold ':' only in theory, so split at the ends. */
function parseScope(s) {
  const first = s.indexOf(':');
  const last = s.lastIndexOf(':');
  if (first < 0 || last <= first) return undefined;
  return { type: s.slice(0, first), name: s.slice(first + 1, last), actions: s.slice(last + 1).split(',').filter((a) => a !== '') };
}

function grant(user, scopes) {
  const u = USERS[user];
  const access = [];
  for (const s of scopes) {
    const p = parseScope(s);
    if (!p) continue;
    let actions = [];
    if (p.type === 'repository') actions = p.actions.filter((a) => u.actions.includes(a) || (a === '*' && u.actions === ALL));
    else if (p.type === 'registry' && p.name === 'catalog' && u.catalog) actions = p.actions;
    const have = access.find((a) => a.type === p.type && a.name === p.name);
    if (have) have.actions = [...new Set([...have.actions, ...actions])];
    else access.push({ type: p.type, name: p.name, actions });
  }
  return access;
}

function checkPassword(user, password) {
  if (!Object.hasOwn(USERS, user)) return false;
  const a = Buffer.from(password ?? '');
  const b = Buffer.from(PASSWORD);
  return a.length === b.length && timingSafeEqual(a, b);
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function unauthorized(res, why) {
  send(res, 401, { errors: [{ code: 'UNAUTHORIZED', message: why }] }, { 'www-authenticate': `Basic realm="${opt.service}"` });
}

function issue(res, user, scopes, oauth) {
  const u = USERS[user];
  const access = grant(user, scopes);
  const token = sign(user, access, u.ttl);
  const at = new Date().toISOString();
  issued.push({ user, access, ttl: u.ttl, at });
  if (issued.length > 5000) issued.splice(0, issued.length - 5000);
  console.log(`${at} token for ${user} (${u.ttl} s): ${access.map((a) => `${a.type}:${a.name}:${a.actions.join(',') || '-'}`).join(' ') || '(no scope)'}${oauth ? ' [oauth2 form]' : ''}`);
  const body = { access_token: token, expires_in: u.ttl, issued_at: at };
  send(res, 200, oauth ? { ...body, token_type: 'Bearer', scope: scopes.join(' ') } : { token, ...body });
}

async function readBody(req) {
  const chunks = [];
  let size = 0;
  for await (const c of req) {
    size += c.length;
    if (size > 64 * 1024) throw new Error('body too large');
    chunks.push(c);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    if (url.pathname === '/stats' && req.method === 'GET') return send(res, 200, { issued });
    if (url.pathname === '/healthz') return send(res, 200, { ok: true });
    if (url.pathname !== '/token') return send(res, 404, { errors: [{ code: 'NOT_FOUND', message: url.pathname }] });
    if (req.method === 'GET') {
      const service = url.searchParams.get('service');
      if (service && service !== opt.service) return send(res, 400, { errors: [{ code: 'INVALID_REQUEST', message: `unknown service ${service}` }] });
      const m = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '');
      if (!m) return unauthorized(res, 'credentials required');
      const text = Buffer.from(m[1], 'base64').toString('utf8');
      const i = text.indexOf(':');
      const user = i < 0 ? text : text.slice(0, i);
      if (!checkPassword(user, i < 0 ? '' : text.slice(i + 1))) return unauthorized(res, 'wrong username or password');
      return issue(res, user, url.searchParams.getAll('scope').flatMap((s) => s.split(' ')).filter((s) => s !== ''), false);
    }
    if (req.method === 'POST') {
      const form = new URLSearchParams(await readBody(req));
      if (form.get('grant_type') !== 'password') return send(res, 400, { error: 'unsupported_grant_type' });
      const service = form.get('service');
      if (service && service !== opt.service) return send(res, 400, { error: 'invalid_request', error_description: `unknown service ${service}` });
      const user = form.get('username') ?? '';
      if (!checkPassword(user, form.get('password'))) return send(res, 401, { error: 'invalid_grant', error_description: 'wrong username or password' });
      return issue(res, user, (form.get('scope') ?? '').split(' ').filter((s) => s !== ''), true);
    }
    return send(res, 405, { errors: [{ code: 'UNSUPPORTED', message: req.method }] });
  } catch (err) {
    send(res, 500, { errors: [{ code: 'UNKNOWN', message: err instanceof Error ? err.message : String(err) }] });
  }
});
server.listen(Number(opt.port), opt.host, () => {
  console.log(`token server on http://${opt.host}:${opt.port}/token (issuer ${opt.issuer}, service ${opt.service}, ttl ${opt.ttl} s)`);
});
