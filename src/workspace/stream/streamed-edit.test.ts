import { describe, expect, it } from 'vitest';
import { editedLinesAt, lineAtOffset, lineStartOffset, openHunk, typeIntoHunk } from './streamed-edit';

const FILE = 'one\ntwo\nthree\n';

describe('lineStartOffset and lineAtOffset', () => {
  it('finds where a line starts and which line an offset is on', () => {
    expect([1, 2, 3, 4].map((line) => lineStartOffset(FILE, line))).toEqual([0, 4, 8, 14]);
    expect(lineStartOffset(FILE, 9)).toBe(FILE.length);
    expect([0, 3, 4, 13, 14].map((offset) => lineAtOffset(FILE, offset))).toEqual([1, 1, 2, 3, 4]);
  });

  it('cuts lines at \\n only, so a \\r is text on its line', () => {
    const crlf = 'one\r\ntwo\r\n';
    expect(lineStartOffset(crlf, 2)).toBe(5);
    expect(lineAtOffset(crlf, 3)).toBe(1);
  });
});

describe('editedLinesAt', () => {
  it('covers the typed lines, not the old line the cursor stands on after a newline', () => {
    expect(editedLinesAt('a\nX\nY\nb\n', 2, 6)).toEqual({ from: 2, to: 3 });
    expect(editedLinesAt('a\nX\nYb\n', 2, 5)).toEqual({ from: 2, to: 3 });
    expect(editedLinesAt('a\nb\n', 2, 2)).toEqual({ from: 2, to: 2 });
  });
});

describe('openHunk and typeIntoHunk', () => {
  it('removes the hunk’s lines and types its replacement where they were', () => {
    const opened = openHunk(FILE, 2, 1);
    expect(opened).toEqual({ content: 'one\nthree\n', cursor: 4, lines: { from: 2, to: 2 } });
    const typed = typeIntoHunk(opened.content, opened.cursor, opened.lines.from, 'TWO\n2b\n');
    expect(typed).toEqual({ content: 'one\nTWO\n2b\nthree\n', cursor: 11, lines: { from: 2, to: 3 } });
  });

  it('deletes to the end of a file, and appends past it', () => {
    expect(openHunk(FILE, 2, 99).content).toBe('one\n');
    const appended = openHunk(FILE, 4, 0);
    expect(appended).toEqual({ content: FILE, cursor: FILE.length, lines: { from: 4, to: 4 } });
  });

  it('appends to the last line of a file without a final newline', () => {
    const opened = openHunk('one\ntwo', 5, 0);
    expect(opened).toEqual({ content: 'one\ntwo', cursor: 7, lines: { from: 2, to: 2 } });
    expect(typeIntoHunk(opened.content, opened.cursor, opened.lines.from, '\nthree').lines).toEqual({ from: 2, to: 3 });
  });
});
