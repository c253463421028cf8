// Every tRPC procedure fed inputs it must refuse: wrong types, huge and odd strings, bad numbers,
// extra keys, unknown ids and other people's ids. Each call must end in a typed 4xx TRPCError
// (never INTERNAL_SERVER_ERROR) and change nothing in the database. Valid calls that would write
// are left out by construction: prompts are fuzzed only where they must be refused.
import fc from 'fast-check';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../app-services';
import type { DatabaseHandle } from '@/db/client';
import { decideBackends, parseEnv } from '@/env';
import { openPgliteTestDatabase } from '@/test/test-database';
import {
  anyValue,
  badPreviewRequest,
  badSavedCheckFields,
  notAnEnvName,
  notAnEnvValue,
  notAnId,
  notAPrompt,
  unknownId,
  validEnvName,
  validPrompt,
  withExtraKeys,
} from '@/test/fuzz-inputs';
import { signedOutCalls } from '@/test/signed-out-calls';
import { appRouter, createCaller } from './root';
import { saveCheckInput } from './routers/saved-checks';
import { LOCAL_USER_ID } from './trpc';

type Caller = ReturnType<typeof createCaller>;

const RUNS_PER_PROCEDURE = 40;
const BOOKSTORE = 'A REST API for a bookstore with authors and books';

/** Rows of every table, plus fingerprints of the columns a mutation would update. */
const DATABASE_STATE_SQL = `select
  (select count(*) from projects)::int as projects,
  (select count(*) from api_versions)::int as versions,
  (select count(*) from version_files)::int as version_files,
  (select count(*) from chat_messages)::int as chat_messages,
  (select count(*) from stream_buffer)::int as stream_buffer,
  (select md5(coalesce(string_agg(id::text || status || coalesce(stop_reason, ''), ',' order by id), '')) from api_versions) as version_states,
  (select md5(coalesce(string_agg(id::text || updated_at::text, ',' order by id), '')) from projects) as project_updates,
  (select md5(coalesce(string_agg(project_id::text || name || value || updated_at::text, ',' order by project_id, name), '')) from project_env_vars) as env_vars,
  (select count(*) from request_history)::int as request_history,
  (select count(*) from saved_checks)::int as saved_checks`;

