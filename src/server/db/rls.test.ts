// Row level security (supabase/migrations/20261123000100_row_level_security.sql), tested for real on a
// Postgres that has Supabase's roles, auth.uid() and realtime.messages (src/test/supabase-roles.ts): users
// see and change only their own projects' rows and channels, and never read a project env var's value
// (20261203000000_live_api.sql). Also: the same files apply on PGlite and on a plain Postgres, where they
// create only the tables and the view and leave RLS off.
import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/server/db/client';
import {
  openPgliteTestDatabase,
  openPostgresTestDatabase,
  postgresSkipReason,
  postgresTestUrl,
} from '@/test/test-database';
import { MIGRATOR_ROLE, openSupabaseLikeTestDatabase, type SupabaseLikeTestDatabase } from '@/test/supabase-roles';

const TABLES = [
  'projects',
  'api_versions',
  'version_files',
  'chat_messages',
  'stream_buffer',
  'project_env_vars',
  'request_history',
] as const;
/** anon has no privilege at all on project_env_vars, so even count(*) is refused there. */
const ANON_READABLE_TABLES = TABLES.filter((table) => table !== 'project_env_vars');
const RLS_DENIED = /new row violates row-level security policy/;
const PERMISSION_DENIED = /permission denied for table project_env_vars/;

if (!postgresTestUrl) console.warn(`[rls.test] ${postgresSkipReason}`);

type Sql = postgres.Sql;
type Tx = postgres.TransactionSql;

interface Fixture {
  owner: string;
  projectId: string;
  v1: string;
  v2: string;
  fileId: string;
  messageId: string;
  historyId: string;
  /** The value of the user's JWT_SECRET, which no Data API role may read. */
  secret: string;
}

async function seedUser(sql: Sql, name: string): Promise<Fixture> {
  const owner = randomUUID();
  const projectId = randomUUID();
  const v1 = randomUUID();
  const v2 = randomUUID();
  const fileId = randomUUID();
  const messageId = randomUUID();
  const historyId = randomUUID();
  const secret = `${name} secret ${randomUUID()}`;
  await sql`insert into projects (id, owner_id, name) values (${projectId}, ${owner}, ${name})`;
  await sql`
    insert into api_versions (id, project_id, version_number, base_version_id, prompt, title, status, stop_reason,
                              started_at, first_chunk_at, completed_at)
    values (${v1}, ${projectId}, 1, null, 'a books API', 'Books', 'complete', 'completed',
            now() - interval '10 s', now() - interval '9 s', now() - interval '5 s'),
           (${v2}, ${projectId}, 2, ${v1}, 'add authors', 'Authors', 'complete', 'completed',
            now() - interval '4 s', now() - interval '3 s', now())`;
  await sql`
    insert into version_files (id, version_id, file_path, operation, full_content)
    values (${fileId}, ${v1}, 'src/index.ts', 'created', 'export {}'),
           (${randomUUID()}, ${v1}, 'package.json', 'created', '{}'),
           (${randomUUID()}, ${v2}, 'src/authors.ts', 'created', 'export {}')`;
  await sql`
    insert into chat_messages (id, project_id, version_id, role, content)
    values (${messageId}, ${projectId}, ${v1}, 'user', 'a books API'),
           (${randomUUID()}, ${projectId}, ${v1}, 'assistant', 'Here it is.')`;
  await sql`
    insert into stream_buffer (version_id, seq, event)
    values (${v2}, 1, '{"type":"status"}'), (${v2}, 2, '{"type":"chunk"}'), (${v2}, 3, '{"type":"done"}')`;
  await sql`
    insert into realtime.messages (topic, extension, payload, event, private)
    values (${'project:' + projectId}, 'broadcast', '{"seq":1}', 'chunk', true)`;
  await sql`
    insert into project_env_vars (project_id, name, value)
    values (${projectId}, 'JWT_SECRET', ${secret}), (${projectId}, 'API_KEY', 'key')`;
  await sql`
    insert into request_history (id, project_id, version_id, method, path, query, headers, status, duration_ms, response_bytes)
    values (${historyId}, ${projectId}, ${v1}, 'GET', '/books', '{}', '{}', 200, 5, 2),
           (${randomUUID()}, ${projectId}, null, 'POST', '/books', '{"a":"1"}', '{}', null, 10000, null)`;
  return { owner, projectId, v1, v2, fileId, messageId, historyId, secret };
}

