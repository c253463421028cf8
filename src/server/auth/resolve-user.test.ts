// Connected-mode sign-in as scripts and the browser use it: the real supabase-js client asks a local
// stand-in for Supabase Auth's GET /auth/v1/user (the hosted service cannot be reached from here).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { createAppServices, type AppServices } from '../app-services';
import { createCaller } from '../api/root';
import { createTRPCContext } from '../api/trpc';
import { decideBackends, parseEnv } from '@/env';
import type { DatabaseHandle } from '@/db/client';
import { openPgliteTestDatabase } from '@/test/test-database';

const USERS: Record<string, string> = { 'token-of-alice': crypto.randomUUID(), 'token-of-bob': crypto.randomUUID() };

describe('connected-mode users', () => {
  const authRequests: Array<{ path: string; authorization?: string; apikey?: string }> = [];
  const auth = createServer((request, response) => {
    authRequests.push({ path: request.url ?? '', authorization: request.headers.authorization, apikey: request.headers.apikey as string | undefined });
    const token = request.headers.authorization?.replace(/^Bearer /, '') ?? '';
    const id = USERS[token];
    if (request.url === '/auth/v1/user' && id) {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id, aud: 'authenticated', role: 'authenticated', email: `${token}@example.test` }));
    } else {
      response.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 401, error_code: 'bad_jwt', msg: 'invalid JWT' }));
    }
  });
  let handle: DatabaseHandle;
  let services: AppServices;

  beforeAll(async () => {
    await new Promise<void>((resolve) => auth.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(auth.address() as AddressInfo).port}`;
    handle = await openPgliteTestDatabase();
    const env = parseEnv({ NODE_ENV: 'test', NEXT_PUBLIC_SUPABASE_URL: url, NEXT_PUBLIC_SUPABASE_ANON_KEY: 'anon-key', FORGE_SANDBOX: 'skip', FORGE_OFFLINE_CHUNK_DELAY_MS: '0' });
    expect(decideBackends(env).users).toBe('supabase-auth');
    services = await createAppServices({ env, backends: decideBackends(env), handle, maintenance: false });
  });
  afterAll(async () => {
    await services?.close();
    await handle?.close();
    await new Promise<void>((resolve) => auth.close(() => resolve()));
  });

  async function callerFor(headers: Record<string, string>) {
    return createCaller(await createTRPCContext({ headers: new Headers(headers), services }));
  }

  it('refuses procedures without a session, with UNAUTHORIZED', async () => {
    const anonymous = await callerFor({});
    const error = await anonymous.projects.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('UNAUTHORIZED');
    const forged = await callerFor({ authorization: 'Bearer forged-token' });
    expect(((await forged.projects.list().catch((caught: unknown) => caught)) as TRPCError).code).toBe('UNAUTHORIZED');
  });

  it('resolves a bearer token to its user, and keeps each user to their own projects', async () => {
    const alice = await callerFor({ authorization: 'Bearer token-of-alice' });
    const bob = await callerFor({ authorization: 'Bearer token-of-bob' });
    const { projectId } = await alice.projects.create({ prompt: 'A REST API for a bookstore with authors and books' });
    await services.jobs.idle();
    expect((await alice.projects.list()).map((project) => project.id)).toContain(projectId);
    expect(await bob.projects.list()).toEqual([]);
    expect(((await bob.versions.list({ projectId }).catch((caught: unknown) => caught)) as TRPCError).code).toBe('NOT_FOUND');
    const [row] = await handle.query<{ owner_id: string }>('select owner_id from projects where id = $1', [projectId]);
    expect(row!.owner_id).toBe(USERS['token-of-alice']);
    // The token was checked with Supabase Auth, with the project's anon key.
    expect(authRequests).toContainEqual({ path: '/auth/v1/user', authorization: 'Bearer token-of-alice', apikey: 'anon-key' });
  });
});
