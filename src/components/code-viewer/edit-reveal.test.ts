import { describe, expect, it } from 'vitest';
import { linesTouch, revealEdit } from './edit-reveal';

// 'one\nTWO\n2b\nthree\n': the hunk typed 'TWO\n2b\n' at line 2 (offsets 4 to 11).
const TEXT = 'one\nTWO\n2b\nthree\n';
const HUNK = { cursor: 11, lines: { from: 2, to: 3 } };

describe('revealEdit', () => {
  it('shows everything once the typing caught up', () => {
    expect(revealEdit(TEXT, 0, HUNK)).toEqual({ shown: TEXT, lines: { from: 2, to: 3 } });
  });

  it('holds back the hunk’s last characters, keeping the rest of the file, and narrows its lines', () => {
    expect(revealEdit(TEXT, 2, HUNK)).toEqual({ shown: 'one\nTWO\n2three\n', lines: { from: 2, to: 3 } });
    expect(revealEdit(TEXT, 3, HUNK)).toEqual({ shown: 'one\nTWO\nthree\n', lines: { from: 2, to: 2 } });
    expect(revealEdit(TEXT, 5, HUNK)).toEqual({ shown: 'one\nTWthree\n', lines: { from: 2, to: 2 } });
  });

  it('never holds back more than the hunk typed', () => {
    expect(revealEdit(TEXT, 50, HUNK)).toEqual({ shown: 'one\nthree\n', lines: { from: 2, to: 2 } });
    const opened = { cursor: 4, lines: { from: 2, to: 2 } };
    expect(revealEdit('one\nthree\n', 9, opened).shown).toBe('one\nthree\n');
  });
});

describe('linesTouch', () => {
  it('tells whether a run of lines meets the range', () => {
    expect(linesTouch(1, 64, { from: 64, to: 70 })).toBe(true);
    expect(linesTouch(65, 64, { from: 64, to: 64 })).toBe(false);
    expect(linesTouch(65, 64, { from: 60, to: 65 })).toBe(true);
    expect(linesTouch(1, 64, null)).toBe(false);
  });
});
