// The abort handles of generations running in this process, so `versions.stop` can reach them.
const REGISTRY_KEY = Symbol.for('api-forge.active-generations');
type GlobalWithRegistry = typeof globalThis & { [REGISTRY_KEY]?: Map<string, AbortController> };

function registry(): Map<string, AbortController> {
  const holder = globalThis as GlobalWithRegistry;
  holder[REGISTRY_KEY] ??= new Map();
  return holder[REGISTRY_KEY];
}

export function registerGeneration(versionId: string): AbortController {
  const controller = new AbortController();
  registry().set(versionId, controller);
  return controller;
}

export function unregisterGeneration(versionId: string): void {
  registry().delete(versionId);
}

/** Aborts a generation running in this process; false when none is. */
export function abortGeneration(versionId: string, reason = 'stopped'): boolean {
  const controller = registry().get(versionId);
  if (!controller) return false;
  controller.abort(reason);
  return true;
}
