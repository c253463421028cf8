// The spine through the tRPC routers, on PGlite and (when configured) on real Postgres:
// prompt → streamed v1 → v2 → switch, plus the errors a person or a script can run into.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import type { AppServices } from '../app-services';
import { forgetCachedVersionFiles } from '@/db/stores/version-files-store';
import { testDatabases } from '@/test/test-database';
import { openTestApp, type TestApp } from '@/test/test-app';
import type { StreamEvent } from '@/types/streaming';
import { createCaller } from './root';
import { rejectionOf } from '@/test/rejection';

const BOOKSTORE = 'A REST API for a bookstore with authors and books';

const trpcErrorOf = (promise: Promise<unknown>) => rejectionOf(promise, TRPCError);

for (const database of testDatabases) {
  describe.skipIf(Boolean(database.skip))(`spine on ${database.name}`, () => {
    let app: TestApp;
    let services: AppServices;
    let caller: TestApp['caller'];

    beforeAll(async () => {
      app = await openTestApp({ openDatabase: database.open });
      ({ services, caller } = app);
    });
    afterAll(() => app?.close());

    async function readWholeStream(versionId: string): Promise<StreamEvent[]> {
      const events: StreamEvent[] = [];
      for (let afterSeq = 0; ; ) {
        const answer = await caller.stream.since({ versionId, afterSeq, waitMs: 5000 });
        events.push(...answer.events);
        afterSeq = answer.lastSeq;
        const last = events.at(-1);
        if (last && (last.type === 'version:complete' || last.type === 'error')) return events;
        if (answer.events.length === 0 && (answer.status === 'complete' || answer.status === 'failed')) return events;
      }
    }

    it('creates v1 from a prompt, streams it with gap-free seq, and stores runnable files', async () => {
      const created = await caller.projects.create({ prompt: BOOKSTORE });
      expect(created.versionNumber).toBe(1);

      const events = await readWholeStream(created.versionId);
      expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index + 1));
      expect(events[0]).toMatchObject({ type: 'version:start', versionNumber: 1 });
      expect(events.at(-1)).toMatchObject({ type: 'version:complete' });

      const streamed = new Map<string, string>();
      for (const event of events) {
        if (event.type === 'code:chunk') streamed.set(event.filePath, (streamed.get(event.filePath) ?? '') + event.chunk);
      }
      const { files } = await caller.versions.files({ versionId: created.versionId });
      expect(Object.keys(files)).toEqual(expect.arrayContaining(['package.json', 'src/index.ts', 'src/routes/authors.ts', 'src/routes/books.ts']));
      // What the viewer typed is exactly what was saved.
      for (const [path, content] of streamed) expect(files[path]).toBe(content);

      const listed = (await caller.projects.list()).find((project) => project.id === created.projectId);
      expect(listed).toMatchObject({ name: BOOKSTORE, versionCount: 1 });
      const [version] = await caller.versions.list({ projectId: created.projectId });
      expect(version).toMatchObject({ status: 'complete', stopReason: 'completed', versionNumber: 1 });
      const messages = await caller.messages.list({ projectId: created.projectId });
      expect(messages.map((message) => message.role)).toEqual(['user', 'assistant']);
    });

    it('makes v2 from the latest complete version and keeps v1 intact for switching back', async () => {
      const { projectId, versionId: v1Id } = await caller.projects.create({ prompt: BOOKSTORE });
      await services.jobs.idle();
      const v1Files = (await caller.versions.files({ versionId: v1Id })).files;

      const v2 = await caller.versions.create({ projectId, prompt: 'Add a reviews resource' });
      expect(v2.versionNumber).toBe(2);
      await services.jobs.idle();

      const versions = await caller.versions.list({ projectId });
      expect(versions[1]).toMatchObject({ status: 'complete', baseVersionId: v1Id, baseVersionNumber: 1 });
      expect(versions[1]!.changes).toContainEqual({ filePath: 'src/routes/reviews.ts', operation: 'created' });
      expect(versions[1]!.changes.map((change) => change.filePath)).not.toContain('src/routes/authors.ts');

      forgetCachedVersionFiles();
      const v2Files = (await caller.versions.files({ versionId: v2.versionId })).files;
      expect(v2Files['src/routes/reviews.ts']).toContain('reviews');
      expect(v2Files['src/routes/books.ts']).toBe(v1Files['src/routes/books.ts']);
      expect((await caller.versions.files({ versionId: v1Id })).files).toEqual(v1Files);
    });

    it('refuses a second generation on a project while one is active, with CONFLICT', async () => {
      const { projectId } = await caller.projects.create({ prompt: BOOKSTORE });
      const error = await trpcErrorOf(caller.versions.create({ projectId, prompt: 'Add a reviews resource' }));
      expect(error.code).toBe('CONFLICT');
      expect(error.message).toMatch(/still being generated/);
      await services.jobs.idle();
    });

    it('answers bad input with a typed BAD_REQUEST and writes nothing', async () => {
      const before = (await caller.projects.list()).length;
      expect((await trpcErrorOf(caller.projects.create({ prompt: '   ' }))).code).toBe('BAD_REQUEST');
      expect((await trpcErrorOf(caller.projects.create({ prompt: 'x'.repeat(9000) }))).code).toBe('BAD_REQUEST');
      expect((await trpcErrorOf(caller.versions.files({ versionId: 'not-a-uuid' }))).code).toBe('BAD_REQUEST');
      expect((await trpcErrorOf(caller.stream.since({ versionId: crypto.randomUUID(), afterSeq: -1, waitMs: 0 }))).code).toBe('BAD_REQUEST');
      expect((await caller.projects.list()).length).toBe(before);
    });

    it('answers unknown or foreign ids with NOT_FOUND', async () => {
      expect((await trpcErrorOf(caller.versions.files({ versionId: crypto.randomUUID() }))).code).toBe('NOT_FOUND');
      const { projectId } = await caller.projects.create({ prompt: BOOKSTORE });
      await services.jobs.idle();
      const stranger = createCaller({ services, userId: crypto.randomUUID() });
      expect((await trpcErrorOf(stranger.projects.get({ projectId }))).code).toBe('NOT_FOUND');
      expect((await trpcErrorOf(stranger.messages.list({ projectId }))).code).toBe('NOT_FOUND');
    });

    it('long-polls: waits for new events and answers as soon as they are written', async () => {
      const { versionId } = await caller.projects.create({ prompt: BOOKSTORE });
      await services.jobs.idle();
      const all = await readWholeStream(versionId);
      const started = Date.now();
      const answer = await caller.stream.since({ versionId, afterSeq: all.length, waitMs: 2000 });
      // An ended version answers at once, with nothing new.
      expect(answer.events).toEqual([]);
      expect(answer.status).toBe('complete');
      expect(Date.now() - started).toBeLessThan(1500);
      // Resuming from the middle gives exactly the rest.
      const middle = Math.floor(all.length / 2);
      const rest = await caller.stream.since({ versionId, afterSeq: middle, waitMs: 0 });
      expect(rest.events.map((event) => event.seq)).toEqual(all.slice(middle).map((event) => event.seq));
    });
  });
}
