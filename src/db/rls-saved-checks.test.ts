// Row level security on saved_checks (supabase/migrations/20261206000000_saved_checks.sql), on the seeded
// Supabase-like database of rls.test.ts (src/test/rls-fixture.ts): the owner lists, saves and removes checks
// of their own projects only, nobody edits one through the Data API, anon sees nothing, and the server sees all.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { MIGRATOR_ROLE } from '@/test/supabase-roles';
import { only, RLS_DENIED, setUpRlsFixture, type Tx } from '@/test/rls-fixture';
import { postgresTestUrl } from '@/test/test-database';

const UPDATE_DENIED = /permission denied for table saved_checks/;

describe.skipIf(!postgresTestUrl)('row level security on saved_checks', () => {
  const db = setUpRlsFixture();
  const { as, asA } = db;
  const ids = { a: randomUUID(), b: randomUUID() };

  beforeAll(async () => {
    for (const [user, id] of [
      [db.a, ids.a],
      [db.b, ids.b],
    ] as const) {
      await db.sql`
        insert into saved_checks (id, project_id, name, method, path, headers, expect_status, expect_json)
        values (${id}, ${user.projectId}, 'GET /books → 200', 'GET', '/books', '{"authorization":"Bearer t"}', 200, '{"title":"Dune"}'),
               (${randomUUID()}, ${user.projectId}, 'POST /books → 201', 'POST', '/books', '{}', 201, null)`;
    }
  });

  const count = async (tx: Tx) => only(await tx<{ n: number }[]>`select count(*)::int as n from saved_checks`).n;

  it('has RLS on, with select, insert and delete policies for authenticated and no update policy', async () => {
    const table = only(await db.sql<{ relrowsecurity: boolean }[]>`select relrowsecurity from pg_class where oid = 'public.saved_checks'::regclass`);
    expect(table.relrowsecurity).toBe(true);
    const policies = await db.sql<{ cmd: string; roles: string[] }[]>`
      select cmd, roles::text[] as roles from pg_policies where schemaname = 'public' and tablename = 'saved_checks' order by cmd`;
    expect(policies.map((policy) => [policy.cmd, policy.roles])).toEqual([
      ['DELETE', ['authenticated']],
      ['INSERT', ['authenticated']],
      ['SELECT', ['authenticated']],
    ]);
  });

  it("shows a user their own projects' checks only, anon none, and the server all", async () => {
    const aRows = await asA((tx) => tx<{ project_id: string }[]>`select project_id from saved_checks`);
    expect(aRows.map((row) => row.project_id)).toEqual([db.a.projectId, db.a.projectId]);
    expect(await asA((tx) => tx`select id from saved_checks where id = ${ids.b}`)).toHaveLength(0);
    expect(await as('anon', null, count)).toBe(0);
    expect(await as(MIGRATOR_ROLE, null, count)).toBe(4);
    expect(await as('service_role', null, count)).toBe(4);
  });

  it("lets the owner save into their own project and refuses saving into another user's", async () => {
    const saved = await asA(async (tx) => {
      await tx`insert into saved_checks (project_id, name, method, path, expect_status) values (${db.a.projectId}, 'mine', 'GET', '/', 200)`;
      return count(tx);
    });
    expect(saved).toBe(3);
    const intoB = (tx: Tx) =>
      tx`insert into saved_checks (project_id, name, method, path, expect_status) values (${db.b.projectId}, 'evil', 'GET', '/', 200)`;
    await expect(asA(intoB)).rejects.toThrow(RLS_DENIED);
    await expect(as('anon', null, intoB)).rejects.toThrow(RLS_DENIED);
  });

  it("removes the owner's own checks, and none of another user's", async () => {
    const affected = await asA(async (tx) => ({
      others: (await tx`delete from saved_checks where project_id = ${db.b.projectId}`).count,
      own: (await tx`delete from saved_checks where id = ${ids.a}`).count,
    }));
    expect(affected).toEqual({ others: 0, own: 1 });
    expect(only(await db.sql<{ n: number }[]>`select count(*)::int as n from saved_checks where id = ${ids.b}`).n).toBe(1);
  });

  it('lets nobody edit a check through the Data API, not even its owner', async () => {
    await expect(asA((tx) => tx`update saved_checks set expect_status = 500 where id = ${ids.a}`)).rejects.toThrow(UPDATE_DENIED);
    await expect(asA((tx) => tx`update saved_checks set project_id = ${db.b.projectId} where id = ${ids.a}`)).rejects.toThrow(UPDATE_DENIED);
  });
});
