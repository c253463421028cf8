// A running preview described in words, the same in the workspace's preview bar and in `forge
// preview`: where it came from and how long it may sit unused. Pure.
import type { PreviewStatus } from '@/types/preview';

/** `2.3 s` under a minute, `10 min` in whole minutes, `1.5 min` otherwise. */
export function formatSpan(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = ms / 60_000;
  return `${Number.isInteger(minutes) ? minutes : minutes.toFixed(1)} min`;
}

/** "kept running from validation", "started in 2.3 s", or null when the status does not say. */
export function previewOrigin(status: Pick<PreviewStatus, 'handedOver' | 'startedAt' | 'readyAt'>): string | null {
  if (status.handedOver) return 'kept running from validation';
  if (!status.startedAt || !status.readyAt) return null;
  return `started in ${formatSpan(status.readyAt.getTime() - status.startedAt.getTime())}`;
}

/**
 * "stops after 10 min without a request": the idle limit itself (idleStopAt is the last use plus
 * it), which stays true between two looks at the status, unlike a countdown.
 */
export function previewIdleLimit(status: Pick<PreviewStatus, 'idleStopAt' | 'lastUsedAt'>): string | null {
  if (!status.idleStopAt || !status.lastUsedAt) return null;
  return `stops after ${formatSpan(status.idleStopAt.getTime() - status.lastUsedAt.getTime())} without a request`;
}
