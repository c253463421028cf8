// Runs small hand-written APIs through the whole sandbox: npm install, build, npm start, probes.
// Plain JS without dependencies keeps each run to a couple of seconds; tests run concurrently.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ValidationCheck, ValidationReport } from '@/types/versioning';
import { bubblewrapWorks } from './bubblewrap';
import { createLocalSandbox, type LocalSandboxOptions } from './local-sandbox';
import { httpServer, isAlive, pidsWithMarker, plainApi } from '@/test/sandbox-support';
import { createSemaphore } from './semaphore';

const bubblewrapHere = await bubblewrapWorks();
/** Both ways of running where bubblewrap works, so both are tested; 'off' alone where it does not. */
const MODES: Array<LocalSandboxOptions['bubblewrap']> = bubblewrapHere ? ['auto', 'off'] : ['off'];

let testRoot: string;
beforeAll(async () => {
  testRoot = await mkdtemp(path.join(tmpdir(), 'local-sandbox-test-'));
});
afterAll(() => rm(testRoot, { recursive: true, force: true }));

/** A sandbox with its own run-dir root (so a test can see it emptied) and short limits. */
async function sandboxFor(options: LocalSandboxOptions = {}) {
  const sandboxRoot = await mkdtemp(path.join(testRoot, 'root-'));
  const sandbox = createLocalSandbox({ sandboxRoot, killGraceMs: 500, slots: createSemaphore(16), ...options });
  return { sandbox, sandboxRoot };
}

function byName(report: ValidationReport): Record<string, ValidationCheck> {
  return Object.fromEntries(report.checks.map((check) => [check.check, check]));
}

const BOOKS_HANDLER = `
  if (req.url === '/health') return send(res, 200, { status: 'ok' });
  if (req.url === '/books') return send(res, 200, [{ id: '1', title: 'Dune' }]);
  if (req.url === '/books/1') return send(res, 200, { id: '1', title: 'Dune' });
  send(res, 404, { error: 'not found' });
`;

