// versions.stop against a run of the same version, at the three moments where they can cross. The
// moments are forced, not hoped for: the test holds the run's claim, or the stop's ending, at a
// gate until the other side has done its part. Whatever the order, the version ends stopped, with
// one terminal event and one chat message, and no run generates for a version that has ended.
// Run on PGlite, and on Postgres when configured.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { STOPPED_MESSAGE } from '@/generation/active-generations';
import { createCaller } from '@/server/api/root';
import { LOCAL_USER_ID } from '@/server/api/trpc';
import { createAppServices, type AppServices } from '@/server/app-services';
import type { DatabaseHandle } from '@/db/client';
import { decideBackends, parseEnv } from '@/env';
import { testDatabases } from '@/test/test-database';

/** One-shot holds: the next call of a held step tells the test it arrived, then waits for release. */
const gates = vi.hoisted(() => {
  interface Hold {
    step: string;
    versionId?: string;
    arrive: (versionId: string) => void;
    released: Promise<void>;
    release: () => void;
  }
  let holds: Hold[] = [];
  let waiting: Hold[] = [];
  return {
    hold(step: 'claim' | 'end', versionId?: string) {
      let arrive!: (versionId: string) => void;
      let release!: () => void;
      const reached = new Promise<string>((resolve) => (arrive = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      holds.push({ step, versionId, arrive, released, release });
      return { reached, release };
    },
    async pass(step: string, versionId: string) {
      const hold = holds.find((candidate) => candidate.step === step && (candidate.versionId ?? versionId) === versionId);
      if (!hold) return;
      holds = holds.filter((candidate) => candidate !== hold);
      waiting.push(hold);
      hold.arrive(versionId);
      await hold.released;
    },
    /** `call`, held first whenever a hold waits on `step` for its version (the second argument). */
    before<Args extends [unknown, string, ...unknown[]], Result>(step: string, call: (...args: Args) => Promise<Result>) {
      return async (...args: Args): Promise<Result> => {
        await this.pass(step, args[1]);
        return call(...args);
      };
    },
    /** Lets every held call go on: a failed test must not leave the queue stuck for the next one. */
    releaseAll() {
      for (const hold of waiting) hold.release();
      holds = [];
      waiting = [];
    },
  };
});

vi.mock('@/db/stores/versions-store', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/db/stores/versions-store')>();
  return { ...actual, claimPendingVersion: gates.before('claim', actual.claimPendingVersion) };
});

// Held before its transaction starts: PGlite runs one transaction at a time, so a hold inside one
// would also hold the run's claim.
vi.mock('@/generation/end-version', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/generation/end-version')>();
  return { ...actual, endVersionWithEvents: gates.before('end', actual.endVersionWithEvents) };
});

