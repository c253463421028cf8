// `npm run db:migrate`: applies the migrations to DATABASE_URL (or to the embedded database).
import { openDatabase } from './client';
import { applyMigrations } from './migrate';
import { env } from '@/env';

const target = env.DATABASE_URL
  ? ({ kind: 'postgres', url: env.DATABASE_URL, maxConnections: 1 } as const)
  : ({ kind: 'pglite', dataDir: env.FORGE_DATA_DIR } as const);
try {
  const handle = await openDatabase(target);
  try {
    const applied = await applyMigrations(handle);
    console.log(applied.length ? `Applied ${applied.join(', ')}` : 'Database is up to date.');
  } finally {
    await handle.close();
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