describe.concurrent('local sandbox', () => {
  describe.each(MODES)('bubblewrap %s', (mode) => {
    it('passes a working API with a build step, reports every check as it happens, and leaves nothing behind', async () => {
      const { sandbox, sandboxRoot } = await sandboxFor({ bubblewrap: mode });
      // The build writes the file start runs, so start passing proves build ran first.
      const files = plainApi(httpServer(BOOKS_HANDLER), {
        scripts: { build: 'node build.js', start: 'node dist/server.js' },
        files: {
          'build.js': `const fs = require('fs'); fs.mkdirSync('dist'); fs.copyFileSync('server.js', 'dist/server.js');`,
        },
      });
      const announced: ValidationCheck[] = [];
      const report = await sandbox.validate(files, {
        routes: ['GET /books', 'GET /books/:id', 'POST /books'],
        onCheck: (check) => announced.push(check),
      });

      expect(report.sandbox).toBe(mode === 'auto' ? 'local (bubblewrap)' : 'local');
      expect(report.checks.map(({ check, ok, skipped }) => ({ check, ok, skipped }))).toEqual([
        { check: 'install', ok: true, skipped: undefined },
        { check: 'build', ok: true, skipped: undefined },
        { check: 'start', ok: true, skipped: undefined },
        { check: 'health', ok: true, skipped: undefined },
        { check: 'GET /books', ok: true, skipped: undefined },
        { check: 'GET /books/:id', ok: true, skipped: undefined },
        { check: 'POST /books', ok: true, skipped: true },
        // No openapi.json: nothing tells the behaviour round what a book is.
        { check: 'behaviour', ok: true, skipped: true },
      ]);
      expect(report.ok).toBe(true);
      expect(announced).toEqual(report.checks);
      expect(byName(report).health?.detail).toBe('200 OK · {"status":"ok"}');
      expect(byName(report)['GET /books/:id']?.detail).toContain('Dune');
      expect(report.durationMs).toBeGreaterThan(0);
      expect(await readdir(sandboxRoot)).toEqual([]);
    });

    it('kills a server tree that forks, escapes its process group and ignores SIGTERM', async () => {
      const { sandbox } = await sandboxFor({ bubblewrap: mode });
      const marker = `forking-api-${randomUUID()}`;
      const pidFile = path.join(testRoot, `${marker}.pids`);
      // Each process records its pid in pids.log (in the app dir, writable in both modes) and, when
      // it can, in pidFile outside the sandbox: under bubblewrap the host is read-only and pids are
      // namespaced, so there the /proc scan by marker is the check.
      const recordPid = `
        const fs = require('fs');
        fs.appendFileSync('pids.log', process.pid + '\\n');
        try { fs.appendFileSync(${JSON.stringify(pidFile)}, process.pid + '\\n'); } catch {}
      `;
      const childJs = `
        const { spawn } = require('child_process');
        process.on('SIGTERM', () => {});
        ${recordPid}
        if (process.argv[3] === 'with-grandchild') spawn(process.execPath, [__filename, process.argv[2]], { stdio: 'ignore' });
        setInterval(() => {}, 1000);
      `;
      // Listens only once all four processes are up, so none is killed before it has started.
      const serverJs = `
        const { spawn } = require('child_process');
        process.on('SIGTERM', () => {});
        ${recordPid}
        spawn(process.execPath, ['child.js', process.argv[2]], { stdio: 'ignore' });
        spawn(process.execPath, ['child.js', process.argv[2], 'with-grandchild'], { stdio: 'ignore', detached: true });
        const waitForFamily = setInterval(() => {
          if (fs.readFileSync('pids.log', 'utf8').trim().split('\\n').length < 4) return;
          clearInterval(waitForFamily);
          require('http').createServer((req, res) => res.end('ok')).listen(Number(process.env.PORT));
        }, 20);
      `;
      const files = plainApi(serverJs, {
        scripts: { start: `node server.js ${marker}` },
        files: { 'child.js': childJs },
      });
      let runningDuringProbes: number[] = [];
      const report = await sandbox.validate(files, {
        routes: [],
        onCheck: (check) => {
          if (check.check === 'health') runningDuringProbes = pidsWithMarker(marker);
        },
      });

      expect(report.ok).toBe(true);
      // sh -c, the server, two children, one grandchild; the test could fail, had they not started.
      expect(runningDuringProbes.length).toBeGreaterThanOrEqual(4);
      expect(pidsWithMarker(marker)).toEqual([]);
      if (mode === 'off') {
        const pids = (await readFile(pidFile, 'utf8')).trim().split('\n').map(Number);
        expect(pids).toHaveLength(4);
        expect(pids.filter(isAlive)).toEqual([]);
      }
    });
  });

  it.runIf(bubblewrapHere)('under bubblewrap, hides host files and processes and keeps the host read-only', async () => {
    const { sandbox } = await sandboxFor({ bubblewrap: 'auto' });
    const hostFile = path.join(process.cwd(), 'package.json');
    const setup = `
      const fs = require('fs');
      const problems = [];
      if (fs.existsSync(${JSON.stringify(hostFile)})) problems.push('host project visible');
      if (fs.readdirSync('/proc').filter((name) => /^\\d+$/.test(name)).length > 20) problems.push('host processes visible');
      try { fs.writeFileSync('/usr/forge-sandbox-write-test', 'x'); problems.push('host writable'); } catch {}
    `;
    const handler = `
      if (req.url === '/isolation') return send(res, problems.length ? 500 : 200, problems);
      ${BOOKS_HANDLER}
    `;
    const report = await sandbox.validate(plainApi(httpServer(handler, setup)), { routes: ['GET /isolation'] });
    expect(byName(report)['GET /isolation']).toMatchObject({ ok: true, detail: '200 OK · []' });
    expect(existsSync('/usr/forge-sandbox-write-test')).toBe(false);
  });

  it('never passes host secrets to the API', async () => {
    const { sandbox } = await sandboxFor();
    const secretNames = ['OPENAI_API_KEY', 'DATABASE_URL', 'SUPABASE_SERVICE_ROLE_KEY', 'TRIGGER_SECRET_KEY', 'E2B_API_KEY'];
    const saved = secretNames.map((name) => [name, process.env[name]] as const);
    for (const name of secretNames) process.env[name] = 'sandbox-test-secret';
    try {
      const handler = `
        if (req.url === '/env') {
          const leaked = Object.entries(process.env).filter(([, value]) => value.includes('sandbox-test-secret'));
          return send(res, leaked.length ? 500 : 200, leaked.map(([name]) => name));
        }
        ${BOOKS_HANDLER}
      `;
      const report = await sandbox.validate(plainApi(httpServer(handler)), { routes: ['GET /env'] });
      expect(byName(report)['GET /env']).toMatchObject({ ok: true, detail: '200 OK · []' });
    } finally {
      for (const [name, value] of saved) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });

  it('fails start on a syntax error, with the reason, and does not run the rest', async () => {
    const { sandbox } = await sandboxFor();
    const report = await sandbox.validate(plainApi('const app = ;\n'), { routes: ['GET /books'] });
    const checks = byName(report);
    expect(report.ok).toBe(false);
    expect(checks.install?.ok).toBe(true);
    expect(checks.build).toMatchObject({ ok: true, skipped: true, detail: 'no build script' });
    expect(checks.start?.ok).toBe(false);
    expect(checks.start?.detail).toMatch(/^npm start exited with code 1 before listening on port \d+/);
    expect(checks.start?.detail).toContain('SyntaxError');
    expect(checks.health).toEqual({ check: 'health', ok: false, skipped: true, detail: 'not run: start failed' });
    expect(checks['GET /books']).toEqual({ check: 'GET /books', ok: false, skipped: true, detail: 'not run: start failed' });
  });

  it('fails start when the server crashes while starting', async () => {
    const { sandbox } = await sandboxFor();
    const report = await sandbox.validate(plainApi(`throw new Error('JWT_SECRET is not set');`), { routes: [] });
    expect(report.ok).toBe(false);
    expect(byName(report).start?.detail).toMatch(/exited with code 1[\s\S]*JWT_SECRET is not set/);
  });

  it('fails start when nothing listens on PORT in time', async () => {
    const { sandbox } = await sandboxFor({ startTimeoutMs: 4_000 });
    const server = `console.log('listening on 3000 (ignoring PORT)'); setInterval(() => {}, 1000);`;
    const startedAt = Date.now();
    const report = await sandbox.validate(plainApi(server), { routes: [] });
    const start = byName(report).start;
    expect(start?.ok).toBe(false);
    expect(start?.detail).toMatch(/^nothing accepted connections on port \d+ \(process.env.PORT\) within 4 s/);
    expect(start?.detail).toContain('ignoring PORT');
    expect(Date.now() - startedAt).toBeLessThan(15_000);
  });

  it('fails health when /health answers 500, and still probes the routes (as many as allowed)', async () => {
    const { sandbox } = await sandboxFor({ maxRoutes: 1 });
    const handler = `
      if (req.url === '/health') { console.error('health: database unreachable'); return send(res, 500, { error: 'db down' }); }
      ${BOOKS_HANDLER}
    `;
    const report = await sandbox.validate(plainApi(httpServer(handler)), {
      routes: ['GET /books', 'GET /books/:id', 'all the books'],
    });
    const checks = byName(report);
    expect(report.ok).toBe(false);
    expect(checks['route "all the books"']).toMatchObject({ ok: true, skipped: true });
    expect(checks['GET /books/:id']).toMatchObject({ ok: true, skipped: true, detail: 'not probed: only the first 1 routes are' });
    expect(checks.health?.ok).toBe(false);
    expect(checks.health?.detail).toMatch(/^500 Internal Server Error · \{"error":"db down"\}/);
    expect(checks.health?.detail).toContain('health: database unreachable');
    expect(checks['GET /books']?.ok).toBe(true);
  });

  it('keeps the log of a failed request that reaches the sandbox after the answer', async () => {
    const { sandbox } = await sandboxFor({ maxRoutes: 0 });
    // The log is written after the answer, as a slow logger or a busy machine would deliver it.
    const handler = `
      if (req.url === '/health') { send(res, 500, { error: 'db down' }); setTimeout(() => console.error('health: logged late'), 40); return; }
      ${BOOKS_HANDLER}
    `;
    const report = await sandbox.validate(plainApi(httpServer(handler)), { routes: [] });
    expect(byName(report).health?.detail).toContain('health: logged late');
  });

  it('fails a route that hangs, within the per-request timeout, and stops probing when the budget is used up', async () => {
    const { sandbox } = await sandboxFor({ probeTimeoutMs: 1_000, probeBudgetMs: 1_800 });
    const handler = `
      if (req.url.startsWith('/slow')) return;
      ${BOOKS_HANDLER}
    `;
    const report = await sandbox.validate(plainApi(httpServer(handler)), {
      routes: ['GET /slow', 'GET /books', 'GET /slow/again', 'GET /books/:id'],
    });
    const checks = byName(report);
    expect(checks['GET /slow']).toMatchObject({ ok: false, detail: 'no response within 1 s' });
    expect(checks['GET /slow']?.durationMs).toBeLessThan(2_000);
    expect(checks['GET /books']?.ok).toBe(true);
    // Gets what is left of the budget, less than the per-request timeout.
    expect(checks['GET /slow/again']?.ok).toBe(false);
    expect(checks['GET /slow/again']?.detail).toMatch(/^no response within 0\.\d s$/);
    expect(checks['GET /books/:id']).toEqual({
      check: 'GET /books/:id',
      ok: true,
      skipped: true,
      detail: 'not probed: the 1.8 s for route probes were used up',
    });
    expect(report.ok).toBe(false);
  });

  it('probes the routes in openapi.json', async () => {
    const { sandbox } = await sandboxFor();
    const handler = `
      if (req.url === '/authors/1') return send(res, 500, { error: 'authors table missing' });
      ${BOOKS_HANDLER}
    `;
    const openapi = { openapi: '3.0.3', paths: { '/books': { get: {} }, '/authors/{authorId}': { get: {} } } };
    const files = plainApi(httpServer(handler), { files: { 'openapi.json': JSON.stringify(openapi) } });
    const report = await sandbox.validate(files, { routes: ['GET /books'] });
    expect(report.checks.map((check) => check.check)).toEqual([
      'install',
      'build',
      'start',
      'health',
      'GET /books',
      'GET /authors/:authorId',
      'behaviour',
    ]);
    expect(byName(report)['GET /authors/:authorId']).toMatchObject({
      ok: false,
      detail: '500 Internal Server Error · {"error":"authors table missing"}',
    });
  });

  it('sends {} to write routes when asked: a 4xx passes, a crash fails and ends the probing', async () => {
    const { sandbox } = await sandboxFor({ probeWriteRoutes: true });
    const handler = `
      if (req.method === 'POST' && req.url === '/books') return send(res, 400, { error: 'title is required' });
      if (req.method === 'DELETE') { console.error('fatal: cannot delete'); process.exit(1); }
      ${BOOKS_HANDLER}
    `;
    const report = await sandbox.validate(plainApi(httpServer(handler)), {
      routes: ['POST /books', 'DELETE /books/:id', 'PUT /books/:id', 'GET /books'],
    });
    const checks = byName(report);
    expect(report.checks.slice(4).map((check) => check.check)).toEqual([
      'GET /books',
      'POST /books',
      'DELETE /books/:id',
      'PUT /books/:id',
      'behaviour',
    ]);
    expect(checks['POST /books']).toMatchObject({ ok: true, detail: '400 Bad Request · {"error":"title is required"}' });
    expect(checks['DELETE /books/:id']?.ok).toBe(false);
    expect(checks['DELETE /books/:id']?.detail).toMatch(/the server exited with code 1[\s\S]*fatal: cannot delete/);
    expect(checks['PUT /books/:id']).toMatchObject({ ok: false, skipped: true, detail: 'not run: the server exited with code 1' });
  });

  it('keeps only the end of 50 MB of output, and keeps reading it so the server is not blocked', async () => {
    const { sandbox } = await sandboxFor({ startTimeoutMs: 10_000 });
    const server = `
      const line = 'x'.repeat(1023) + '\\n';
      const megabyte = line.repeat(1024);
      for (let i = 0; i < 50; i++) process.stdout.write(megabyte);
      process.stdout.write('END-OF-LOG\\n');
      process.exitCode = 3;
    `;
    const report = await sandbox.validate(plainApi(server), { routes: [] });
    const detail = byName(report).start?.detail ?? '';
    expect(detail).toMatch(/^npm start exited with code 3/);
    expect(detail).toMatch(/\[… \d+ earlier bytes not kept\]/);
    expect(detail).toContain('END-OF-LOG');
    expect(detail.length).toBeLessThan(9 * 1024);
  });

  it('does not run install scripts, though it runs prestart', async () => {
    const { sandbox } = await sandboxFor({ bubblewrap: 'off' });
    const markers = await mkdtemp(path.join(testRoot, 'markers-'));
    const touch = (name: string) => `node -e "require('fs').writeFileSync(process.argv[1], 'ran')" ${path.join(markers, name)}`;
    const files = plainApi(httpServer(BOOKS_HANDLER), {
      scripts: {
        preinstall: touch('preinstall'),
        install: touch('install'),
        postinstall: touch('postinstall'),
        prepare: touch('prepare'),
        prestart: touch('prestart'),
      },
    });
    const report = await sandbox.validate(files, { routes: [] });
    expect(report.ok).toBe(true);
    expect((await readdir(markers)).sort()).toEqual(['prestart']);
  });

  it('stops everything and rejects when aborted', async () => {
    const { sandbox, sandboxRoot } = await sandboxFor({ startTimeoutMs: 20_000 });
    const marker = `aborted-api-${randomUUID()}`;
    const controller = new AbortController();
    const files = plainApi(`setInterval(() => {}, 1000);`, { scripts: { start: `node server.js ${marker}` } });
    const startedAt = Date.now();
    const validation = sandbox.validate(files, {
      signal: controller.signal,
      routes: [],
      onCheck: (check) => {
        if (check.check === 'build') setTimeout(() => controller.abort(), 500);
      },
    });
    await expect(validation).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - startedAt).toBeLessThan(10_000);
    expect(pidsWithMarker(marker)).toEqual([]);
    expect(await readdir(sandboxRoot)).toEqual([]);
  });

  it('refuses a file path that leaves the project, and a project without package.json', async () => {
    const { sandbox } = await sandboxFor();
    const escaping = await sandbox.validate({ ...plainApi(''), '../escape.js': 'x' }, { routes: [] });
    expect(byName(escaping).install).toMatchObject({ ok: false });
    expect(byName(escaping).install?.detail).toMatch(/refused to write "\.\.\/escape\.js"/);
    expect(byName(escaping).start).toMatchObject({ skipped: true, detail: 'not run: install failed' });

    const noManifest = await sandbox.validate({ 'server.js': '' }, { routes: [] });
    expect(byName(noManifest).install).toMatchObject({ ok: false, detail: 'the project has no package.json at its root' });
  });
});
