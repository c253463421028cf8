// `forge preview` and `forge call`: a preview's status in words, from PreviewStatus's fields.
import { previewIdleLimit, previewOrigin } from '@/shared/preview-words';
import type { PreviewStatus } from '@/types/preview';

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
  const details = [status.sandbox, previewOrigin(status)].filter(Boolean).join(', ');
  const idle = previewIdleLimit(status);
  const line = `${label}'s preview is ready${where}${details ? ` (${details})` : ''}${idle ? `; it ${idle}` : ''}.`;
  if (!status.envChanged) return line;
  const restart = `forge preview ${status.versionId} --stop, then forge preview ${status.versionId}`;
  return `${line}\nThe project's env vars changed after it started: run ${restart} to apply them.`;
}
