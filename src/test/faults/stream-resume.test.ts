// A client whose connection drops while a version is still generating reconnects and asks
// stream.since for what comes after the last event it kept, which may be well before the last one
// the server sent (a reloaded page, a client restored from an older checkpoint). Every answer must
// continue exactly there: no gap, no duplicate, the same events every time they are replayed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller } from '@/server/api/root';
import { LOCAL_USER_ID } from '@/server/api/trpc';
import { createAppServices, type AppServices } from '@/server/app-services';
import type { DatabaseHandle } from '@/db/client';
import { decideBackends, parseEnv } from '@/env';
import { openPgliteTestDatabase } from '@/test/test-database';
import { isTerminalEvent, type StreamEvent } from '@/types/streaming';

/** Reconnects made while generating before the test stops the version; the rest of its stream is then its end. */
const RECONNECTS_BEFORE_STOP = 12;

/** How far back each reconnect starts, in events, cycling: 0 is a clean resume, large ones go back to the start. */
const REWINDS = [0, 1, 5, 0, 2, 1_000, 3, 0, 8];

function seqRange(from: number, count: number): number[] {
  return Array.from({ length: count }, (_, index) => from + index);
}

describe('resuming a stream from the middle while it is generated', () => {
  let handle: DatabaseHandle;
  let services: AppServices;
  let caller: ReturnType<typeof createCaller>;

  beforeAll(async () => {
    handle = await openPgliteTestDatabase();
    // A slow offline model, so the reconnects happen while events are still being written.
    const env = parseEnv({ NODE_ENV: 'test', FORGE_OFFLINE_CHUNK_DELAY_MS: '5', FORGE_SANDBOX: 'skip' });
    services = await createAppServices({ env, backends: decideBackends(env), handle, maintenance: false });
    caller = createCaller({ services, userId: LOCAL_USER_ID });
  });
  afterAll(async () => {
    await services?.close();
    await handle?.close();
  });

  it('every reconnect gets exactly the rest, gap-free and identical on replay', async () => {
    const { versionId } = await caller.projects.create({ prompt: 'A REST API for a bookstore with authors and books' });
    const seen = new Map<number, StreamEvent>();
    let afterSeq = 0;
    let reconnectsWhileGenerating = 0;
    for (let poll = 0; ; poll++) {
      const answer = await caller.stream.since({ versionId, afterSeq, waitMs: 2000 });
      expect(answer.events.map((event) => event.seq)).toEqual(seqRange(afterSeq + 1, answer.events.length));
      for (const event of answer.events) {
        if (seen.has(event.seq)) expect(event).toEqual(seen.get(event.seq));
        else seen.set(event.seq, event);
      }
      if (answer.events.some(isTerminalEvent)) break;
      if (answer.status !== 'complete' && answer.status !== 'failed') reconnectsWhileGenerating++;
      // Enough shown; stopping ends the stream sooner than the whole generation would.
      if (reconnectsWhileGenerating === RECONNECTS_BEFORE_STOP) await caller.versions.stop({ versionId });
      // The connection drops; the client comes back from an earlier point.
      afterSeq = Math.max(0, answer.lastSeq - REWINDS[poll % REWINDS.length]!);
    }
    expect(reconnectsWhileGenerating).toBeGreaterThanOrEqual(RECONNECTS_BEFORE_STOP);
    await services.jobs.idle();

    const whole = (await caller.stream.since({ versionId, afterSeq: 0, waitMs: 0 })).events;
    expect(whole.filter((event) => event.type === 'code:chunk').length).toBeGreaterThan(0);
    expect(whole.at(-1)).toMatchObject({ type: 'error', reason: 'stopped' });
    expect([...seen.values()].sort((a, b) => a.seq - b.seq)).toEqual(whole);
    // Once ended, any starting point gives the exact tail at once.
    for (const from of [0, 1, Math.floor(whole.length / 2), whole.length - 1, whole.length]) {
      expect((await caller.stream.since({ versionId, afterSeq: from, waitMs: 0 })).events).toEqual(whole.slice(from));
    }
  });
});