/** Every row as seeded per user (and what A's own counts should be). */
const SEEDED = {
  projects: 1,
  api_versions: 2,
  version_files: 3,
  chat_messages: 2,
  stream_buffer: 3,
  project_env_vars: 2,
  request_history: 2,
} as const;

/** The single row a query must return. */
function only<Row>(rows: readonly Row[]): Row {
  if (rows.length !== 1) throw new Error(`expected one row, got ${rows.length}`);
  return rows[0]!;
}

class Rollback extends Error {
  constructor(readonly value: unknown) {
    super('rollback');
  }
}

describe.skipIf(!postgresTestUrl)('row level security on a Supabase-like Postgres', () => {
  let database: SupabaseLikeTestDatabase;
  let sql: Sql;
  let a: Fixture;
  let b: Fixture;

  beforeAll(async () => {
    database = await openSupabaseLikeTestDatabase();
    sql = postgres(database.url, { max: 2, onnotice: () => {} });
    a = await seedUser(sql, 'A project');
    b = await seedUser(sql, 'B project');
    await sql`
      insert into realtime.messages (topic, extension, payload, event, private)
      values ('project:not-a-uuid', 'broadcast', '{}', 'chunk', true)`;
  });

  afterAll(async () => {
    await sql?.end({ timeout: 5 });
    await database?.close();
  });

  /**
   * Runs fn in a transaction as PostgREST / Realtime would: `set local role`, the JWT claims and, for
   * channels, realtime.topic. The transaction is always rolled back, so the fixture never changes.
   */
  async function as<T>(
    role: 'authenticated' | 'anon' | 'service_role' | typeof MIGRATOR_ROLE,
    userId: string | null,
    fn: (tx: Tx) => Promise<T>,
    topic?: string,
  ): Promise<T> {
    const claims = JSON.stringify(userId ? { sub: userId, role } : { role });
    try {
      await sql.begin(async (tx) => {
        await tx.unsafe(`set local role ${role}`);
        await tx`select set_config('request.jwt.claims', ${claims}, true)`;
        if (topic !== undefined) await tx`select set_config('realtime.topic', ${topic}, true)`;
        throw new Rollback(await fn(tx));
      });
    } catch (error) {
      if (error instanceof Rollback) return error.value as T;
      throw error;
    }
    throw new Error('unreachable');
  }
  const asA = <T>(fn: (tx: Tx) => Promise<T>, topic?: string) => as('authenticated', a.owner, fn, topic);

  async function counts(tx: Tx, tables: readonly string[] = TABLES): Promise<Record<string, number>> {
    const result: Record<string, number> = {};
    for (const table of tables) {
      result[table] = only(await tx.unsafe<{ n: number }[]>(`select count(*)::int as n from ${table}`)).n;
    }
    return result;
  }

  it('enables RLS on every table with separate select/insert/update/delete policies for authenticated', async () => {
    const rls = await sql<{ relname: string; relrowsecurity: boolean }[]>`
      select relname, relrowsecurity from pg_class
      where relnamespace = 'public'::regnamespace and relname in ${sql([...TABLES, 'forge_schema_migrations'])}`;
    expect(rls).toHaveLength(TABLES.length + 1);
    expect(rls.every((row) => row.relrowsecurity)).toBe(true);
    const policies = await sql<{ tablename: string; cmd: string; roles: string[] }[]>`
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
    const realtime = await sql<{ cmd: string }[]>`select cmd from pg_policies where schemaname = 'realtime'`;
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
    expect(await as('authenticated', b.owner, counts)).toEqual(SEEDED);
    const aProjects = await asA((tx) => tx<{ id: string }[]>`select id from projects`);
    expect(aProjects.map((row) => row.id)).toEqual([a.projectId]);
    const bRows = await asA(
      (tx) => tx<{ n: number }[]>`
        select (select count(*) from api_versions where project_id = ${b.projectId})
             + (select count(*) from version_files where version_id in (${b.v1}, ${b.v2}))
             + (select count(*) from chat_messages where project_id = ${b.projectId})
             + (select count(*) from stream_buffer where version_id = ${b.v2}) as n`,
    );
    expect(Number(only(bRows).n)).toBe(0);
    const bLiveApiRows = await asA(
      (tx) => tx<{ n: number }[]>`
        select (select count(*) from project_env_vars where project_id = ${b.projectId})
             + (select count(*) from request_history where project_id = ${b.projectId}) as n`,
    );
    expect(Number(only(bLiveApiRows).n)).toBe(0);
    const aNames = await asA((tx) => tx<{ name: string }[]>`select name from project_env_vars order by name`);
    expect(aNames.map((row) => row.name)).toEqual(['API_KEY', 'JWT_SECRET']);
    const aHistory = await asA((tx) => tx<{ id: string }[]>`select id from request_history where version_id is not null`);
    expect(aHistory.map((row) => row.id)).toEqual([a.historyId]);

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
      as('anon', null, (tx) => tx`insert into project_env_vars (project_id, name, value) values (${a.projectId}, 'X', 'x')`),
    ).rejects.toThrow(PERMISSION_DENIED);
    expect(await as('anon', null, (tx) => tx`select * from version_overview`)).toHaveLength(0);
    await expect(
      as('anon', null, (tx) => tx`insert into projects (owner_id, name) values (${a.owner}, 'x')`),
    ).rejects.toThrow(RLS_DENIED);
  });

  it('does not let a user see the migration ledger', async () => {
    const owner = only(await sql<{ n: number }[]>`select count(*)::int as n from forge_schema_migrations`);
    expect(owner.n).toBeGreaterThanOrEqual(2);
    const rows = await asA((tx) => tx`select * from forge_schema_migrations`);
    expect(rows).toHaveLength(0);
  });

  describe("writes into another user's project are denied", () => {
    const cases: Array<[string, (tx: Tx) => Promise<unknown>]> = [
      ['a project owned by someone else', (tx) => tx`insert into projects (owner_id, name) values (${b.owner}, 'x')`],
      [
        'a version',
        (tx) => tx`insert into api_versions (project_id, version_number, prompt) values (${b.projectId}, 3, 'x')`,
      ],
      [
        'a version file',
        (tx) => tx`insert into version_files (version_id, file_path, operation, full_content)
                   values (${b.v2}, 'evil.ts', 'created', 'x')`,
      ],
      [
        'a chat message',
        (tx) => tx`insert into chat_messages (project_id, role, content) values (${b.projectId}, 'user', 'x')`,
      ],
      [
        'a stream buffer row',
        (tx) => tx`insert into stream_buffer (version_id, seq, event) values (${b.v2}, 4, '{}')`,
      ],
      [
        "a version of A's own project based on B's version",
        (tx) => tx`insert into api_versions (project_id, version_number, base_version_id, prompt)
                   values (${a.projectId}, 3, ${b.v2}, 'x')`,
      ],
      [
        "a chat message in A's own project pointing at B's version",
        (tx) => tx`insert into chat_messages (project_id, version_id, role, content)
                   values (${a.projectId}, ${b.v1}, 'user', 'x')`,
      ],
      [
        'a project env var',
        (tx) => tx`insert into project_env_vars (project_id, name, value) values (${b.projectId}, 'EVIL', 'x')`,
      ],
      [
        'a request history entry',
        (tx) => tx`insert into request_history (project_id, method, path) values (${b.projectId}, 'GET', '/')`,
      ],
      [
        "a request history entry in A's own project pointing at B's version",
        (tx) => tx`insert into request_history (project_id, version_id, method, path)
                   values (${a.projectId}, ${b.v1}, 'GET', '/')`,
      ],
    ];
    it.each(cases)('inserting %s', async (_label, insert) => {
      await expect(asA(insert)).rejects.toThrow(RLS_DENIED);
      await expect(asA(insert)).rejects.toMatchObject({ code: '42501' });
    });

    it("moving A's own rows into B's project or version", async () => {
      await expect(
        asA((tx) => tx`update api_versions set project_id = ${b.projectId} where id = ${a.v2}`),
      ).rejects.toThrow(RLS_DENIED);
      await expect(asA((tx) => tx`update projects set owner_id = ${b.owner} where id = ${a.projectId}`)).rejects.toThrow(
        RLS_DENIED,
      );
      await expect(
        asA((tx) => tx`update chat_messages set project_id = ${b.projectId} where id = ${a.messageId}`),
      ).rejects.toThrow(RLS_DENIED);
      await expect(
        asA((tx) => tx`update version_files set version_id = ${b.v1} where id = ${a.fileId}`),
      ).rejects.toThrow(RLS_DENIED);
      await expect(
        asA((tx) => tx`update request_history set project_id = ${b.projectId} where id = ${a.historyId}`),
      ).rejects.toThrow(RLS_DENIED);
      await expect(
        asA((tx) => tx`update request_history set version_id = ${b.v1} where id = ${a.historyId}`),
      ).rejects.toThrow(RLS_DENIED);
      // An env var cannot move at all: authenticated may update only its value and updated_at.
      await expect(
        asA((tx) => tx`update project_env_vars set project_id = ${b.projectId} where project_id = ${a.projectId}`),
      ).rejects.toThrow(PERMISSION_DENIED);
    });
  });

  it("updates and deletes of another user's rows affect 0 rows", async () => {
    const affected = await asA(async (tx) => ({
      updateProject: (await tx`update projects set name = 'x' where id = ${b.projectId}`).count,
      updateVersion: (await tx`update api_versions set title = 'x' where project_id = ${b.projectId}`).count,
      updateFile: (await tx`update version_files set full_content = 'x' where version_id in (${b.v1}, ${b.v2})`).count,
      updateMessage: (await tx`update chat_messages set content = 'x' where project_id = ${b.projectId}`).count,
      updateBuffer: (await tx`update stream_buffer set event = '{}' where version_id = ${b.v2}`).count,
      deleteBuffer: (await tx`delete from stream_buffer where version_id = ${b.v2}`).count,
      deleteMessage: (await tx`delete from chat_messages where project_id = ${b.projectId}`).count,
      deleteFile: (await tx`delete from version_files where version_id in (${b.v1}, ${b.v2})`).count,
      deleteVersion: (await tx`delete from api_versions where id = ${b.v2}`).count,
      updateEnvVar: (await tx`update project_env_vars set value = 'x' where project_id = ${b.projectId}`).count,
      deleteEnvVar: (await tx`delete from project_env_vars where project_id = ${b.projectId}`).count,
      updateHistory: (await tx`update request_history set path = '/x' where project_id = ${b.projectId}`).count,
      deleteHistory: (await tx`delete from request_history where project_id = ${b.projectId}`).count,
      deleteProject: (await tx`delete from projects where id = ${b.projectId}`).count,
    }));
    expect(Object.values(affected).every((n) => n === 0)).toBe(true);
    expect(affected.deleteProject).toBe(0);
  });

  it('lets the owner insert, update and delete in their own project', async () => {
    const result = await asA(async (tx) => {
      const v3 = randomUUID();
      await tx`insert into api_versions (id, project_id, version_number, base_version_id, prompt)
               values (${v3}, ${a.projectId}, 3, ${a.v2}, 'add loans')`;
      await tx`insert into version_files (version_id, file_path, operation, full_content)
               values (${v3}, 'src/loans.ts', 'created', 'export {}')`;
      await tx`insert into chat_messages (project_id, version_id, role, content)
               values (${a.projectId}, ${v3}, 'user', 'add loans')`;
      await tx`insert into stream_buffer (version_id, seq, event) values (${v3}, 1, '{"type":"status"}')`;
      await tx`insert into project_env_vars (project_id, name, value) values (${a.projectId}, 'DATABASE_URL', 'postgres://x')`;
      const historyId = randomUUID();
      await tx`insert into request_history (id, project_id, version_id, method, path, query, headers, body)
               values (${historyId}, ${a.projectId}, ${v3}, 'PUT', '/loans/1', '{}', '{"content-type":"application/json"}', '{}')`;
      const newProject = randomUUID();
      await tx`insert into projects (id, owner_id, name) values (${newProject}, ${a.owner}, 'second')`;
      return {
        counts: await counts(tx),
        updateProject: (await tx`update projects set name = 'renamed' where id = ${a.projectId}`).count,
        updateVersion: (await tx`update api_versions set title = 'Loans', status = 'generating' where id = ${v3}`)
          .count,
        updateFile: (await tx`update version_files set full_content = 'x' where version_id = ${v3}`).count,
        updateMessage: (await tx`update chat_messages set content = 'x' where id = ${a.messageId}`).count,
        updateBuffer: (await tx`update stream_buffer set event = '{}' where version_id = ${v3}`).count,
        deleteBuffer: (await tx`delete from stream_buffer where version_id = ${a.v2}`).count,
        deleteMessage: (await tx`delete from chat_messages where id = ${a.messageId}`).count,
        deleteFile: (await tx`delete from version_files where id = ${a.fileId}`).count,
        updateHistory: (await tx`update request_history set status = 204, duration_ms = 3 where id = ${historyId}`).count,
        deleteHistory: (await tx`delete from request_history where id = ${a.historyId}`).count,
        replaceEnvVar: (await tx`update project_env_vars set value = 'replaced', updated_at = now()
                                 where project_id = ${a.projectId} and name = 'JWT_SECRET'`).count,
        // An upsert that names the new value itself needs no select on value (excluded.value does: see below).
        upsertEnvVar: (await tx`insert into project_env_vars (project_id, name, value) values (${a.projectId}, 'API_KEY', 'k2')
                                on conflict (project_id, name) do update set value = 'k2', updated_at = now()`).count,
        deleteEnvVar: (await tx`delete from project_env_vars where project_id = ${a.projectId} and name = 'DATABASE_URL'`)
          .count,
        deleteVersion: (await tx`delete from api_versions where id = ${v3}`).count,
        deleteProject: (await tx`delete from projects where id = ${newProject}`).count,
        // Read back as the tables' owner (the server), inside the same rolled-back transaction.
        storedValues: await tx
          .unsafe(`set local role ${MIGRATOR_ROLE}`)
          .then(() => tx`select name, value from project_env_vars where project_id = ${a.projectId} order by name`),
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
    const row = only(await sql<{ name: string }[]>`select name from projects where id = ${b.projectId}`);
    expect(row.name).toBe('B project');
    expect(await as('service_role', null, counts)).toEqual(
      Object.fromEntries(Object.entries(SEEDED).map(([table, n]) => [table, n * 2])),
    );
  });

  describe('project env var values are write-only for signed-in users', () => {
    it('lets the owner read every column but value', async () => {
      const rows = await asA(
        (tx) => tx<{ project_id: string; name: string }[]>`
          select project_id, name, created_at, updated_at from project_env_vars order by name`,
      );
      expect(rows.map((row) => [row.project_id, row.name])).toEqual([
        [a.projectId, 'API_KEY'],
        [a.projectId, 'JWT_SECRET'],
      ]);
    });

    const reads: Array<[string, (tx: Tx) => Promise<unknown>]> = [
      ['select value', (tx) => tx`select value from project_env_vars where project_id = ${a.projectId}`],
      ['select *', (tx) => tx`select * from project_env_vars`],
      ['a filter on value', (tx) => tx`select name from project_env_vars where value like ${a.secret.slice(0, 3) + '%'}`],
      ['an order on value', (tx) => tx`select name from project_env_vars order by value`],
      ['returning value', (tx) => tx`update project_env_vars set value = 'x' where name = 'API_KEY' returning value`],
      ['an update computed from value', (tx) => tx`update project_env_vars set value = value || 'x'`],
      [
        // PostgREST's upsert: excluded.value is read, so it needs select on value. A plain update replaces.
        'an upsert setting value = excluded.value',
        (tx) => tx`insert into project_env_vars (project_id, name, value) values (${a.projectId}, 'API_KEY', 'k2')
                   on conflict (project_id, name) do update set value = excluded.value`,
      ],
    ];
    it.each(reads)('refuses %s, even on their own rows', async (_label, read) => {
      await expect(asA(read)).rejects.toThrow(PERMISSION_DENIED);
      await expect(asA(read)).rejects.toMatchObject({ code: '42501' });
    });

    it('still lets the server (the tables\' owner) and service_role read values', async () => {
      const read = (tx: Tx) =>
        tx<{ value: string }[]>`select value from project_env_vars where project_id = ${a.projectId} and name = 'JWT_SECRET'`;
      expect(only(await as(MIGRATOR_ROLE, null, read)).value).toBe(a.secret);
      expect(only(await as('service_role', null, read)).value).toBe(a.secret);
    });
  });

  describe('private broadcast channels (realtime.messages)', () => {
    const topicOf = (f: Fixture) => `project:${f.projectId}`;
    const receive = (topic: string) => (tx: Tx) =>
      tx<{ n: number }[]>`select count(*)::int as n from realtime.messages
                          where topic = ${topic} and extension = 'broadcast'`.then((rows) => only(rows).n);
    const send = (topic: string, extension = 'broadcast') => (tx: Tx) =>
      tx`insert into realtime.messages (topic, extension, payload, event, private)
         values (${topic}, ${extension}, '{"seq":9}', 'chunk', true)`.then((result) => result.count);

    it("lets the owner receive and send on their project's topic", async () => {
      expect(await asA(receive(topicOf(a)), topicOf(a))).toBe(1);
      expect(await asA(send(topicOf(a)), topicOf(a))).toBe(1);
      // An upper-case uuid is the same project.
      const upper = `project:${a.projectId.toUpperCase()}`;
      expect(await asA(send(upper), upper)).toBe(1);
    });

    it("denies another user's project topic", async () => {
      expect(await asA(receive(topicOf(b)), topicOf(b))).toBe(0);
      await expect(asA(send(topicOf(b)), topicOf(b))).rejects.toThrow(RLS_DENIED);
      await expect(asA(send(topicOf(b)), topicOf(b))).rejects.toMatchObject({ code: '42501' });
    });

    it("does not let the owner's topic unlock other topics' rows", async () => {
      expect(await asA(receive(topicOf(b)), topicOf(a))).toBe(0);
      await expect(asA(send(topicOf(b)), topicOf(a))).rejects.toThrow(RLS_DENIED);
    });

    it('denies garbage topics without an error', async () => {
      for (const topic of ['project:not-a-uuid', 'project:', 'project', '', `project:${a.projectId}:x`, `other:${a.projectId}`]) {
        expect(await asA(receive(topic), topic)).toBe(0);
        await expect(asA(send(topic), topic)).rejects.toThrow(RLS_DENIED);
      }
      expect(await asA(receive('project:not-a-uuid'))).toBe(0); // realtime.topic not set at all
    });

    it('allows only the broadcast extension', async () => {
      await expect(asA(send(topicOf(a), 'presence'), topicOf(a))).rejects.toThrow(RLS_DENIED);
    });

    it('denies anon and lets service_role through', async () => {
      expect(await as('anon', null, receive(topicOf(a)), topicOf(a))).toBe(0);
      await expect(as('anon', null, send(topicOf(a)), topicOf(a))).rejects.toThrow(RLS_DENIED);
      expect(await as('service_role', null, receive(topicOf(b)), topicOf(b))).toBe(1);
    });
  });
});

describe.skipIf(!postgresTestUrl)('row level security when realtime.messages policies cannot be created', () => {
  // supabase/cli#6116: some `supabase db push` versions may not create policies on realtime.messages.
  it('still applies the table policies and leaves private channels closed', async () => {
    const database = await openSupabaseLikeTestDatabase({ realtimePolicies: false });
    try {
      const applied = await database.query<{ name: string }>('select name from forge_schema_migrations');
      expect(applied.map((row) => row.name)).toEqual(
        expect.arrayContaining(['20261123000100_row_level_security.sql', '20261203000000_live_api.sql']),
      );
      const rls = await database.query<{ n: number }>(
        `select count(*)::int as n from pg_class
         where relnamespace = 'public'::regnamespace and relrowsecurity and relname = any($1::text[])`,
        [[...TABLES]],
      );
      expect(only(rls).n).toBe(TABLES.length);
      expect(await database.query(`select * from pg_policies where schemaname = 'public'`)).toHaveLength(TABLES.length * 4);
      expect(await database.query(`select * from pg_policies where schemaname = 'realtime'`)).toEqual([]);
    } finally {
      await database.close();
    }
  });
});

describe('the RLS migration elsewhere', () => {
  async function expectPlainSchema(handle: DatabaseHandle) {
    const rls = await handle.query<{ relname: string; relrowsecurity: boolean }>(
      `select relname, relrowsecurity from pg_class
       where relnamespace = 'public'::regnamespace and relname = any($1::text[])`,
      [[...TABLES]],
    );
    expect(rls).toHaveLength(TABLES.length);
    expect(rls.filter((row) => row.relrowsecurity)).toEqual([]);
    expect(await handle.query('select * from pg_policies')).toEqual([]);
    const view = only(
      await handle.query<{ reloptions: string[] | null }>(
        `select reloptions from pg_class where oid = to_regclass('public.version_overview')`,
      ),
    );
    expect(view.reloptions).toContain('security_invoker=true');
    expect(await handle.query('select * from version_overview')).toEqual([]);
    const applied = await handle.query<{ name: string }>('select name from forge_schema_migrations');
    expect(applied.map((row) => row.name)).toEqual(
      expect.arrayContaining(['20261123000100_row_level_security.sql', '20261203000000_live_api.sql']),
    );
  }

  it('applies on PGlite: the view exists, RLS stays off', async () => {
    const handle = await openPgliteTestDatabase();
    try {
      await expectPlainSchema(handle);
    } finally {
      await handle.close();
    }
  });

  it.skipIf(!postgresTestUrl)('applies on a plain Postgres without Supabase roles: the view exists, RLS stays off', async () => {
    // The cluster may well have an `authenticated` role (the suite above creates it): the guard also needs
    // auth.uid(), which a plain database lacks.
    const handle = await openPostgresTestDatabase();
    try {
      await expectPlainSchema(handle);
    } finally {
      await handle.close();
    }
  });
});
