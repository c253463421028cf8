// A project env var's value is write-only for signed-in users (supabase/migrations/20261203000000_live_api.sql):
// the owner sees every other column of their own env vars, but no query of theirs may read a value back,
// not by selecting it, filtering or ordering on it, `returning` it or an upsert's excluded.value. Only the
// server (the tables' owner) and service_role can. Same seeded database as rls.test.ts (src/test/rls-fixture.ts).
import { describe, expect, it } from 'vitest';
import { MIGRATOR_ROLE } from '@/test/supabase-roles';
import { only, PERMISSION_DENIED, setUpRlsFixture, type Tx } from '@/test/rls-fixture';
import { postgresTestUrl } from '@/test/test-database';

describe.skipIf(!postgresTestUrl)('row level security on a Supabase-like Postgres', () => {
  const db = setUpRlsFixture();
  const { as, asA } = db;

  describe('project env var values are write-only for signed-in users', () => {
    it('lets the owner read every column but value', async () => {
      const rows = await asA(
        (tx) => tx<{ project_id: string; name: string }[]>`
          select project_id, name, created_at, updated_at from project_env_vars order by name`,
      );
      expect(rows.map((row) => [row.project_id, row.name])).toEqual([
        [db.a.projectId, 'API_KEY'],
        [db.a.projectId, 'JWT_SECRET'],
      ]);
    });

    const reads: Array<[string, (tx: Tx) => Promise<unknown>]> = [
      ['select value', (tx) => tx`select value from project_env_vars where project_id = ${db.a.projectId}`],
      ['select *', (tx) => tx`select * from project_env_vars`],
      ['a filter on value', (tx) => tx`select name from project_env_vars where value like ${db.a.secret.slice(0, 3) + '%'}`],
      ['an order on value', (tx) => tx`select name from project_env_vars order by value`],
      ['returning value', (tx) => tx`update project_env_vars set value = 'x' where name = 'API_KEY' returning value`],
      ['an update computed from value', (tx) => tx`update project_env_vars set value = value || 'x'`],
      [
        // PostgREST's upsert: excluded.value is read, so it needs select on value. A plain update replaces.
        'an upsert setting value = excluded.value',
        (tx) => tx`insert into project_env_vars (project_id, name, value) values (${db.a.projectId}, 'API_KEY', 'k2')
                   on conflict (project_id, name) do update set value = excluded.value`,
      ],
    ];
    it.each(reads)('refuses %s, even on their own rows', async (_label, read) => {
      await expect(asA(read)).rejects.toThrow(PERMISSION_DENIED);
      await expect(asA(read)).rejects.toMatchObject({ code: '42501' });
    });

    it('still lets the server (the tables\' owner) and service_role read values', async () => {
      const read = (tx: Tx) =>
        tx<{ value: string }[]>`select value from project_env_vars where project_id = ${db.a.projectId} and name = 'JWT_SECRET'`;
      expect(only(await as(MIGRATOR_ROLE, null, read)).value).toBe(db.a.secret);
      expect(only(await as('service_role', null, read)).value).toBe(db.a.secret);
    });
  });
});
