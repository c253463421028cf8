// Databases for tests: an in-memory PGlite restored from the migrated dump, and, when
// TEST_DATABASE_URL is set, a fresh database on a real Postgres server that is dropped afterwards.
import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { openDatabase, type DatabaseHandle } from '@/db/client';
import { applyMigrations } from '@/db/migrate';
import { ensureMigratedDump } from './pglite-dump';

export async function openPgliteTestDatabase(): Promise<DatabaseHandle> {
  const dump = await readFile(await ensureMigratedDump());
  return openDatabase({ kind: 'pglite-memory', loadDataDir: new Blob([dump]) });
}

export const postgresTestUrl = process.env.TEST_DATABASE_URL;
export const postgresSkipReason = 'TEST_DATABASE_URL is not set: the real-Postgres variant of this suite is skipped (.ci/run sets it).';

export async function openPostgresTestDatabase(): Promise<DatabaseHandle & { connectionUrl: string }> {
  if (!postgresTestUrl) throw new Error(postgresSkipReason);
  const name = `forge_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = await openDatabase({ kind: 'postgres', url: postgresTestUrl, maxConnections: 1 });
  await admin.query(`create database ${name}`);
  await admin.close();
  const url = new URL(postgresTestUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ kind: 'postgres', url: url.toString() });
  await applyMigrations(handle);
  return {
    ...handle,
    connectionUrl: url.toString(),
    async close() {
      await handle.close();
      const cleanup = await openDatabase({ kind: 'postgres', url: postgresTestUrl, maxConnections: 1 });
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.close();
    },
  };
}

/** Runs a suite once per available database: PGlite always, Postgres when configured. */
export const testDatabases: Array<{ name: string; open: () => Promise<DatabaseHandle>; skip?: string }> = [
  { name: 'PGlite', open: openPgliteTestDatabase },
  { name: 'Postgres', open: openPostgresTestDatabase, skip: postgresTestUrl ? undefined : postgresSkipReason },
];
