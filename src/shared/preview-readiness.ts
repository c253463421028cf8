// Starting a version's preview and following it until it is ready (or not), for every client of the
// API: the workspace's two-version comparison and `forge call` / `forge preview`. preview.start
// answers at once, while the preview still installs, builds and starts.
import type { PreviewStatus } from '@/types/preview';

/** The two calls this needs, as any tRPC client of the app has them. */
export interface PreviewStatusClient {
  preview: {
    status: { query(input: { versionId: string }): Promise<PreviewStatus> };
    start: { mutate(input: { versionId: string }): Promise<PreviewStatus> };
  };
}

export interface PreviewWatchOptions {
  pollMs: number;
  /** Past this the status is returned still `starting`; the preview goes on starting on the server. */
  deadlineMs: number;
  /** Told each status seen while it starts (for a progress line). */
  onStarting?: (status: PreviewStatus) => void;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A failed or stopped preview is started again; one already starting is waited for, never started
 * twice. Resolves with the first status that is not `starting`, or the last one at the deadline.
 */
export async function startAndWatchPreview(client: PreviewStatusClient, versionId: string, options: PreviewWatchOptions): Promise<PreviewStatus> {
  const { pollMs, deadlineMs, onStarting, sleep = pause, now = Date.now } = options;
  const deadline = now() + deadlineMs;
  let status = await client.preview.status.query({ versionId });
  if (status.state === 'failed' || status.state === 'stopped') status = await client.preview.start.mutate({ versionId });
  while (status.state === 'starting') {
    onStarting?.(status);
    if (now() >= deadline) return status;
    await sleep(pollMs);
    status = await client.preview.status.query({ versionId });
  }
  return status;
}
