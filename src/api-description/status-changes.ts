// Compares a route's response status codes between two versions. A client written for the older
// version waits for one of the success (2xx) statuses it declared, so one removed, or swapped for
// another (a POST that answered 201 answers 200 only), is breaking. A status added is not: a client
// treats an unknown success as success and an unknown error as an error. An error status removed is
// not either: the client's handling of it is simply no longer used. "default" is not a success status:
// it stands for whatever the listed ones do not cover. Pure.
import type { ApiChange } from '@/types/api-diff';

/** "200", "201", "2XX" (OpenAPI's range of all 2xx). */
export function isSuccessStatus(status: string): boolean {
  return /^2(\d\d|XX)$/i.test(status);
}

/** "2xx" is written "2XX"; codes and "default" stay as they are. */
function normalizeStatus(status: string): string {
  return /^[1-5]xx$/i.test(status) ? status.toUpperCase() : status;
}

/**
 * A removed status breaks clients when it was a success status, unless it was the "2XX" range and the
 * newer version still declares a 2xx: a client that took any 2xx takes that one too.
 */
function breaksWhenRemoved(status: string, after: Set<string>): boolean {
  if (!isSuccessStatus(status)) return false;
  return !(status === '2XX' && [...after].some(isSuccessStatus));
}

/** Status codes added, removed, and one success status changed into another, in status order. */
export function statusChanges(route: string, before: string[], after: string[]): ApiChange[] {
  const older = new Set(before.map(normalizeStatus));
  const newer = new Set(after.map(normalizeStatus));
  const removed = [...older].filter((status) => !newer.has(status));
  const added = [...newer].filter((status) => !older.has(status));
  const removedSuccess = removed.filter(isSuccessStatus);
  const addedSuccess = added.filter(isSuccessStatus);
  // One success status in place of another is one change ("201 → 200"), not a removal and an addition.
  const swapped = removedSuccess.length === 1 && addedSuccess.length === 1 ? { from: removedSuccess[0]!, to: addedSuccess[0]! } : null;

  const changes: ApiChange[] = [];
  for (const status of [...removed, ...added].sort((a, b) => a.localeCompare(b))) {
    const base = { route, location: 'status', field: status, detail: null } as const;
    if (swapped && status === swapped.from) {
      changes.push({ ...base, kind: 'status-changed', field: null, detail: `${swapped.from} → ${swapped.to}`, breaking: breaksWhenRemoved(status, newer) });
    } else if (swapped && status === swapped.to) {
      continue;
    } else if (older.has(status)) {
      changes.push({ ...base, kind: 'status-removed', breaking: breaksWhenRemoved(status, newer) });
    } else {
      changes.push({ ...base, kind: 'status-added', breaking: false });
    }
  }
  return changes;
}
