// `forge watch`: the line printed for each stream event (none for code chunks, which the
// progress bar stands for).
import type { StreamEvent } from '@/types/streaming';
import type { Paint } from './paint';
import type { WatchProgress } from './watch-progress';

const OPERATION_WIDTH = 'modified'.length;

function versionLabel(progress: WatchProgress): string {
  return progress.versionNumber === null ? 'The version' : `v${progress.versionNumber}`;
}

function describeValidation({ passed, failed, skipped }: WatchProgress['validation']): string {
  const parts = [passed && `${passed} passed`, failed && `${failed} failed`, skipped && `${skipped} skipped`].filter(Boolean);
  return parts.length > 0 ? `validation ${parts.join(', ')}` : 'not validated';
}

/** "@ line 12, replacing 3 lines" / "@ line 40, inserting": where an edit's next hunk goes. */
function describeHunk(event: Extract<StreamEvent, { type: 'edit:hunk' }>): string {
  const change = event.deletedLines === 0 ? 'inserting' : `replacing ${event.deletedLines} line${event.deletedLines === 1 ? '' : 's'}`;
  return `@ line ${event.startLine}, ${change}`;
}

/** `progress` is the state after this event. */
export function describeEvent(event: StreamEvent, progress: WatchProgress, paint: Paint): string | null {
  switch (event.type) {
    case 'version:start':
      return paint.bold(`${versionLabel(progress)} started`);
    case 'step':
      return paint.dim(`· ${event.name}`);
    case 'planning':
      return `Plan: ${event.message}${event.files?.length ? paint.dim(` (${event.files.length} files)`) : ''}`;
    case 'file:generating':
      return paint.dim(`  ${'writing'.padEnd(OPERATION_WIDTH)}  ${event.filePath}`);
    case 'file:editing':
      return paint.dim(`  ${'editing'.padEnd(OPERATION_WIDTH)}  ${event.filePath}`);
    case 'edit:hunk':
      // Named with its file: in parallel-files mode the hunks of several files interleave.
      return paint.dim(`  ${'hunk'.padEnd(OPERATION_WIDTH)}  ${event.filePath} ${describeHunk(event)}`);
    case 'code:chunk':
      return null;
    case 'file:complete': {
      const color = event.operation === 'created' ? paint.green : event.operation === 'deleted' ? paint.red : paint.yellow;
      return `  ${color(event.operation.padEnd(OPERATION_WIDTH))}  ${event.filePath}`;
    }
    case 'validation:start':
      return 'Validating in the sandbox';
    case 'validation:result': {
      const mark = event.skipped ? paint.dim('- skipped') : event.ok ? paint.green('✓') : paint.red('✗');
      return `  ${mark} ${event.check}: ${event.detail}`;
    }
    case 'version:complete': {
      const files = `${event.filesChanged} file${event.filesChanged === 1 ? '' : 's'} changed`;
      const headline = paint.green(paint.bold(`✓ ${versionLabel(progress)} complete: ${files}, ${describeValidation(progress.validation)}`));
      return event.summary ? `${headline}\n  ${event.summary.replace(/\n/g, '\n  ')}` : headline;
    }
    case 'error':
      return paint.red(paint.bold(`✗ ${versionLabel(progress)} failed${event.reason ? ` (${event.reason})` : ''}: `)) + event.message;
  }
}
