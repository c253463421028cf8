// Row level security (supabase/migrations/20261123000100_row_level_security.sql), tested for real on a
// Postgres that has Supabase's roles, auth.uid() and realtime.messages (src/test/supabase-roles.ts), seeded
// with two users (src/test/rls-fixture.ts): every table has its policies, the server and service_role see
// everything, users see and change only their own projects' rows, and anon nothing. Env var values
// (rls-env-values.test.ts) and the channels (rls-channels.test.ts) have files, and databases, of their own.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MIGRATOR_ROLE } from '@/test/supabase-roles';
import {
  ANON_READABLE_TABLES,
  counts,
  only,
  PERMISSION_DENIED,
  RLS_DENIED,
  SEEDED,
  setUpRlsFixture,
  TABLES,
  type Tx,
} from '@/test/rls-fixture';
import { postgresTestUrl } from '@/test/test-database';

describe.skipIf(!postgresTestUrl)('row level security on a Supabase-like Postgres', () => {
  const db = setUpRlsFixture();
  const { as, asA } = db;

  it('enables RLS on every table with separate select/insert/update/delete policies for authenticated', async () => {
    const rls = await db.sql<{ relname: string; relrowsecurity: boolean }[]>`
      select relname, relrowsecurity from pg_class
      where relnamespace = 'public'::regnamespace and relname in ${db.sql([...TABLES, 'forge_schema_migrations'])}`;
    expect(rls).toHaveLength(TABLES.length + 1);
    expect(rls.every((row) => row.relrowsecurity)).toBe(true);
    const policies = await db.sql<{ tablename: string; cmd: string; roles: string[] }[]>`
      select tablename, cmd, roles::text[] as roles from pg_policies where schemaname = 'public'`;
    for (const table of TABLES) {
      expect(policies.filter((p) => p.tablename === table).map((p) => p.cmd).sort()).toEqual([
        'DELETE',
        'INSERT',
        'SELECT',
        'UPDATE',
      ]);
    }
    expect(policies.every((p) => p.roles.length === 1 && p.roles[0] === 'authenticated')).toBe(true);
    const realtime = await db.sql<{ cmd: string }[]>`select cmd from pg_policies where schemaname = 'realtime'`;
    expect(realtime.map((p) => p.cmd).sort()).toEqual(['INSERT', 'SELECT']);
  });

  it('lets the table owner and service_role see everything (the server is not affected)', async () => {
    const all = Object.fromEntries(Object.entries(SEEDED).map(([table, n]) => [table, n * 2]));
    // The role that ran the migrations owns the tables, as postgres does on Supabase; the server connects as it.
    expect(await as(MIGRATOR_ROLE, null, counts)).toEqual(all);
    expect(await as('service_role', null, counts)).toEqual(all);
    expect(await as(MIGRATOR_ROLE, null, (tx) => tx`select * from version_overview`)).toHaveLength(4);
  });

  it("shows a user only their own projects' rows in every table and in version_overview", async () => {
    expect(await asA(counts)).toEqual(SEEDED);
    expect(await as('authenticated', db.b.owner, counts)).toEqual(SEEDED);
    const aProjects = await asA((tx) => tx<{ id: string }[]>`select id from projects`);
    expect(aProjects.map((row) => row.id)).toEqual([db.a.projectId]);
    const bRows = await asA(
      (tx) => tx<{ n: number }[]>`
        select (select count(*) from api_versions where project_id = ${db.b.projectId})
             + (select count(*) from version_files where version_id in (${db.b.v1}, ${db.b.v2}))
             + (select count(*) from chat_messages where project_id = ${db.b.projectId})
             + (select count(*) from stream_buffer where version_id = ${db.b.v2}) as n`,
    );
    expect(Number(only(bRows).n)).toBe(0);
    const bLiveApiRows = await asA(
      (tx) => tx<{ n: number }[]>`
        select (select count(*) from project_env_vars where project_id = ${db.b.projectId})
             + (select count(*) from request_history where project_id = ${db.b.projectId}) as n`,
    );
    expect(Number(only(bLiveApiRows).n)).toBe(0);
    const aNames = await asA((tx) => tx<{ name: string }[]>`select name from project_env_vars order by name`);
    expect(aNames.map((row) => row.name)).toEqual(['API_KEY', 'JWT_SECRET']);
    const aHistory = await asA((tx) => tx<{ id: string }[]>`select id from request_history where version_id is not null`);
    expect(aHistory.map((row) => row.id)).toEqual([db.a.historyId]);

    const overview = await asA(
      (tx) => tx<{ project_name: string; version_number: number; base_version_number: number | null; changed_files: number }[]>`
        select project_name, version_number, base_version_number, changed_files
        from version_overview order by version_number`,
    );
    expect(overview).toEqual([
      { project_name: 'A project', version_number: 1, base_version_number: null, changed_files: 2 },
      { project_name: 'A project', version_number: 2, base_version_number: 1, changed_files: 1 },
    ]);
  });

  it('shows anon nothing and lets anon write nothing', async () => {
    expect(await as('anon', null, (tx) => counts(tx, ANON_READABLE_TABLES))).toEqual(
      Object.fromEntries(ANON_READABLE_TABLES.map((table) => [table, 0])),
    );
    await expect(as('anon', null, (tx) => tx`select name from project_env_vars`)).rejects.toThrow(PERMISSION_DENIED);
    await expect(
      as('anon', null, (tx) => tx`insert into project_env_vars (project_id, name, value) values (${db.a.projectId}, 'X', 'x')`),
    ).rejects.toThrow(PERMISSION_DENIED);
    expect(await as('anon', null, (tx) => tx`select * from version_overview`)).toHaveLength(0);
    await expect(
      as('anon', null, (tx) => tx`insert into projects (owner_id, name) values (${db.a.owner}, 'x')`),
    ).rejects.toThrow(RLS_DENIED);
  });

  it('does not let a user see the migration ledger', async () => {
    const owner = only(await db.sql<{ n: number }[]>`select count(*)::int as n from forge_schema_migrations`);
    expect(owner.n).toBeGreaterThanOrEqual(2);
    const rows = await asA((tx) => tx`select * from forge_schema_migrations`);
    expect(rows).toHaveLength(0);
  });

  describe("writes into another user's project are denied", () => {
    const cases: Array<[string, (tx: Tx) => Promise<unknown>]> = [
      ['a project owned by someone else', (tx) => tx`insert into projects (owner_id, name) values (${db.b.owner}, 'x')`],
      [
        'a version',
        (tx) => tx`insert into api_versions (project_id, version_number, prompt) values (${db.b.projectId}, 3, 'x')`,
      ],
      [
        'a version file',
        (tx) => tx`insert into version_files (version_id, file_path, operation, full_content)
                   values (${db.b.v2}, 'evil.ts', 'created', 'x')`,
      ],
      [
        'a chat message',
        (tx) => tx`insert into chat_messages (project_id, role, content) values (${db.b.projectId}, 'user', 'x')`,
      ],
      [
        'a stream buffer row',
        (tx) => tx`insert into stream_buffer (version_id, seq, event) values (${db.b.v2}, 4, '{}')`,
      ],
      [
        "a version of A's own project based on B's version",
        (tx) => tx`insert into api_versions (project_id, version_number, base_version_id, prompt)
                   values (${db.a.projectId}, 3, ${db.b.v2}, 'x')`,
      ],
      [
        "a chat message in A's own project pointing at B's version",
        (tx) => tx`insert into chat_messages (project_id, version_id, role, content)
                   values (${db.a.projectId}, ${db.b.v1}, 'user', 'x')`,
      ],
      [
        'a project env var',
        (tx) => tx`insert into project_env_vars (project_id, name, value) values (${db.b.projectId}, 'EVIL', 'x')`,
      ],
      [
        'a request history entry',
        (tx) => tx`insert into request_history (project_id, method, path) values (${db.b.projectId}, 'GET', '/')`,
      ],
      [
        "a request history entry in A's own project pointing at B's version",
        (tx) => tx`insert into request_history (project_id, version_id, method, path)
                   values (${db.a.projectId}, ${db.b.v1}, 'GET', '/')`,
      ],
    ];
    it.each(cases)('inserting %s', async (_label, insert) => {
      await expect(asA(insert)).rejects.toThrow(RLS_DENIED);
      await expect(asA(insert)).rejects.toMatchObject({ code: '42501' });
    });

    it("moving A's own rows into B's project or version", async () => {
      await expect(
        asA((tx) => tx`update api_versions set project_id = ${db.b.projectId} where id = ${db.a.v2}`),
      ).rejects.toThrow(RLS_DENIED);
      await expect(asA((tx) => tx`update projects set owner_id = ${db.b.owner} where id = ${db.a.projectId}`)).rejects.toThrow(
        RLS_DENIED,
      );
      await expect(
        asA((tx) => tx`update chat_messages set project_id = ${db.b.projectId} where id = ${db.a.messageId}`),
      ).rejects.toThrow(RLS_DENIED);
      await expect(
        asA((tx) => tx`update version_files set version_id = ${db.b.v1} where id = ${db.a.fileId}`),
      ).rejects.toThrow(RLS_DENIED);
      await expect(
        asA((tx) => tx`update request_history set project_id = ${db.b.projectId} where id = ${db.a.historyId}`),
      ).rejects.toThrow(RLS_DENIED);
      await expect(
        asA((tx) => tx`update request_history set version_id = ${db.b.v1} where id = ${db.a.historyId}`),
      ).rejects.toThrow(RLS_DENIED);
      // An env var cannot move at all: authenticated may update only its value and updated_at.
      await expect(
        asA((tx) => tx`update project_env_vars set project_id = ${db.b.projectId} where project_id = ${db.a.projectId}`),
      ).rejects.toThrow(PERMISSION_DENIED);
    });
  });

  it("updates and deletes of another user's rows affect 0 rows", async () => {
    const affected = await asA(async (tx) => ({
      updateProject: (await tx`update projects set name = 'x' where id = ${db.b.projectId}`).count,
      updateVersion: (await tx`update api_versions set title = 'x' where project_id = ${db.b.projectId}`).count,
      updateFile: (await tx`update version_files set full_content = 'x' where version_id in (${db.b.v1}, ${db.b.v2})`).count,
      updateMessage: (await tx`update chat_messages set content = 'x' where project_id = ${db.b.projectId}`).count,
      updateBuffer: (await tx`update stream_buffer set event = '{}' where version_id = ${db.b.v2}`).count,
      deleteBuffer: (await tx`delete from stream_buffer where version_id = ${db.b.v2}`).count,
      deleteMessage: (await tx`delete from chat_messages where project_id = ${db.b.projectId}`).count,
      deleteFile: (await tx`delete from version_files where version_id in (${db.b.v1}, ${db.b.v2})`).count,
      deleteVersion: (await tx`delete from api_versions where id = ${db.b.v2}`).count,
      updateEnvVar: (await tx`update project_env_vars set value = 'x' where project_id = ${db.b.projectId}`).count,
      deleteEnvVar: (await tx`delete from project_env_vars where project_id = ${db.b.projectId}`).count,
      updateHistory: (await tx`update request_history set path = '/x' where project_id = ${db.b.projectId}`).count,
      deleteHistory: (await tx`delete from request_history where project_id = ${db.b.projectId}`).count,
      deleteProject: (await tx`delete from projects where id = ${db.b.projectId}`).count,
    }));
    expect(Object.values(affected).every((n) => n === 0)).toBe(true);
    expect(affected.deleteProject).toBe(0);
  });

  it('lets the owner insert, update and delete in their own project', async () => {
    const result = await asA(async (tx) => {
      const v3 = randomUUID();
      await tx`insert into api_versions (id, project_id, version_number, base_version_id, prompt)
               values (${v3}, ${db.a.projectId}, 3, ${db.a.v2}, 'add loans')`;
      await tx`insert into version_files (version_id, file_path, operation, full_content)
               values (${v3}, 'src/loans.ts', 'created', 'export {}')`;
      await tx`insert into chat_messages (project_id, version_id, role, content)
               values (${db.a.projectId}, ${v3}, 'user', 'add loans')`;
      await tx`insert into stream_buffer (version_id, seq, event) values (${v3}, 1, '{"type":"status"}')`;
      await tx`insert into project_env_vars (project_id, name, value) values (${db.a.projectId}, 'DATABASE_URL', 'postgres://x')`;
      const historyId = randomUUID();
      await tx`insert into request_history (id, project_id, version_id, method, path, query, headers, body)
               values (${historyId}, ${db.a.projectId}, ${v3}, 'PUT', '/loans/1', '{}', '{"content-type":"application/json"}', '{}')`;
      const newProject = randomUUID();
      await tx`insert into projects (id, owner_id, name) values (${newProject}, ${db.a.owner}, 'second')`;
      return {
        counts: await counts(tx),
        updateProject: (await tx`update projects set name = 'renamed' where id = ${db.a.projectId}`).count,
        updateVersion: (await tx`update api_versions set title = 'Loans', status = 'generating' where id = ${v3}`)
          .count,
        updateFile: (await tx`update version_files set full_content = 'x' where version_id = ${v3}`).count,
        updateMessage: (await tx`update chat_messages set content = 'x' where id = ${db.a.messageId}`).count,
        updateBuffer: (await tx`update stream_buffer set event = '{}' where version_id = ${v3}`).count,
        deleteBuffer: (await tx`delete from stream_buffer where version_id = ${db.a.v2}`).count,
        deleteMessage: (await tx`delete from chat_messages where id = ${db.a.messageId}`).count,
        deleteFile: (await tx`delete from version_files where id = ${db.a.fileId}`).count,
        updateHistory: (await tx`update request_history set status = 204, duration_ms = 3 where id = ${historyId}`).count,
        deleteHistory: (await tx`delete from request_history where id = ${db.a.historyId}`).count,
        replaceEnvVar: (await tx`update project_env_vars set value = 'replaced', updated_at = now()
                                 where project_id = ${db.a.projectId} and name = 'JWT_SECRET'`).count,
        // An upsert that names the new value itself needs no select on value (excluded.value does: see below).
        upsertEnvVar: (await tx`insert into project_env_vars (project_id, name, value) values (${db.a.projectId}, 'API_KEY', 'k2')
                                on conflict (project_id, name) do update set value = 'k2', updated_at = now()`).count,
        deleteEnvVar: (await tx`delete from project_env_vars where project_id = ${db.a.projectId} and name = 'DATABASE_URL'`)
          .count,
        deleteVersion: (await tx`delete from api_versions where id = ${v3}`).count,
        deleteProject: (await tx`delete from projects where id = ${newProject}`).count,
        // Read back as the tables' owner (the server), inside the same rolled-back transaction.
        storedValues: await tx
          .unsafe(`set local role ${MIGRATOR_ROLE}`)
          .then(() => tx`select name, value from project_env_vars where project_id = ${db.a.projectId} order by name`),
      };
    });
    expect(result.counts).toEqual({
      projects: 2,
      api_versions: 3,
      version_files: 4,
      chat_messages: 3,
      stream_buffer: 4,
      project_env_vars: 3,
      request_history: 3,
    });
    expect(result).toMatchObject({
      updateProject: 1,
      updateVersion: 1,
      updateFile: 1,
      updateMessage: 1,
      updateBuffer: 1,
      deleteBuffer: 3,
      deleteMessage: 1,
      deleteFile: 1,
      deleteVersion: 1,
      deleteProject: 1,
      updateHistory: 1,
      deleteHistory: 1,
      replaceEnvVar: 1,
      upsertEnvVar: 1,
      deleteEnvVar: 1,
    });
    expect([...result.storedValues]).toEqual([
      { name: 'API_KEY', value: 'k2' },
      { name: 'JWT_SECRET', value: 'replaced' },
    ]);
    // Everything above was rolled back; B's rows were never touched either.
    const row = only(await db.sql<{ name: string }[]>`select name from projects where id = ${db.b.projectId}`);
    expect(row.name).toBe('B project');
    expect(await as('service_role', null, counts)).toEqual(
      Object.fromEntries(Object.entries(SEEDED).map(([table, n]) => [table, n * 2])),
    );
  });
});
