// Version storage through the real database: diffs and snapshots are written, read back exactly,
// and a corrupted diff is never served as content.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '../client';
import { openPgliteTestDatabase } from '@/test/test-database';
import type { FileMap } from '@/types/versioning';
import { insertProject } from './projects-store';
import { insertCompletedVersion } from './versions-store';
import { forgetCachedVersionFiles, readVersionFiles, writeVersionFiles } from './version-files-store';

const OWNER = '00000000-0000-4000-8000-000000000001';

describe('version files store', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openPgliteTestDatabase();
  });
  afterAll(() => handle?.close());

  /** Writes `states` as a linear chain of versions and returns their ids. */
  async function writeChain(states: FileMap[]): Promise<string[]> {
    const project = await insertProject(handle.db, { ownerId: OWNER, name: 'chain' });
    const ids: string[] = [];
    let baseFiles: FileMap = {};
    let baseVersionId: string | null = null;
    for (const [index, files] of states.entries()) {
      const version = await insertCompletedVersion(handle.db, {
        projectId: project.id,
        prompt: `step ${index}`,
        baseVersionId,
        title: `Step ${index}`,
        summary: '',
        validation: null,
      });
      await writeVersionFiles(handle.db, { versionId: version.id, baseVersionId, baseFiles, targetFiles: files });
      ids.push(version.id);
      baseFiles = files;
      baseVersionId = version.id;
    }
    return ids;
  }

  function evolve(count: number): FileMap[] {
    const states: FileMap[] = [];
    let files: FileMap = { 'src/index.ts': 'export const start = 0;\n'.repeat(40), 'src/util.ts': 'export const util = 1;\n'.repeat(40) };
    for (let step = 0; step < count; step++) {
      states.push(files);
      files = { ...files, 'src/index.ts': `${files['src/index.ts']}// step ${step}\n` };
      if (step === 5) files['src/new.ts'] = 'export const fresh = true;\n';
      if (step === 8) delete files['src/util.ts'];
    }
    return states;
  }

  it('reads every version of a 25-version chain back exactly, with snapshots keeping chains short', async () => {
    const states = evolve(25);
    const ids = await writeChain(states);
    forgetCachedVersionFiles();
    for (const [index, id] of ids.entries()) {
      const { files, problems } = await readVersionFiles(handle.db, id);
      expect(problems).toEqual([]);
      expect(files).toEqual(states[index]);
    }
    const snapshots = await handle.query<{ count: number }>(
      `select count(*)::int as count from api_versions where id = any($1::uuid[]) and is_snapshot`,
      [ids],
    );
    expect(snapshots[0]!.count).toBeGreaterThanOrEqual(2);
    // Only changed files have rows, except in snapshots.
    const rowsOfV2 = await handle.query<{ file_path: string; operation: string }>('select file_path, operation from version_files where version_id = $1', [ids[1]]);
    expect(rowsOfV2).toEqual([{ file_path: 'src/index.ts', operation: 'modified' }]);
  });

  it('never serves a corrupted diff: names the file, falls back, re-snapshots, and then reads consistently', async () => {
    const states = evolve(6);
    const ids = await writeChain(states);
    // Corrupt v3's diff of src/index.ts: its hash no longer matches what the diff produces.
    await handle.query(
      `update version_files set content_diff = '[[0, 10], [1, "CORRUPTED"], [-1, 5]]'::jsonb
        where version_id = $1 and file_path = 'src/index.ts'`,
      [ids[2]],
    );
    forgetCachedVersionFiles();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});

    for (const id of ids.slice(2)) {
      const { files, problems } = await readVersionFiles(handle.db, id);
      expect(problems.map((problem) => problem.filePath)).toContain('src/index.ts');
      expect(files['src/index.ts'] ?? '').not.toContain('CORRUPTED');
      // The file it could not restore is served from the nearest verified content, v2's.
      expect(files['src/index.ts']).toBe(states[1]!['src/index.ts']);
      // Other files are untouched.
      expect(files['src/util.ts']).toBe(states[ids.indexOf(id)]!['src/util.ts']);
    }
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('src/index.ts'));
    warn.mockRestore();

    // After the fresh snapshots, reads are consistent and report nothing new.
    forgetCachedVersionFiles();
    for (const id of ids.slice(2)) {
      const { files, problems } = await readVersionFiles(handle.db, id);
      expect(problems).toEqual([]);
      expect(files['src/index.ts']).toBe(states[1]!['src/index.ts']);
    }
    // Versions before the corruption never changed.
    expect((await readVersionFiles(handle.db, ids[1]!)).files).toEqual(states[1]);
  });
});
