// Project env vars through the real database: set and replace, the per-project limit (also under racing
// sets), per-project isolation, and the table's own CHECKs matching the shared name and value rules.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ENV_VALUE_BYTES, MAX_ENV_VARS_PER_PROJECT } from '@/shared/project-env-rules';
import { testDatabases } from '@/test/test-database';
import type { DatabaseHandle } from '../client';
import { ForgeError } from '@/shared/forge-error';
import { insertProject } from './projects-store';
import { deleteProjectEnvVar, listProjectEnvVars, readProjectEnvValues, setProjectEnvVar } from './project-env-store';
import { rejectionOf } from '@/test/rejection';

const OWNER = '00000000-0000-4000-8000-000000000001';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const forgeErrorOf = (promise: Promise<unknown>) => rejectionOf(promise, ForgeError);

for (const database of testDatabases) {
  describe.skipIf(Boolean(database.skip))(`project env store on ${database.name}`, () => {
    let handle: DatabaseHandle;
    beforeAll(async () => {
      handle = await database.open();
    });
    afterAll(() => handle?.close());

    const newProject = async () => (await insertProject(handle.db, { ownerId: OWNER, name: 'env' })).id;

    it('sets variables, lists only their names sorted, and reads values for the sandbox', async () => {
      const projectId = await newProject();
      const stored = await setProjectEnvVar(handle.db, { projectId, name: 'JWT_SECRET', value: 's3cret' });
      expect(stored).toEqual({ name: 'JWT_SECRET', updatedAt: expect.any(Date) });
      await setProjectEnvVar(handle.db, { projectId, name: 'API_KEY', value: 'k-1' });
      await setProjectEnvVar(handle.db, { projectId, name: 'database_url', value: 'postgres://u:p@h/db' });

      const listed = await listProjectEnvVars(handle.db, projectId);
      expect(listed.map((entry) => entry.name)).toEqual(['API_KEY', 'JWT_SECRET', 'database_url']);
      expect(listed.every((entry) => Object.keys(entry).sort().join() === 'name,updatedAt')).toBe(true);
      expect(JSON.stringify(listed)).not.toContain('s3cret');

      expect(await readProjectEnvValues(handle.db, projectId)).toEqual({
        API_KEY: 'k-1',
        JWT_SECRET: 's3cret',
        database_url: 'postgres://u:p@h/db',
      });
    });

    it('replaces a value in place: one row, updated_at bumped, created_at kept', async () => {
      const projectId = await newProject();
      const first = await setProjectEnvVar(handle.db, { projectId, name: 'TOKEN', value: 'old' });
      await sleep(5);
      const second = await setProjectEnvVar(handle.db, { projectId, name: 'TOKEN', value: 'new' });
      expect(second.updatedAt.getTime()).toBeGreaterThan(first.updatedAt.getTime());
      expect(await readProjectEnvValues(handle.db, projectId)).toEqual({ TOKEN: 'new' });
      const rows = await handle.query<{ created_at: Date; updated_at: Date }>(
        'select created_at, updated_at from project_env_vars where project_id = $1',
        [projectId],
      );
      expect(rows).toHaveLength(1);
      expect(new Date(rows[0]!.created_at).getTime()).toBe(first.updatedAt.getTime());
      expect(new Date(rows[0]!.updated_at).getTime()).toBe(second.updatedAt.getTime());
    });

    it(`refuses a new name beyond ${MAX_ENV_VARS_PER_PROJECT} variables, but still replaces existing ones`, async () => {
      const projectId = await newProject();
      for (let index = 0; index < MAX_ENV_VARS_PER_PROJECT; index++) {
        await setProjectEnvVar(handle.db, { projectId, name: `VAR_${index}`, value: `${index}` });
      }
      const refused = await forgeErrorOf(setProjectEnvVar(handle.db, { projectId, name: 'ONE_MORE', value: 'x' }));
      expect(refused.code).toBe('BAD_REQUEST');
      expect(refused.message).toContain(`at most ${MAX_ENV_VARS_PER_PROJECT}`);
      expect(await listProjectEnvVars(handle.db, projectId)).toHaveLength(MAX_ENV_VARS_PER_PROJECT);

      await setProjectEnvVar(handle.db, { projectId, name: 'VAR_0', value: 'replaced' });
      expect((await readProjectEnvValues(handle.db, projectId)).VAR_0).toBe('replaced');

      expect(await deleteProjectEnvVar(handle.db, { projectId, name: 'VAR_1' })).toBe(true);
      await setProjectEnvVar(handle.db, { projectId, name: 'ONE_MORE', value: 'x' });
      expect(await listProjectEnvVars(handle.db, projectId)).toHaveLength(MAX_ENV_VARS_PER_PROJECT);
    });

    it('lets only one of many racing sets take the last free slot', async () => {
      const projectId = await newProject();
      for (let index = 0; index < MAX_ENV_VARS_PER_PROJECT - 1; index++) {
        await setProjectEnvVar(handle.db, { projectId, name: `VAR_${index}`, value: 'x' });
      }
      // Open every pooled connection first (Postgres), so the racers really overlap instead of the first
      // one finishing while the others still connect.
      await Promise.all(Array.from({ length: 10 }, () => handle.query('select pg_sleep(0.05)')));
      const results = await Promise.allSettled(
        Array.from({ length: 8 }, (_, racer) => setProjectEnvVar(handle.db, { projectId, name: `RACER_${racer}`, value: 'x' })),
      );
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      for (const result of results) {
        if (result.status === 'rejected') expect(result.reason).toMatchObject({ code: 'BAD_REQUEST' });
      }
      expect(await listProjectEnvVars(handle.db, projectId)).toHaveLength(MAX_ENV_VARS_PER_PROJECT);
    });

    it("keeps projects apart: one project's names, values and removals never touch another's", async () => {
      const a = await newProject();
      const b = await newProject();
      await setProjectEnvVar(handle.db, { projectId: a, name: 'SHARED', value: 'a-value' });
      await setProjectEnvVar(handle.db, { projectId: b, name: 'SHARED', value: 'b-value' });
      await setProjectEnvVar(handle.db, { projectId: b, name: 'ONLY_B', value: 'b2' });

      expect((await listProjectEnvVars(handle.db, a)).map((entry) => entry.name)).toEqual(['SHARED']);
      expect(await readProjectEnvValues(handle.db, a)).toEqual({ SHARED: 'a-value' });
      expect(await deleteProjectEnvVar(handle.db, { projectId: a, name: 'ONLY_B' })).toBe(false);
      expect(await deleteProjectEnvVar(handle.db, { projectId: a, name: 'SHARED' })).toBe(true);
      expect(await deleteProjectEnvVar(handle.db, { projectId: a, name: 'SHARED' })).toBe(false);
      expect(await readProjectEnvValues(handle.db, a)).toEqual({});
      expect(await readProjectEnvValues(handle.db, b)).toEqual({ ONLY_B: 'b2', SHARED: 'b-value' });
    });

    it('refuses bad names and values before touching the table, and an unknown project with NOT_FOUND', async () => {
      const projectId = await newProject();
      for (const name of ['', 'PATH', 'LD_PRELOAD', '1ABC', 'a-b']) {
        expect((await forgeErrorOf(setProjectEnvVar(handle.db, { projectId, name, value: 'x' }))).code).toBe('BAD_REQUEST');
      }
      const tooBig = 'x'.repeat(MAX_ENV_VALUE_BYTES + 1);
      expect((await forgeErrorOf(setProjectEnvVar(handle.db, { projectId, name: 'BIG', value: tooBig }))).code).toBe('BAD_REQUEST');
      expect((await forgeErrorOf(setProjectEnvVar(handle.db, { projectId, name: 'NUL', value: 'a\u0000b' }))).code).toBe('BAD_REQUEST');
      expect(await listProjectEnvVars(handle.db, projectId)).toEqual([]);

      const missing = await forgeErrorOf(setProjectEnvVar(handle.db, { projectId: randomUUID(), name: 'OK', value: 'x' }));
      expect(missing.code).toBe('NOT_FOUND');
    });

    it('has CHECKs that refuse what the shared rules refuse, for writes that bypass the server', async () => {
      const projectId = await newProject();
      const insert = (name: string, value = 'x') =>
        handle.query('insert into project_env_vars (project_id, name, value) values ($1, $2, $3)', [projectId, name, value]);
      for (const name of ['', 'PATH', 'path', 'Home', 'LD_PRELOAD', 'ld_library_path', 'NPM_CONFIG_PREFIX', 'BWRAP_X', '1ABC', 'a-b', 'N'.repeat(129)]) {
        await expect(insert(name), name).rejects.toThrow(/check constraint/);
      }
      await expect(insert('BIG', 'x'.repeat(MAX_ENV_VALUE_BYTES + 1))).rejects.toThrow(/check constraint/);
      // Multi-byte characters count as bytes, as in envValueProblem.
      await expect(insert('BIG', 'é'.repeat(MAX_ENV_VALUE_BYTES / 2 + 1))).rejects.toThrow(/check constraint/);
      await insert('_OK_1', 'x'.repeat(MAX_ENV_VALUE_BYTES));
      await insert('N'.repeat(128));
      expect(await listProjectEnvVars(handle.db, projectId)).toHaveLength(2);
    });

    it("goes when its project is deleted", async () => {
      const projectId = await newProject();
      await setProjectEnvVar(handle.db, { projectId, name: 'GONE', value: 'x' });
      await handle.query('delete from projects where id = $1', [projectId]);
      const rows = await handle.query('select * from project_env_vars where project_id = $1', [projectId]);
      expect(rows).toEqual([]);
    });
  });
}
