// forge call, preview and env end to end: the tRPC router on a real HTTP server (as in forge.test.ts)
// and the CLI talking to it over the network. The bookstore's v1 comes from the offline generator;
// its "preview" is an HTTP server in this process, adopted as validation would hand one over, or
// started by a test adapter, because a real preview needs npm install (local-preview.test.ts's job).
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { createHTTPServer } from '@trpc/server/adapters/standalone';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApi } from '@/generation/ports';
import { envFingerprint } from '@/preview/env-fingerprint';
import type { PreviewAdapter, PreviewStartOptions, PreviewStartResult } from '@/preview/preview-adapter';
import { createTRPCContext } from '@/server/api/trpc';
import { appRouter } from '@/server/api/root';
import { readProjectEnvValues } from '@/db/stores/project-env-store';
import { openTestApp, type TestApp } from '@/test/test-app';
import { runCli } from './run-cli';
import type { Terminal, TerminalInput } from './terminal';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Captures both streams; `stdin` is what a pipe would give, `typed` what a person would type at a hidden prompt. */
function capturingTerminal(input: { stdin?: string; typed?: string | null } = {}): Terminal & { stdout: string; stderr: string; prompts: string[] } {
  const prompts: string[] = [];
  const terminalInput: TerminalInput = {
    interactive: input.typed !== undefined,
    readAll: async () => input.stdin ?? '',
    readHidden: async (question) => {
      prompts.push(question);
      return input.typed ?? null;
    },
  };
  const terminal = {
    stdout: '',
    stderr: '',
    prompts,
    write: (text: string) => void (terminal.stdout += text),
    warn: (text: string) => void (terminal.stderr += text),
    interactive: false,
    color: false,
    columns: 100,
    input: terminalInput,
  };
  return terminal;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const BOOKSTORE = 'A REST API for a bookstore with authors and books';

describe('forge call, preview and env against a running server', () => {
  let app: TestApp;
  let forgeServer: Server;
  let serverUrl: string;
  let apiServer: Server;
  let apiUrl: string;
  const seen: Seen[] = [];
  let projectId: string;
  let v1: string;

  /** Previews here are made by the tests (a server in this process); a start nobody arranged fails. */
  const noPreviewStarts: PreviewAdapter['start'] = async () => ({ ok: false, message: 'no preview adapter for this test', logTail: '' });
  let startPreview = noPreviewStarts;
  const runningApi = (): RunningApi => ({ sandbox: 'test', baseUrl: apiUrl, logTail: () => '', exited: new Promise(() => {}), stop: async () => {} });
  // Started with the project's env as it is now (none), so the status reports no env change.
  const adoptAsPreview = (versionId: string) => app.services.previews.manager.adopt({ versionId, versionNumber: 1, envFingerprint: envFingerprint({}) }, runningApi());

  beforeAll(async () => {
    apiServer = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        seen.push({ method: request.method!, url: request.url!, headers: request.headers, body });
        if (request.url === '/hang') return;
        if (request.method === 'POST' && request.url === '/authors') {
          response.writeHead(201, { 'content-type': 'application/json', 'x-request-id': 'r1' });
          return response.end(JSON.stringify({ id: 1, ...JSON.parse(body) }));
        }
        if (request.url?.startsWith('/books')) {
          response.writeHead(200, { 'content-type': 'application/json' });
          return response.end(JSON.stringify({ url: request.url }));
        }
        response.writeHead(404, { 'content-type': 'text/plain' }).end('no such route');
      });
    });
    apiUrl = await listen(apiServer);
    app = await openTestApp({ env: { FORGE_PREVIEW_TIMEOUT_SECONDS: '0.5' }, previewAdapter: { name: 'test', start: (options) => startPreview(options) } });
    forgeServer = createHTTPServer({
      router: appRouter,
      basePath: '/api/trpc/',
      createContext: ({ req }) => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
        return createTRPCContext({ headers, services: app.services });
      },
    });
    serverUrl = await listen(forgeServer);
    ({ projectId, versionId: v1 } = await app.caller.projects.create({ prompt: BOOKSTORE }));
    await app.services.jobs.idle();
    expect(adoptAsPreview(v1)).toBe(true);
  });
  afterAll(async () => {
    forgeServer?.close();
    await app?.close();
    apiServer?.closeAllConnections();
    apiServer?.close();
  });

  async function forge(argv: string[], input?: Parameters<typeof capturingTerminal>[0]) {
    const terminal = capturingTerminal(input);
    const exitCode = await runCli([...argv, '--url', serverUrl], terminal, {});
    return { exitCode, stdout: terminal.stdout, stderr: terminal.stderr, prompts: terminal.prompts };
  }

  it('call POST with --data and -i: the status line, the headers, a blank line, then the JSON indented', async () => {
    const result = await forge(['call', v1, 'post', '/authors', '--data', '{"name":"Ada"}', '-i', '-H', 'X-Api-Key: k1']);
    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    expect(result.stdout).toMatch(/^HTTP 201 Created\n(?:[a-z0-9-]+: .*\n)+\n\{\n {2}"id": 1,\n {2}"name": "Ada"\n\}\n$/);
    expect(result.stdout).toContain('\ncontent-type: application/json\n');
    expect(result.stdout).toContain('\nx-request-id: r1\n');
    const reached = seen.findLast((request) => request.url === '/authors')!;
    expect(reached).toMatchObject({ method: 'POST', body: '{"name":"Ada"}' });
    expect(reached.headers).toMatchObject({ 'x-api-key': 'k1', 'content-type': 'application/json' });
  });

  it('call with a query string sends it as the query, a repeated name repeated', async () => {
    const result = await forge(['call', v1, 'GET', '/books?limit=2&tag=a&tag=b']);
    expect(result).toEqual({ exitCode: 0, stdout: 'HTTP 200 OK\n{\n  "url": "/books?limit=2&tag=a&tag=b"\n}\n', stderr: '', prompts: [] });
    expect(seen.at(-1)).toMatchObject({ method: 'GET', url: '/books?limit=2&tag=a&tag=b' });
  });

  it('call exits 0 for a 404 too: a response came', async () => {
    expect(await forge(['call', v1, 'DELETE', '/nowhere'])).toMatchObject({ exitCode: 0, stdout: 'HTTP 404 Not Found\nno such route\n', stderr: '' });
  });

  it('call to a route that hangs says no response came and exits 1', async () => {
    expect(await forge(['call', v1, 'GET', '/hang'])).toMatchObject({ exitCode: 1, stdout: '', stderr: 'forge: No response came within 0.5 s.\n' });
  });

  it('call refuses a body on GET before anything is sent, with exit 2', async () => {
    const before = seen.length;
    const result = await forge(['call', v1, 'GET', '/books', '--data', '{}']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('forge: A GET request cannot have a body, so --data does not go with it');
    expect(seen.length).toBe(before);
  });

  it('check runs the behaviour round against the preview, prints each step, and exits 1 when one fails', async () => {
    // This preview echoes POST /authors but has no GET /authors/:id: reading the author back fails.
    const result = await forge(['check', v1]);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`^Checks of v1 against ${apiUrl.replace(/[.]/g, '\\.')}\n`));
    expect(result.stdout).toMatch(/\n {2}✓ authors: create {2}POST \/authors answered 201 Created with the author sent, id 1\n/);
    expect(result.stdout).toContain('\n  ✗ authors: read  GET /authors/1 answered 404 Not Found, but the author created just before should be found (200)\n      request: GET /authors/1\n      response: 404 no such route\n');
    expect(result.stdout).toMatch(/\n\d+ passed, \d+ failed(, \d+ skipped)?\n$/);
    expect(seen.some((request) => request.method === 'GET' && request.url === '/authors/1')).toBe(true);
  });

  it('preview says it is ready and where; --stop stops it, and says so when nothing runs', async () => {
    const ready = await forge(['preview', v1]);
    expect(ready).toMatchObject({ exitCode: 0, stderr: '' });
    expect(ready.stdout).toBe(`v1's preview is ready at ${apiUrl} (test, kept running from validation); it stops after 10 min without a request.\n`);
    try {
      expect(await forge(['preview', v1, '--stop'])).toMatchObject({ exitCode: 0, stdout: "Stopped v1's preview.\n", stderr: '' });
      expect(app.services.previews.manager.status(v1).state).toBe('stopped');
      expect(await forge(['preview', v1, '--stop'])).toMatchObject({ exitCode: 0, stdout: "v1's preview is not running.\n", stderr: '' });
    } finally {
      adoptAsPreview(v1);
    }
  });

  it('env set, list and unset round trip; the value comes from stdin and is never printed', async () => {
    const secret = 'sup3r-secret-value';
    const outputs: string[] = [];
    const run = async (argv: string[], input?: Parameters<typeof capturingTerminal>[0]) => {
      const result = await forge(argv, input);
      outputs.push(result.stdout, result.stderr);
      return result;
    };
    expect(await run(['env', projectId, 'list'])).toMatchObject({ exitCode: 0, stdout: 'No env vars set.\n' });
    expect(await run(['env', projectId, 'set', 'API_KEY'], { stdin: `${secret}\n` })).toMatchObject({ exitCode: 0, stdout: `Set API_KEY for ${projectId}.\n`, stderr: '' });
    // Only the one newline echo adds goes; a value's own final newline stays.
    expect(await run(['env', projectId, 'set', 'PEM'], { stdin: 'line one\nline two\n\n' })).toMatchObject({ exitCode: 0 });
    expect(await readProjectEnvValues(app.services.db, projectId)).toEqual({ API_KEY: secret, PEM: 'line one\nline two\n' });

    const listed = await run(['env', projectId, 'list']);
    expect(listed.exitCode).toBe(0);
    expect(listed.stdout).toMatch(/^API_KEY {2}\(set \d{4}-\d\d-\d\d \d\d:\d\d\)\nPEM {6}\(set \d{4}-\d\d-\d\d \d\d:\d\d\)\n$/);

    expect(await run(['env', projectId, 'unset', 'API_KEY'])).toMatchObject({ exitCode: 0, stdout: 'Removed API_KEY.\n' });
    expect(await run(['env', projectId, 'unset', 'API_KEY'])).toMatchObject({ exitCode: 0, stdout: 'API_KEY was not set.\n' });
    expect(await run(['env', projectId, 'unset', 'PEM'])).toMatchObject({ exitCode: 0, stdout: 'Removed PEM.\n' });
    expect(await run(['env', projectId, 'list'])).toMatchObject({ exitCode: 0, stdout: 'No env vars set.\n' });
    for (const output of outputs) expect(output).not.toContain(secret);
  });

  it('env set on a terminal asks for the value without echo; it refuses an empty value, and says to pipe one when it cannot hide it', async () => {
    const typed = await forge(['env', projectId, 'set', 'TOKEN'], { typed: 'typed-secret' });
    expect(typed).toEqual({ exitCode: 0, stdout: `Set TOKEN for ${projectId}.\n`, stderr: '', prompts: ['Value for TOKEN: '] });
    expect((await readProjectEnvValues(app.services.db, projectId)).TOKEN).toBe('typed-secret');

    const empty = await forge(['env', projectId, 'set', 'EMPTY'], { stdin: '\n' });
    expect(empty).toMatchObject({ exitCode: 1, stdout: '' });
    expect(empty.stderr).toBe(`forge: The value for EMPTY is empty, so nothing was set; pipe the value in: echo "$VALUE" | forge env ${projectId} set EMPTY\n`);

    const cannotHide = await forge(['env', projectId, 'set', 'HIDDEN'], { typed: null });
    expect(cannotHide).toMatchObject({ exitCode: 2, stdout: '' });
    expect(cannotHide.stderr).toContain('pipe the value in: echo');
    expect(await readProjectEnvValues(app.services.db, projectId)).toEqual({ TOKEN: 'typed-secret' });
    await forge(['env', projectId, 'unset', 'TOKEN']);
  });

  describe('with no preview running', () => {
    /** Runs `body` with the server's previews started by `start` (the app's close stops them). */
    async function withAdapter(start: PreviewAdapter['start'], body: () => Promise<void>) {
      startPreview = start;
      try {
        await body();
      } finally {
        startPreview = noPreviewStarts;
      }
    }

    async function newProject() {
      const created = await app.caller.projects.create({ prompt: BOOKSTORE });
      await app.services.jobs.idle();
      return created;
    }

    it('call starts the preview, shows its steps while polling, then sends the request', async () => {
      const { projectId: otherProject, versionId } = await newProject();
      expect((await forge(['env', otherProject, 'set', 'GREETING'], { stdin: 'hello\n' })).exitCode).toBe(0);
      const starts: PreviewStartOptions[] = [];
      await withAdapter(
        async (options): Promise<PreviewStartResult> => {
          starts.push(options);
          // Each step outlasts a poll, so the CLI sees them change; the last one (asserted below) by far.
          for (const [step, ms] of [['install', 400], ['build', 400], ['start', 1000]] as const) {
            options.onStep?.(step);
            await delay(ms);
          }
          return { ok: true, api: runningApi() };
        },
        async () => {
          const result = await forge(['call', versionId, 'GET', '/books?limit=1']);
          expect(result).toMatchObject({ exitCode: 0, stdout: 'HTTP 200 OK\n{\n  "url": "/books?limit=1"\n}\n' });
          const progress = result.stderr.split('\n').filter(Boolean);
          expect(progress[0]).toBe("starting v1's preview: install…");
          expect(progress).toContain("starting v1's preview: start…");
          for (const line of progress) expect(line).toMatch(/^starting v1's preview: (install|build|start)…$/);
          expect(starts).toHaveLength(1);
          expect(starts[0]!.env).toEqual({ GREETING: 'hello' });
          expect(Object.keys(starts[0]!.files)).toContain('package.json');
          expect(app.services.previews.manager.status(versionId).state).toBe('ready');
        },
      );
    });

    it('a preview that fails to start: its message and log tail on stderr, exit 1, nothing sent', async () => {
      const { versionId } = await newProject();
      const before = seen.length;
      await withAdapter(
        async () => ({ ok: false, message: 'npm install failed (exit code 1).', logTail: 'npm ERR! 404 Not Found - GET https://registry.npmjs.org/left-pad-x\n' }),
        async () => {
          const result = await forge(['call', versionId, 'GET', '/books']);
          expect(result).toMatchObject({ exitCode: 1, stdout: '' });
          expect(result.stderr).toContain("The end of v1's preview log:\nnpm ERR! 404 Not Found - GET https://registry.npmjs.org/left-pad-x\n");
          expect(result.stderr.endsWith("forge: v1's preview failed: npm install failed (exit code 1).\n")).toBe(true);
        },
      );
      expect(seen.length).toBe(before);
    });
  });
});
