// The E2B adapter against a stand-in for the SDK's Sandbox (e2b-test-stand-in.ts): the hosted
// service cannot be reached from here, so the stand-in runs the same commands as real processes in
// a temp dir and serves the API on a local port. What is checked is the adapter's flow: what it
// writes and runs with which env vars, how it reads the results, what it masks, when it hands the
// started API over, and that the sandbox is otherwise always killed.
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningApi } from '../ports';
import { createE2BSandbox } from './e2b-sandbox';
import { createE2BStandIn } from '@/test/e2b-stand-in';
import { crudApiFiles } from '@/test/crud-api-files';
import { httpServer, plainApi } from '@/test/sandbox-support';

const SECRET = 'sk-marker-5d1e9c7a';
const ENV = { API_SECRET: SECRET };

const GOOD_API = {
  'package.json': JSON.stringify({ name: 'api', scripts: { start: 'node server.js' } }),
  'server.js': `require('node:http').createServer((req, res) => {
    res.writeHead(req.url === '/health' || req.url === '/books' ? 200 : 404, { 'content-type': 'application/json' });
    res.end('{"status":"ok"}');
  }).listen(Number(process.env.PORT));`,
  'openapi.json': JSON.stringify({ openapi: '3.1.0', paths: { '/books': { get: {} } } }),
};

/** GET /books answers `listStatus`; POST /books (probed with `{}`) answers `createStatus`. */
function booksApi(options: { listStatus?: number; createStatus?: number } = {}) {
  const { listStatus = 200, createStatus = 400 } = options;
  return plainApi(
    httpServer(`
  if (req.url === '/health') return send(res, 200, { status: 'ok' });
  if (req.url === '/books' && req.method === 'GET') return send(res, ${listStatus}, []);
  if (req.url === '/books' && req.method === 'POST') return send(res, ${createStatus}, { created: ${createStatus} < 300 });
  send(res, 404, { error: 'not found' });
`, `console.log('books api starting');`),
  );
}
const BOOKS_ROUTES = ['GET /books', 'POST /books'];

const standIns: Array<ReturnType<typeof createE2BStandIn>> = [];
afterEach(async () => {
  await Promise.all(standIns.splice(0).map((standIn) => standIn.cleanUp()));
});

function newStandIn() {
  const standIn = createE2BStandIn();
  standIns.push(standIn);
  return standIn;
}

function adapterFor(standIn: ReturnType<typeof createE2BStandIn>) {
  return createE2BSandbox({ apiKey: 'e2b_test', create: standIn.create, hostUrl: (host) => `http://${host}`, startTimeoutMs: 10_000 });
}

