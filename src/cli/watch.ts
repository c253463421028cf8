// `forge watch <versionId>`: long-polls stream.since from the start and prints the generation as
// it happens. Resuming is built in: each poll asks for what comes after the last seq it printed.
import { isTerminalEvent, type StreamEvent } from '@/types/streaming';
import { EXIT_ERROR, EXIT_OK } from './cli-errors';
import { describeEvent } from './format/event-lines';
import { createPaint } from './format/paint';
import { advanceProgress, INITIAL_PROGRESS, renderProgressBar } from './format/watch-progress';
import type { CommandContext } from './command-context';
import type { Terminal } from './terminal';

/** Below the server's 25 s cap, so the answer comes before any proxy gives up on the request. */
const LONG_POLL_MS = 20_000;

const CLEAR_LINE = '\r\u001b[2K';

/**
 * Prints event lines; on an interactive terminal it keeps a progress bar on the row below them,
 * redrawn in place. Without a terminal there is no bar and nothing but whole lines.
 */
function createWatchPrinter(terminal: Terminal) {
  let shownBar = '';
  return {
    print(line: string | null, bar: string) {
      const nextBar = terminal.interactive ? bar : '';
      if (line === null && nextBar === shownBar) return;
      terminal.write(`${shownBar ? CLEAR_LINE : ''}${line === null ? '' : `${line}\n`}${nextBar}`);
      shownBar = nextBar;
    },
  };
}

/** Exit code 0 when the version completes, 1 when it fails or was stopped. */
export async function watchCommand(context: CommandContext, versionId: string): Promise<number> {
  const { client, terminal } = context;
  const paint = createPaint(terminal.color);
  const printer = createWatchPrinter(terminal);
  let progress = INITIAL_PROGRESS;
  let afterSeq = 0;
  let ending: StreamEvent | undefined;
  try {
    for (;;) {
      const answer = await client.stream.since.query({ versionId, afterSeq, waitMs: LONG_POLL_MS });
      for (const event of answer.events) {
        progress = advanceProgress(progress, event);
        if (isTerminalEvent(event)) ending = event;
        // The bar goes once the version has ended; the final line says the rest.
        printer.print(describeEvent(event, progress, paint), ending ? '' : renderProgressBar(progress, terminal.columns));
      }
      afterSeq = answer.lastSeq;
      if (ending) return ending.type === 'version:complete' ? EXIT_OK : EXIT_ERROR;
      if (answer.events.length === 0 && (answer.status === 'complete' || answer.status === 'failed')) {
        // Ended, and its buffered events were pruned (they are kept for a retention window only).
        printer.print(`The version ended as ${answer.status}; its stream is no longer kept. See "forge versions".`, '');
        return answer.status === 'complete' ? EXIT_OK : EXIT_ERROR;
      }
    }
  } finally {
    printer.print(null, '');
  }
}
