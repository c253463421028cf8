// Wakes long-polls in this process when their version's buffer grows. Writers in another process on
// the same Postgres reach it through LISTEN/NOTIFY (postgres-stream-signal.ts); a Trigger.dev worker's
// writes are seen by the long-poll's periodic re-check instead.
import { EventEmitter } from 'node:events';
import { processSingleton } from '@/shared/process-singleton';

function emitter(): EventEmitter {
  return processSingleton('streamNotifier', () => new EventEmitter().setMaxListeners(0));
}

export function notifyStreamAppended(versionId: string): void {
  emitter().emit(versionId);
}

/** Resolves true when `versionId` gets new events, false after `timeoutMs` or on abort. */
export function waitForStreamAppend(versionId: string, timeoutMs: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    const bus = emitter();
    const finish = (woken: boolean) => {
      clearTimeout(timer);
      bus.off(versionId, onAppend);
      signal?.removeEventListener('abort', onAbort);
      resolve(woken);
    };
    const onAppend = () => finish(true);
    const onAbort = () => finish(false);
    const timer = setTimeout(() => finish(false), timeoutMs);
    bus.on(versionId, onAppend);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
