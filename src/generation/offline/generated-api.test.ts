// End to end for the offline generator: the API it writes for a first prompt installs from the npm
// registry, starts with `npm start`, and answers every CRUD route; after "Add a reviews resource"
// it serves reviews too. Slow (npm install), so it runs once per suite with generous timeouts.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileMap } from '@/types/versioning';
import { createFileBlockParser } from '../file-block-parser';
import { composeOfflineAnswer } from './compose-answer';

const INSTALL_TIMEOUT_MS = 180_000;
const START_TIMEOUT_MS = 90_000;

/** The version's files: its base plus what the offline model wrote and deleted. */
function generateVersion(prompt: string, baseFiles: FileMap): FileMap {
  const parser = createFileBlockParser();
  const text = composeOfflineAnswer({ versionNumber: Object.keys(baseFiles).length === 0 ? 1 : 2, prompt, baseFiles, history: [] });
  const files = { ...baseFiles };
  for (const event of [...parser.push(text), ...parser.end()]) {
    if (event.kind === 'file:end') files[event.path] = event.content;
    if (event.kind === 'delete') delete files[event.path];
  }
  return files;
}

async function writeFiles(directory: string, files: FileMap): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(directory, path)), { recursive: true });
    await writeFile(join(directory, path), content);
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

function runToEnd(command: string, args: string[], cwd: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (data) => (output += data));
    child.stderr.on('data', (data) => (output += data));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output}`));
    });
  });
}

/** `npm start` in its own process group, so stopping it also stops the node server npm spawned. */
class RunningApi {
  private output = '';
  private exited = false;
  private readonly child: ChildProcess;

  constructor(
    directory: string,
    readonly baseUrl: string,
    port: number,
  ) {
    this.child = spawn('npm', ['start'], { cwd: directory, env: { ...process.env, PORT: String(port) }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stdout?.on('data', (data) => (this.output += data));
    this.child.stderr?.on('data', (data) => (this.output += data));
    this.child.on('exit', () => (this.exited = true));
  }

  async waitUntilHealthy(): Promise<void> {
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (this.exited) throw new Error(`npm start exited:\n${this.output}`);
      const response = await fetch(`${this.baseUrl}/health`).catch(() => null);
      if (response?.status === 200) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`the API did not answer /health within ${START_TIMEOUT_MS} ms:\n${this.output}`);
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

async function call(baseUrl: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
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

  expect(await call(baseUrl, 'GET', `/${plural}`)).toEqual({ status: 200, body: [created.body] });
  expect(await call(baseUrl, 'GET', `/${plural}/${id}`)).toEqual({ status: 200, body: created.body });

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
  expect(await call(baseUrl, 'DELETE', `/${plural}/${id}`)).toEqual({ status: 204, body: undefined });
  expect((await call(baseUrl, 'GET', `/${plural}/${id}`)).status).toBe(404);
  expect((await call(baseUrl, 'DELETE', `/${plural}/${id}`)).status).toBe(404);
  expect(await call(baseUrl, 'GET', `/${plural}`)).toEqual({ status: 200, body: [] });
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

describe('the API the offline generator writes', () => {
  let directory: string;
  let api: RunningApi | undefined;
  let files: FileMap;

  async function start(): Promise<RunningApi> {
    await api?.stop();
    const port = await freePort();
    api = new RunningApi(directory, `http://127.0.0.1:${port}`, port);
    await api.waitUntilHealthy();
    return api;
  }

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'forge-generated-api-'));
    files = generateVersion('A REST API for a bookstore with authors and books', {});
    await writeFiles(directory, files);
    await runToEnd('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund'], directory, INSTALL_TIMEOUT_MS);
    await start();
  }, INSTALL_TIMEOUT_MS + START_TIMEOUT_MS);

  afterAll(async () => {
    await api?.stop();
    if (directory) await rm(directory, { recursive: true, force: true });
  }, 30_000);

  it('answers GET /health', async () => {
    expect(await call(api!.baseUrl, 'GET', '/health')).toEqual({ status: 200, body: { status: 'ok' } });
  });

  it('serves full CRUD on /authors', async () => {
    await checkCrud(api!.baseUrl, AUTHORS);
  });

  it('serves full CRUD on /books', async () => {
    await checkCrud(api!.baseUrl, BOOKS);
  });

  it('answers unknown routes and bad JSON with JSON errors', async () => {
    expect(await call(api!.baseUrl, 'GET', '/nothing-here')).toMatchObject({ status: 404, body: { error: expect.any(String) } });
    expect(await call(api!.baseUrl, 'DELETE', '/books')).toMatchObject({ status: 405, body: { error: expect.any(String) } });
    const response = await fetch(`${api!.baseUrl}/books`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{oops' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'The request body is not valid JSON' });
  });

  describe('after "Add a reviews resource"', () => {
    beforeAll(async () => {
      const next = generateVersion('Add a reviews resource', files);
      await writeFiles(directory, next);
      for (const path of Object.keys(files).filter((path) => !(path in next))) await rm(join(directory, path));
      files = next;
      await start();
    }, START_TIMEOUT_MS);

    it('serves full CRUD on /reviews', async () => {
      await checkCrud(api!.baseUrl, REVIEWS);
    });

    it('still serves /books and /health', async () => {
      expect((await call(api!.baseUrl, 'GET', '/health')).status).toBe(200);
      await checkCrud(api!.baseUrl, BOOKS);
    });
  });
});
