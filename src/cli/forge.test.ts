// The forge CLI end to end: a real HTTP server serving the tRPC router (the same router and context
// the Next route uses) on a PGlite test database, and the CLI talking to it over the network.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHTTPServer } from '@trpc/server/adapters/standalone';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter, createCaller } from '@/server/api/root';
import { createTRPCContext, LOCAL_USER_ID } from '@/server/api/trpc';
import { createAppServices, type AppServices } from '@/server/app-services';
import type { DatabaseHandle } from '@/db/client';
import { decideBackends, parseEnv } from '@/env';
import { zipFolderName } from '@/shared/version-zip';
import { openPgliteTestDatabase } from '@/test/test-database';
import { createOfflineModel } from '@/generation/offline/offline-model';
import { runCli } from './run-cli';
import type { Terminal } from './terminal';

function capturingTerminal(): Terminal & { stdout: string; stderr: string } {
  const terminal = {
    stdout: '',
    stderr: '',
    write: (text: string) => void (terminal.stdout += text),
    warn: (text: string) => void (terminal.stderr += text),
    interactive: false,
    color: false,
    columns: 100,
  };
  return terminal;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function close(server: Server | undefined): Promise<void> {
  return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

describe('forge CLI against a running server', () => {
  let handle: DatabaseHandle;
  let services: AppServices;
  let caller: ReturnType<typeof createCaller>;
  let server: Server;
  let serverUrl: string;
  let workDir: string;

  beforeAll(async () => {
    handle = await openPgliteTestDatabase();
    const env = parseEnv({ NODE_ENV: 'test', FORGE_OFFLINE_CHUNK_DELAY_MS: '0', FORGE_SANDBOX: 'skip' });
    services = await createAppServices({ env, backends: decideBackends(env), handle, maintenance: false });
    caller = createCaller({ services, userId: LOCAL_USER_ID });
    server = createHTTPServer({
      router: appRouter,
      basePath: '/api/trpc/',
      createContext: ({ req }) => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
        return createTRPCContext({ headers, services });
      },
    });
    serverUrl = await listen(server);
    workDir = await mkdtemp(join(tmpdir(), 'forge-cli-'));
  });
  afterAll(async () => {
    await close(server);
    await services?.close();
    await handle?.close();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  async function forge(...argv: string[]) {
    const terminal = capturingTerminal();
    const exitCode = await runCli([...argv, '--url', serverUrl], terminal, {});
    return { exitCode, stdout: terminal.stdout, stderr: terminal.stderr };
  }

  it('new → versions → iterate → files → diff → download', async () => {
    const created = await forge('new', 'bookstore API');
    expect(created.stderr).toBe('');
    expect(created.exitCode).toBe(0);
    const projectId = created.stdout.match(new RegExp(`^project (${UUID.source})$`, 'm'))![1]!;
    const v1Id = created.stdout.match(new RegExp(`^version v1 (${UUID.source})$`, 'm'))![1]!;
    expect(created.stdout).toMatch(/^ {2}writing {3}src\/index\.ts$/m);
    expect(created.stdout).toMatch(/^ {2}created {3}src\/index\.ts$/m);
    expect(created.stdout).toMatch(/^· generating$/m);
    expect(created.stdout).toMatch(/^ {2}- skipped sandbox: /m);
    expect(created.stdout).toMatch(/^✓ v1 complete: \d+ files changed, validation 1 skipped$/m);

    const listed = await forge('versions', projectId);
    expect(listed.exitCode).toBe(0);
    // Base, tokens and cost are all "-": v1 has no base, and the offline generator reports no tokens, so no total line.
    expect(listed.stdout).toMatch(/^VERSION +STATUS +TITLE +BASE +TOKENS +COST +CREATED +ID$/m);
    expect(listed.stdout).toMatch(new RegExp(`^v1 +complete +.+ +- +- +- +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d +${v1Id}$`, 'm'));
    expect(listed.stdout).not.toMatch(/^Total:/m);

    const iterated = await forge('iterate', projectId, 'Add a reviews resource');
    expect(iterated.exitCode).toBe(0);
    const v2Id = iterated.stdout.match(new RegExp(`^version v2 (${UUID.source})$`, 'm'))![1]!;
    expect(iterated.stdout).toMatch(/^ {2}created {3}src\/routes\/reviews\.ts$/m);
    expect((await forge('versions', projectId)).stdout).toMatch(/^v2 +complete +.+ +v1 +/m);

    const { files } = await caller.versions.files({ versionId: v2Id });
    const paths = Object.keys(files).sort();
    expect((await forge('files', v2Id)).stdout).toBe(paths.map((path) => `${path}\n`).join(''));
    expect((await forge('files', v2Id, 'src/routes/reviews.ts')).stdout).toBe(files['src/routes/reviews.ts']);
    const missing = await forge('files', v2Id, 'src/nope.ts');
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toContain('has no file src/nope.ts');

    const diff = await forge('diff', v1Id, v2Id);
    expect(diff.exitCode).toBe(0);
    expect(diff.stdout).toMatch(/^API v1 → v2: \d+ changes, 0 breaking\n\+ GET \/reviews {2}\(added\)\n/);
    expect(diff.stdout).toMatch(/^v1 → v2: \d+ created, \d+ modified, \d+ unchanged \(\+\d+ -\d+\)$/m);
    expect(diff.stdout).toContain('--- /dev/null\n+++ v2/src/routes/reviews.ts\n@@ -0,0 +1,');

    const zipPath = join(workDir, 'v2.zip');
    const downloaded = await forge('download', v2Id, zipPath);
    expect(downloaded.exitCode).toBe(0);
    const folder = zipFolderName((await caller.projects.get({ projectId })).name, 2);
    expect(downloaded.stdout).toContain(`Wrote ${zipPath}: v2 of bookstore API, ${paths.length} files`);
    const unzipped = unzipSync(await readFile(zipPath));
    expect(Object.keys(unzipped).sort()).toEqual(paths.map((path) => `${folder}/${path}`));
    expect(new TextDecoder().decode(unzipped[`${folder}/src/routes/reviews.ts`])).toBe(files['src/routes/reviews.ts']);

    // With a saved check, the ZIP carries requests.http beside the files, the env value written as a variable.
    await caller.projectEnv.set({ projectId, name: 'REVIEWS_KEY', value: 'key-0123456789' });
    await caller.savedChecks.save({ projectId, method: 'GET', path: '/reviews', headers: { 'X-Api-Key': 'key-0123456789' }, expectStatus: 200, expectJson: null });
    const withChecksPath = join(workDir, 'v2-checks.zip');
    expect((await forge('download', v2Id, withChecksPath)).stdout).toContain(`v2 of bookstore API, ${paths.length + 1} files`);
    const withChecks = unzipSync(await readFile(withChecksPath));
    expect(Object.keys(withChecks).sort()).toEqual([...paths, 'requests.http'].sort().map((path) => `${folder}/${path}`));
    const requestsHttp = new TextDecoder().decode(withChecks[`${folder}/requests.http`]);
    expect(requestsHttp).toContain('### GET /reviews → 200\n# expect: 200\nGET {{baseUrl}}/reviews\nX-Api-Key: {{REVIEWS_KEY}}\n');
    expect(requestsHttp).not.toContain('key-0123456789');

    const stopEnded = await forge('stop', v2Id);
    expect(stopEnded.exitCode).toBe(1);
    expect(stopEnded.stderr).toContain('v2 has already ended');
  });

  it('stop ends a running generation; watch then shows why and exits 1', async () => {
    const { projectId } = await caller.projects.create({ prompt: 'bookstore API' });
    await services.jobs.idle();
    const fastModel = services.generationDeps.model;
    services.generationDeps.model = createOfflineModel({ chunkDelayMs: 20 });
    try {
      const v2 = await caller.versions.create({ projectId, prompt: 'Add a reviews resource' });
      const stopped = await forge('stop', v2.versionId);
      expect(stopped).toMatchObject({ exitCode: 0, stdout: 'Stopped v2. Its partial output stays in the stream; nothing was saved.\n' });
      await services.jobs.idle();
      const watched = await forge('watch', v2.versionId);
      expect(watched.exitCode).toBe(1);
      expect(watched.stdout).toMatch(/^✗ v2 failed \(stopped\): Stopped by the user/m);
      const download = await forge('download', v2.versionId, join(workDir, 'stopped.zip'));
      expect(download).toMatchObject({ exitCode: 1, stderr: 'forge: v2 has no saved files: it failed (stopped).\n' });
    } finally {
      services.generationDeps.model = fastModel;
    }
  });

  it('server errors are the server’s sentences, with exit code 1', async () => {
    const unknown = await forge('files', crypto.randomUUID());
    expect(unknown).toMatchObject({ exitCode: 1, stdout: '' });
    expect(unknown.stderr).toMatch(/^forge: Version [0-9a-f-]+ was not found\.\n$/);
    const malformed = await forge('versions', 'not-an-id');
    expect(malformed).toMatchObject({ exitCode: 1, stderr: 'forge: projectId: Must be an id (uuid).\n' });
  });

  it('the URL may also name the tRPC endpoint itself', async () => {
    const terminal = capturingTerminal();
    expect(await runCli(['versions', crypto.randomUUID(), '--url', `${serverUrl}/api/trpc/`], terminal, {})).toBe(1);
    expect(terminal.stderr).toMatch(/^forge: Project [0-9a-f-]+ was not found\.\n$/);
  });

  it('sends the token as a bearer header, and says how to give one when the server wants it', async () => {
    const seenAuthorization: Array<string | undefined> = [];
    const signedOut = createHTTPServer({
      router: appRouter,
      basePath: '/api/trpc/',
      createContext: ({ req }) => {
        seenAuthorization.push(req.headers.authorization);
        return { services, userId: null };
      },
    });
    const url = await listen(signedOut);
    try {
      const terminal = capturingTerminal();
      expect(await runCli(['versions', crypto.randomUUID(), '--url', url], terminal, { FORGE_ACCESS_TOKEN: 'expired-token' })).toBe(1);
      expect(seenAuthorization).toEqual(['Bearer expired-token']);
      expect(terminal.stderr).toContain('forge: Sign in first');
      expect(terminal.stderr).toContain('Pass --token <access token> or set FORGE_ACCESS_TOKEN.');
    } finally {
      await close(signedOut);
    }
  });

  it('a bad command line exits 2 with the usage', async () => {
    const result = await forge('diff', crypto.randomUUID());
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('"diff" takes 2 argument(s), got 1.');
    expect(result.stderr).toContain('Usage: forge <command>');
  });

  it('no server at the URL: says to start one', async () => {
    const closed = createServer();
    const url = await listen(closed);
    await close(closed);
    const terminal = capturingTerminal();
    expect(await runCli(['versions', crypto.randomUUID(), '--url', url], terminal, {})).toBe(1);
    expect(terminal.stderr).toBe(`forge: Could not connect to ${url} (connection refused). Is the server running? Start it with npm run dev\n`);
  });

  it('something else at the URL: says the answer was not API Forge’s', async () => {
    const other = createServer((_request, response) => response.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>'));
    const url = await listen(other);
    try {
      const terminal = capturingTerminal();
      expect(await runCli(['versions', crypto.randomUUID()], terminal, { FORGE_URL: url })).toBe(1);
      expect(terminal.stderr).toMatch(new RegExp(`^forge: ${url} did not answer like an API Forge server \\(.+\\)\\. Check --url or FORGE_URL\\.\\n$`));
    } finally {
      await close(other);
    }
  });
});
