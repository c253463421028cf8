// `stream.since`: the long-poll over stream_buffer. Answers at once when there are events after
// `afterSeq`; otherwise waits up to `waitMs`, woken by this process's writers or a periodic re-check.
import { waitForStreamAppend } from '@/stream/stream-notifier';
import { readStreamEvents } from '@/db/stores/stream-buffer-store';
import { findVersion } from '@/db/stores/versions-store';
import { requireVersion } from './access';
import type { HandlerContext } from './context';

const MAX_EVENTS_PER_ANSWER = 2000;
/**
 * Look again this often: writers in other processes wake us through NOTIFY only with the Postgres job
 * backend (src/stream/postgres-stream-signal.ts), Trigger.dev workers never, and a NOTIFY can be lost.
 */
const RECHECK_MS = 1000;

export async function streamSince(
  ctx: HandlerContext,
  input: { versionId: string; afterSeq: number; waitMs: number },
  signal?: AbortSignal,
) {
  const { version } = await requireVersion(ctx, input.versionId);
  const deadline = Date.now() + input.waitMs;
  let status = version.status;
  for (;;) {
    const events = await readStreamEvents(ctx.db, version.id, input.afterSeq, MAX_EVENTS_PER_ANSWER);
    const remaining = deadline - Date.now();
    const ended = status === 'complete' || status === 'failed';
    if (events.length > 0 || ended || remaining <= 0 || signal?.aborted) {
      return { events, status, lastSeq: events.at(-1)?.seq ?? input.afterSeq };
    }
    await waitForStreamAppend(version.id, Math.min(remaining, RECHECK_MS), signal);
    status = (await findVersion(ctx.db, version.id))?.status ?? status;
  }
}
