import { describe, expect, it } from 'vitest';
import { renderTable, truncate } from './table';
import { formatLocalTime, renderVersionTable } from './version-table';

describe('renderTable', () => {
  it('aligns columns and leaves no trailing blanks', () => {
    expect(renderTable(['A', 'LONG'], [['wide cell', 'x'], ['é', 'yy']])).toBe('A          LONG\nwide cell  x\né          yy\n');
  });
});

describe('truncate', () => {
  it('cuts long text with an ellipsis, by characters rather than UTF-16 units', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('abc', 4)).toBe('abc');
    expect(truncate('😀😀😀😀😀', 3)).toBe('😀😀…');
  });
});

describe('renderVersionTable', () => {
  const created = new Date(2026, 0, 2, 3, 4);
  it('shows number, status with the failure reason, title or prompt, base, time and id', () => {
    const table = renderVersionTable([
      { id: 'id-1', versionNumber: 1, status: 'complete', stopReason: 'completed', title: 'Bookstore API', prompt: 'p', baseVersionNumber: null, createdAt: created },
      { id: 'id-2', versionNumber: 2, status: 'failed', stopReason: 'model_error', title: null, prompt: 'Add\nreviews', baseVersionNumber: 1, createdAt: created },
    ]);
    expect(table.split('\n')).toEqual([
      'VERSION  STATUS                TITLE          BASE  CREATED           ID',
      'v1       complete              Bookstore API  -     2026-01-02 03:04  id-1',
      'v2       failed (model_error)  Add reviews    v1    2026-01-02 03:04  id-2',
      '',
    ]);
  });

  it('says so when there are no versions', () => {
    expect(renderVersionTable([])).toBe('No versions yet.\n');
  });

  it('formats times in the local zone, zero-padded', () => {
    expect(formatLocalTime(new Date(2026, 10, 23, 9, 5))).toBe('2026-11-23 09:05');
  });
});