for (const database of testDatabases) {
  describe.skipIf(Boolean(database.skip))(`versions.stop crossing a run on ${database.name}`, () => {
    let handle: DatabaseHandle;
    let services: AppServices;
    let caller: ReturnType<typeof createCaller>;

    beforeAll(async () => {
      handle = await database.open();
      // One run at a time, so a second version waits in the queue; slow enough that a run is still
      // writing code when the test stops it.
      const env = parseEnv({ NODE_ENV: 'test', FORGE_OFFLINE_CHUNK_DELAY_MS: '5', FORGE_SANDBOX: 'skip', FORGE_QUEUE_CONCURRENCY: '1' });
      services = await createAppServices({ env, backends: decideBackends(env), handle, maintenance: false });
      caller = createCaller({ services, userId: LOCAL_USER_ID });
    });
    // Each test starts with an idle queue, even after one that failed half-way.
    afterEach(async () => {
      gates.releaseAll();
      const active = await handle.query<{ id: string }>(`select id from api_versions where status in ('pending', 'generating', 'validating')`);
      await Promise.allSettled(active.map(({ id }) => caller.versions.stop({ versionId: id })));
      await services.jobs.idle();
    });
    afterAll(async () => {
      await services?.close();
      await handle?.close();
    });

    async function statusOf(versionId: string): Promise<string> {
      const [row] = await handle.query<{ status: string }>('select status from api_versions where id = $1', [versionId]);
      return row!.status;
    }

    /** The version's end as a client and a person see it: status, its events, its chat answers. */
    async function endingOf(projectId: string, versionId: string) {
      const version = await caller.versions.get({ versionId });
      const events = (await caller.stream.since({ versionId, afterSeq: 0, waitMs: 0 })).events;
      const answers = (await caller.messages.list({ projectId })).filter((message) => message.versionId === versionId && message.role === 'assistant');
      return {
        status: version.status,
        stopReason: version.stopReason,
        terminalEvents: events.filter((event) => event.type === 'error' || event.type === 'version:complete'),
        lastEvent: events.at(-1),
        wroteCode: events.some((event) => event.type === 'code:chunk'),
        answers: answers.map((message) => message.content),
      };
    }

    const stoppedOnce = {
      status: 'failed',
      stopReason: 'stopped',
      terminalEvents: [expect.objectContaining({ type: 'error', reason: 'stopped' })],
      lastEvent: expect.objectContaining({ type: 'error', reason: 'stopped' }),
      answers: [STOPPED_MESSAGE],
    };

    it('a stop after the run registered and before it claimed: the run claims, sees the stop and never asks the model', async () => {
      const claim = gates.hold('claim');
      const { projectId, versionId } = await caller.projects.create({ prompt: 'An API for tasks' });
      expect(await claim.reached).toBe(versionId);

      expect(await caller.versions.stop({ versionId })).toEqual({ stopped: true });
      // The stop reached the run; the run, not the stop, writes the ending.
      expect(await statusOf(versionId)).toBe('pending');
      claim.release();
      await services.jobs.idle();

      expect(await endingOf(projectId, versionId)).toEqual({ ...stoppedOnce, wroteCode: false });
    });

    it('a stop of a version waiting in the queue: the stop ends it, and the run that comes later leaves it alone', async () => {
      const firstClaim = gates.hold('claim');
      const first = await caller.projects.create({ prompt: 'An API for tasks' });
      await firstClaim.reached;
      const queued = await caller.projects.create({ prompt: 'An API for notes' });

      await caller.versions.stop({ versionId: queued.versionId });
      expect(await statusOf(queued.versionId)).toBe('failed');
      const queuedClaim = gates.hold('claim', queued.versionId);
      await caller.versions.stop({ versionId: first.versionId });
      firstClaim.release();
      // The queue did reach the stopped version: its run tried to claim it.
      expect(await queuedClaim.reached).toBe(queued.versionId);
      queuedClaim.release();
      await services.jobs.idle();

      expect(await endingOf(queued.projectId, queued.versionId)).toEqual({ ...stoppedOnce, wroteCode: false });
      expect(await endingOf(first.projectId, first.versionId)).toEqual({ ...stoppedOnce, wroteCode: false });
    });

    it('a stop that ends a version in the database while a run claims it: the run stops and writes no second ending', async () => {
      const firstClaim = gates.hold('claim');
      const first = await caller.projects.create({ prompt: 'An API for tasks' });
      await firstClaim.reached;
      const queued = await caller.projects.create({ prompt: 'An API for notes' });

      // The stop finds no run of the queued version in this process and goes to end it itself...
      const stopEnd = gates.hold('end', queued.versionId);
      const stopping = caller.versions.stop({ versionId: queued.versionId });
      await stopEnd.reached;
      // ...while the queue frees up and a run claims the version and starts writing code.
      await caller.versions.stop({ versionId: first.versionId });
      firstClaim.release();
      for (let afterSeq = 0, seenCode = false; !seenCode; ) {
        const answer = await caller.stream.since({ versionId: queued.versionId, afterSeq, waitMs: 2000 });
        seenCode = answer.events.some((event) => event.type === 'code:chunk');
        afterSeq = answer.lastSeq;
      }
      expect(await statusOf(queued.versionId)).toBe('generating');

      stopEnd.release();
      expect(await stopping).toEqual({ stopped: true });
      await services.jobs.idle();

      expect(await endingOf(queued.projectId, queued.versionId)).toEqual({ ...stoppedOnce, wroteCode: true });
    });
  });
}
