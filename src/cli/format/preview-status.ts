// `forge preview` and `forge call`: a preview's status in words, from PreviewStatus's fields.
import type { PreviewStatus } from '@/types/preview';

/** `2.3 s` under a minute, `10 min` in whole minutes, `1.5 min` otherwise. */
export function formatDuration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = ms / 60_000;
  return `${Number.isInteger(minutes) ? minutes : minutes.toFixed(1)} min`;
}

/** The line redrawn while it starts: `starting v1's preview: install…`. */
export function describeStarting(label: string, status: Pick<PreviewStatus, 'step'>): string {
  // The first step has not been reported yet in the instant after start: install comes first.
  return `starting ${label}'s preview: ${status.step ?? 'install'}…`;
}

type ReadyStatus = Pick<PreviewStatus, 'versionId' | 'sandbox' | 'handedOver' | 'url' | 'startedAt' | 'readyAt' | 'lastUsedAt' | 'idleStopAt' | 'envChanged'>;

/**
 * `v1's preview is ready at http://127.0.0.1:41234 (local (bubblewrap), started in 2.3 s); it
 * stops after 10 min without a request.` Each part is left out when the status lacks its field.
 */
export function describeReady(label: string, status: ReadyStatus): string {
  const where = status.url ? ` at ${status.url}` : '';
  const origin = status.handedOver
    ? 'kept running from validation'
    : status.startedAt && status.readyAt
      ? `started in ${formatDuration(status.readyAt.getTime() - status.startedAt.getTime())}`
      : null;
  const details = [status.sandbox, origin].filter(Boolean).join(', ');
  // The idle limit counts from the last request; idleStopAt is that plus the limit.
  const idleMs = status.idleStopAt && status.lastUsedAt ? status.idleStopAt.getTime() - status.lastUsedAt.getTime() : null;
  const idle = idleMs === null ? '' : `; it stops after ${formatDuration(idleMs)} without a request`;
  const line = `${label}'s preview is ready${where}${details ? ` (${details})` : ''}${idle}.`;
  if (!status.envChanged) return line;
  const restart = `forge preview ${status.versionId} --stop, then forge preview ${status.versionId}`;
  return `${line}\nThe project's env vars changed after it started: run ${restart} to apply them.`;
}
