// Wakes long-polls in every process on one Postgres (backends.jobs === 'postgres': web servers and
// `npm run worker` workers). A writer announces each written batch: this process's long-polls wake
// at once through the in-process notifier, the others through NOTIFY forge_stream '<versionId>',
// which every web server LISTENs to. The long-poll's periodic re-check stays as the safety net for a
// NOTIFY that is lost (a failed send, a LISTEN connection that is reconnecting).
import type { DatabaseHandle } from '@/db/client';
import { notifyStreamAppended } from './stream-notifier';

export const STREAM_CHANNEL = 'forge_stream';
/** A process's own NOTIFY comes back to its LISTEN within milliseconds; an older one is taken as lost. */
const ECHO_TTL_MS = 1000;

export interface StreamSignal {
  /** Wakes this process's long-polls now and the other processes' through NOTIFY. Never throws. */
  announce(versionId: string): void;
  /** LISTENs (and wakes this process's long-polls) until the returned function is called. */
  listen(): Promise<() => Promise<void>>;
}

/**
 * NOTIFYs this process sent and has not heard back yet, per database client (keyed by its `notify`):
 * the long-polls were already woken locally, so the echo is dropped instead of waking them twice.
 * Shared by the client's signals, because the writer's and the listener's are built in different places.
 */
interface Echoes {
  listeners: number;
  sentAt: Map<string, number[]>;
}
const echoesByClient = new WeakMap<DatabaseHandle['notify'], Echoes>();

function echoesOf(notify: DatabaseHandle['notify']): Echoes {
  let echoes = echoesByClient.get(notify);
  if (!echoes) echoesByClient.set(notify, (echoes = { listeners: 0, sentAt: new Map() }));
  return echoes;
}

/** The send times of `versionId` still awaiting their echo, expired ones dropped. */
function pending(echoes: Echoes, versionId: string, now: number): number[] {
  const times = echoes.sentAt.get(versionId) ?? [];
  while (times.length > 0 && times[0]! < now - ECHO_TTL_MS) times.shift();
  if (times.length === 0) echoes.sentAt.delete(versionId);
  return times;
}

function recordSend(echoes: Echoes, versionId: string): void {
  const now = Date.now();
  const times = pending(echoes, versionId, now);
  times.push(now);
  echoes.sentAt.set(versionId, times);
}

/** True when the payload is this client's own NOTIFY coming back. */
function takeEcho(echoes: Echoes, versionId: string): boolean {
  const times = pending(echoes, versionId, Date.now());
  if (times.length === 0) return false;
  times.shift();
  if (times.length === 0) echoes.sentAt.delete(versionId);
  return true;
}

/** `listen` is needed only by listen(): a worker announces and never listens. */
export function createStreamSignal(handle: Pick<DatabaseHandle, 'notify'> & Partial<Pick<DatabaseHandle, 'listen'>>): StreamSignal {
  const echoes = echoesOf(handle.notify);
  /**
   * At most one NOTIFY per version in flight: announcements made meanwhile become one more NOTIFY
   * when it returns. Sends then follow the publisher's batches (one per ~100 ms) without a timer's
   * delay, and a slow database gets fewer, not more.
   */
  const inFlight = new Map<string, { again: boolean }>();
  let failing = false;

  const send = (versionId: string) => {
    const state = { again: false };
    inFlight.set(versionId, state);
    if (echoes.listeners > 0) recordSend(echoes, versionId);
    // Through a promise even if `notify` throws synchronously: announce() never throws.
    Promise.resolve()
      .then(() => handle.notify(STREAM_CHANNEL, versionId))
      .then(
        () => {
          failing = false;
        },
        (error: unknown) => {
          if (echoes.listeners > 0) takeEcho(echoes, versionId);
          // Once per burst of failures: a database that is down would otherwise log ten lines a second.
          if (!failing) console.warn(`[stream] NOTIFY failed; other servers see new events at their next re-check:`, error);
          failing = true;
        },
      )
      .finally(() => {
        inFlight.delete(versionId);
        if (state.again) send(versionId);
      });
  };

  return {
    announce(versionId) {
      notifyStreamAppended(versionId);
      const sending = inFlight.get(versionId);
      if (sending) sending.again = true;
      else send(versionId);
    },
    async listen() {
      if (!handle.listen) throw new Error('This database handle cannot LISTEN.');
      const unlisten = await handle.listen(STREAM_CHANNEL, (versionId) => {
        if (!takeEcho(echoes, versionId)) notifyStreamAppended(versionId);
      });
      echoes.listeners += 1;
      let stopped = false;
      return async () => {
        if (stopped) return;
        stopped = true;
        echoes.listeners -= 1;
        await unlisten();
      };
    },
  };
}
