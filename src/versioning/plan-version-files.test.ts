import { describe, expect, it } from 'vitest';
import { applyDiff } from './diff';
import { hashContent } from './hash';
import { planVersionFiles } from './plan-version-files';

const longFile = Array.from({ length: 50 }, (_, i) => `app.get('/items/${i}', handler${i});\n`).join('');

describe('planVersionFiles', () => {
  const baseFiles = {
    'src/index.ts': longFile,
    'src/tiny.ts': 'a',
    'src/same.ts': 'export {};\n',
    'src/old.ts': 'gone soon\n',
  };
  const targetFiles = {
    'src/index.ts': longFile.replace("'/items/7'", "'/items/:id'"),
    'src/tiny.ts': 'b',
    'src/same.ts': 'export {};\n',
    'src/new.ts': 'export const created = true;\n',
  };

  it('writes one row per changed file, sorted by path, and none for unchanged files', () => {
    const rows = planVersionFiles({ baseFiles, targetFiles, asSnapshot: false });
    expect(rows.map((row) => [row.filePath, row.operation])).toEqual([
      ['src/index.ts', 'modified'],
      ['src/new.ts', 'created'],
      ['src/old.ts', 'deleted'],
      ['src/tiny.ts', 'modified'],
    ]);
  });

  it('stores a diff when it is smaller than the file, full content otherwise', () => {
    const rows = planVersionFiles({ baseFiles, targetFiles, asSnapshot: false });
    const byPath = new Map(rows.map((row) => [row.filePath, row]));

    const index = byPath.get('src/index.ts')!;
    expect(index.fullContent).toBeNull();
    expect(JSON.stringify(index.contentDiff).length).toBeLessThan(targetFiles['src/index.ts'].length);
    expect(applyDiff(baseFiles['src/index.ts'], index.contentDiff!)).toBe(targetFiles['src/index.ts']);

    // A one-character file: any diff JSON is longer than the file itself.
    expect(byPath.get('src/tiny.ts')).toMatchObject({ contentDiff: null, fullContent: 'b' });
    expect(byPath.get('src/new.ts')).toMatchObject({ contentDiff: null, fullContent: targetFiles['src/new.ts'] });
    expect(byPath.get('src/old.ts')).toEqual({
      filePath: 'src/old.ts',
      operation: 'deleted',
      contentDiff: null,
      fullContent: null,
      contentHash: null,
    });
  });

  it('hashes the full target content on every row that is not a deletion', () => {
    const rows = planVersionFiles({ baseFiles, targetFiles, asSnapshot: false });
    for (const row of rows.filter((row) => row.operation !== 'deleted')) {
      expect(row.contentHash).toBe(hashContent(targetFiles[row.filePath as keyof typeof targetFiles]));
    }
  });

  it('in snapshot mode gives every target file its full content, plus the deletions', () => {
    const rows = planVersionFiles({ baseFiles, targetFiles, asSnapshot: true });
    expect(rows.map((row) => [row.filePath, row.operation, row.fullContent !== null, row.contentDiff])).toEqual([
      ['src/index.ts', 'modified', true, null],
      ['src/new.ts', 'created', true, null],
      ['src/old.ts', 'deleted', false, null],
      ['src/same.ts', 'unchanged', true, null],
      ['src/tiny.ts', 'modified', true, null],
    ]);
    expect(rows.find((row) => row.filePath === 'src/same.ts')?.contentHash).toBe(hashContent('export {};\n'));
  });

  it('writes nothing when nothing changed', () => {
    expect(planVersionFiles({ baseFiles, targetFiles: { ...baseFiles }, asSnapshot: false })).toEqual([]);
  });

  it('treats a path named like an Object.prototype member as an ordinary file', () => {
    const rows = planVersionFiles({ baseFiles: {}, targetFiles: { constructor: 'x' }, asSnapshot: false });
    expect(rows).toMatchObject([{ filePath: 'constructor', operation: 'created', fullContent: 'x' }]);
  });
});
