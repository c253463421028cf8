// A migrated PGlite data dir, made once and restored per test file: opening a fresh PGlite costs
// ~6 s, restoring a dump ~1.5 s. Keyed by the migrations' content so a schema change makes a new one.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@/db/client';
import { applyMigrations, listMigrationFiles, MIGRATIONS_DIR } from '@/db/migrate';

export async function migratedDumpPath(): Promise<string> {
  const hash = createHash('sha256');
  for (const name of await listMigrationFiles()) hash.update(name).update(await readFile(join(MIGRATIONS_DIR, name)));
  return join(tmpdir(), `api-forge-test-pglite-${hash.digest('hex').slice(0, 16)}.tar`);
}

export async function ensureMigratedDump(): Promise<string> {
  const path = await migratedDumpPath();
  if (existsSync(path)) return path;
  const handle = await openDatabase({ kind: 'pglite-memory' });
  try {
    await applyMigrations(handle);
    const dump = await handle.dump!();
    const partial = `${path}.${process.pid}.partial`;
    await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
    await rename(partial, path);
  } finally {
    await handle.close();
  }
  return path;
}
