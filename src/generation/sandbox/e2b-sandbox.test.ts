// The E2B adapter against a stand-in for the SDK's Sandbox: the hosted service cannot be reached
// from here, so the stand-in runs the same commands as real processes in a temp dir and serves the
// API on a local port. What is checked is the adapter's flow: what it writes and runs, how it reads
// the results, and that the sandbox is always killed.
import { exec, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { reserveFreePort } from './free-port';
import { createE2BSandbox, type E2BSandboxHandle } from './e2b-sandbox';

const run = promisify(exec);

function createStandIn() {
  const calls: string[] = [];
  let dir = '';
  let server: ChildProcess | undefined;
  let port = 0;
  let killed = false;
  const handle: E2BSandboxHandle = {
    files: {
      async write(entries) {
        for (const entry of entries) {
          calls.push(`write ${entry.path}`);
          const target = join(dir, entry.path.replace('/home/user/app/', ''));
          await mkdir(dirname(target), { recursive: true });
          await writeFile(target, entry.data);
        }
      },
    },
    commands: {
      async run(command, options) {
        calls.push(`run ${command}${options.background ? ' (background)' : ''}`);
        if (options.background) {
          const reserved = await reserveFreePort();
          port = reserved.port;
          reserved.release();
          server = spawn('node', ['server.js'], { cwd: dir, env: { ...process.env, PORT: String(port) }, stdio: 'ignore' });
          return {};
        }
        // Like the SDK: a non-zero exit rejects with an error carrying exitCode / stdout / stderr.
        const result = await run(command, { cwd: dir }).then(
          ({ stdout, stderr }) => ({ exitCode: 0, stdout, stderr }),
          (error: { code: number; stdout: string; stderr: string }) => Promise.reject({ exitCode: error.code, stdout: error.stdout, stderr: error.stderr }),
        );
        return result;
      },
    },
    getHost: (requested) => {
      calls.push(`getHost ${requested}`);
      return `127.0.0.1:${port}`;
    },
    async kill() {
      killed = true;
      server?.kill('SIGKILL');
      await rm(dir, { recursive: true, force: true });
    },
  };
  return {
    calls,
    wasKilled: () => killed,
    create: async () => {
      dir = await mkdtemp(join(tmpdir(), 'forge-e2b-standin-'));
      return handle;
    },
  };
}

const GOOD_API = {
  'package.json': JSON.stringify({ name: 'api', scripts: { start: 'node server.js' } }),
  'server.js': `require('node:http').createServer((req, res) => {
    res.writeHead(req.url === '/health' || req.url === '/books' ? 200 : 404, { 'content-type': 'application/json' });
    res.end('{"status":"ok"}');
  }).listen(Number(process.env.PORT));`,
  'openapi.json': JSON.stringify({ openapi: '3.1.0', paths: { '/books': { get: {} } } }),
};

describe('E2B sandbox adapter', () => {
  it('writes the files, installs without scripts, starts in the background, probes through getHost, and kills the sandbox', async () => {
    const standIn = createStandIn();
    const adapter = createE2BSandbox({ apiKey: 'e2b_test', create: standIn.create, hostUrl: (host) => `http://${host}`, startTimeoutMs: 10_000 });
    const seen: string[] = [];
    const report = await adapter.validate(GOOD_API, { routes: [], onCheck: (check) => seen.push(check.check) });

    expect(report.ok).toBe(true);
    expect(report.sandbox).toBe('e2b');
    expect(report.checks.map((check) => [check.check, check.ok])).toEqual([
      ['install', true],
      ['build', true],
      ['start', true],
      ['health', true],
      ['GET /books', true],
    ]);
    expect(seen).toEqual(report.checks.map((check) => check.check));
    expect(standIn.calls).toContain('write /home/user/app/package.json');
    expect(standIn.calls).toContain('run npm install --ignore-scripts --no-audit --no-fund');
    expect(standIn.calls).toContain('run npm start (background)');
    expect(standIn.calls).toContain('getHost 3000');
    expect(standIn.wasKilled()).toBe(true);
  });

  it('reports a failing install with its output, skips the rest, and still kills the sandbox', async () => {
    const standIn = createStandIn();
    const adapter = createE2BSandbox({ apiKey: 'e2b_test', create: standIn.create, hostUrl: (host) => `http://${host}` });
    const broken = { ...GOOD_API, 'package.json': '{ "name": "api", "dependencies": ' };
    const report = await adapter.validate(broken, { routes: [] });
    expect(report.ok).toBe(false);
    expect(report.checks[0]).toMatchObject({ check: 'install', ok: false });
    expect(report.checks[0]!.detail).toMatch(/npm install failed/);
    expect(report.checks.slice(1).every((check) => check.skipped && !check.ok)).toBe(true);
    expect(standIn.calls.some((call) => call.startsWith('run npm start'))).toBe(false);
    expect(standIn.wasKilled()).toBe(true);
  });
});
