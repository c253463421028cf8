import { describe, expect, it } from 'vitest';
import { compareFileMaps, type DiffLine } from './compare';

const numbered = (count: number) => Array.from({ length: count }, (_, i) => `line ${i + 1}\n`);
const context = (oldNumber: number, newNumber: number, text: string): DiffLine => ({
  kind: 'context',
  oldNumber,
  newNumber,
  oldText: text,
  newText: text,
});

function compareOne(from: string | undefined, to: string | undefined) {
  const comparison = compareFileMaps(from === undefined ? {} : { 'f.ts': from }, to === undefined ? {} : { 'f.ts': to });
  expect(comparison).toHaveLength(1);
  return comparison[0]!;
}

describe('compareFileMaps', () => {
  it('lists the union of paths, sorted, with each operation', () => {
    const result = compareFileMaps({ 'b.ts': 'x\n', 'a.ts': 'same\n', 'c.ts': 'old\n' }, { 'a.ts': 'same\n', 'c.ts': 'new\n', 'd.ts': 'd\n' });
    expect(result.map((file) => [file.filePath, file.operation, file.additions, file.deletions])).toEqual([
      ['a.ts', 'unchanged', 0, 0],
      ['b.ts', 'deleted', 0, 1],
      ['c.ts', 'modified', 1, 1],
      ['d.ts', 'created', 1, 0],
    ]);
    expect(result[0]!.hunks).toEqual([]);
  });

  it('shows a created file as one hunk of added lines, a deleted one as removed lines', () => {
    expect(compareOne(undefined, 'a\nb')).toEqual({
      filePath: 'f.ts',
      operation: 'created',
      additions: 2,
      deletions: 0,
      hunks: [
        {
          oldStart: 1,
          newStart: 1,
          lines: [
            { kind: 'added', oldNumber: null, newNumber: 1, oldText: null, newText: 'a' },
            { kind: 'added', oldNumber: null, newNumber: 2, oldText: null, newText: 'b' },
          ],
        },
      ],
    });
    expect(compareOne('a\n', undefined).hunks).toEqual([
      { oldStart: 1, newStart: 1, lines: [{ kind: 'removed', oldNumber: 1, newNumber: null, oldText: 'a', newText: null }] },
    ]);
    expect(compareOne(undefined, '')).toMatchObject({ operation: 'created', additions: 0, hunks: [] });
  });

  it('pairs a replaced line into a modified row with three lines of context', () => {
    const old = numbered(10);
    const next = [...old];
    next[4] = 'changed 5\n';
    expect(compareOne(old.join(''), next.join('')).hunks).toEqual([
      {
        oldStart: 2,
        newStart: 2,
        lines: [
          context(2, 2, 'line 2'),
          context(3, 3, 'line 3'),
          context(4, 4, 'line 4'),
          { kind: 'modified', oldNumber: 5, newNumber: 5, oldText: 'line 5', newText: 'changed 5' },
          context(6, 6, 'line 6'),
          context(7, 7, 'line 7'),
          context(8, 8, 'line 8'),
        ],
      },
    ]);
  });

  it('numbers lines after an insertion on each side', () => {
    const old = numbered(10);
    const next = [...old.slice(0, 5), 'inserted\n', ...old.slice(5)];
    const [hunk] = compareOne(old.join(''), next.join('')).hunks;
    expect(hunk).toEqual({
      oldStart: 3,
      newStart: 3,
      lines: [
        context(3, 3, 'line 3'),
        context(4, 4, 'line 4'),
        context(5, 5, 'line 5'),
        { kind: 'added', oldNumber: null, newNumber: 6, oldText: null, newText: 'inserted' },
        context(6, 7, 'line 6'),
        context(7, 8, 'line 7'),
        context(8, 9, 'line 8'),
      ],
    });
  });

  it('pairs what it can and leaves the rest removed when more lines go than come', () => {
    const comparison = compareOne('keep\nold 1\nold 2\nold 3\n', 'keep\nnew 1\n');
    expect(comparison).toMatchObject({ additions: 1, deletions: 3 });
    expect(comparison.hunks[0]!.lines.map((line) => [line.kind, line.oldNumber, line.newNumber])).toEqual([
      ['context', 1, 1],
      ['modified', 2, 2],
      ['removed', 3, null],
      ['removed', 4, null],
    ]);
  });

  it('shares a hunk when at most six unchanged lines separate two changes', () => {
    const old = numbered(20);
    const withChanges = (...lineNumbers: number[]) =>
      old.map((text, i) => (lineNumbers.includes(i + 1) ? `changed ${i + 1}\n` : text)).join('');

    const joined = compareOne(old.join(''), withChanges(3, 10)).hunks;
    expect(joined.map((hunk) => [hunk.oldStart, hunk.lines.length])).toEqual([[1, 13]]);

    const split = compareOne(old.join(''), withChanges(3, 11)).hunks;
    expect(split.map((hunk) => [hunk.oldStart, hunk.newStart, hunk.lines.length])).toEqual([
      [1, 1, 6],
      [8, 8, 7],
    ]);
  });

  it('strips CRLF from the texts but still reports a changed line ending', () => {
    const edited = compareOne('a\r\nb\r\n', 'a\r\nc\r\n').hunks[0]!.lines;
    expect(edited).toEqual([context(1, 1, 'a'), { kind: 'modified', oldNumber: 2, newNumber: 2, oldText: 'b', newText: 'c' }]);

    const converted = compareOne('a\r\nb\r\n', 'a\nb\n');
    expect(converted.operation).toBe('modified');
    expect(converted.hunks[0]!.lines.map((line) => [line.kind, line.oldText, line.newText])).toEqual([
      ['modified', 'a', 'a'],
      ['modified', 'b', 'b'],
    ]);
  });
});
