// Makes a version's preview ready for `forge call` and `forge preview`, with a progress line on
// stderr while it starts and a failure that says why when it does not.
import { startAndWatchPreview } from '@/shared/preview-readiness';
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
  const { pollMs = POLL_MS, deadlineMs = DEADLINE_MS, sleep, now } = options;
  const { versionId } = version;
  const label = `v${version.versionNumber}`;
  const progress = createProgressLine(terminal);
  let status: PreviewStatus;
  try {
    status = await startAndWatchPreview(client, versionId, {
      pollMs,
      deadlineMs,
      onStarting: (starting) => progress.show(describeStarting(label, starting)),
      ...(sleep ? { sleep } : {}),
      ...(now ? { now } : {}),
    });
  } finally {
    progress.clear();
  }
  if (status.state === 'starting') {
    throw new CommandFailure(
      `${label}'s preview was not ready after ${Math.round(deadlineMs / 1000)} s (still at ${status.step ?? 'install'}). ` +
        `It goes on starting on the server: run "forge preview ${versionId}" to wait again, or add --stop to stop it.`,
    );
  }
  if (status.state !== 'ready') throw notReady(terminal, label, status);
  return status;
}
