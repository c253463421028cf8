// A typed tRPC client over HTTP (httpLink + superjson, as the browser's long-poll link) and a
// long-polling follower of one version's stream that timestamps every event on arrival.
import { performance } from 'node:perf_hooks';
import { createTRPCClient, httpLink, type TRPCClient } from '@trpc/client';
import superjson from 'superjson';
import type { AppRouter } from '../../src/server/api/root';
import type { StreamEvent } from '../../src/types/streaming';

export type BenchClient = TRPCClient<AppRouter>;

export function createBenchClient(baseUrl: string): BenchClient {
  return createTRPCClient<AppRouter>({ links: [httpLink({ url: `${baseUrl}/api/trpc`, transformer: superjson })] });
}

export interface ReceivedEvent {
  event: StreamEvent;
  /** performance.now() when the long-poll answer carrying it arrived. */
  receivedAt: number;
}

export interface FollowedStream {
  received: ReceivedEvent[];
  /** Events whose seq was not exactly the previous one + 1. */
  outOfOrder: number;
  duplicates: number;
  gaps: number;
  terminal: StreamEvent | undefined;
  /** performance.now() when the terminal event arrived. */
  endedAt: number;
}

/**
 * Long-polls `stream.since` from seq 0 until the version's terminal event (version:complete / error).
 * Checks the order as it goes; never reorders or drops anything itself.
 */
export async function followStream(client: BenchClient, versionId: string, options: { timeoutMs: number; waitMs?: number }): Promise<FollowedStream> {
  const deadline = Date.now() + options.timeoutMs;
  const result: FollowedStream = { received: [], outOfOrder: 0, duplicates: 0, gaps: 0, terminal: undefined, endedAt: 0 };
  const seen = new Set<number>();
  let lastSeq = 0;
  while (!result.terminal) {
    if (Date.now() > deadline) throw new Error(`version ${versionId}: no terminal event within ${options.timeoutMs / 1000} s (last seq ${lastSeq})`);
    const answer = await client.stream.since.query(
      { versionId, afterSeq: lastSeq, waitMs: options.waitMs ?? 20_000 },
      { signal: AbortSignal.timeout(options.timeoutMs) },
    );
    const receivedAt = performance.now();
    for (const event of answer.events) {
      if (seen.has(event.seq)) result.duplicates++;
      else if (event.seq < lastSeq) result.outOfOrder++;
      else if (event.seq !== lastSeq + 1) result.gaps += event.seq - lastSeq - 1;
      seen.add(event.seq);
      lastSeq = Math.max(lastSeq, event.seq);
      result.received.push({ event, receivedAt });
      if (event.type === 'version:complete' || event.type === 'error') {
        result.terminal = event;
        result.endedAt = receivedAt;
      }
    }
    if (!result.terminal && (answer.status === 'complete' || answer.status === 'failed') && answer.events.length === 0) {
      throw new Error(`version ${versionId} ended ${answer.status} without a terminal event after seq ${lastSeq}`);
    }
  }
  return result;
}

/** Files as the stream wrote them: code:chunk text per file, restarted when a file is written again. */
export function filesFromStream(events: readonly StreamEvent[]): { files: Record<string, string>; startLineErrors: number } {
  const files: Record<string, string> = {};
  let startLineErrors = 0;
  for (const event of events) {
    if (event.type === 'file:generating') files[event.filePath] = '';
    if (event.type === 'code:chunk') {
      const before = files[event.filePath] ?? '';
      if (before.split('\n').length !== event.startLine) startLineErrors++;
      files[event.filePath] = before + event.chunk;
    }
  }
  return { files, startLineErrors };
}
