// JWT auth for a generated API, present only with the auth feature: HS256 tokens made with
// node:crypto (src/lib/jwt.ts), the guard that asks write routes for one (src/middleware/auth.ts)
// and the route that issues them (src/routes/auth.ts). Constant text.

export const JWT_PATH = 'src/lib/jwt.ts';
export const AUTH_MIDDLEWARE_PATH = 'src/middleware/auth.ts';
export const AUTH_ROUTES_PATH = 'src/routes/auth.ts';
export const TOKEN_ROUTE = '/auth/token';

export const JWT_TS = `// HS256 JSON Web Tokens with node:crypto: enough to issue and check this API's own tokens without
// a dependency. Only HS256 is accepted, so a token cannot choose a weaker algorithm such as "none".
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface TokenClaims {
  sub: string;
  iat: number;
  exp: number;
}

function encode(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function decode(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

function sign(data: string, secret: string): string {
  return createHmac('sha256', secret).update(data).digest('base64url');
}

const HEADER = encode({ alg: 'HS256', typ: 'JWT' });

export function signToken(subject: string, secret: string, lifetimeSeconds: number): string {
  const issuedAt = Math.floor(Date.now() / 1000);
  const claims: TokenClaims = { sub: subject, iat: issuedAt, exp: issuedAt + lifetimeSeconds };
  const unsigned = \`\${HEADER}.\${encode(claims)}\`;
  return \`\${unsigned}.\${sign(unsigned, secret)}\`;
}

/** The token's claims when it is well formed, signed with \`secret\` and not expired; otherwise null. */
export function verifyToken(token: string, secret: string): TokenClaims | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [header, payload, signature] = parts as [string, string, string];
  const headerFields = decode(header) as { alg?: unknown } | null | undefined;
  if (headerFields?.alg !== 'HS256') return null;
  const expected = Buffer.from(sign(\`\${header}.\${payload}\`, secret));
  const given = Buffer.from(signature);
  // timingSafeEqual, so the time a check takes says nothing about how much of a signature was right.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const claims = decode(payload) as Partial<TokenClaims> | null | undefined;
  if (typeof claims?.sub !== 'string' || typeof claims.exp !== 'number' || claims.exp <= Date.now() / 1000) return null;
  return claims as TokenClaims;
}
`;

export const AUTH_MIDDLEWARE_TS = `// JWT auth: reads are open, and writes (POST, PUT, PATCH, DELETE) need "Authorization: Bearer
// <token>". POST ${TOKEN_ROUTE} issues tokens for ADMIN_USERNAME and ADMIN_PASSWORD, signed with
// JWT_SECRET. Each has a development default, announced with a warning at start-up.
import { HttpError } from '../lib/http.js';
import { verifyToken } from '../lib/jwt.js';
import type { RouteContext } from '../lib/router.js';

export const TOKEN_ROUTE = '${TOKEN_ROUTE}';
const OPEN_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function setting(name: string, developmentDefault: string): string {
  const value = process.env[name];
  if (value) return value;
  console.warn(\`\${name} is not set, so a development default is used: set it before deploying.\`);
  return developmentDefault;
}

export const authSettings = {
  secret: setting('JWT_SECRET', 'development-only-jwt-secret'),
  username: setting('ADMIN_USERNAME', 'admin'),
  password: setting('ADMIN_PASSWORD', 'admin'),
  tokenLifetimeSeconds: 3600,
};

function unauthorized(context: RouteContext, message: string): never {
  context.response.setHeader('www-authenticate', 'Bearer');
  throw new HttpError(401, message);
}

/** The router guard: lets reads and the token route through, and asks every other route for a valid token. */
export function requireTokenForWrites(context: RouteContext): void {
  const { request, pattern } = context;
  if (OPEN_METHODS.has(request.method ?? 'GET') || pattern === TOKEN_ROUTE) return;
  const bearer = /^Bearer +(\\S+)$/i.exec(request.headers.authorization ?? '');
  if (!bearer) {
    unauthorized(context, \`\${request.method} \${pattern} needs an "Authorization: Bearer <token>" header; POST \${TOKEN_ROUTE} gives a token\`);
  }
  if (!verifyToken(bearer[1], authSettings.secret)) {
    unauthorized(context, \`The bearer token is invalid or has expired; POST \${TOKEN_ROUTE} gives a new one\`);
  }
}
`;

export const AUTH_ROUTES_TS = `// POST ${TOKEN_ROUTE}: trades the admin credentials for a bearer token that write routes accept.
import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { HttpError, readJsonBody, sendJson, validate } from '../lib/http.js';
import { signToken } from '../lib/jwt.js';
import type { Router } from '../lib/router.js';
import { authSettings, TOKEN_ROUTE } from '../middleware/auth.js';

const credentials = z.strictObject({ username: z.string().min(1), password: z.string().min(1) });

/** Compares digests of equal length, so the time taken says nothing about how much matched. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export function registerAuthRoutes(router: Router): void {
  router.post(TOKEN_ROUTE, async ({ request, response }) => {
    const { username, password } = validate(credentials, await readJsonBody(request));
    const userMatches = sameSecret(username, authSettings.username);
    const passwordMatches = sameSecret(password, authSettings.password);
    if (!userMatches || !passwordMatches) throw new HttpError(401, 'Wrong username or password');
    const expiresIn = authSettings.tokenLifetimeSeconds;
    sendJson(response, 200, { accessToken: signToken(username, authSettings.secret, expiresIn), tokenType: 'Bearer', expiresIn });
  });
}
`;
