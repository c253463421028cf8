// What the code view shows of a file being edited while the received text types out. A whole file
// types out at its end (a prefix of it shows); an edit types at the open hunk's cursor, so the
// characters not yet shown are the last ones before the cursor, and the rest of the file stays. Pure.
import { editedLinesAt, lineStartOffset, type EditedLines } from '@/workspace/stream/streamed-edit';

export interface HunkPosition {
  /** Where the hunk's received text ends. */
  cursor: number;
  /** The hunk's lines in the received text. */
  lines: EditedLines;
}

/**
 * `text` with its last `hidden` received characters left out, and the hunk's lines in what shows.
 * Only the open hunk's own text is held back: text the animation had not reached when the hunk
 * opened (the last hunk's, a burst) shows at once rather than in the wrong place.
 */
export function revealEdit(text: string, hidden: number, hunk: HunkPosition): { shown: string; lines: EditedLines } {
  const hunkStart = Math.min(hunk.cursor, lineStartOffset(text, hunk.lines.from));
  const held = Math.max(0, Math.min(hidden, hunk.cursor - hunkStart));
  if (held === 0) return { shown: text, lines: hunk.lines };
  const shownCursor = hunk.cursor - held;
  const shown = text.slice(0, shownCursor) + text.slice(hunk.cursor);
  return { shown, lines: editedLinesAt(shown, hunk.lines.from, shownCursor) };
}

/** Whether any of the `count` lines from `firstLine` on lies in `range`. */
export function linesTouch(firstLine: number, count: number, range: EditedLines | null): boolean {
  return range !== null && range.from < firstLine + count && range.to >= firstLine;
}
