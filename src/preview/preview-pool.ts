// The limits every server keeps on its previews, as pure decisions over plain records: how many may
// run at once (the least recently used stops first) and when one has gone unused for too long.
import { isRunningState, type PreviewState } from '@/types/preview';

export interface PoolRecord {
  versionId: string;
  state: PreviewState;
  /** ms since the epoch: its start, or its last request. */
  lastUsedAt: number;
}


/** The previews to stop so that one more fits under `maxRunning`, least recently used first. */
export function evictionsFor(records: Iterable<PoolRecord>, maxRunning: number): string[] {
  const running = [...records].filter((record) => isRunningState(record.state)).sort((a, b) => a.lastUsedAt - b.lastUsedAt);
  const excess = running.length - maxRunning + 1;
  return excess > 0 ? running.slice(0, excess).map((record) => record.versionId) : [];
}

/** Ready previews nobody has called for `idleMs` or more. A starting one is never idle. */
export function idlePreviews(records: Iterable<PoolRecord>, now: number, idleMs: number): string[] {
  return [...records].filter((record) => record.state === 'ready' && now - record.lastUsedAt >= idleMs).map((record) => record.versionId);
}
