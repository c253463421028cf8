// The request middleware of a generated API, each present only with its feature: CORS, rate
// limiting and request logging, under src/middleware/. They run in src/index.ts before the router,
// so they also cover 404s and preflights. Constant text.

export const CORS_PATH = 'src/middleware/cors.ts';
export const RATE_LIMIT_PATH = 'src/middleware/rate-limit.ts';
export const REQUEST_LOG_PATH = 'src/middleware/request-log.ts';

export const CORS_TS = `// CORS: lets web pages on other origins call this API. CORS_ORIGIN narrows it to one origin
// (default "*", any origin: the API reads no cookies, so "*" exposes nothing a page could not
// fetch anyway).
import type { IncomingMessage, ServerResponse } from 'node:http';

const allowedOrigin = process.env.CORS_ORIGIN ?? '*';

/** Sets the CORS headers, and answers a preflight (OPTIONS) itself: then it returns true. */
export function handleCors(request: IncomingMessage, response: ServerResponse): boolean {
  response.setHeader('access-control-allow-origin', allowedOrigin);
  if (allowedOrigin !== '*') response.setHeader('vary', 'Origin');
  // Browser code may read these only when exposed; they are sent when rate limiting is on.
  response.setHeader('access-control-expose-headers', 'retry-after, ratelimit-limit, ratelimit-remaining');
  if (request.method !== 'OPTIONS') return false;
  response.writeHead(204, {
    'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
    'access-control-allow-headers': 'content-type, authorization',
    'access-control-max-age': '86400',
  });
  response.end();
  return true;
}
`;

export const RATE_LIMIT_TS = `// Rate limiting: a token bucket per client IP, in memory. A client may make RATE_LIMIT_MAX requests
// (default 60) at once and earns them back over a minute; past that it gets 429 with Retry-After.
// GET /health is exempt, so monitors can always tell whether the API is up.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../lib/http.js';

const WINDOW_MS = 60_000;
const capacity = Math.max(1, Number(process.env.RATE_LIMIT_MAX) || 60);
const refillPerMs = capacity / WINDOW_MS;

interface Bucket {
  tokens: number;
  updatedAt: number;
}

const buckets = new Map<string, Bucket>();

function refill(bucket: Bucket, now: number): void {
  bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.updatedAt) * refillPerMs);
  bucket.updatedAt = now;
}

// A full bucket is the same as no bucket; dropping those keeps memory bounded by recent clients.
setInterval(() => {
  const now = Date.now();
  for (const [ip, bucket] of buckets) {
    refill(bucket, now);
    if (bucket.tokens >= capacity) buckets.delete(ip);
  }
}, WINDOW_MS).unref();

function isHealthCheck(request: IncomingMessage): boolean {
  return request.method === 'GET' && (request.url ?? '').split('?')[0] === '/health';
}

/** Takes a token for the request; when there is none, answers 429 itself and returns true. */
export function rateLimited(request: IncomingMessage, response: ServerResponse): boolean {
  if (isHealthCheck(request)) return false;
  // The socket's address, not X-Forwarded-For: a client can put anything in that header.
  const ip = request.socket.remoteAddress ?? 'unknown';
  const now = Date.now();
  const bucket = buckets.get(ip) ?? { tokens: capacity, updatedAt: now };
  buckets.set(ip, bucket);
  refill(bucket, now);
  response.setHeader('ratelimit-limit', String(capacity));
  if (bucket.tokens >= 1) {
    bucket.tokens -= 1;
    response.setHeader('ratelimit-remaining', String(Math.floor(bucket.tokens)));
    return false;
  }
  const retryAfterSeconds = Math.ceil((1 - bucket.tokens) / refillPerMs / 1000);
  response.setHeader('ratelimit-remaining', '0');
  response.setHeader('retry-after', String(retryAfterSeconds));
  sendJson(response, 429, { error: \`Too many requests: try again in \${retryAfterSeconds} s\` });
  return true;
}
`;

export const REQUEST_LOG_TS = `// Request logging: one line per request once it has been answered, with its method, path, status
// and duration, such as "GET /books 200 1.3ms". The query string is left out: it may hold values
// that do not belong in logs.
import type { IncomingMessage, ServerResponse } from 'node:http';

export function logRequest(request: IncomingMessage, response: ServerResponse): void {
  const started = performance.now();
  response.on('finish', () => {
    const path = (request.url ?? '/').split('?')[0];
    const ms = (performance.now() - started).toFixed(1);
    console.log(\`\${request.method} \${path} \${response.statusCode} \${ms}ms\`);
  });
}
`;