describe('E2B sandbox adapter', () => {
  it('writes the files, installs without scripts, starts in the background, probes through getHost, and kills the sandbox', async () => {
    const standIn = newStandIn();
    const seen: string[] = [];
    const report = await adapterFor(standIn).validate(GOOD_API, { routes: [], onCheck: (check) => seen.push(check.check) });

    expect(report.ok).toBe(true);
    expect(report.sandbox).toBe('e2b');
    expect(report.checks.map((check) => [check.check, check.ok])).toEqual([
      ['install', true],
      ['build', true],
      ['start', true],
      ['health', true],
      ['GET /books', true],
      // Its openapi.json has no POST: nothing to create, so no behaviour round.
      ['behaviour', true],
    ]);
    expect(seen).toEqual(report.checks.map((check) => check.check));
    expect(standIn.events).toContain('write /home/user/app/package.json');
    expect(standIn.commandLines()).toEqual(['npm install --ignore-scripts --no-audit --no-fund', 'npm start (background)']);
    expect(standIn.events).toContain('getHost 3000');
    expect(standIn.killCount()).toBe(1);
  });

  it('runs the behaviour round through the public host, with the exchange that failed', async () => {
    const standIn = newStandIn();
    const report = await adapterFor(standIn).validate(crudApiFiles({ readNeverFinds: true }), { routes: [] });
    const checks = new Map(report.checks.map((check) => [check.check, check]));
    expect(checks.get('books: create')).toMatchObject({ ok: true, kind: 'behaviour', resource: 'books' });
    expect(checks.get('books: read')).toMatchObject({
      ok: false,
      detail: 'GET /books/1 answered 404 Not Found, but the book created just before should be found (200)',
      exchange: { request: { method: 'GET', path: '/books/1' }, response: { status: 404, body: '{"error":"not found"}' } },
    });
    expect(checks.get('books: bad body')).toMatchObject({ ok: true });
    expect(report.ok).toBe(false);
  });

  it('reports a failing install with its output, skips the rest, and still kills the sandbox', async () => {
    const standIn = newStandIn();
    const broken = { ...GOOD_API, 'package.json': '{ "name": "api", "dependencies": ' };
    const report = await adapterFor(standIn).validate(broken, { routes: [] });
    expect(report.ok).toBe(false);
    expect(report.checks[0]).toMatchObject({ check: 'install', ok: false });
    expect(report.checks[0]!.detail).toMatch(/^npm install exited with code [1-9]\d*\n\S/);
    expect(report.checks.slice(1).every((check) => check.skipped && !check.ok)).toBe(true);
    expect(standIn.commandLines().some((line) => line.startsWith('npm start'))).toBe(false);
    expect(standIn.wasKilled()).toBe(true);
  });

  it('gives the project env to build and start but never to install, and masks its values in every detail', async () => {
    const standIn = newStandIn();
    // The build writes what it was given to a file; the API answers with that and its own env.
    const files = plainApi(
      httpServer(`
  if (req.url === '/health') return send(res, 200, { status: 'ok' });
  if (req.url === '/config') return send(res, 200, { built: require('fs').readFileSync('built.txt', 'utf8'), started: String(process.env.API_SECRET) });
  send(res, 404, {});
`),
      { scripts: { build: `node -e "require('fs').writeFileSync('built.txt', String(process.env.API_SECRET))"` } },
    );
    const report = await adapterFor(standIn).validate(files, { routes: ['GET /config'], env: ENV });

    expect(report.ok).toBe(true);
    const [install, build, start] = standIn.commands;
    expect(install).toMatchObject({ command: 'npm install --ignore-scripts --no-audit --no-fund', envs: undefined });
    expect(build).toMatchObject({ command: 'npm run build', envs: ENV });
    expect(start).toMatchObject({ command: 'npm start', background: true, envs: { ...ENV, PORT: '3000' } });
    const config = report.checks.find((check) => check.check === 'GET /config')!;
    expect(config.detail).toContain('{"built":"[hidden: API_SECRET]","started":"[hidden: API_SECRET]"}');
    expect(JSON.stringify(report)).not.toContain(SECRET);
  });

  it('says why the API ended before answering, with its output masked', async () => {
    const standIn = newStandIn();
    const files = plainApi(`console.error('cannot reach the database with ' + process.env.API_SECRET); process.exit(4);`);
    const report = await adapterFor(standIn).validate(files, { routes: [], env: ENV });

    const start = report.checks.find((check) => check.check === 'start')!;
    expect(start.ok).toBe(false);
    expect(start.detail).toMatch(/^npm start exited with code 4 before answering on port 3000\n/);
    expect(start.detail).toContain('cannot reach the database with [hidden: API_SECRET]');
    expect(start.detail).not.toContain(SECRET);
    expect(standIn.wasKilled()).toBe(true);
  });

  it('hands a clean run over: the sandbox keeps running until the adopter stops it', async () => {
    const standIn = newStandIn();
    let adopted: RunningApi | undefined;
    const report = await adapterFor(standIn).validate(booksApi(), {
      routes: BOOKS_ROUTES,
      env: ENV,
      adoptServer: (api) => {
        adopted = api;
        return true;
      },
    });

    // POST /books answered 400 to the empty body: a refused write leaves the data as it was.
    expect(report.checks.find((check) => check.check === 'POST /books')).toMatchObject({ ok: true });
    expect(report.ok).toBe(true);
    expect(adopted).toBeDefined();
    const api = adopted!;
    expect(standIn.wasKilled()).toBe(false);
    expect(api.sandbox).toBe('e2b');
    const response = await fetch(`${api.baseUrl}/books`);
    expect(response.status).toBe(200);
    expect(api.logTail()).toContain('books api starting');
    await api.keepAlive!(120_000);
    expect(standIn.events).toContain('setTimeout 120000');

    await Promise.all([api.stop(), api.stop()]);
    expect(standIn.killCount()).toBe(1);
    await expect(fetch(`${api.baseUrl}/books`)).rejects.toThrow();
  });

  it('starts the API again inside the VM after the behaviour round wrote to it, then hands it over', async () => {
    const standIn = newStandIn();
    let adopted: RunningApi | undefined;
    const report = await adapterFor(standIn).validate(crudApiFiles(), { routes: [], adoptServer: (api) => ((adopted = api), true) });
    expect(report.ok).toBe(true);
    expect(standIn.commandLines()).toEqual(['npm install --ignore-scripts --no-audit --no-fund', 'npm start (background)', 'npm start --ignore-scripts (background)']);
    try {
      // The round created and deleted a book; the restarted API numbers from 1 again.
      const created = await fetch(`${adopted!.baseUrl}/books`, { method: 'POST', body: JSON.stringify({ title: 'Emma', year: 1815 }) });
      expect(await created.json()).toMatchObject({ id: '1' });
    } finally {
      await adopted?.stop();
    }
  });

  it('kills the sandbox when the offer is refused', async () => {
    const standIn = newStandIn();
    let offers = 0;
    const report = await adapterFor(standIn).validate(booksApi(), { routes: BOOKS_ROUTES, adoptServer: () => (offers++, false) });
    expect(report.ok).toBe(true);
    expect(offers).toBe(1);
    expect(standIn.killCount()).toBe(1);
  });

  it('offers the API after a write probe was accepted only once it has started again', async () => {
    const standIn = newStandIn();
    const offered: RunningApi[] = [];
    const report = await adapterFor(standIn).validate(booksApi({ createStatus: 201 }), { routes: BOOKS_ROUTES, adoptServer: (api) => (offered.push(api), true) });
    expect(report.ok).toBe(true);
    expect(offered).toHaveLength(1);
    expect(standIn.commandLines().at(-1)).toBe('npm start --ignore-scripts (background)');
    await offered[0]!.stop();
  });

  it('does not offer the API when a check failed, and kills the sandbox', async () => {
    const standIn = newStandIn();
    let offers = 0;
    const report = await adapterFor(standIn).validate(booksApi({ listStatus: 500 }), { routes: BOOKS_ROUTES, adoptServer: () => (offers++, true) });
    expect(report.ok).toBe(false);
    expect(offers).toBe(0);
    expect(standIn.killCount()).toBe(1);
  });
});
