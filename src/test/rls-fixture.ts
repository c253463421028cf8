// What the row level security tests share: a fresh Supabase-like Postgres (./supabase-roles.ts) with every
// migration applied and two users, A and B, each owning one project with rows in every table, a private
// broadcast message and two env vars. Each test file opens its own with one call, and every query a test
// makes as a role runs in a transaction that is rolled back, so the seeded rows never change and the
// tests need no order.
import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll } from 'vitest';
import { MIGRATOR_ROLE, openSupabaseLikeTestDatabase, type SupabaseLikeTestDatabase } from './supabase-roles';
import { postgresSkipReason, postgresTestUrl } from './test-database';

export const TABLES = [
  'projects',
  'api_versions',
  'version_files',
  'chat_messages',
  'stream_buffer',
  'project_env_vars',
  'request_history',
] as const;
/** anon has no privilege at all on project_env_vars, so even count(*) is refused there. */
export const ANON_READABLE_TABLES = TABLES.filter((table) => table !== 'project_env_vars');
export const RLS_DENIED = /new row violates row-level security policy/;
export const PERMISSION_DENIED = /permission denied for table project_env_vars/;

if (!postgresTestUrl) console.warn(`[rls tests] ${postgresSkipReason}`);

export type Sql = postgres.Sql;
export type Tx = postgres.TransactionSql;

export interface Fixture {
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
export const SEEDED = {
  projects: 1,
  api_versions: 2,
  version_files: 3,
  chat_messages: 2,
  stream_buffer: 3,
  project_env_vars: 2,
  request_history: 2,
} as const;

/** The single row a query must return. */
export function only<Row>(rows: readonly Row[]): Row {
  if (rows.length !== 1) throw new Error(`expected one row, got ${rows.length}`);
  return rows[0]!;
}

/** How many rows each table shows to whoever tx runs as. */
export async function counts(tx: Tx, tables: readonly string[] = TABLES): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const table of tables) {
    result[table] = only(await tx.unsafe<{ n: number }[]>(`select count(*)::int as n from ${table}`)).n;
  }
  return result;
}

class Rollback extends Error {
  constructor(readonly value: unknown) {
    super('rollback');
  }
}

export type Role = 'authenticated' | 'anon' | 'service_role' | typeof MIGRATOR_ROLE;

export interface RlsFixture {
  /** The test's own connection, as TEST_DATABASE_URL's superuser: RLS does not apply to it. */
  readonly sql: Sql;
  /** The user the tests act as. */
  readonly a: Fixture;
  /** The other user, whose rows A must never reach. */
  readonly b: Fixture;
  /**
   * Runs fn in a transaction as PostgREST / Realtime would: `set local role`, the JWT claims and, for
   * channels, realtime.topic. The transaction is always rolled back, so the fixture never changes.
   */
  as<T>(role: Role, userId: string | null, fn: (tx: Tx) => Promise<T>, topic?: string): Promise<T>;
  /** as() for user A, signed in. */
  asA<T>(fn: (tx: Tx) => Promise<T>, topic?: string): Promise<T>;
}

/**
 * Opens the seeded database for the enclosing describe block (in its beforeAll) and drops it afterAll.
 * The users and the connection exist only once beforeAll has run, so read them inside tests; as() and
 * asA() may be taken out of the fixture while the tests are being collected.
 */
export function setUpRlsFixture(): RlsFixture {
  let database: SupabaseLikeTestDatabase | undefined;
  let sql: Sql | undefined;
  let users: { a: Fixture; b: Fixture } | undefined;

  beforeAll(async () => {
    database = await openSupabaseLikeTestDatabase();
    sql = postgres(database.url, { max: 2, onnotice: () => {} });
    const a = await seedUser(sql, 'A project');
    const b = await seedUser(sql, 'B project');
    users = { a, b };
    await sql`
      insert into realtime.messages (topic, extension, payload, event, private)
      values ('project:not-a-uuid', 'broadcast', '{}', 'chunk', true)`;
  });

  afterAll(async () => {
    await sql?.end({ timeout: 5 });
    await database?.close();
  });

  const ready = () => {
    if (!sql || !users) throw new Error('the RLS fixture is opened in beforeAll: read it inside a test');
    return { sql, ...users };
  };

  const as = async <T>(role: Role, userId: string | null, fn: (tx: Tx) => Promise<T>, topic?: string): Promise<T> => {
    const claims = JSON.stringify(userId ? { sub: userId, role } : { role });
    try {
      await ready().sql.begin(async (tx) => {
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
  };

  return {
    get sql() {
      return ready().sql;
    },
    get a() {
      return ready().a;
    },
    get b() {
      return ready().b;
    },
    as,
    asA: (fn, topic) => as('authenticated', ready().a.owner, fn, topic),
  };
}
