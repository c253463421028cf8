// The start of a generated API's test file: imports, the HTTP helpers the tests call, and the
// hooks that start the built server on a free port (or use API_URL) and, with auth, get a token.
import type { ApiSchema } from '../schema/api-schema';
import { TOKEN_ROUTE } from './runtime-auth';

/** Requests the tests make, at most, per resource; the spawned server's rate limit leaves room for them. */
const REQUESTS_PER_RESOURCE = 30;

export function renderTestHarness(schema: ApiSchema): string {
  const has = (feature: ApiSchema['features'][number]) => schema.features.includes(feature);
  const rateLimit = has('rate-limit') ? `, RATE_LIMIT_MAX: '${100 + REQUESTS_PER_RESOURCE * schema.resources.length}'` : '';
  const rateLimitNote = has('rate-limit') ? '\n// A server under test with API_URL needs a RATE_LIMIT_MAX that leaves room for these requests.' : '';
  const tokenHeader = has('auth') ? "\n  if (token && options.withToken !== false) headers.authorization = `Bearer ${token}`;" : '';
  const getToken = has('auth')
    ? `
  const issued = await call('POST', '${TOKEN_ROUTE}', {
    username: process.env.ADMIN_USERNAME ?? 'admin',
    password: process.env.ADMIN_PASSWORD ?? 'admin',
  });
  assert.equal(issued.status, 200);
  token = issued.body.accessToken;`
    : '';
  return `// Tests for this API over HTTP, with node:test. \`npm test\` builds the API, starts it on a free port
// and calls its routes; with API_URL set, they call that server instead.${rateLimitNote}
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

let baseUrl = process.env.API_URL ?? '';
let server: ChildProcess | undefined;
/** The id of the item the tests created, by resource, so related items can point at it. */
const ids: Record<string, string> = {};${has('auth') ? "\nlet token = '';" : ''}

interface Reply {
  status: number;
  headers: Headers;
  // JSON of any shape; the assertions say what it must be.
  body: any;
}

async function call(
  method: string,
  path: string,
  body?: unknown,
  options: { withToken?: boolean; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...options.headers };
  if (body !== undefined) headers['content-type'] = 'application/json';${tokenHeader}
  const response = await fetch(\`\${baseUrl}\${path}\`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

/** The items of a list answer${has('pagination') ? ': one page of them' : ''}. */
function itemsOf(reply: Reply): any[] {
  return reply.body${has('pagination') ? '.items' : ''};
}

function assertIncludes(actual: Record<string, unknown>, expected: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(expected)) assert.deepEqual(actual[key], value, key);
}

async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const address = probe.address();
  probe.close();
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

async function waitUntilHealthy(): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const response = await fetch(\`\${baseUrl}/health\`).catch(() => undefined);
    if (response?.status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(\`\${baseUrl}/health did not answer 200 within 10 s\`);
}

before(async () => {
  if (!baseUrl) {
    const port = await freePort();
    baseUrl = \`http://127.0.0.1:\${port}\`;
    server = spawn(process.execPath, [fileURLToPath(new URL('../index.js', import.meta.url))], {
      env: { ...process.env, PORT: String(port)${rateLimit} },
      stdio: 'ignore',
    });
  }
  await waitUntilHealthy();${getToken}
});

after(() => {
  server?.kill();
});

it('answers GET /health', async () => {
  const reply = await call('GET', '/health');
  assert.equal(reply.status, 200);
  assert.deepEqual(reply.body, { status: 'ok' });
});
`;
}

