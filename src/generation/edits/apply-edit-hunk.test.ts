import { describe, expect, it } from 'vitest';
import { applyEditHunk, applyEditHunks, applyLocatedHunk, locateEditHunk } from './apply-edit-hunk';

const TASKS = 'export interface Task {\n  id: string;\n  title: string;\n}\n\nexport const tasks: Task[] = [];\n';

describe('applyEditHunk: exact matches', () => {
  it('replaces the one place the SEARCH text names, reporting where', () => {
    expect(applyEditHunk(TASKS, { search: '  title: string;\n', replace: '  title: string;\n  priority: number;\n' })).toEqual({
      ok: true,
      content: 'export interface Task {\n  id: string;\n  title: string;\n  priority: number;\n}\n\nexport const tasks: Task[] = [];\n',
      startLine: 3,
      deletedLines: 1,
      match: 'exact',
    });
  });

  it('deletes lines with an empty REPLACE', () => {
    const applied = applyEditHunk(TASKS, { search: '\nexport const tasks: Task[] = [];\n', replace: '' });
    expect(applied).toEqual({ ok: true, content: 'export interface Task {\n  id: string;\n  title: string;\n}\n', startLine: 5, deletedLines: 2, match: 'exact' });
  });

  it('edits the first and the last line', () => {
    expect(applyEditHunk(TASKS, { search: 'export interface Task {\n', replace: 'interface Task {\n' })).toMatchObject({
      ok: true,
      content: TASKS.replace('export interface', 'interface'),
      startLine: 1,
    });
    expect(applyEditHunk(TASKS, { search: 'export const tasks: Task[] = [];\n', replace: 'export const tasks = [] as Task[];\n' })).toMatchObject({
      ok: true,
      content: TASKS.replace('tasks: Task[] = []', 'tasks = [] as Task[]'),
      startLine: 6,
      deletedLines: 1,
    });
  });

  it('matches whole lines only, never the middle of one', () => {
    expect(locateEditHunk('const a = 1;\nconst b = 1;\n', 'a = 1;\n')).toMatchObject({ ok: false });
    expect(locateEditHunk('xa\na\n', 'a\n')).toMatchObject({ ok: true, startLine: 2, match: 'exact' });
  });

  it('refuses to guess between several places', () => {
    const content = 'a\nb\na\nb\nc\na\nb\n';
    expect(applyEditHunk(content, { search: 'a\nb\n', replace: 'x\n' })).toEqual({
      ok: false,
      reason: 'the SEARCH text matches 3 places (lines 1, 3, 6); include more lines around the change so it matches one',
    });
    // Overlapping places count too.
    expect(locateEditHunk('x\nx\nx\n', 'x\nx\n')).toMatchObject({ ok: false, reason: expect.stringContaining('matches 2 places (lines 1, 2)') });
  });

  it('says when the SEARCH text is nowhere, or empty', () => {
    expect(applyEditHunk(TASKS, { search: '  done: boolean;\n', replace: '' })).toEqual({
      ok: false,
      reason: 'the SEARCH text is not in the file, even ignoring leading and trailing whitespace (its first line: "done: boolean;")',
    });
    expect(locateEditHunk(TASKS, '')).toEqual({ ok: false, reason: 'the SEARCH text is empty' });
    expect(locateEditHunk('', 'a\n')).toMatchObject({ ok: false });
  });
});

describe('applyEditHunk: the whitespace-tolerant retry', () => {
  it('finds lines whose indentation or trailing spaces differ, and puts the REPLACE text in their place', () => {
    const applied = applyEditHunk(TASKS, { search: 'id: string;\ntitle: string;  \n', replace: '  id: number;\n  title: string;\n' });
    expect(applied).toEqual({ ok: true, content: TASKS.replace('id: string', 'id: number'), startLine: 2, deletedLines: 2, match: 'whitespace' });
  });

  it('is still refused when it matches several places', () => {
    expect(locateEditHunk('  a\nb\n\ta\n', 'a\n')).toEqual({
      ok: false,
      reason: 'the SEARCH text matches 2 places (lines 1, 3) when leading and trailing whitespace is ignored; include more lines around the change so it matches one',
    });
  });

  it('goes no further: a changed word inside a line is not found', () => {
    expect(locateEditHunk(TASKS, '  titel: string;\n')).toMatchObject({ ok: false });
  });

  it('finds the last line of a file without a final newline and keeps it without one', () => {
    expect(applyEditHunk('a\nb', { search: 'b\n', replace: 'c\nd\n' })).toEqual({ ok: true, content: 'a\nc\nd', startLine: 2, deletedLines: 1, match: 'whitespace' });
    expect(applyEditHunk('a\nb', { search: 'a\nb\n', replace: '' })).toMatchObject({ ok: true, content: '' });
    // A whole-line SEARCH that the exact pass would find in the middle of the file wins there.
    expect(applyEditHunk('b\nb', { search: 'b\n', replace: 'c\n' })).toMatchObject({ ok: true, content: 'c\nb', match: 'exact' });
  });

  it('gives the REPLACE text a CRLF file\'s line ends when the hunk was written with \\n', () => {
    const crlf = 'one\r\ntwo\r\nthree\r\n';
    expect(applyEditHunk(crlf, { search: 'two\n', replace: 'TWO\n2\n' })).toEqual({
      ok: true,
      content: 'one\r\nTWO\r\n2\r\nthree\r\n',
      startLine: 2,
      deletedLines: 1,
      match: 'whitespace',
    });
    expect(applyEditHunk(crlf, { search: 'two\r\n', replace: 'TWO\r\n' })).toMatchObject({ content: 'one\r\nTWO\r\nthree\r\n', match: 'exact' });
  });

  it('gives the REPLACE text \\n line ends in an LF file when the hunk was written with CRLF', () => {
    expect(applyEditHunk('one\ntwo\n', { search: 'two\r\n', replace: 'TWO\r\n2\r\n' })).toMatchObject({ ok: true, content: 'one\nTWO\n2\n' });
  });
});

describe('locateEditHunk then applyLocatedHunk', () => {
  it('applies at the place found before the REPLACE text streamed', () => {
    const location = locateEditHunk(TASKS, '  id: string;\n');
    expect(location).toMatchObject({ ok: true, startLine: 2, deletedLines: 1, match: 'exact' });
    if (!location.ok) return;
    expect(applyLocatedHunk(TASKS, location, '  id: number;\n').content).toBe(TASKS.replace('id: string', 'id: number'));
  });

  it('throws when the location is not inside the content', () => {
    const location = locateEditHunk(TASKS, '}\n');
    if (!location.ok) throw new Error(location.reason);
    expect(() => applyLocatedHunk('short', location, '')).toThrow(/not inside this content/);
  });
});

describe('applyEditHunks', () => {
  it('applies hunks in order, each to what the ones before left', () => {
    const hunks = [
      { search: '  title: string;\n', replace: '  title: string;\n  done: boolean;\n' },
      { search: '  done: boolean;\n}\n', replace: '  done: boolean;\n  tags: string[];\n}\n' },
    ];
    expect(applyEditHunks(TASKS, hunks)).toEqual({
      ok: true,
      content: 'export interface Task {\n  id: string;\n  title: string;\n  done: boolean;\n  tags: string[];\n}\n\nexport const tasks: Task[] = [];\n',
    });
  });

  it('names the hunk that failed', () => {
    expect(applyEditHunks(TASKS, [{ search: '}\n', replace: '' }, { search: 'nothing\n', replace: '' }])).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^hunk 2: the SEARCH text is not in the file/),
    });
  });
});
