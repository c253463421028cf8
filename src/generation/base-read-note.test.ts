import { describe, expect, it } from 'vitest';
import { baseReadNote } from './base-read-note';

describe('baseReadNote', () => {
  it('names the entry point and the manifest first, and counts the rest', () => {
    const paths = ['src/routes/books.ts', 'README.md', 'package.json', 'src/index.ts', 'src/routes/authors.ts'];
    expect(baseReadNote(paths)).toBe('Read src/index.ts, package.json, README.md and 2 more files');
  });

  it('names every file of a small base', () => {
    expect(baseReadNote(['src/index.ts'])).toBe('Read src/index.ts');
    expect(baseReadNote(['b.ts', 'a.ts'])).toBe('Read a.ts and b.ts');
    expect(baseReadNote(['c.ts', 'b.ts', 'a.ts', 'd.ts'])).toBe('Read a.ts, b.ts, c.ts and 1 more file');
  });

  it('says so when the base is empty', () => {
    expect(baseReadNote([])).toBe('The base version has no files');
  });
});