function trpcErrorOf(error: unknown): TRPCError {
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

describe('tRPC procedures under fuzzing', () => {
  let handle: DatabaseHandle;
  let services: AppServices;
  let owner: Caller;
  /** The owner's project: v1 complete, v2 failed (stopped). */
  let own: { projectId: string; v1: string; v2: string };
  /** Another user's project, seen from the owner's side. */
  let foreign: { projectId: string; v1: string };

  beforeAll(async () => {
    handle = await openPgliteTestDatabase();
    const env = parseEnv({ NODE_ENV: 'test', FORGE_OFFLINE_CHUNK_DELAY_MS: '0', FORGE_SANDBOX: 'skip' });
    services = await createAppServices({ env, backends: decideBackends(env), handle, maintenance: false });
    owner = createCaller({ services, userId: LOCAL_USER_ID });
    const stranger = createCaller({ services, userId: crypto.randomUUID() });

    const ownV1 = await owner.projects.create({ prompt: BOOKSTORE });
    const foreignV1 = await stranger.projects.create({ prompt: BOOKSTORE });
    await services.jobs.idle();
    const ownV2 = await owner.versions.create({ projectId: ownV1.projectId, prompt: 'Add a reviews resource' });
    await owner.versions.stop({ versionId: ownV2.versionId });
    await services.jobs.idle();
    own = { projectId: ownV1.projectId, v1: ownV1.versionId, v2: ownV2.versionId };
    foreign = { projectId: foreignV1.projectId, v1: foreignV1.versionId };
    expect((await owner.versions.list({ projectId: own.projectId })).map((version) => version.status)).toEqual(['complete', 'failed']);
  });
  afterAll(async () => {
    await services?.close();
    await handle?.close();
  });

  const databaseState = async () => (await handle.query(DATABASE_STATE_SQL))[0];

  /** Ids the owner may not use: malformed, unknown, or another user's. */
  const badProjectId = () => fc.oneof(notAnId, unknownId, fc.constant(foreign.projectId));
  const badVersionId = () => fc.oneof(notAnId, unknownId, fc.constant(foreign.v1));
  /** Two versions to compare, at least one of which the caller may not have. */
  const badVersionPair = () => {
    const anyVersion = fc.oneof(badVersionId(), fc.constantFrom(own.v1, own.v2));
    return fc.oneof(
      anyValue,
      withExtraKeys({ fromVersionId: badVersionId(), toVersionId: anyVersion }),
      withExtraKeys({ fromVersionId: anyVersion, toVersionId: badVersionId() }),
    );
  };
  const badSeq = fc.oneof(notAnId.filter((value) => !(Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 2_147_483_647)), fc.integer({ max: -1 }));
  const badWait = fc.oneof(anyValue.filter((value) => !(Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 25_000) && value !== undefined), fc.integer({ min: 25_001 }));

  /** Each procedure with the inputs it must refuse. Built lazily: the ids exist only after beforeAll. */
  const procedures: Array<{ name: string; inputs: () => fc.Arbitrary<unknown>; call: (caller: Caller, input: never) => Promise<unknown> }> = [
    {
      name: 'projects.create',
      inputs: () => fc.oneof(notAnId.filter((value) => typeof value !== 'object' || value === null), withExtraKeys({ prompt: notAPrompt })),
      call: (caller, input) => caller.projects.create(input),
    },
    { name: 'projects.get', inputs: () => fc.oneof(anyValue, withExtraKeys({ projectId: badProjectId() })), call: (caller, input) => caller.projects.get(input) },
    {
      name: 'versions.create',
      inputs: () =>
        fc.oneof(
          anyValue,
          withExtraKeys({ projectId: badProjectId(), prompt: fc.oneof(validPrompt, notAPrompt) }),
          withExtraKeys({ projectId: fc.constant(own.projectId), prompt: notAPrompt }),
          // A base the owner may not build on: malformed, unknown, another user's, or the failed v2.
          // Not undefined: an optional base given as undefined is no base, and the call is valid.
          withExtraKeys({ projectId: fc.constant(own.projectId), prompt: validPrompt, baseVersionId: fc.oneof(badVersionId(), fc.constant(own.v2)) }).filter(
            (input) => 'prompt' in input && input.baseVersionId !== undefined,
          ),
        ),
      call: (caller, input) => caller.versions.create(input),
    },
    { name: 'versions.list', inputs: () => fc.oneof(anyValue, withExtraKeys({ projectId: badProjectId() })), call: (caller, input) => caller.versions.list(input) },
    { name: 'versions.get', inputs: () => fc.oneof(anyValue, withExtraKeys({ versionId: badVersionId() })), call: (caller, input) => caller.versions.get(input) },
    { name: 'versions.files', inputs: () => fc.oneof(anyValue, withExtraKeys({ versionId: badVersionId() })), call: (caller, input) => caller.versions.files(input) },
    {
      name: 'versions.stop',
      // Stopping one's own ended versions is refused too (CONFLICT).
      inputs: () => fc.oneof(anyValue, withExtraKeys({ versionId: fc.oneof(badVersionId(), fc.constantFrom(own.v1, own.v2)) })),
      call: (caller, input) => caller.versions.stop(input),
    },
    // Regenerating one's own version is a valid create, so only ids the owner may not use.
    { name: 'versions.regenerate', inputs: () => fc.oneof(anyValue, withExtraKeys({ versionId: badVersionId() })), call: (caller, input) => caller.versions.regenerate(input) },
    {
      name: 'versions.fix',
      // Neither of the owner's versions failed validation: both are refused (BAD_REQUEST).
      inputs: () => fc.oneof(anyValue, withExtraKeys({ versionId: fc.oneof(badVersionId(), fc.constantFrom(own.v1, own.v2)) })),
      call: (caller, input) => caller.versions.fix(input),
    },
    {
      name: 'versions.restore',
      inputs: () => fc.oneof(anyValue, withExtraKeys({ versionId: fc.oneof(badVersionId(), fc.constant(own.v2)) })),
      call: (caller, input) => caller.versions.restore(input),
    },
    {
      name: 'versions.compare',
      inputs: () => fc.oneof(badVersionPair(), withExtraKeys({ fromVersionId: fc.constant(own.v1), toVersionId: fc.constant(own.v2) })),
      call: (caller, input) => caller.versions.compare(input),
    },
    {
      // v1 → v2 is a valid question here (v2 has no saved files, so the answer is "no API description"), so it is never generated.
      name: 'versions.apiDiff',
      inputs: badVersionPair,
      call: (caller, input) => caller.versions.apiDiff(input),
    },
    { name: 'messages.list', inputs: () => fc.oneof(anyValue, withExtraKeys({ projectId: badProjectId() })), call: (caller, input) => caller.messages.list(input) },
    {
      name: 'stream.since',
      inputs: () =>
        fc.oneof(
          anyValue,
          withExtraKeys({ versionId: badVersionId(), afterSeq: anyValue, waitMs: anyValue }),
          fc.record({ versionId: fc.constant(own.v1), afterSeq: badSeq, waitMs: fc.constantFrom(0, undefined) }),
          fc.record({ versionId: fc.constant(own.v1), afterSeq: fc.nat(), waitMs: badWait }),
        ),
      call: (caller, input) => caller.stream.since(input),
    },
    { name: 'versions.api', inputs: () => fc.oneof(anyValue, withExtraKeys({ versionId: badVersionId() })), call: (caller, input) => caller.versions.api(input) },
    { name: 'projectEnv.list', inputs: () => fc.oneof(anyValue, withExtraKeys({ projectId: badProjectId() })), call: (caller, input) => caller.projectEnv.list(input) },
    {
      name: 'projectEnv.set',
      // Setting a good name to a good value on one's own project is a valid write, so it is never generated.
      inputs: () =>
        fc.oneof(
          anyValue,
          withExtraKeys({ projectId: badProjectId(), name: validEnvName, value: fc.string({ maxLength: 20 }) }).filter((input) => 'projectId' in input),
          fc.record({ projectId: fc.constant(own.projectId), name: notAnEnvName, value: fc.string({ maxLength: 20 }) }),
          fc.record({ projectId: fc.constant(own.projectId), name: validEnvName, value: notAnEnvValue }),
        ),
      call: (caller, input) => caller.projectEnv.set(input),
    },
    {
      name: 'projectEnv.remove',
      inputs: () =>
        fc.oneof(
          anyValue,
          withExtraKeys({ projectId: badProjectId(), name: validEnvName }).filter((input) => 'projectId' in input),
          fc.record({ projectId: fc.constant(own.projectId), name: notAnEnvName }),
        ),
      call: (caller, input) => caller.projectEnv.remove(input),
    },
    // v1 is complete, so starting its preview is valid; v2 stopped before it saved files: refused.
    { name: 'preview.start', inputs: () => fc.oneof(anyValue, withExtraKeys({ versionId: fc.oneof(badVersionId(), fc.constant(own.v2)) })), call: (caller, input) => caller.preview.start(input) },
    { name: 'preview.status', inputs: () => fc.oneof(anyValue, withExtraKeys({ versionId: badVersionId() })), call: (caller, input) => caller.preview.status(input) },
    { name: 'preview.stop', inputs: () => fc.oneof(anyValue, withExtraKeys({ versionId: badVersionId() })), call: (caller, input) => caller.preview.stop(input) },
    { name: 'preview.check', inputs: () => fc.oneof(anyValue, withExtraKeys({ versionId: fc.oneof(badVersionId(), fc.constant(own.v2)) })), call: (caller, input) => caller.preview.check(input) },
    {
      name: 'preview.send',
      inputs: () =>
        fc.oneof(
          anyValue,
          withExtraKeys({ versionId: badVersionId(), method: fc.constant('GET'), path: fc.constant('/') }),
          badPreviewRequest.map((request) => ({ ...request, versionId: own.v1 })),
          // A good request to a version whose preview is not running: refused, nothing recorded.
          fc.constant({ versionId: own.v1, method: 'GET', path: '/authors' }),
        ),
      call: (caller, input) => caller.preview.send(input),
    },
    {
      name: 'preview.history',
      inputs: () =>
        fc.oneof(
          anyValue,
          withExtraKeys({ projectId: badProjectId() }),
          fc.record({ projectId: fc.constant(own.projectId), limit: anyValue.filter((value) => value !== undefined && !(Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 200)) }),
        ),
      call: (caller, input) => caller.preview.history(input),
    },
    { name: 'savedChecks.list', inputs: () => fc.oneof(anyValue, withExtraKeys({ projectId: badProjectId() })), call: (caller, input) => caller.savedChecks.list(input) },
    {
      name: 'savedChecks.save',
      // A check the schema accepts, on one's own project, is a valid write, so it is never generated.
      inputs: () =>
        fc.oneof(
          anyValue,
          withExtraKeys({ projectId: badProjectId(), method: fc.constant('GET'), path: fc.constant('/'), expectStatus: fc.constant(200) }).filter((input) => 'projectId' in input),
          fc
            .oneof(badPreviewRequest, badSavedCheckFields)
            .map((fields) => ({ projectId: own.projectId, method: 'GET', path: '/', expectStatus: 200, ...fields }))
            .filter((input) => !saveCheckInput.safeParse(input).success),
        ),
      call: (caller, input) => caller.savedChecks.save(input),
    },
    {
      // Removing an unknown id from one's own project is a valid call (nothing removed), so it is never generated.
      name: 'savedChecks.remove',
      inputs: () => fc.oneof(anyValue, withExtraKeys({ projectId: badProjectId(), id: unknownId }).filter((input) => 'projectId' in input), fc.record({ projectId: fc.constant(own.projectId), id: notAnId })),
      call: (caller, input) => caller.savedChecks.remove(input),
    },
    { name: 'savedChecks.requestsHttp', inputs: () => fc.oneof(anyValue, withExtraKeys({ projectId: badProjectId() })), call: (caller, input) => caller.savedChecks.requestsHttp(input) },
  ];

  it('fuzzes every procedure of the router', () => {
    // projects.list takes no input, so there is nothing to refuse; the signed-out test covers it.
    const fuzzed = [...procedures.map((procedure) => procedure.name), 'projects.list'];
    expect(fuzzed.sort()).toEqual(Object.keys(appRouter._def.procedures).sort());
  });

  for (const procedure of procedures) {
    it(`${procedure.name}: a typed 4xx and no write, for every input it must refuse`, async () => {
      const before = await databaseState();
      await fc.assert(
        fc.asyncProperty(procedure.inputs(), async (input) => {
          const error = trpcErrorOf(await procedure.call(owner, input as never).then(() => 'answered instead of refusing', (caught: unknown) => caught));
          expect(error.code, error.message).not.toBe('INTERNAL_SERVER_ERROR');
          expect(getHTTPStatusCodeFromError(error)).toBeGreaterThanOrEqual(400);
          expect(getHTTPStatusCodeFromError(error)).toBeLessThan(500);
          expect(await databaseState()).toEqual(before);
        }),
        { numRuns: RUNS_PER_PROCEDURE },
      );
    });
  }

  it('without a signed-in user every procedure is UNAUTHORIZED, even with valid input, and writes nothing', async () => {
    const anonymous = createCaller({ services, userId: null });
    const before = await databaseState();
    const calls = signedOutCalls(anonymous, own, BOOKSTORE);
    expect(calls).toHaveLength(Object.keys(appRouter._def.procedures).length);
    for (const call of calls) expect(trpcErrorOf(await call().catch((caught: unknown) => caught)).code).toBe('UNAUTHORIZED');
    expect(await databaseState()).toEqual(before);
  });
});
