// The process-wide instances, all named in one list. They live on globalThis because Next's dev
// server evaluates modules again after an edit: a second instance would split state that must be
// one per process (two PGlite on one folder lose data; a second run registry could not stop a
// run). Tests and scripts get the same instance within their process.
const SINGLETONS = {
  /** The database, job backend and previews of this server (src/server/app-services.ts). */
  appServices: Symbol.for('api-forge.app-services'),
  /** Abort handles of the generations running here (src/generation/active-generations.ts). */
  activeGenerations: Symbol.for('api-forge.active-generations'),
  /** Wakes this process's long-polls when a buffer grows (src/stream/stream-notifier.ts). */
  streamNotifier: Symbol.for('api-forge.stream-notifier'),
  /** Reconstructed file trees of versions, which never change (src/db/stores/version-files-store.ts). */
  versionFilesCache: Symbol.for('api-forge.reconstructed-files-cache'),
  /** Whether `next dev`'s warm-up was scheduled (src/server/dev-warm-up.ts). */
  devWarmUp: Symbol.for('api-forge.dev-warm-up'),
} as const;

export type SingletonName = keyof typeof SINGLETONS;

type Holder = Record<symbol, unknown>;

/** This process's instance of `name`, created on first use. */
export function processSingleton<T>(name: SingletonName, create: () => T): T {
  const holder = globalThis as unknown as Holder;
  const key = SINGLETONS[name];
  if (!(key in holder)) holder[key] = create();
  return holder[key] as T;
}

/** Drops the instance, so the next use creates it again (a start-up that failed). */
export function forgetProcessSingleton(name: SingletonName): void {
  delete (globalThis as unknown as Holder)[SINGLETONS[name]];
}
