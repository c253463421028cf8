import { describe, expect, it } from 'vitest';
import type { FileMap } from '@/types/versioning';
import { hashContent } from './hash';
import { planVersionFiles, type VersionFileRowInput } from './plan-version-files';
import { reconstructVersionFiles, type StoredVersion } from './reconstruct';

const routes = (name: string) =>
  Array.from({ length: 30 }, (_, i) => `router.get('/${name}/${i}', (req, res) => res.json({ id: ${i} }));\n`).join('');

// A linear history: v2 and v3 store diffs of a.ts, v4 only touches b.ts, v5 rewrites a.ts (full content).
const A1 = routes('books');
const A2 = A1.replace("'/books/3'", "'/books/:id'");
const A3 = A2.replace("'/books/20'", "'/books/search'");
const A5 = 'export default 5;\n';
const B1 = 'export const b = 1;\n';
const B4 = 'export const b = 4;\n';
const history: Array<[string, FileMap]> = [
  ['v1', { 'a.ts': A1, 'b.ts': B1 }],
  ['v2', { 'a.ts': A2, 'b.ts': B1 }],
  ['v3', { 'a.ts': A3, 'b.ts': B1 }],
  ['v4', { 'a.ts': A3, 'b.ts': B4 }],
  ['v5', { 'a.ts': A5, 'b.ts': B4 }],
];

function storeHistory(): StoredVersion[] {
  return history.map(([versionId, targetFiles], index) => ({
    versionId,
    isSnapshot: false,
    rows: planVersionFiles({ baseFiles: history[index - 1]?.[1] ?? {}, targetFiles, asSnapshot: false }),
  }));
}

function rowOf(versions: StoredVersion[], versionId: string, filePath: string): VersionFileRowInput {
  const row = versions.find((version) => version.versionId === versionId)?.rows.find((row) => row.filePath === filePath);
  if (!row) throw new Error(`test setup: no row for ${filePath} in ${versionId}`);
  return row;
}

/** Reconstructs v1..vN, as chainToSnapshot would give for this snapshot-free history. */
const upTo = (versions: StoredVersion[], versionNumber: number) => reconstructVersionFiles(versions.slice(0, versionNumber));

describe('reconstructVersionFiles', () => {
  it('rebuilds every version of an intact history and counts the diff steps', () => {
    const versions = storeHistory();
    expect(rowOf(versions, 'v2', 'a.ts').contentDiff).not.toBeNull();
    expect(rowOf(versions, 'v5', 'a.ts').fullContent).toBe(A5);
    history.forEach(([, files], index) => {
      expect(upTo(versions, index + 1)).toEqual({ files, problems: [], diffsApplied: index });
    });
  });

  it('serves the last verified content when a diff produces the wrong text, until full content returns', () => {
    const versions = storeHistory();
    const row = rowOf(versions, 'v2', 'a.ts');
    row.contentDiff = [...row.contentDiff!, [1, '// injected\n']];
    const corrupted = A2 + '// injected\n';

    const v2 = upTo(versions, 2);
    expect(v2.files).toEqual({ 'a.ts': A1, 'b.ts': B1 });
    expect(v2.problems).toEqual([
      { versionId: 'v2', filePath: 'a.ts', reason: 'content hash does not match', fallbackVersionId: 'v1' },
    ]);

    // v3's diff meets v1's content instead of A2: the wrong base, so v3 fails as well.
    const v3 = upTo(versions, 3);
    expect(v3.files).toEqual({ 'a.ts': A1, 'b.ts': B1 });
    expect(v3.problems).toEqual([
      expect.objectContaining({ versionId: 'v2', filePath: 'a.ts', fallbackVersionId: 'v1' }),
      {
        versionId: 'v3',
        filePath: 'a.ts',
        reason: expect.stringMatching(/\(its base could not be restored earlier\)$/),
        fallbackVersionId: 'v1',
      },
    ]);

    expect(upTo(versions, 4).files).toEqual({ 'a.ts': A1, 'b.ts': B4 });

    const v5 = upTo(versions, 5);
    expect(v5.files).toEqual({ 'a.ts': A5, 'b.ts': B4 });
    expect(v5.problems.map((problem) => problem.versionId)).toEqual(['v2', 'v3']);

    for (let n = 1; n <= 5; n++) expect(Object.values(upTo(versions, n).files)).not.toContain(corrupted);
  });

  it('reports a diff that does not fit its base', () => {
    const versions = storeHistory();
    rowOf(versions, 'v2', 'a.ts').contentDiff = [[0, A1.length + 5]];
    const v2 = upTo(versions, 2);
    expect(v2.files['a.ts']).toBe(A1);
    expect(v2.problems).toEqual([
      expect.objectContaining({ versionId: 'v2', filePath: 'a.ts', reason: expect.stringMatching(/^diff does not apply: .*past the end/) }),
    ]);
  });

  it('leaves a file out when no content for it ever verified', () => {
    const versions = storeHistory();
    rowOf(versions, 'v1', 'a.ts').contentHash = hashContent('something else');

    const v1 = upTo(versions, 1);
    expect(v1.files).toEqual({ 'b.ts': B1 });
    expect(v1.problems).toEqual([
      { versionId: 'v1', filePath: 'a.ts', reason: 'content hash does not match', fallbackVersionId: null },
    ]);

    const v3 = upTo(versions, 3);
    expect(v3.files).toEqual({ 'b.ts': B1 });
    expect(v3.problems.slice(1)).toEqual([
      { versionId: 'v2', filePath: 'a.ts', reason: 'diff has no base content to apply to', fallbackVersionId: null },
      { versionId: 'v3', filePath: 'a.ts', reason: 'diff has no base content to apply to', fallbackVersionId: null },
    ]);

    expect(upTo(versions, 5).files).toEqual({ 'a.ts': A5, 'b.ts': B4 });
  });

  it('refuses rows that cannot be verified', () => {
    const versions = storeHistory();
    rowOf(versions, 'v4', 'b.ts').contentHash = null;
    expect(upTo(versions, 4).files['b.ts']).toBe(B1);
    expect(upTo(versions, 4).problems).toEqual([
      { versionId: 'v4', filePath: 'b.ts', reason: 'row has no content hash to verify', fallbackVersionId: 'v1' },
    ]);
  });

  it('starts over at a snapshot: files it does not list are gone', () => {
    const snapshot: StoredVersion = {
      versionId: 's',
      isSnapshot: true,
      rows: planVersionFiles({ baseFiles: {}, targetFiles: { 'a.ts': A2 }, asSnapshot: true }),
    };
    const result = reconstructVersionFiles([...storeHistory().slice(0, 1), snapshot]);
    expect(result).toEqual({ files: { 'a.ts': A2 }, problems: [], diffsApplied: 1 });
  });

  it('keeps a path such as __proto__ as an ordinary file', () => {
    const protoRows: VersionFileRowInput[] = [
      { filePath: '__proto__', operation: 'created', contentDiff: null, fullContent: 'x', contentHash: hashContent('x') },
    ];
    const { files } = reconstructVersionFiles([{ versionId: 'v1', isSnapshot: false, rows: protoRows }]);
    expect(Object.keys(files)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(files)).toBe(Object.prototype);
  });

  it('rejects an empty chain', () => {
    expect(() => reconstructVersionFiles([])).toThrow(/chain is empty/);
  });
});
