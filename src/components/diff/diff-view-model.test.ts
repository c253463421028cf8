import { describe, expect, it } from 'vitest';
import { compareFileMaps } from '@/versioning/compare';
import { diffFileAnchor, diffRows, groupComparisons } from './diff-view-model';

const lines = (count: number, changedAt: number[] = []) =>
  Array.from({ length: count }, (_, index) => (changedAt.includes(index + 1) ? `changed ${index + 1}` : `line ${index + 1}`)).join('\n') + '\n';

describe('groupComparisons', () => {
  it('splits changed from unchanged files and totals the changed lines', () => {
    const groups = groupComparisons(
      compareFileMaps({ 'a.ts': 'a\n', 'same.ts': 'x\n', 'gone.ts': 'g\nh\n' }, { 'a.ts': 'b\n', 'same.ts': 'x\n', 'new.ts': 'n\n' }),
    );
    expect(groups.changed.map((file) => `${file.operation} ${file.filePath}`)).toEqual(['modified a.ts', 'deleted gone.ts', 'created new.ts']);
    expect(groups.unchanged.map((file) => file.filePath)).toEqual(['same.ts']);
    expect(groups).toMatchObject({ additions: 2, deletions: 3 });
  });
});

describe('diffRows', () => {
  it('says how many unchanged lines are hidden before and between hunks', () => {
    const [file] = compareFileMaps({ 'a.ts': lines(40) }, { 'a.ts': lines(40, [10, 30]) });
    const rows = diffRows(file!.hunks);
    expect(rows.filter((row) => row.kind === 'gap')).toEqual([
      { kind: 'gap', hiddenLines: 6 },
      { kind: 'gap', hiddenLines: 13 },
    ]);
    const shown = rows.flatMap((row) => (row.kind === 'line' ? [row.line.oldNumber] : []));
    expect(shown.slice(0, 7)).toEqual([7, 8, 9, 10, 11, 12, 13]);
    expect(rows.length).toBe(2 + 14);
  });

  it('hides nothing before a change on the first line', () => {
    const [file] = compareFileMaps({ 'a.ts': lines(3) }, { 'a.ts': lines(3, [1]) });
    expect(diffRows(file!.hunks)[0]).toMatchObject({ kind: 'line', line: { kind: 'modified', oldNumber: 1 } });
  });
});

describe('diffFileAnchor', () => {
  it('gives distinct ids made of safe characters', () => {
    expect(diffFileAnchor('src/routes/books.ts')).toMatch(/^diff-[A-Za-z0-9_-]+$/);
    expect(diffFileAnchor('a/b.ts')).not.toBe(diffFileAnchor('a_b.ts'));
  });
});
