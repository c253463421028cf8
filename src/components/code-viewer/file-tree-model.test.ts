import { describe, expect, it } from 'vitest';
import { buildFileTree, changeToFlash, defaultFilePath, slidesIn, type FileTreeNode } from './file-tree-model';

function outline(nodes: FileTreeNode[], indent = ''): string[] {
  return nodes.flatMap((node) =>
    node.kind === 'folder' ? [`${indent}${node.name}/`, ...outline(node.children, `${indent}  `)] : [`${indent}${node.name}`],
  );
}

describe('buildFileTree', () => {
  it('nests files in folders, folders first, alphabetically', () => {
    const tree = buildFileTree(['src/routes/books.ts', 'package.json', 'src/index.ts', 'src/routes/authors.ts', 'README.md', 'src/db/store.ts']);
    expect(outline(tree)).toEqual([
      'src/',
      '  db/',
      '    store.ts',
      '  routes/',
      '    authors.ts',
      '    books.ts',
      '  index.ts',
      'package.json',
      'README.md',
    ]);
  });

  it('keeps full paths on files and folders, and lists a path once', () => {
    const tree = buildFileTree(['src/a.ts', 'src/a.ts']);
    expect(tree).toEqual([{ kind: 'folder', name: 'src', path: 'src', children: [{ kind: 'file', name: 'a.ts', path: 'src/a.ts' }] }]);
  });
});

describe('defaultFilePath', () => {
  it('prefers the entry point, then the first path', () => {
    expect(defaultFilePath(['package.json', 'src/index.ts'])).toBe('src/index.ts');
    expect(defaultFilePath(['src/z.ts', 'src/b.ts'])).toBe('src/b.ts');
    expect(defaultFilePath([])).toBeNull();
  });
});

describe('changeToFlash', () => {
  it('flashes a file on screen whose marker turns to modified or deleted', () => {
    expect(changeToFlash('created', 'modified')).toBe('modified');
    expect(changeToFlash(undefined, 'modified')).toBe('modified');
    expect(changeToFlash('queued', 'deleted')).toBe('deleted');
    expect(changeToFlash('editing', 'modified')).toBe('modified');
  });

  it('does not flash an unchanged marker, or one that turns to planned, writing, created or none', () => {
    expect(changeToFlash('modified', 'modified')).toBeNull();
    expect(changeToFlash('deleted', 'deleted')).toBeNull();
    expect(changeToFlash('created', 'queued')).toBeNull();
    expect(changeToFlash('queued', 'writing')).toBeNull();
    expect(changeToFlash(undefined, 'editing')).toBeNull();
    expect(changeToFlash('writing', 'created')).toBeNull();
    expect(changeToFlash('modified', undefined)).toBeNull();
  });
});

describe('slidesIn', () => {
  const firstShown = new Set(['package.json', 'src/index.ts', 'src/routes/books.ts']);

  it('slides in files and folders that arrive after the first drawing', () => {
    expect(slidesIn(firstShown, { kind: 'file', path: 'src/routes/authors.ts' })).toBe(true);
    expect(slidesIn(firstShown, { kind: 'folder', path: 'src/db' })).toBe(true);
  });

  it('shows the rows of the first drawing at once, folders by the files they held', () => {
    expect(slidesIn(firstShown, { kind: 'file', path: 'src/index.ts' })).toBe(false);
    expect(slidesIn(firstShown, { kind: 'folder', path: 'src' })).toBe(false);
    expect(slidesIn(firstShown, { kind: 'folder', path: 'src/routes' })).toBe(false);
  });

  it('does not take a folder for another that starts with its name', () => {
    expect(slidesIn(new Set(['src/routes-old/a.ts']), { kind: 'folder', path: 'src/routes' })).toBe(true);
  });

  it('slides nothing in before the tree has shown files', () => {
    expect(slidesIn(null, { kind: 'file', path: 'src/index.ts' })).toBe(false);
  });
});
