// The abort handles of generations running in this process, so `versions.stop` can reach them.
import { processSingleton } from '@/shared/process-singleton';

function registry(): Map<string, AbortController> {
  return processSingleton('activeGenerations', () => new Map<string, AbortController>());
}

/** The abort handle of a new run of `versionId`, or null while another run of it is registered here. */
export function registerGeneration(versionId: string): AbortController | null {
  if (registry().has(versionId)) return null;
  const controller = new AbortController();
  registry().set(versionId, controller);
  return controller;
}

/** Forgets `controller`'s run; a later run of the same version keeps its own registration. */
export function unregisterGeneration(versionId: string, controller: AbortController): void {
  if (registry().get(versionId) === controller) registry().delete(versionId);
}

/** What the chat says of a stopped version, whether the run or `versions.stop` ends it. */
export const STOPPED_MESSAGE = 'Stopped by the user. The partial output is shown but was not saved.';

/**
 * The abort reason `versions.stop` gives a generation whose version it has already ended: the
 * generation then stops without writing an ending (or a chat message) of its own.
 */
export const ENDED_BY_STOP = 'ended-by-stop';

/** Aborts a generation running in this process; false when none is. */
export function abortGeneration(versionId: string, reason = 'stopped'): boolean {
  const controller = registry().get(versionId);
  if (!controller) return false;
  controller.abort(reason);
  return true;
}
