// Builds the <edit> hunks (docs/architecture.md, "Model output") that turn one version of a file
// into another: a line diff, each change with a few lines of context, widened until its SEARCH
// text names exactly its own place. The benchmark uses it to answer as a model that edits would. Pure.
import fastDiff from 'fast-diff';
import type { EditHunk } from '@/generation/file-blocks/file-block-events';
import { encodeLines, splitLines } from '@/versioning/line-encoding';
import { applyLocatedHunk, locateEditHunk } from './apply-edit-hunk';
import { unwritableSectionText } from './render-edit-block';

/** Lines [beforeStart, beforeEnd) of the old text became lines [afterStart, afterEnd) of the new one. */
interface LineRegion {
  beforeStart: number;
  beforeEnd: number;
  afterStart: number;
  afterEnd: number;
}

function changedLineRegions(beforeLines: string[], afterLines: string[]): LineRegion[] {
  const encoded = encodeLines(beforeLines, afterLines);
  // Too many distinct lines to diff: the whole text is one change.
  if (!encoded) return [{ beforeStart: 0, beforeEnd: beforeLines.length, afterStart: 0, afterEnd: afterLines.length }];
  const regions: LineRegion[] = [];
  let before = 0;
  let after = 0;
  let open: LineRegion | null = null;
  for (const [op, codes] of fastDiff(encoded.oldCodes, encoded.newCodes)) {
    if (op === 0) {
      if (open) regions.push(open);
      open = null;
      before += codes.length;
      after += codes.length;
      continue;
    }
    open ??= { beforeStart: before, beforeEnd: before, afterStart: after, afterEnd: after };
    if (op === -1) open.beforeEnd = before += codes.length;
    else open.afterEnd = after += codes.length;
  }
  if (open) regions.push(open);
  return regions;
}

/** A section is whole lines; a file's last line without a newline gets one (the apply step drops it again). */
function asSection(lines: string[]): string {
  const text = lines.join('');
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}

/**
 * Hunks that, applied in order with applyEditHunks, turn `before` into exactly `after`; [] when they
 * are equal. Null when edits cannot say it: `before` is empty, the final newline comes or goes, the
 * new text ends in a `\r` with no newline (a hunk's last `\r\n` reads as one line end), or a changed
 * line would read as a marker line. Then the file has to be written whole.
 */
export function editHunksFromChange(before: string, after: string, contextLines = 2): EditHunk[] | null {
  if (!Number.isInteger(contextLines) || contextLines < 0) throw new Error(`editHunksFromChange: contextLines must be a whole number ≥ 0, not ${contextLines}`);
  if (before === after) return [];
  if (before === '' || (after !== '' && before.endsWith('\n') !== after.endsWith('\n')) || after.endsWith('\r')) return null;
  const beforeLines = splitLines(before);
  const afterLines = splitLines(after);
  const regions = changedLineRegions(beforeLines, afterLines);
  const hunks: EditHunk[] = [];
  // `current` is `after` up to the last hunk's end and `before` from there, so the lines above a
  // change are `after`'s lines, numbered as in `after`.
  let current = before;
  let next = 0;
  while (next < regions.length) {
    const first = regions[next++]!;
    let top = Math.max(0, first.afterStart - contextLines);
    let beforeEnd = first.beforeEnd;
    let afterEnd = first.afterEnd;
    /** Takes in the line below: the next change when it starts there, otherwise one equal line. */
    const growDown = (): 'change' | 'line' | null => {
      const following = regions[next];
      if (following && following.beforeStart === beforeEnd) {
        beforeEnd = following.beforeEnd;
        afterEnd = following.afterEnd;
        next++;
        return 'change';
      }
      if (beforeEnd === beforeLines.length) return null;
      beforeEnd++;
      afterEnd++;
      return 'line';
    };
    const addContextBelow = () => {
      for (let added = 0; added < contextLines; ) {
        const grown = growDown();
        if (grown === null) return;
        if (grown === 'line') added++;
      }
    };
    addContextBelow();
    // A change whose context would touch this one's joins it, as in a unified diff.
    while (regions[next] && regions[next]!.beforeStart - beforeEnd <= contextLines) {
      while (growDown() === 'line') {
        // equal lines up to the next change, which the last growDown took in
      }
      addContextBelow();
    }
    for (;;) {
      const searchLines = [...afterLines.slice(top, first.afterStart), ...beforeLines.slice(first.beforeStart, beforeEnd)];
      const search = asSection(searchLines);
      const location = search === '' ? null : locateEditHunk(current, search);
      if (location?.ok && location.startLine === top + 1 && location.deletedLines === searchLines.length) {
        const replace = asSection(afterLines.slice(top, afterEnd));
        if (unwritableSectionText(search) !== null || unwritableSectionText(replace) !== null) return null;
        hunks.push({ search, replace });
        current = applyLocatedHunk(current, location, replace).content;
        break;
      }
      // Ambiguous, or it names another place: one more line of context on each side.
      const grewUp = top > 0;
      if (grewUp) top--;
      const grewDown = growDown() !== null;
      if (!grewUp && !grewDown) throw new Error('editHunksFromChange: even the whole file does not name its own place');
    }
  }
  if (current !== after) throw new Error('editHunksFromChange: the hunks do not rebuild the new text');
  return hunks;
}
