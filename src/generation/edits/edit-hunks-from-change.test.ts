import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFileBlockParser, type ParsedBlockEvent } from '@/generation/file-blocks/file-block-parser';
import { applyEditHunks } from './apply-edit-hunk';
import { editHunksFromChange } from './edit-hunks-from-change';
import { renderEditBlock } from './render-edit-block';

function expectRebuilds(before: string, after: string, contextLines?: number): void {
  const hunks = editHunksFromChange(before, after, contextLines);
  expect(hunks).not.toBeNull();
  expect(applyEditHunks(before, hunks!)).toEqual({ ok: true, content: after });
}

const numbered = (count: number) => Array.from({ length: count }, (_, index) => `line ${index + 1}\n`).join('');

describe('editHunksFromChange', () => {
  it('writes one small hunk per change, with two lines of context', () => {
    const before = numbered(20);
    const after = before.replace('line 5\n', 'line five\n').replace('line 16\n', '');
    expect(editHunksFromChange(before, after)).toEqual([
      { search: 'line 3\nline 4\nline 5\nline 6\nline 7\n', replace: 'line 3\nline 4\nline five\nline 6\nline 7\n' },
      { search: 'line 14\nline 15\nline 16\nline 17\nline 18\n', replace: 'line 14\nline 15\nline 17\nline 18\n' },
    ]);
    expectRebuilds(before, after);
  });

  it('joins changes whose context would touch', () => {
    const before = numbered(10);
    const after = before.replace('line 4\n', 'four\n').replace('line 7\n', 'seven\n');
    expect(editHunksFromChange(before, after)).toEqual([
      { search: 'line 2\nline 3\nline 4\nline 5\nline 6\nline 7\nline 8\nline 9\n', replace: 'line 2\nline 3\nfour\nline 5\nline 6\nseven\nline 8\nline 9\n' },
    ]);
  });

  it('widens a hunk until its SEARCH text names only its own place', () => {
    const before = 'a\nx\nb\n\nc\nx\nd\n';
    const after = 'a\nx\nb\n\nc\ny\nd\n';
    const hunks = editHunksFromChange(before, after, 0);
    expect(hunks).toEqual([{ search: 'c\nx\nd\n', replace: 'c\ny\nd\n' }]);
    expect(editHunksFromChange(before, after, 1)).toEqual([{ search: 'c\nx\nd\n', replace: 'c\ny\nd\n' }]);
    expectRebuilds(before, after, 0);
  });

  it('gives a pure insertion a line to stand on, even with no context asked for', () => {
    expectRebuilds('a\nb\n', 'a\nnew\nb\n', 0);
    expectRebuilds('a\nb\n', 'top\na\nb\n', 0);
    expectRebuilds('a\nb\n', 'a\nb\nend\n', 0);
  });

  it('handles files without a final newline, and deleting everything', () => {
    expectRebuilds('a\nb', 'a\nc');
    expectRebuilds('a', 'a\nb');
    expectRebuilds('a\nb', 'a');
    expectRebuilds('a\nb', '');
    expectRebuilds('a\nb\n', '');
    expectRebuilds('x\ny\nx\ny', 'x\ny\nx\nz', 0);
  });

  it('returns [] for no change and null for what edits cannot say', () => {
    expect(editHunksFromChange('a\n', 'a\n')).toEqual([]);
    expect(editHunksFromChange('', 'a\n')).toBeNull();
    expect(editHunksFromChange('a\n', 'a')).toBeNull();
    expect(editHunksFromChange('a', 'a\n')).toBeNull();
    expect(editHunksFromChange('a', 'a\r')).toBeNull();
    expect(editHunksFromChange('a\n', 'a\n=======\n')).toBeNull();
    expect(() => editHunksFromChange('a\n', 'b\n', -1)).toThrow(/contextLines/);
  });

  it('rebuilds the new text exactly from random edits of random files, CRLF and odd lines included', () => {
    const line = fc.oneof(fc.constantFrom('a', 'b', 'x', '', '  a', 'a  ', '}', 'a\r', '\r', '😀'), fc.string({ maxLength: 6 }).map((text) => text.replaceAll('\n', '')));
    const file = fc.tuple(fc.array(line, { maxLength: 25 }), fc.boolean()).map(([lines, finalNewline]) => {
      const text = lines.join('\n');
      return finalNewline && text !== '' ? `${text}\n` : text;
    });
    fc.assert(
      fc.property(file, file, fc.integer({ min: 0, max: 3 }), (before, after, context) => {
        const hunks = editHunksFromChange(before, after, context);
        const sameFinalNewline = after === '' || before.endsWith('\n') === after.endsWith('\n');
        const expressible = before === after || (before !== '' && sameFinalNewline && !after.endsWith('\r'));
        if (!expressible) {
          expect(hunks).toBeNull();
          return;
        }
        // No line of this alphabet is long enough to be a marker, so every hunk can be written.
        expect(hunks).not.toBeNull();
        expect(applyEditHunks(before, hunks!)).toEqual({ ok: true, content: after });
      }),
      { numRuns: 2000 },
    );
  });
});

describe('renderEditBlock', () => {
  it('writes what the parser reads back as the same hunks', () => {
    const before = numbered(30);
    const after = before.replace('line 3\n', 'three\n').replace('line 20\n', 'twenty\ntwenty-one\n');
    const hunks = editHunksFromChange(before, after)!;
    const parser = createFileBlockParser();
    const events: ParsedBlockEvent[] = [...parser.push(renderEditBlock('src/lines.txt', hunks)), ...parser.end()];
    expect(events.at(-1)).toEqual({ kind: 'edit:end', path: 'src/lines.txt', hunks });
  });

  it('refuses hunks the format cannot carry', () => {
    expect(() => renderEditBlock('a', [])).toThrow(/at least one hunk/);
    expect(() => renderEditBlock('a', [{ search: '', replace: 'x\n' }])).toThrow(/SEARCH text cannot be written: it is empty/);
    expect(() => renderEditBlock('a', [{ search: 'x', replace: '' }])).toThrow(/does not end with a newline/);
    expect(() => renderEditBlock('a', [{ search: 'x\n', replace: 'y\n</edit>\n' }])).toThrow(/REPLACE text cannot be written: its line 2/);
    expect(() => renderEditBlock('a"b', [{ search: 'x\n', replace: '' }])).toThrow(/double quote/);
  });
});
