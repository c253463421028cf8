// Makes a version's preview ready for `forge call` and `forge preview`: starts it unless it runs,
// then polls its status (preview.start answers at once, while it installs, builds and starts).
import type { PreviewStatus } from '@/types/preview';
import { CommandFailure } from './cli-errors';
import type { CommandContext } from './command-context';
import { describeStarting } from './format/preview-status';
import type { Terminal } from './terminal';

export interface PreviewWaitOptions {
  pollMs?: number;
  /** How long it may take to become ready; an npm install on a slow network is most of it. */
  deadlineMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

const POLL_MS = 250;
const DEADLINE_MS = 180_000;
const CLEAR_LINE = '\r\u001b[2K';

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One progress line on stderr, where it never mixes with a response piped onward: redrawn in
 * place on a terminal, otherwise a plain line each time it changes.
 */
export function createProgressLine(terminal: Terminal) {
  let shown = '';
  return {
    show(line: string) {
      if (line === shown) return;
      terminal.warn(terminal.warnInteractive ? `${CLEAR_LINE}${line}` : `${line}\n`);
      shown = line;
    },
    clear() {
      if (terminal.warnInteractive && shown) terminal.warn(CLEAR_LINE);
      shown = '';
    },
  };
}

/** Why the preview is not ready, with its log's end on stderr first when it failed, so the reason is the last line. */
function notReady(terminal: Terminal, label: string, status: PreviewStatus): CommandFailure {
  if (status.state === 'failed') {
    if (status.logTail.trim()) terminal.warn(`The end of ${label}'s preview log:\n${status.logTail.trimEnd()}\n`);
    return new CommandFailure(`${label}'s preview failed: ${status.message ?? 'it did not start'}`);
  }
  return new CommandFailure(`${label}'s preview stopped before it was ready${status.message ? `: ${status.message}` : '.'}`);
}

/** The ready preview's status; a CommandFailure when it fails, stops or takes longer than the deadline. */
export async function ensurePreviewReady(
  { client, terminal }: CommandContext,
  version: { versionId: string; versionNumber: number },
  options: PreviewWaitOptions = {},
): Promise<PreviewStatus> {
  const { pollMs = POLL_MS, deadlineMs = DEADLINE_MS, sleep = pause, now = Date.now } = options;
  const { versionId } = version;
  const label = `v${version.versionNumber}`;
  const deadline = now() + deadlineMs;
  let status = await client.preview.status.query({ versionId });
  // A failed or stopped preview starts again; one already starting is waited for, not started twice.
  if (status.state === 'failed' || status.state === 'stopped') status = await client.preview.start.mutate({ versionId });
  const progress = createProgressLine(terminal);
  try {
    while (status.state === 'starting') {
      progress.show(describeStarting(label, status));
      if (now() >= deadline) {
        throw new CommandFailure(
          `${label}'s preview was not ready after ${Math.round(deadlineMs / 1000)} s (still at ${status.step ?? 'install'}). ` +
            `It goes on starting on the server: run "forge preview ${versionId}" to wait again, or add --stop to stop it.`,
        );
      }
      await sleep(pollMs);
      status = await client.preview.status.query({ versionId });
    }
  } finally {
    progress.clear();
  }
  if (status.state !== 'ready') throw notReady(terminal, label, status);
  return status;
}
