// Text positions of a streamed edit (docs/architecture.md, "Events": `file:editing`, `edit:hunk`):
// where a hunk's lines start, which lines its replacement covers so far. Lines are cut at '\n' only,
// so a '\r' before it is plain text like any other character. Pure.

/** 1-based, inclusive lines of a file. */
export interface EditedLines {
  from: number;
  to: number;
}

/** Where the 1-based `line` starts; past the last line, the end of the text (an edit then appends). */
export function lineStartOffset(text: string, line: number): number {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const newline = text.indexOf('\n', offset);
    if (newline === -1) return text.length;
    offset = newline + 1;
  }
  return offset;
}

/** The 1-based line the character at `offset` is on (the end of the text is on the last line). */
export function lineAtOffset(text: string, offset: number): number {
  let line = 1;
  for (let newline = text.indexOf('\n'); newline !== -1 && newline < offset; newline = text.indexOf('\n', newline + 1)) line++;
  return line;
}

/**
 * The lines a hunk's replacement covers when it started on line `from` and the text typed into it
 * ends at `cursor`: from `from` to the cursor's line, or the line before it when the typed text
 * ended with a newline (the cursor then stands at the start of an old line). Nothing typed yet,
 * as after a pure deletion, marks line `from`, where the lines went.
 */
export function editedLinesAt(text: string, from: number, cursor: number): EditedLines {
  const cursorLine = lineAtOffset(text, cursor);
  const atLineStart = cursor === 0 || text[cursor - 1] === '\n';
  return { from, to: Math.max(from, atLineStart ? cursorLine - 1 : cursorLine) };
}

export interface EditPosition {
  content: string;
  /** Where the next chunk of the hunk inserts. */
  cursor: number;
  lines: EditedLines;
}

/** Removes `deletedLines` lines from `startLine` on; the hunk's replacement goes where they were. */
export function openHunk(content: string, startLine: number, deletedLines: number): EditPosition {
  const start = lineStartOffset(content, startLine);
  const end = lineStartOffset(content, startLine + deletedLines);
  const next = content.slice(0, start) + content.slice(end);
  // Past the end of a file without a final newline the cursor is on its last line, not `startLine`.
  const from = lineAtOffset(next, start);
  return { content: next, cursor: start, lines: { from, to: from } };
}

/** Types `chunk` at the hunk's cursor. */
export function typeIntoHunk(content: string, cursor: number, from: number, chunk: string): EditPosition {
  const next = content.slice(0, cursor) + chunk + content.slice(cursor);
  const moved = cursor + chunk.length;
  return { content: next, cursor: moved, lines: editedLinesAt(next, from, moved) };
}
