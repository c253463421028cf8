// End to end for the offline generator: the APIs it writes install from the npm registry, start
// with `npm start`, answer the sandbox's probes below 500, and do over HTTP what they promise:
// CRUD, relations, JWT auth, pagination, filtering, rate limiting, CORS, request logging, and a
// generated `npm test` that passes. Slow (npm install, a build per version), so one project
// directory and one install serve every version, with generous timeouts.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileMap } from '@/types/versioning';
import { collectRoutes } from '../../sandbox/declared-routes';
import { orderForProbing } from '../../sandbox/route-checks';
import { runConversation, writeProject } from '@/test/offline-conversations';

const INSTALL_TIMEOUT_MS = 180_000;
const START_TIMEOUT_MS = 90_000;
const NPM_TEST_TIMEOUT_MS = 120_000;

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

function runToEnd(command: string, args: string[], cwd: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (data) => (output += data));
    child.stderr.on('data', (data) => (output += data));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output}`));
    });
  });
}

/** `npm start` in its own process group, so stopping it also stops the node server npm spawned. */
class RunningApi {
  private log = '';
  private exited = false;
  private readonly child: ChildProcess;

  constructor(
    directory: string,
    readonly baseUrl: string,
    port: number,
    env: Record<string, string>,
  ) {
    this.child = spawn('npm', ['start'], {
      cwd: directory,
      env: { ...process.env, ...env, PORT: String(port) },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (data) => (this.log += data));
    this.child.stderr?.on('data', (data) => (this.log += data));
    this.child.on('exit', () => (this.exited = true));
  }

  get output(): string {
    return this.log;
  }

  async waitUntilHealthy(): Promise<void> {
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (this.exited) throw new Error(`npm start exited:\n${this.log}`);
      const response = await fetch(`${this.baseUrl}/health`).catch(() => null);
      if (response?.status === 200) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`the API did not answer /health within ${START_TIMEOUT_MS} ms:\n${this.log}`);
  }

  async stop(): Promise<void> {
    if (this.exited || this.child.pid === undefined) return;
    const exit = once(this.child, 'exit');
    const killGroup = (signal: NodeJS.Signals) => {
      try {
        process.kill(-this.child.pid!, signal);
      } catch {
        // the group is already gone
      }
    };
    killGroup('SIGTERM');
    const forceKill = setTimeout(() => killGroup('SIGKILL'), 5_000);
    await exit;
    clearTimeout(forceKill);
  }
}

async function call(baseUrl: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

type Reply = Awaited<ReturnType<typeof call>>;

/** What the sandbox does after /health: every declared route, reads first, writes with `{}`; all must answer below 500. */
async function probeLikeTheSandbox(baseUrl: string, files: FileMap): Promise<void> {
  const { probes, openApiProblem } = collectRoutes([], files);
  expect(openApiProblem).toBeUndefined();
  expect(probes.length).toBeGreaterThan(0);
  for (const probe of orderForProbing(probes)) {
    const reply = await call(baseUrl, probe.method, probe.url, probe.method === 'GET' ? undefined : {});
    expect(reply.status, probe.check).toBeLessThan(500);
  }
}

interface CrudCase {
  plural: string;
  valid: Record<string, unknown>;
  replacement: Record<string, unknown>;
  patch: Record<string, unknown>;
  invalid: Record<string, unknown>;
}

/** Every route of one resource, including the 400 and 404 answers. */
async function checkCrud(baseUrl: string, { plural, valid, replacement, patch, invalid }: CrudCase): Promise<void> {
  const created = await call(baseUrl, 'POST', `/${plural}`, valid);
  expect(created.status).toBe(201);
  expect(created.body).toMatchObject({ ...valid, id: expect.any(String), createdAt: expect.any(String) });
  const id: string = created.body.id;

  expect(await call(baseUrl, 'GET', `/${plural}`)).toMatchObject({ status: 200, body: [created.body] });
  expect(await call(baseUrl, 'GET', `/${plural}/${id}`)).toMatchObject({ status: 200, body: created.body });

  const replaced = await call(baseUrl, 'PUT', `/${plural}/${id}`, replacement);
  expect(replaced.status).toBe(200);
  expect(replaced.body).toMatchObject({ ...replacement, id, createdAt: created.body.createdAt });

  const patched = await call(baseUrl, 'PATCH', `/${plural}/${id}`, patch);
  expect(patched).toMatchObject({ status: 200, body: { ...replacement, ...patch, id } });

  const rejected = await call(baseUrl, 'POST', `/${plural}`, invalid);
  expect(rejected.status).toBe(400);
  expect(rejected.body.issues.length).toBeGreaterThan(0);
  expect((await call(baseUrl, 'POST', `/${plural}`, { ...valid, notAField: 1 })).status).toBe(400);

  expect(await call(baseUrl, 'GET', `/${plural}/no-such-id`)).toMatchObject({ status: 404, body: { error: expect.any(String) } });
  expect((await call(baseUrl, 'PUT', `/${plural}/no-such-id`, valid)).status).toBe(404);
  expect((await call(baseUrl, 'DELETE', `/${plural}/${id}`)).status).toBe(204);
  expect((await call(baseUrl, 'GET', `/${plural}/${id}`)).status).toBe(404);
  expect((await call(baseUrl, 'DELETE', `/${plural}/${id}`)).status).toBe(404);
  expect(await call(baseUrl, 'GET', `/${plural}`)).toMatchObject({ status: 200, body: [] });
}

const AUTHORS: CrudCase = {
  plural: 'authors',
  valid: { name: 'Ursula K. Le Guin' },
  replacement: { name: 'Ursula Le Guin', bio: 'Wrote Earthsea' },
  patch: { bio: 'Wrote The Dispossessed' },
  invalid: { name: '' },
};
const BOOKS: CrudCase = {
  plural: 'books',
  valid: { title: 'The Dispossessed', year: 1974 },
  replacement: { title: 'The Left Hand of Darkness', year: 1969 },
  patch: { year: 1970 },
  invalid: { title: 42 },
};
const REVIEWS: CrudCase = {
  plural: 'reviews',
  valid: { rating: 5 },
  replacement: { rating: 4, comment: 'Slow start' },
  patch: { comment: 'Worth it' },
  invalid: { comment: 'no rating' },
};

describe('the APIs the offline generator writes', () => {
  let directory: string;
  let files: FileMap = {};
  let api: RunningApi | undefined;

  /** Makes `next` the project's files (deleting what it no longer has) and starts it afresh. */
  async function serve(next: FileMap, env: Record<string, string> = {}): Promise<RunningApi> {
    await api?.stop();
    for (const path of Object.keys(files).filter((path) => !(path in next))) await rm(join(directory, path));
    await writeProject(directory, next);
    files = next;
    const port = await freePort();
    api = new RunningApi(directory, `http://127.0.0.1:${port}`, port, env);
    await api.waitUntilHealthy();
    return api;
  }

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'forge-generated-api-'));
    // Every version pins the same packages, so one install serves them all.
    await writeProject(directory, runConversation(['A REST API for a bookstore with authors and books'])[0]!.files);
    await runToEnd('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund'], directory, INSTALL_TIMEOUT_MS);
  }, INSTALL_TIMEOUT_MS);

  afterAll(async () => {
    await api?.stop();
    if (directory) await rm(directory, { recursive: true, force: true });
  }, 30_000);

  describe('"A REST API for a bookstore with authors and books", then "Add a reviews resource"', () => {
    const [v1, v2] = runConversation(['A REST API for a bookstore with authors and books', 'Add a reviews resource']);

    it('serves full CRUD on every resource, JSON errors, and every probe below 500', async () => {
      const { baseUrl } = await serve(v1!.files);
      expect(await call(baseUrl, 'GET', '/health')).toMatchObject({ status: 200, body: { status: 'ok' } });
      await checkCrud(baseUrl, AUTHORS);
      await checkCrud(baseUrl, BOOKS);
      expect(await call(baseUrl, 'GET', '/nothing-here')).toMatchObject({ status: 404, body: { error: expect.any(String) } });
      expect(await call(baseUrl, 'DELETE', '/books')).toMatchObject({ status: 405, body: { error: expect.any(String) } });
      const response = await fetch(`${baseUrl}/books`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{oops' });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: 'The request body is not valid JSON' });
      await probeLikeTheSandbox(baseUrl, files);
    }, START_TIMEOUT_MS);

    it('serves reviews after v2, and still books', async () => {
      const { baseUrl } = await serve(v2!.files);
      await checkCrud(baseUrl, REVIEWS);
      await checkCrud(baseUrl, BOOKS);
      await probeLikeTheSandbox(baseUrl, files);
    }, START_TIMEOUT_MS);
  });

  describe('a bookstore with a relation, auth, pagination and filtering, then more features', () => {
    const [v1, v2, v3] = runConversation([
      'A bookstore API with authors, and books with title, price and published date. Books belong to authors. Add JWT auth, pagination and filtering.',
      'add rate limiting, CORS and request logging',
      'add tests',
    ]);
    let token = '';
    const authorized = () => ({ authorization: `Bearer ${token}` });

    it('issues HS256 tokens for the admin credentials, and asks writes for one', async () => {
      const { baseUrl } = await serve(v1!.files, { JWT_SECRET: 'e2e-secret' });
      await probeLikeTheSandbox(baseUrl, files);
      expect(api!.output).toContain('ADMIN_PASSWORD is not set');
      expect(api!.output).not.toContain('JWT_SECRET is not set');

      expect((await call(baseUrl, 'POST', '/authors', { name: 'Ada' })).status).toBe(401);
      expect((await call(baseUrl, 'POST', '/auth/token', { username: 'admin', password: 'wrong' })).status).toBe(401);
      const issued = await call(baseUrl, 'POST', '/auth/token', { username: 'admin', password: 'admin' });
      expect(issued).toMatchObject({ status: 200, body: { tokenType: 'Bearer', expiresIn: 3600 } });
      token = issued.body.accessToken;
      const [header, payload] = token.split('.').slice(0, 2).map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
      expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
      expect(payload).toMatchObject({ sub: 'admin', exp: expect.any(Number) });

      const forged = `${token.slice(0, token.lastIndexOf('.'))}.${'A'.repeat(43)}`;
      expect((await call(baseUrl, 'POST', '/authors', { name: 'Ada' }, { authorization: `Bearer ${forged}` })).status).toBe(401);
      expect((await call(baseUrl, 'GET', '/authors')).status).toBe(200);
    }, START_TIMEOUT_MS);

    it('checks relations: unknown ids are refused, children list under their parent, parents with children stay', async () => {
      const { baseUrl } = api!;
      const author = (await call(baseUrl, 'POST', '/authors', { name: 'Ursula K. Le Guin' }, authorized())).body;
      const book = { title: 'The Dispossessed', price: 12.5, publishedDate: '1974-05-01' };
      const refused = await call(baseUrl, 'POST', '/books', { ...book, authorId: 'no-such-author' }, authorized());
      expect(refused).toMatchObject({ status: 400, body: { error: 'authorId "no-such-author" does not match any author' } });
      expect((await call(baseUrl, 'POST', '/books', { ...book, publishedDate: 'May 1974', authorId: author.id }, authorized())).status).toBe(400);

      const created = await call(baseUrl, 'POST', '/books', { ...book, authorId: author.id }, authorized());
      expect(created.status).toBe(201);
      expect(await call(baseUrl, 'GET', `/authors/${author.id}/books`)).toMatchObject({ status: 200, body: { items: [created.body], total: 1 } });
      expect((await call(baseUrl, 'GET', '/authors/no-such-author/books')).status).toBe(404);
      expect((await call(baseUrl, 'PATCH', `/books/${created.body.id}`, { authorId: 'nobody' }, authorized())).status).toBe(400);
      expect((await call(baseUrl, 'DELETE', `/authors/${author.id}`, undefined, authorized())).status).toBe(409);
    });

    it('pages and filters lists', async () => {
      const { baseUrl } = api!;
      const author = (await call(baseUrl, 'GET', '/authors')).body.items[0];
      for (const [title, price] of [['A Wizard of Earthsea', 8], ['The Lathe of Heaven', 8], ['Always Coming Home', 20]] as const) {
        expect((await call(baseUrl, 'POST', '/books', { title, price, authorId: author.id }, authorized())).status).toBe(201);
      }
      const page = await call(baseUrl, 'GET', '/books?page=2&pageSize=3');
      expect(page).toMatchObject({ status: 200, body: { page: 2, pageSize: 3, total: 4 } });
      expect(page.body.items).toHaveLength(1);
      expect((await call(baseUrl, 'GET', '/books?pageSize=500')).status).toBe(400);

      const cheap = await call(baseUrl, 'GET', '/books?price=8');
      expect(cheap.body.items.map((item: { title: string }) => item.title)).toEqual(['A Wizard of Earthsea', 'The Lathe of Heaven']);
      expect((await call(baseUrl, 'GET', '/books?price=8&pageSize=1')).body).toMatchObject({ total: 2, pageSize: 1 });
      expect((await call(baseUrl, 'GET', '/books?price=cheap')).status).toBe(400);
      expect((await call(baseUrl, 'GET', '/books?colour=red')).body.error).toContain('Unknown query parameter "colour"');
    });

    it('limits the rate with 429 and Retry-After, answers CORS preflights and logs each request', async () => {
      const { baseUrl } = await serve(v2!.files, { RATE_LIMIT_MAX: '5' });
      const statuses: number[] = [];
      let limited: Reply | undefined;
      for (let sent = 0; sent < 8 && !limited; sent++) {
        const reply = await call(baseUrl, 'GET', '/books');
        statuses.push(reply.status);
        if (reply.status === 429) limited = reply;
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
      expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(limited!.headers.get('access-control-allow-origin')).toBe('*');
      expect((await call(baseUrl, 'GET', '/health')).status).toBe(200);

      const preflight = await fetch(`${baseUrl}/books`, { method: 'OPTIONS', headers: { origin: 'https://example.com', 'access-control-request-method': 'POST' } });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
      expect(api!.output).toMatch(/GET \/books 200 \d+\.\dms/);
      expect(api!.output).toMatch(/GET \/books 429 \d+\.\dms/);
    }, START_TIMEOUT_MS);

    it('writes tests that pass with npm test', async () => {
      await serve(v3!.files);
      await probeLikeTheSandbox(api!.baseUrl, files);
      await api!.stop();
      const output = await runToEnd('npm', ['test'], directory, NPM_TEST_TIMEOUT_MS);
      // node:test's summary, in its tap (no TTY) or spec form.
      expect(output).toMatch(/(#|ℹ) pass [1-9]\d*/);
      expect(output).toMatch(/(#|ℹ) fail 0/);
    }, START_TIMEOUT_MS + NPM_TEST_TIMEOUT_MS);
  });
});
