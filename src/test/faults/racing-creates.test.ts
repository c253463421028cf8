// Many clients asking for the next version of one project at the same moment (double clicks, two
// tabs, a script in a loop). The database decides: one create wins, every other one gets CONFLICT,
// and version numbers stay unique and contiguous. Run on PGlite, and on Postgres when configured,
// where the races are real concurrent transactions.
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller } from '@/server/api/root';
import { LOCAL_USER_ID } from '@/server/api/trpc';
import { createAppServices, type AppServices } from '@/server/app-services';
import type { DatabaseHandle } from '@/db/client';
import { decideBackends, parseEnv } from '@/env';
import { testDatabases } from '@/test/test-database';

const RACERS = 20;
const ROUNDS = 3;

function rejectionCodes(results: PromiseSettledResult<unknown>[]): string[] {
  return results.flatMap((result) => (result.status === 'rejected' ? [result.reason instanceof TRPCError ? result.reason.code : String(result.reason)] : []));
}

for (const database of testDatabases) {
  describe.skipIf(Boolean(database.skip))(`racing versions.create on ${database.name}`, () => {
    let handle: DatabaseHandle;
    let services: AppServices;
    let caller: ReturnType<typeof createCaller>;

    beforeAll(async () => {
      handle = await database.open();
      const env = parseEnv({ NODE_ENV: 'test', FORGE_OFFLINE_CHUNK_DELAY_MS: '0', FORGE_SANDBOX: 'skip' });
      services = await createAppServices({ env, backends: decideBackends(env), handle, maintenance: false });
      caller = createCaller({ services, userId: LOCAL_USER_ID });
    });
    afterAll(async () => {
      await services?.close();
      await handle?.close();
    });

    async function versionNumbers(projectId: string): Promise<number[]> {
      return (await caller.versions.list({ projectId })).map((version) => version.versionNumber);
    }

    it(`${RACERS} creates at once, ${ROUNDS} rounds: one winner a round, CONFLICT for the rest, numbers 1..n`, async () => {
      // Slow generation keeps each round's winner active for the whole round: with an instant model
      // the winner could finish before the slowest racer's insert, which then rightly wins too.
      const env = parseEnv({ NODE_ENV: 'test', FORGE_OFFLINE_CHUNK_DELAY_MS: '50', FORGE_SANDBOX: 'skip' });
      const slow = await createAppServices({ env, backends: decideBackends(env), handle, maintenance: false });
      const slowCaller = createCaller({ services: slow, userId: LOCAL_USER_ID });
      try {
        const first = await slowCaller.projects.create({ prompt: 'A REST API for a bookstore with authors and books' });
        const { projectId } = first;
        await slowCaller.versions.stop({ versionId: first.versionId });
        await slow.jobs.idle();
        for (let round = 1; round <= ROUNDS; round++) {
          const results = await Promise.allSettled(
            Array.from({ length: RACERS }, (_, racer) => slowCaller.versions.create({ projectId, prompt: `Add a reviews resource (round ${round}, racer ${racer})` })),
          );
          expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
          expect(rejectionCodes(results)).toEqual(Array(RACERS - 1).fill('CONFLICT'));
          const winner = results.find((result) => result.status === 'fulfilled')!.value;
          expect(winner.versionNumber).toBe(round + 1);
          await slowCaller.versions.stop({ versionId: winner.versionId });
          await slow.jobs.idle();
        }
        await checkNumbersAndChat(projectId);
      } finally {
        await slow.close();
      }
    });

    async function checkNumbersAndChat(projectId: string) {
      expect(await versionNumbers(projectId)).toEqual(Array.from({ length: ROUNDS + 1 }, (_, index) => index + 1));
      // Only the winners' prompts reached the chat.
      const userMessages = (await caller.messages.list({ projectId })).filter((message) => message.role === 'user');
      expect(userMessages).toHaveLength(ROUNDS + 1);
    }

    it('creates racing restores: every answer is a version or CONFLICT, numbers stay 1..n, at most one generation', async () => {
      const { projectId, versionId: v1 } = await caller.projects.create({ prompt: 'A REST API for a bookstore with authors and books' });
      await services.jobs.idle();
      const results = await Promise.allSettled(
        Array.from({ length: RACERS }, (_, racer) =>
          racer % 2 === 0 ? caller.versions.create({ projectId, prompt: `Add a reviews resource (${racer})` }) : caller.versions.restore({ versionId: v1 }),
        ),
      );
      for (const code of rejectionCodes(results)) expect(code).toBe('CONFLICT');
      const created = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value.versionNumber] : []));
      expect(created.length).toBeGreaterThanOrEqual(1);
      const versions = await caller.versions.list({ projectId });
      expect(versions.filter((version) => ['pending', 'generating', 'validating'].includes(version.status)).length).toBeLessThanOrEqual(1);
      await services.jobs.idle();
      expect(await versionNumbers(projectId)).toEqual(Array.from({ length: created.length + 1 }, (_, index) => index + 1));
      expect(created.sort((a, b) => a - b)).toEqual(Array.from({ length: created.length }, (_, index) => index + 2));
    });
  });
}
