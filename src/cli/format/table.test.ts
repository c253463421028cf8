import { describe, expect, it } from 'vitest';
import { renderTable, truncate } from './table';
import { describeUsageTotal, formatLocalTime, renderVersionTable } from './version-table';

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
  it('shows number, status with the failure reason, title or prompt, base, tokens, cost, time and id, and a total', () => {
    const table = renderVersionTable([
      {
        id: 'id-1', versionNumber: 1, status: 'complete', stopReason: 'completed', title: 'Bookstore API', prompt: 'p', baseVersionNumber: null, createdAt: created,
        usage: { promptTokens: 12_000, cachedTokens: 8_000, completionTokens: 2_000, costUsd: 0.04 },
      },
      {
        id: 'id-2', versionNumber: 2, status: 'failed', stopReason: 'budget', title: null, prompt: 'Add\nreviews', baseVersionNumber: 1, createdAt: created,
        usage: { promptTokens: 30_000, completionTokens: 5_000, costUsd: 0.125 },
      },
      { id: 'id-3', versionNumber: 3, status: 'failed', stopReason: 'model_error', title: null, prompt: 'Add authors', baseVersionNumber: 1, createdAt: created, usage: null },
    ]);
    expect(table.split('\n')).toEqual([
      'VERSION  STATUS                TITLE          BASE  TOKENS  COST   CREATED           ID',
      'v1       complete              Bookstore API  -     14k     $0.04  2026-01-02 03:04  id-1',
      'v2       failed (budget)       Add reviews    v1    35k     $0.13  2026-01-02 03:04  id-2',
      'v3       failed (model_error)  Add authors    v1    -       -      2026-01-02 03:04  id-3',
      'Total: 49k tokens (8k cached), $0.17 over 2 versions',
      '',
    ]);
  });

  it('prints no total when no version reported tokens (the offline generator)', () => {
    const table = renderVersionTable([
      { id: 'id-1', versionNumber: 1, status: 'complete', stopReason: 'completed', title: 'Books', prompt: 'p', baseVersionNumber: null, createdAt: created, usage: null },
    ]);
    expect(table.split('\n')).toEqual([
      'VERSION  STATUS    TITLE  BASE  TOKENS  COST  CREATED           ID',
      'v1       complete  Books  -     -       -     2026-01-02 03:04  id-1',
      '',
    ]);
  });

  it('totals tokens of versions without a price but leaves them out of the cost, and says so', () => {
    expect(describeUsageTotal([{ usage: { promptTokens: 900, completionTokens: 100 } }])).toBe(
      'Total: 1k tokens over 1 version; 1 without a price, not in the cost',
    );
    expect(describeUsageTotal([{ usage: { promptTokens: 900, completionTokens: 100, costUsd: 0.002 } }, { usage: { completionTokens: 5 } }])).toBe(
      'Total: 1k tokens, $0.0020 over 2 versions; 1 without a price, not in the cost',
    );
    expect(describeUsageTotal([{ usage: null }, { usage: { ttftMs: 5 } }])).toBeNull();
  });

  it('says so when there are no versions', () => {
    expect(renderVersionTable([])).toBe('No versions yet.\n');
  });

  it('formats times in the local zone, zero-padded', () => {
    expect(formatLocalTime(new Date(2026, 10, 23, 9, 5))).toBe('2026-11-23 09:05');
  });
});
