// The embedded job queue: durable because the work list IS the `pending` status in the database.
// Enqueueing only wakes the pump; a restart finds the same pending rows and runs them.
export interface LocalQueue {
  enqueue(versionId: string): void;
  /** Resolves when nothing is queued or running (tests, shutdown). */
  idle(): Promise<void>;
  readonly running: number;
}

export function createLocalQueue(options: { concurrency: number; run: (versionId: string) => Promise<unknown> }): LocalQueue {
  const waiting: string[] = [];
  const known = new Set<string>();
  let running = 0;
  let idleWaiters: Array<() => void> = [];

  const settleIdle = () => {
    if (running > 0 || waiting.length > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  };

  const pump = () => {
    while (running < options.concurrency && waiting.length > 0) {
      const versionId = waiting.shift()!;
      running++;
      options
        .run(versionId)
        .catch((error: unknown) => console.error(`[queue] version ${versionId} crashed its worker:`, error))
        .finally(() => {
          running--;
          known.delete(versionId);
          pump();
          settleIdle();
        });
    }
  };

  return {
    enqueue(versionId) {
      if (known.has(versionId)) return;
      known.add(versionId);
      waiting.push(versionId);
      pump();
    },
    idle() {
      return new Promise((resolve) => {
        idleWaiters.push(resolve);
        settleIdle();
      });
    },
    get running() {
      return running;
    },
  };
}
