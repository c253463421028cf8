// Opens the database the environment asks for: PGlite under .data/ by default, Postgres when
// DATABASE_URL is set. Both give the same Drizzle API, so nothing above this file knows which.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { schema } from './schema';
import { acquireDataDirLock } from './data-dir-lock';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseTarget =
  | { kind: 'pglite'; dataDir: string }
  /** In-memory PGlite, optionally restored from a dump (tests). */
  | { kind: 'pglite-memory'; loadDataDir?: Blob }
  | { kind: 'postgres'; url: string; maxConnections?: number };

export interface DatabaseHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  /** Runs a multi-statement SQL script (migrations) in one transaction. */
  runScript(sqlText: string): Promise<void>;
  /** Runs one statement and returns its rows; for the migrations runner and health checks. */
  query<Row = Record<string, unknown>>(sqlText: string, params?: unknown[]): Promise<Row[]>;
  /**
   * Postgres LISTEN: `onPayload` gets each NOTIFY on `channel` (from any process on the database).
   * Resolves once listening; the returned function stops it.
   */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  /** Postgres NOTIFY, seen by every listener on the database (this process's too). */
  notify(channel: string, payload: string): Promise<void>;
  /** PGlite only: the data dir as a tarball, to restore cheaply elsewhere (tests). */
  dump?(): Promise<Blob>;
  close(): Promise<void>;
}

async function openPglite(target: Extract<DatabaseTarget, { kind: 'pglite' | 'pglite-memory' }>): Promise<DatabaseHandle> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  let releaseLock = () => {};
  let client;
  if (target.kind === 'pglite') {
    const dataDir = resolve(target.dataDir);
    mkdirSync(dirname(dataDir), { recursive: true });
    releaseLock = acquireDataDirLock(dataDir);
    try {
      client = await PGlite.create(dataDir);
    } catch (error) {
      releaseLock();
      throw error;
    }
  } else {
    client = await PGlite.create(target.loadDataDir ? { loadDataDir: target.loadDataDir } : {});
  }
  const db = drizzle(client, { schema }) as unknown as Database;
  return {
    db,
    kind: 'pglite',
    runScript: async (sqlText) => {
      await client.transaction(async (tx) => {
        await tx.exec(sqlText);
      });
    },
    query: async <Row,>(sqlText: string, params?: unknown[]) => (await client.query<Row>(sqlText, params)).rows,
    listen: async (channel, onPayload) => {
      const unlisten = await client.listen(channel, onPayload);
      return async () => unlisten();
    },
    notify: async (channel, payload) => {
      await client.query('select pg_notify($1, $2)', [channel, payload]);
    },
    dump: () => client.dumpDataDir('none') as Promise<Blob>,
    close: async () => {
      await client.close();
      releaseLock();
    },
  };
}

async function openPostgres(target: Extract<DatabaseTarget, { kind: 'postgres' }>): Promise<DatabaseHandle> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const client = postgres(target.url, {
    max: target.maxConnections ?? 10,
    onnotice: () => {},
    // Supabase's pooler (transaction mode) cannot keep prepared statements between transactions.
    prepare: !/pooler\.supabase\.com/.test(target.url),
  });
  const db = drizzle(client, { schema }) as unknown as Database;
  return {
    db,
    kind: 'postgres',
    runScript: async (sqlText) => {
      await client.begin(async (tx) => {
        await tx.unsafe(sqlText);
      });
    },
    query: async <Row,>(sqlText: string, params?: unknown[]) =>
      (await client.unsafe(sqlText, (params ?? []) as never[])) as unknown as Row[],
    // postgres-js keeps one dedicated connection for all of this client's listeners, and re-listens after a reconnect.
    listen: async (channel, onPayload) => {
      const subscription = await client.listen(channel, onPayload);
      return () => subscription.unlisten();
    },
    notify: async (channel, payload) => {
      await client.notify(channel, payload);
    },
    close: () => client.end({ timeout: 5 }),
  };
}

export function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  return target.kind === 'postgres' ? openPostgres(target) : openPglite(target);
}
